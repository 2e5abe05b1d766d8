/// A date read from words: an EDTF point, or a run of whole days that EDTF can only write as an
/// interval ("last week" is Monday to Sunday, "late September 2019" the 21st to the 30th).
enum NaturalDate {
    case point(DatePoint)
    /// Two days, the first and the last.
    case days(DatePoint, DatePoint)

    init(first: Day, last: Day) {
        self = .days(DatePoint(first), DatePoint(last))
    }

    /// The date alone, as a `PartialDate`.
    func partialDate() throws(InvalidDate) -> PartialDate {
        switch self {
        case .point(let point): PartialDate(point)
        case .days(let first, let last): try PartialDate(start: .date(first), end: .date(last))
        }
    }

    private func qualified(uncertain: Bool, approximate: Bool) -> NaturalDate {
        func qualify(_ point: DatePoint) -> DatePoint {
            var point = point
            point.isUncertain = point.isUncertain || uncertain
            point.isApproximate = point.isApproximate || approximate
            return point
        }
        return switch self {
        case .point(let point): .point(qualify(point))
        case .days(let first, let last): .days(qualify(first), qualify(last))
        }
    }
}

extension IntervalEnd {
    /// Reads one folded end: empty or "?" is unknown, ".." / "…" is open, "present" and the like
    /// are open after a start; anything else is a date (its first day as a start, its last as an end).
    init(natural text: Substring, isStart: Bool, today: () -> Day) throws(InvalidDate) {
        if text.isEmpty || text == "?" {
            self = .unknown
        } else if NaturalText.openWords.contains(text) || (!isStart && NaturalText.ongoingWords.contains(text)) {
            self = .open
        } else {
            switch try NaturalDate(text, today: today) {
            case .point(let point): self = .date(point)
            case .days(let first, let last): self = .date(isStart ? first : last)
            }
        }
    }
}

extension NaturalDate {
    /// Reads one folded date with its qualifiers: leading words ("c.", "vers", "probably", "sans doute")
    /// and a trailing `?`, `~` or `%` as in EDTF.
    init(_ text: Substring, today: () -> Day) throws(InvalidDate) {
        var body = text
        var isUncertain = false
        var isApproximate = false
        if let last = body.last, last == "?" || last == "~" || last == "%" {
            body.removeLast()
            isUncertain = last != "~"
            isApproximate = last != "?"
            body = body.trimmingSpaces
            if let last = body.last, last == "?" || last == "~" || last == "%" { throw .oneQualifier }
        }
        guard !body.utf8.contains(where: { $0 == 0x3F || $0 == 0x7E || $0 == 0x25 }) else { throw .qualifierAtEnd }
        var words = NaturalText.words(body)[...]
        while words.count > 1, let first = words.first {
            if NaturalText.approximateWords.contains(first) {
                isApproximate = true
            } else if NaturalText.uncertainWords.contains(first) {
                isUncertain = true
            } else if first == "sans", words.count > 2, words[words.startIndex + 1] == "doute" {
                isUncertain = true
                words.removeFirst()
            } else {
                break
            }
            words.removeFirst()
        }
        guard let first = words.first else { throw .notUnderstood }
        let date = try Self.unqualified(body[first.startIndex...], words, today: today)
        guard isUncertain || isApproximate else {
            self = date
            return
        }
        self = date.qualified(uncertain: isUncertain, approximate: isApproximate)
    }

    private static func unqualified(
        _ text: Substring, _ words: ArraySlice<Substring>, today: () -> Day
    ) throws(InvalidDate) -> NaturalDate {
        // The display's own forms, which end with a parenthesis.
        if text.utf8.last == 0x29, let year = text.removingSuffix(" (month unknown)").flatMap(NaturalText.year) {
            return .point(try DatePoint(yearPrefix: year, month: .unspecified))
        }
        if let year = text.removingSuffix(" (month and day unknown)").flatMap(NaturalText.year) {
            return .point(try DatePoint(yearPrefix: year, month: .unspecified, day: .unspecified))
        }
        if let monthAndYear = text.removingSuffix(" (day unknown)") {
            guard case .point(let month) = try NaturalDate(monthAndYear, today: today), month.precision == .month,
                month.grouping == nil, !month.isUncertain, !month.isApproximate
            else { throw .notUnderstood }
            return .point(try DatePoint(yearPrefix: month.yearPrefix, month: month.month, day: .unspecified))
        }
        if let decade = text.removingSuffix(" (decade)") {
            return .point(try DatePoint.decadeOrCentury(decade, isDecade: true))
        }

        var words = words
        while words.count > 1, let first = words.first, NaturalText.fillerWords.contains(first) {
            words.removeFirst()
        }
        if words.count == 1, let word = words.first {
            if NaturalText.todayWords.contains(word) {
                return .point(DatePoint(today()))
            }
            if let year = NaturalText.year(word) {
                return .point(try DatePoint(yearPrefix: year))
            }
            if DatePoint.looksLikeEDTF(word) {
                return .point(try DatePoint(edtf: word))
            }
            if word.hasSuffix("s") {
                return .point(try DatePoint.decadeOrCentury(word, isDecade: false))
            }
        }
        if let relative = try relative(words, today: today) {
            return relative
        }
        if let century = try DatePoint.century(words) {
            return .point(century)
        }
        var weekday: Int?
        if let first = words.first, let named = NaturalText.weekday(first) {
            weekday = named
            words.removeFirst()
            while let first = words.first, NaturalText.fillerWords.contains(first) { words.removeFirst() }
        }
        let date = try calendarDate(words)
        if let weekday {
            guard case .point(let point) = date, point.precision == .day, let day = point.day?.value,
                let month = point.month?.value
            else { throw .weekdayWithoutDay }
            let actual = Day(uncheckedYear: point.yearPrefix, month: month, day: day)
            guard actual.weekday == weekday else { throw .wrongWeekday(actual, named: weekday) }
        }
        return date
    }

