extension TimeExpressionFinder.Scanner {
    /// A date the words give on their own (with the year of the context when they leave it out):
    /// "10 septembre 2019", "lundi 17 octobre 2022", "September 10, 2019", "avril 2021",
    /// "printemps 2018", "fin 2022", "les années 2010", "2019", "2019-09-10", "en avril".
    func absolute(at index: Int) -> Match? {
        var start = index
        var position = index
        let weekday = weekday(at: position)
        if weekday != nil {
            position += 1
            if isMark(position, ",") { position += 1 }
        }
        // 10 septembre 2019, 1er mai 2020, 17 octobre
        if let day = dayOfMonth(at: position), let month = month(at: day.end, abbreviated: true) {
            return dayDate(start: start, day: day.value, month: month.value, yearAt: month.end, weekday: weekday)
        }
        // September 10, 2019; May 1st, 2020; Sep 10
        if let month = month(at: position, abbreviated: true), let day = dayOfMonth(at: month.end),
            year(at: day.end) == nil || !isMark(day.end - 1, ".")
        {
            var yearIndex = day.end
            if isMark(yearIndex, ",") && year(at: yearIndex + 1) != nil { yearIndex += 1 }
            if year(at: day.end) == nil, isMark(day.end, ":") || day.end == month.end { return nil }
            return dayDate(start: start, day: day.value, month: month.value, yearAt: yearIndex, weekday: weekday)
        }
        if let weekday {
            return weekdayAlone(start: start, weekday: weekday, modifierAt: index + 1)
        }
        // Seasons and parts: printemps 2018, mi-2019, fin septembre 2019, début avril, late 2022
        if let part = word(position), TimeVocabulary.yearParts.contains(part),
            let match = yearPart(start: start, part: part, at: position + 1)
        {
            return match
        }
        // avril 2021, September 2019, Sep. 2019
        if let month = month(at: position, abbreviated: true) {
            var yearIndex = month.end
            if ["de", "of"].contains(word(yearIndex) ?? "") && year(at: yearIndex + 1) != nil { yearIndex += 1 }
            if let year = year(at: yearIndex) {
                return Match(start: start, end: yearIndex + 1, value: "\(year)-\(twoDigits(month.value))", year: year)
            }
            // en avril, in April: a month on its own takes the year of the context.
            guard TimeVocabulary.months[word(position) ?? ""] != nil, precededByMonthPreposition(position) else { return nil }
            return monthWithoutYear(start: start, month: month.value, end: month.end)
        }
        // les années 2010, the 2010s, the 1990s
        if let decade = decade(at: position) { return decade }
        if word(position) == "annees", let year = year(at: position + 1), year % 10 == 0 {
            if word(position - 1) == "les" { start = position - 1 }
            return Match(start: start, end: position + 2, value: String(year / 10) + "X", year: year)
        }
        // 2019-09-10, 2019-09
        if let iso = isoDate(at: position) { return iso }
        // 25/09/2019 when only one reading exists
        if let numeric = numericDate(at: position) { return numeric }
        if let year = standaloneYear(at: position) {
            return Match(start: start, end: position + 1, value: String(year), year: year)
        }
        return nil
    }

    private func dayDate(start: Int, day: Int, month: Int, yearAt yearIndex: Int, weekday: Int?) -> Match? {
        let end: Int
        let year: Int
        if let written = self.year(at: yearIndex) {
            year = written
            end = yearIndex + 1
        } else {
            end = yearIndex
            guard let resolved = resolveYear(month: month, day: day, near: start) else {
                return Match(start: start, end: end, value: nil)
            }
            year = resolved
        }
        guard let date = Day(year: year, month: month, day: day) else { return nil }
        // A weekday that contradicts the date is left out of the mention rather than believed.
        if let weekday, weekday != date.weekday {
            return dayDate(start: start + (isMark(start + 1, ",") ? 2 : 1), day: day, month: month, yearAt: yearIndex, weekday: nil)
        }
        return Match(start: start, end: end, value: date.iso, year: year)
    }

    private func yearPart(start: Int, part: String, at index: Int) -> Match? {
        var position = index
        if isMark(position, "-") { position += 1 }
        if ["de", "of", "the"].contains(word(position) ?? "") {
            position += 1
        } else if word(position) == "d", isMark(position + 1, "'") {
            position += 2
        }
        if let month = month(at: position) {
            if let year = year(at: month.end) {
                return parsed("\(part) \(Day.englishMonthNames[month.value - 1]) \(year)", start: start, end: month.end + 1, year: year)
            }
            guard ["debut", "mi", "milieu", "fin", "early", "mid", "late"].contains(part),
                let year = resolveYear(month: month.value, day: nil, near: start)
            else { return nil }
            return parsed("\(part) \(Day.englishMonthNames[month.value - 1]) \(year)", start: start, end: month.end, year: year)
        }
        guard let year = year(at: position) else { return nil }
        return parsed("\(part) \(year)", start: start, end: position + 1, year: year)
    }

