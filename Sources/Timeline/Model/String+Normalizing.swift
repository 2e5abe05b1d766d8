import Foundation

extension Unicode.Scalar {
    /// White space as Unicode defines it (the `White_Space` property), decided without a
    /// property lookup: these normalizations run on every field of every imported record.
    var isWhiteSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}

extension String {
    /// True when a UTF-8 byte of the string satisfies `predicate`, scanning the string's own
    /// storage in one tight loop: exporters and validators ask this of every field.
    func containsUTF8Byte(where predicate: (UInt8) -> Bool) -> Bool {
        if let found = utf8.withContiguousStorageIfAvailable({ $0.contains(where: predicate) }) { return found }
        return utf8.contains(where: predicate)
    }

    /// The text without leading or trailing whitespace.
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.isWhiteSpace }),
              let last = scalars.lastIndex(where: { !$0.isWhiteSpace }) else { return "" }
        if first == scalars.startIndex && scalars.index(after: last) == scalars.endIndex { return self }
        return String(scalars[first...last])
    }

    /// One-line text: trimmed, every run of whitespace made one space ("Mayo  Clinic" → "Mayo Clinic").
    var collapsingWhitespace: String {
        // Most text is already so, and is returned as it is, without a copy.
        var isClean = true
        var previousWasSpace = true
        for scalar in unicodeScalars {
            if scalar.isWhiteSpace {
                if previousWasSpace || scalar != " " {
                    isClean = false
                    break
                }
                previousWasSpace = true
            } else {
                previousWasSpace = false
            }
        }
        if isClean && (!previousWasSpace || isEmpty) { return self }
        var result = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.isWhiteSpace {
                pendingSpace = !result.isEmpty
            } else {
                if pendingSpace { result.append(" ") }
                pendingSpace = false
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Nil for an empty or all-blank string: optional fields never store "".
    var nonBlank: String? {
        let trimmed = trimmingWhitespace
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The text without accents: "Clínica Mayo" → "Clinica Mayo".
    var foldingDiacritics: String {
        folding(options: [.diacriticInsensitive], locale: Locale(identifier: "en_US_POSIX"))
    }

    /// How actor names are matched everywhere: case, accents and spacing ignored
    /// ("  mayo CLÍNIC" and "Mayo Clinic" are the same actor).
    public var matchKey: String {
        // ASCII has no accents to fold: skip Foundation's folding for it.
        let base = utf8.allSatisfy { $0 < 0x80 } ? self : foldingDiacritics
        return base.lowercased().collapsingWhitespace
    }

    /// Looser still, for finding likely duplicates: punctuation and spaces ignored too
    /// ("Google, Inc." and "Google Inc").
    var similarityKey: String {
        String(matchKey.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// The text with each key of `replacements` replaced by its value, in one pass (writers
    /// escaping HTML, CSV, Markdown link targets, iCalendar dates).
    func replacingAll(_ replacements: [Character: String]) -> String {
        var result = ""
        for character in self {
            if let replacement = replacements[character] { result += replacement } else { result.append(character) }
        }
        return result
    }
}