    /// Dates that end with their year: "2019", "Sep 2019", "10 Sep 2019", "September 10, 2019",
    /// "spring of 2021", "fin 2022", "mi-septembre 2019", "les années 2010", "winter 2022-23".
    private static func calendarDate(_ words: ArraySlice<Substring>) throws(InvalidDate) -> NaturalDate {
        guard let last = words.last else { throw .notUnderstood }
        var body = words.dropLast()
        if let of = body.last, NaturalText.ofWords.contains(of) {
            body.removeLast()
        }
        if body.count == 3, body[body.startIndex + 1] == "of" {  // "the 4th of July 1976"
            body.remove(at: body.startIndex + 1)
        }
        guard let year = NaturalText.year(last) else {
            if let year = NaturalText.winterYears(last), body.count == 1, let first = body.first,
                NaturalText.grouping(first) == .winter
            {
                return .point(try DatePoint(yearPrefix: year, month: .known(SubYearGrouping.winter.rawValue)))
            }
            let namesAMonth = words.contains { NaturalText.month($0) != nil }
            guard namesAMonth, words.count <= 3 else { throw .notUnderstood }
            // "10 Sep 19": a two-digit year; "10 September": no year at all.
            throw words.count == 3 && last.utf8.count <= 2 && last.isASCIIDigits ? .yearDigits : .yearNeeded
        }
        let first = body.first
        let second = body.dropFirst().first
        switch body.count {
        case 0:
            return .point(try DatePoint(yearPrefix: year))
        case 1:
            if let month = NaturalText.month(first!) {
                return .point(try DatePoint(yearPrefix: year, month: .known(month)))
            }
            if let grouping = NaturalText.grouping(first!) {
                return .point(try DatePoint(yearPrefix: year, month: .known(grouping.rawValue)))
            }
            if first == "annees" {
                guard year.isMultiple(of: 10) else { throw .notADecade }
                return .point(try DatePoint(yearPrefix: year / 10, unspecifiedYearDigits: 1))
            }
        case 2:
            if let day = NaturalText.day(first!), let month = NaturalText.month(second!) {
                return .point(try DatePoint(yearPrefix: year, month: .known(month), day: .known(day)))
            }
            if let month = NaturalText.month(first!), let day = NaturalText.day(second!) {
                return .point(try DatePoint(yearPrefix: year, month: .known(month), day: .known(day)))
            }
            if let grouping = NaturalText.grouping(first!), let month = NaturalText.month(second!) {
                return try partOfMonth(grouping, month: month, year: year)
            }
        default:
            break
        }
        throw .notUnderstood
    }

    /// "early/mid/late September 2019", "début/mi-/fin septembre 2019": days 1–10, 11–20, 21–end.
    private static func partOfMonth(_ part: SubYearGrouping, month: Int, year: Int) throws(InvalidDate) -> NaturalDate {
        let days: ClosedRange<Int>
        switch part {
        case .early: days = 1...10
        case .mid: days = 11...20
        case .late: days = 21...Day.daysIn(month: month, year: year)
        default: throw .notUnderstood
        }
        guard let first = Day(year: year, month: month, day: days.lowerBound),
            let last = Day(year: year, month: month, day: days.upperBound)
        else { throw .yearRange }
        return NaturalDate(first: first, last: last)
    }
}

extension DatePoint {
    /// Whether the text can only be meant as EDTF (digits, X and hyphens), once lowercased
    /// and stripped of qualifiers.
    static func looksLikeEDTF(_ text: Substring) -> Bool {
        !text.isEmpty && text.utf8.allSatisfy { $0.isDigit || $0 == 0x78 || $0 == 0x75 || $0 == 0x2D }
    }

    /// "2010s" is the decade 201X; a round hundred such as "1900s" is the century 19XX unless
    /// `isDecade` ("1900s (decade)" is 190X).
    static func decadeOrCentury(_ text: Substring, isDecade: Bool) throws(InvalidDate) -> DatePoint {
        var digits = text
        guard digits.popLast() == "s" else { throw .notUnderstood }
        if digits.last == "'" { digits.removeLast() }
        guard digits.count <= 4, digits.isASCIIDigits, let start = Int(digits), start.isMultiple(of: 10) else {
            throw .notUnderstood
        }
        return start.isMultiple(of: 100) && !isDecade
            ? try DatePoint(yearPrefix: start / 100, unspecifiedYearDigits: 2)
            : try DatePoint(yearPrefix: start / 10, unspecifiedYearDigits: 1)
    }

    /// "19th century", "the 21st century", "le XIXe siècle", "19e siecle": the hundred years people
    /// mean by it, 1800–1899 (18XX), not the strict 1801–1900. Nil when the words are not a century.
    static func century(_ words: ArraySlice<Substring>) throws(InvalidDate) -> DatePoint? {
        guard words.count == 2, let last = words.last, last == "century" || last == "siecle",
            let ordinal = words.first
        else { return nil }
        guard let number = NaturalText.centuryNumber(ordinal), (1...100).contains(number) else {
            throw .notUnderstood
        }
        return try DatePoint(yearPrefix: number - 1, unspecifiedYearDigits: 2)
    }
}