    /// What the date parser makes of `text`, as a match over `start..<end`.
    private func parsed(_ text: String, start: Int, end: Int, year: Int) -> Match? {
        guard let date = try? PartialDate(parsing: text) else { return nil }
        return Match(start: start, end: end, value: date.edtf, year: year)
    }

    private func monthWithoutYear(start: Int, month: Int, end: Int) -> Match {
        guard let year = resolveYear(month: month, day: nil, near: start) else {
            return Match(start: start, end: end, value: nil)
        }
        return Match(start: start, end: end, value: "\(year)-\(twoDigits(month))", year: year)
    }

    /// "en avril", "in April", "d'avril", "depuis mars", "until May", "début avril": a month
    /// alone is a date only after such a word ("Mars" alone may be the planet).
    private func precededByMonthPreposition(_ index: Int) -> Bool {
        var previous = index - 1
        if isMark(previous, "'") { previous -= 1 }
        guard let word = word(previous) else { return false }
        return ["en", "in", "d", "de", "depuis", "since", "until", "jusqu", "during", "pendant", "of", "dès", "des"]
            .contains(word)
    }

    /// The 2010s, the '90s.
    private func decade(at index: Int) -> Match? {
        guard let year = year(at: index), year % 10 == 0, let next = token(index + 1), next.kind == .word, next.folded == "s",
            !next.isSpaced
        else { return nil }
        return Match(start: index, end: index + 2, value: String(year / 10) + "X", year: year)
    }

    private func isoDate(at index: Int) -> Match? {
        guard let year = year(at: index), isMark(index + 1, "-"), let month = token(index + 2), month.kind == .number,
            month.digitCount == 2, !month.isSpaced, !tokens[index + 1].isSpaced
        else { return nil }
        if isMark(index + 3, "-"), let day = token(index + 4), day.kind == .number, day.digitCount == 2, !day.isSpaced {
            guard let date = Day(iso: "\(year)-\(month.folded)-\(day.folded)") else { return nil }
            return Match(start: index, end: index + 5, value: date.iso, year: year)
        }
        guard let value = month.number, (1...12).contains(value) else { return nil }
        return Match(start: index, end: index + 3, value: "\(year)-\(month.folded)", year: year)
    }

    /// `25/09/2019` or `09/25/2019`: only when a part over 12 leaves one reading.
    private func numericDate(at index: Int) -> Match? {
        guard let first = token(index)?.number, isMark(index + 1, "/"), let second = token(index + 2)?.number,
            isMark(index + 3, "/"), let year = year(at: index + 4), (token(index + 2)?.digitCount ?? 0) <= 2,
            (token(index)?.digitCount ?? 0) <= 2
        else { return nil }
        let date: Day?
        if first > 12 {
            date = Day(year: year, month: second, day: first)
        } else if second > 12 {
            date = Day(year: year, month: first, day: second)
        } else {
            date = nil
        }
        guard let date else { return nil }
        return Match(start: index, end: index + 5, value: date.iso, year: year)
    }

    /// A four-digit year standing alone, not a count, an amount, a code or part of a name.
    private func standaloneYear(at index: Int) -> Int? {
        guard let year = year(at: index), (1500...2100).contains(year), let token = token(index) else { return nil }
        if let previous = self.token(index - 1), !token.isSpaced {
            // COVID-2019, n°2019, v2019, $2019
            if previous.kind != .mark || !["(", "[", "«", "\"", "“"].contains(previous.folded) { return nil }
        }
        if let previous = self.token(index - 1), previous.kind == .mark, ["$", "€", "£", "#", "n°", "°"].contains(previous.folded) {
            return nil
        }
        if let next = self.token(index + 1) {
            if !next.isSpaced, next.kind != .mark || ["%", "-", "/", "€", "$"].contains(next.folded) { return nil }
            if next.kind == .mark, next.folded == "%" || next.folded == "€" || next.folded == "$" { return nil }
            if next.kind == .word, TimeVocabulary.countNouns.contains(next.folded) { return nil }
            if next.kind == .number, next.digitCount == 3 { return nil }  // 2 019 000
        }
        if let previous = self.token(index - 1), previous.kind == .number, previous.digitCount <= 3, token.isSpaced,
            !(self.token(index - 2)?.isMark("/") ?? false)
        {
            return nil  // 12 2019 is not a date either
        }
        return year
    }

    private func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
