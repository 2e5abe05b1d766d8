/// How people write an interval: "2019/2021", "2019 – 2021", "from X to Y", "du X au Y",
/// "entre X et Y", "since X", "jusqu'en Y".
extension NaturalText {
    /// The two ends when the words are an interval, nil when they are a single date. A nil end is
    /// open ("since 2019" has no end); an empty one is unknown ("2019 –"). A spaced hyphen
    /// separates; ISO hyphens never do, but two years joined by one ("2015-2017") are an interval.
    func intervalEnds() throws(InvalidDate) -> (start: NaturalText?, end: NaturalText?)? {
        guard let first else { return nil }
        switch first.meaning.intervalPrefix {
        case .since? where count > 1:
            return (dropFirst(), nil)
        case .until? where count > 1:
            return (nil, dropFirst())
        case .up? where count > 2 && (self[1].meaning.separator == .to || self[1].meaning.separator == .until):
            return (nil, dropFirst(2))
        case .from?: return try dropFirst().ends(at: [.to, .until, .till, .through])
        case .between?: return try dropFirst().ends(at: [.and])
        case .du?: return try dropFirst().ends(at: [.au, .jusquAu, .a])
        case .de?: return try dropFirst().ends(at: [.a, .au, .jusquA, .jusquAu, .jusquEn])
        case .entre?: return try dropFirst().ends(at: [.et])
        default: return try split(at: [])
        }
    }

    /// The ends after a word such as "from" or "entre", which must be followed by two.
    private func ends(at separators: [Vocabulary.IntervalSeparator]) throws(InvalidDate) -> (NaturalText?, NaturalText?) {
        guard let ends = try split(at: separators) else {
            // "de 2015" is not a date; "de" and "d'" also start single dates only in odd cases.
            throw .notUnderstood
        }
        return ends
    }

    /// The words on both sides of the first of `separators`, then of `/`, `–`, `—`, ` - `, `to`
    /// and `au`, that occurs; nil when none does, an error when it occurs more than once.
    private func split(at separators: [Vocabulary.IntervalSeparator]) throws(InvalidDate) -> (NaturalText?, NaturalText?)? {
        func priority(_ separator: Vocabulary.IntervalSeparator) -> Int? {
            if let index = separators.firstIndex(of: separator) { return index }
            switch separator {
            case .slash: return separators.count
            case .enDash: return separators.count + 1
            case .emDash: return separators.count + 2
            case .hyphen: return separators.count + 3
            case .to: return separators.count + 4
            case .au: return separators.count + 5
            default: return nil
            }
        }
        func separator(at offset: Int) -> Vocabulary.IntervalSeparator? {
            guard let separator = self[offset].meaning.separator,
                !separator.isWord || (offset > 0 && offset < count - 1)
            else { return nil }
            return separator
        }
        var best: (priority: Int, offset: Int)?
        for offset in 0..<count {
            guard let found = separator(at: offset), let rank = priority(found) else { continue }
            if rank < best?.priority ?? .max { best = (rank, offset) }
        }
        guard let best else { return nil }
        let chosen = self[best.offset]
        guard !(best.offset + 1..<count).contains(where: { separator(at: $0) == chosen.meaning.separator }) else {
            throw .notUnderstood
        }
        // A side with no words is an unknown end, unless it had something else: "2019 – ," is no date.
        let before = words.startIndex > 0 ? words.base[words.startIndex - 1].range.upperBound : 0
        let after = words.endIndex < words.base.endIndex ? words.base[words.endIndex].range.lowerBound : bytes.count
        if (best.offset == 0 && !isBlank(before..<chosen.range.lowerBound))
            || (best.offset == count - 1 && !isBlank(chosen.range.upperBound..<after))
        {
            throw .notUnderstood
        }
        return (prefix(best.offset), dropFirst(best.offset + 1))
    }

    private func isBlank(_ range: Range<Int>) -> Bool {
        bytes[range].allSatisfy { $0 == 0x20 }
    }
}

extension NaturalText {
    /// Whether the words say "still going" as an interval's end: "present", "today", "en cours".
    var isOngoing: Bool {
        if count == 1 {
            let word = self[0]
            return word.meaning.roles.contains(.today) || spells(word, "present") || spells(word, "now")
                || spells(word, "ongoing") || spells(word, "maintenant")
        }
        return isExactly("the", "present") || isExactly("present", "day") || isExactly("the", "present", "day")
            || isExactly("en", "cours") || isExactly("a", "ce", "jour") || isExactly("ce", "jour")
            || isExactly("nos", "jours") || isExactly("a", "nos", "jours")
    }
}
