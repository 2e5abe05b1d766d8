extension TimeExpressionFinder {
    /// Reads one sentence's tokens left to right, taking at each place the longest time
    /// expression that starts there.
    struct Scanner {
        let tokens: [TextToken]
        let sentence: Range<Int>
        let published: Day?
        var context: Context

        /// A time expression over tokens `start..<end`.
        struct Match {
            var start: Int
            var end: Int
            var kind: TimeMention.Kind = .date
            /// EDTF or an ISO 8601 duration; nil when undecidable.
            var value: String?
            /// The year it tells later sentences about.
            var year: Int?
        }

        mutating func scan(article: ArticleText) -> [TimeMention] {
            var mentions: [TimeMention] = []
            var index = sentence.lowerBound
            while index < sentence.upperBound {
                guard let match = match(at: index) else {
                    index += 1
                    continue
                }
                let start = tokens[match.start].start
                let end = tokens[match.end - 1].end
                mentions.append(
                    TimeMention(
                        text: article[start..<end], start: start, end: end, kind: match.kind, value: match.value))
                if let year = match.year { context.mention(year: year) }
                index = match.end
            }
            return mentions
        }

        // MARK: Tokens

        func token(_ index: Int) -> TextToken? {
            sentence.contains(index) ? tokens[index] : nil
        }

        func word(_ index: Int) -> String? {
            guard let token = token(index), token.kind == .word else { return nil }
            return token.folded
        }

        func isMark(_ index: Int, _ marks: String...) -> Bool {
            guard let token = token(index), token.kind == .mark else { return false }
            return marks.contains(token.folded)
        }

        /// The end of `words` read from `index`, apostrophes and hyphens between them skipped
        /// ("l'année dernière", "ce mois-ci"); nil when the words are not there.
        func end(ofWords words: [String], from index: Int) -> Int? {
            var position = index
            for (offset, expected) in words.enumerated() {
                if offset > 0, isMark(position, "'", "-") { position += 1 }
                guard word(position) == expected else { return nil }
                position += 1
            }
            return position
        }

        /// A number written in digits (at most three) or in words, and the index after it.
        func count(at index: Int) -> (value: Int, end: Int)? {
            guard let token = token(index) else { return nil }
            if token.kind == .number, token.digitCount <= 3, let value = token.number, value > 0 { return (value, index + 1) }
            if token.kind == .word, let value = TimeVocabulary.numbers[token.folded] {
                // "vingt-cinq", "twenty-five"
                if isMark(index + 1, "-"), let unit = word(index + 2).flatMap({ TimeVocabulary.numbers[$0] }), unit < 10 {
                    return (value + unit, index + 3)
                }
                return (value, index + 1)
            }
            return nil
        }

        /// A year in digits (1000–2999, four digits) at `index`.
        func year(at index: Int) -> Int? {
            guard let token = token(index), token.kind == .number, token.digitCount == 4, let value = token.number,
                (1000...2999).contains(value)
            else { return nil }
            return value
        }

        /// A day of the month: `10`, `1er`, `1st`, `3rd`, `17th`, and the index after it.
        func dayOfMonth(at index: Int) -> (value: Int, end: Int)? {
            guard let token = token(index), token.kind == .number, token.digitCount <= 2, let value = token.number,
                (1...31).contains(value)
            else { return nil }
            if let next = self.token(index + 1), next.kind == .word, !next.isSpaced,
                ["er", "re", "st", "nd", "rd", "th", "e", "eme"].contains(next.folded)
            {
                return (value, index + 2)
            }
            return (value, index + 1)
        }

        /// A month's name at `index` (an abbreviation only when `abbreviated`), and the index after
        /// it (past an abbreviation's full stop). English "may" must be written "May".
        func month(at index: Int, abbreviated: Bool = false) -> (value: Int, end: Int)? {
            guard let token = token(index), token.kind == .word else { return nil }
            if let value = TimeVocabulary.months[token.folded] {
                if token.folded == "may" && !token.isCapitalized { return nil }
                return (value, index + 1)
            }
            if abbreviated, let value = TimeVocabulary.monthAbbreviations[token.folded] {
                return (value, isMark(index + 1, ".") ? index + 2 : index + 1)
            }
            return nil
        }

        func weekday(at index: Int) -> Int? {
            word(index).flatMap { TimeVocabulary.weekdays[$0] }
        }

        // MARK: Matching

        /// The longest time expression starting at `index`.
        func match(at index: Int) -> Match? {
            // Most words start nothing: one lookup rules them out.
            if let token = token(index), token.kind != .number, !TimeVocabulary.starters.contains(token.folded) { return nil }
            if let match = interval(at: index) ?? qualified(at: index) ?? date(at: index) ?? duration(at: index) {
                return match
            }
            return nil
        }

        /// "vers 2010", "environ 2015", "c. 2021", "probablement le 17 octobre 2022".
        func qualified(at index: Int) -> Match? {
            guard let first = word(index) else { return nil }
            var next = index + 1
            let suffix: String
            if TimeVocabulary.approximateWords.contains(first) {
                suffix = "~"
            } else if first == "c" || first == "ca", isMark(index + 1, ".") {
                suffix = "~"
                next += 1
            } else if TimeVocabulary.uncertainWords.contains(first) {
                suffix = "?"
                if first == "peut" {
                    guard let end = end(ofWords: ["peut", "etre"], from: index) else { return nil }
                    next = end
                }
            } else if let end = end(ofWords: ["sans", "doute"], from: index) {
                suffix = "?"
                next = end
            } else {
                return nil
            }
            if ["le", "en", "in", "on", "the", "l"].contains(word(next) ?? "") { next += isMark(next + 1, "'") ? 2 : 1 }
            guard var match = date(at: next), let value = match.value, !value.contains("/"), value.last?.isNumber ?? false
            else { return nil }
            match.start = index
            match.value = value + suffix
            return match
        }

        /// "entre 2015 et 2017", "between 2015 and 2017", "de 2019 à 2029", "from 2019 to 2022",
        /// "du 10 au 12 septembre 2019", "2015–2017", "depuis 2019", "since 2019", "jusqu'en 2022",
        /// "until 2022".
        func interval(at index: Int) -> Match? {
            guard let first = token(index) else { return nil }
            if first.kind == .word {
                let opener = first.folded
                if ["entre", "between", "de", "du", "from"].contains(opener) {
                    let joiners: [String] =
                        switch opener {
                        case "entre": ["et"]
                        case "between": ["and"]
                        case "from": ["to", "until", "through", "till"]
                        default: ["a", "au"]
                        }
                    return twoEnds(from: index, joiners: joiners)
                }
                if ["depuis", "since"].contains(opener) {
                    guard var match = date(at: index + 1), let value = match.value?.pointAtStart else {
                        return nil
                    }
                    match.start = index
                    match.value = value + "/.."
                    return match
                }
                var next: Int?
                if opener == "jusqu", isMark(index + 1, "'") {
                    next = index + 2
                    if ["en", "a", "au", "aux"].contains(word(index + 2) ?? "") { next = index + 3 }
                } else if ["until", "till"].contains(opener) {
                    next = index + 1
                }
                if let next, var match = date(at: next), let value = match.value?.pointAtEnd {
                    match.start = index
                    match.value = "../" + value
                    return match
                }
                return nil
            }
            // 2015–2017, 2015-2017 (but not 2015-17, nor years that go backwards)
            guard let first = year(at: index), isMark(index + 1, "-", "–", "—"), let second = year(at: index + 2),
                first < second, second - first <= 100, !(token(index + 3)?.isMark("-") ?? false)
            else { return nil }
            return Match(start: index, end: index + 3, value: "\(first)/\(second)", year: first)
        }

        /// An opening word at `index`, a date, a joining word, a second date.
        private func twoEnds(from index: Int, joiners: [String]) -> Match? {
            var startIndex = index + 1
            if ["le", "l"].contains(word(startIndex) ?? "") { startIndex += isMark(startIndex + 1, "'") ? 2 : 1 }
            // "du 10 au 12 septembre 2019": the first day takes the second's month and year.
            let firstDate = date(at: startIndex)
            let firstDay = firstDate == nil ? dayOfMonth(at: startIndex) : nil
            guard let afterFirst = firstDate?.end ?? firstDay?.end else { return nil }
            var secondIndex = afterFirst
            guard let joiner = word(secondIndex), joiners.contains(joiner) else { return nil }
            secondIndex += 1
            if ["le", "l"].contains(word(secondIndex) ?? "") { secondIndex += isMark(secondIndex + 1, "'") ? 2 : 1 }
            guard let second = date(at: secondIndex), let secondValue = second.value?.pointAtEnd else { return nil }
            let startValue: String
            if let firstDay {
                guard secondValue.count == 10, let day = Day(iso: String(secondValue.prefix(8)) + String(format2(firstDay.value)))
                else { return nil }
                startValue = day.iso
            } else {
                guard let value = firstDate?.value?.pointAtStart else { return nil }
                startValue = value
            }
            guard (try? PartialDate(parsing: startValue + "/" + secondValue)) != nil else { return nil }
            return Match(
                start: index, end: second.end, value: startValue + "/" + secondValue, year: firstDate?.year ?? second.year)
        }

        /// A single date, absolute or relative.
        func date(at index: Int) -> Match? {
            relative(at: index) ?? absolute(at: index)
        }

        /// A length of time: "dix ans", "25 ans", "a ten-year partnership", "trois mois", "two decades".
        func duration(at index: Int) -> Match? {
            guard let (value, afterCount) = count(at: index) else { return nil }
            var unitIndex = afterCount
            if isMark(unitIndex, "-") { unitIndex += 1 }
            guard let unitWord = word(unitIndex), let unit = TimeVocabulary.units[unitWord] else { return nil }
            // "a" and "an" count only before a unit in English ("a year"), never "an an".
            if ["a", "an", "un", "une"].contains(word(index) ?? ""), unitWord == "an" { return nil }
            return Match(start: index, end: unitIndex + 1, kind: .duration, value: "P\(value * unit.factor)\(unit.designator)")
        }
    }
}

private func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }

extension String {
    /// The first day's point of an EDTF value (the start of an interval), nil for an open start.
    fileprivate var pointAtStart: String? {
        guard let slash = firstIndex(of: "/") else { return self }
        let start = String(self[..<slash])
        return start.isEmpty || start == ".." ? nil : start
    }

    /// The last point of an EDTF value (the end of an interval), nil for an open end.
    fileprivate var pointAtEnd: String? {
        guard let slash = firstIndex(of: "/") else { return self }
        let end = String(self[index(after: slash)...])
        return end.isEmpty || end == ".." ? nil : end
    }
}
