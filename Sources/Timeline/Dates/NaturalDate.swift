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
    /// Reads one end: nil is open (the end of "since 2019"), no words or "?" is unknown, ".." / "…"
    /// is open, "present" and the like are open after a start; anything else is a date (its first
    /// day as a start, its last as an end).
    init(natural text: NaturalText?, isStart: Bool, today: () -> Day) throws(InvalidDate) {
        guard let text else {
            self = .open
            return
        }
        if text.isEmpty || text.isExactly("?") {
            self = .unknown
        } else if (text.count == 1 && text[0].meaning.roles.contains(.open)) || (!isStart && text.isOngoing) {
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
    /// Reads one date with its qualifiers: leading words ("c.", "vers", "probably", "sans doute")
    /// and a final `?`, `~` or `%` as in EDTF.
    init(_ text: NaturalText, today: () -> Day) throws(InvalidDate) {
        var words = text
        var isUncertain = false
        var isApproximate = false
        if let last = words.last, let qualifier = words.qualifier(last) {
            words = words.dropLast()
            isUncertain = qualifier != 0x7E
            isApproximate = qualifier != 0x3F
            if let last = words.last, words.qualifier(last) != nil { throw .oneQualifier }
        }
        guard !words.words.contains(where: { words.qualifier($0) != nil }) else { throw .qualifierAtEnd }
        while words.count > 1, let first = words.first {
            if first.meaning.roles.contains(.approximate) {
                isApproximate = true
            } else if first.meaning.roles.contains(.uncertain) {
                isUncertain = true
            } else if words.count > 2, words.spells(first, "sans"), words.spells(words[1], "doute") {
                isUncertain = true
                words = words.dropFirst()
            } else {
                break
            }
            words = words.dropFirst()
        }
        guard !words.isEmpty else { throw .notUnderstood }
        let date = try Self.unqualified(words, today: today)
        guard isUncertain || isApproximate else {
            self = date
            return
        }
        self = date.qualified(uncertain: isUncertain, approximate: isApproximate)
    }

    private static func unqualified(_ words: NaturalText, today: () -> Day) throws(InvalidDate) -> NaturalDate {
        // The display's own forms, which end with a parenthesis.
        if let last = words.last, words.text(of: last).last == 0x29 {
            if words.count == 3, words.dropFirst().isExactly("(month", "unknown)"), let year = words.year(words[0]) {
                return .point(try DatePoint(yearPrefix: year, month: .unspecified))
            }
            if words.count == 5, words.dropFirst().isExactly("(month", "and", "day", "unknown)"),
                let year = words.year(words[0])
            {
                return .point(try DatePoint(yearPrefix: year, month: .unspecified, day: .unspecified))
            }
            if words.count > 2, words.suffix(2).isExactly("(day", "unknown)") {
                guard case .point(let month) = try NaturalDate(words.dropLast(2), today: today), month.precision == .month,
                    month.grouping == nil, !month.isUncertain, !month.isApproximate
                else { throw .notUnderstood }
                return .point(try DatePoint(yearPrefix: month.yearPrefix, month: month.month, day: .unspecified))
            }
            if words.count == 2, words.suffix(1).isExactly("(decade)") {
                return .point(try DatePoint.decadeOrCentury(words.text(of: words[0]), isDecade: true))
            }
        }

        var words = words
        while words.count > 1, let first = words.first, first.meaning.roles.contains(.filler) {
            words = words.dropFirst()
        }
        if words.count == 1, let word = words.first {
            if word.meaning.roles.contains(.today) {
                return .point(DatePoint(today()))
            }
            if let year = words.year(word) {
                return .point(try DatePoint(yearPrefix: year))
            }
            let text = words.text(of: word)
            if DatePoint.looksLikeEDTF(text) {
                return .point(try DatePoint(edtf: text))
            }
            if text.last == 0x73 {  // s
                return .point(try DatePoint.decadeOrCentury(text, isDecade: false))
            }
        }
        if let relative = try relative(words, today: today) {
            return relative
        }
        if let century = try DatePoint.century(words) {
            return .point(century)
        }
        var weekday: Int?
        if let first = words.first, let named = first.meaning.weekday {
            weekday = Int(named)
            words = words.dropFirst()
            while let first = words.first, first.meaning.roles.contains(.filler) { words = words.dropFirst() }
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
    private static func calendarDate(_ words: NaturalText) throws(InvalidDate) -> NaturalDate {
        guard let last = words.last else { throw .notUnderstood }
        var body = words.dropLast()
        if let of = body.last, of.meaning.roles.contains(.of) {
            body = body.dropLast()
        }
        guard let year = words.year(last) else {
            if let year = words.winterYears(last), body.count == 1, body[0].meaning.grouping == .winter {
                return .point(try DatePoint(yearPrefix: year, month: .known(SubYearGrouping.winter.rawValue)))
            }
            let namesAMonth = words.words.contains { $0.meaning.month != nil }
            guard namesAMonth, words.count <= 3 else { throw .notUnderstood }
            // "10 Sep 19": a two-digit year; "10 September": no year at all.
            throw words.count == 3 && (words.number(last)?.digits ?? 3) <= 2 ? .yearDigits : .yearNeeded
        }
        // "the 4th of July 1976"
        let isDayOfMonth = body.count == 3 && body.spells(body[1], "of")
        switch isDayOfMonth ? 2 : body.count {
        case 0:
            return .point(try DatePoint(yearPrefix: year))
        case 1:
            let first = body[0]
            if let month = first.meaning.month {
                return .point(try DatePoint(yearPrefix: year, month: .known(Int(month))))
            }
            if let grouping = first.meaning.grouping {
                return .point(try DatePoint(yearPrefix: year, month: .known(grouping.rawValue)))
            }
            if body.spells(first, "annees") {
                guard year.isMultiple(of: 10) else { throw .notADecade }
                return .point(try DatePoint(yearPrefix: year / 10, unspecifiedYearDigits: 1))
            }
        case 2:
            let (first, second) = (body[0], body[isDayOfMonth ? 2 : 1])
            if let day = body.day(first), let month = second.meaning.month {
                return .point(try DatePoint(yearPrefix: year, month: .known(Int(month)), day: .known(day)))
            }
            if let month = first.meaning.month, let day = body.day(second) {
                return .point(try DatePoint(yearPrefix: year, month: .known(Int(month)), day: .known(day)))
            }
            if let grouping = first.meaning.grouping, let month = second.meaning.month {
                return try partOfMonth(grouping, month: Int(month), year: year)
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
    /// Whether folded bytes can only be meant as EDTF (digits, x, u and hyphens).
    static func looksLikeEDTF(_ text: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isDigit || $0 == 0x78 || $0 == 0x75 || $0 == 0x2D }
    }

    /// "2010s" is the decade 201X; a round hundred such as "1900s" is the century 19XX unless
    /// `isDecade` ("1900s (decade)" is 190X).
    static func decadeOrCentury(_ text: Slice<UnsafeBufferPointer<UInt8>>, isDecade: Bool) throws(InvalidDate) -> DatePoint {
        var digits = text
        guard digits.popLast() == 0x73 else { throw .notUnderstood }  // s
        if digits.last == 0x27 { digits.removeLast() }  // '
        guard (1...4).contains(digits.count), digits.allSatisfy(\.isDigit) else { throw .notUnderstood }
        let start = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        guard start.isMultiple(of: 10) else { throw .notUnderstood }
        return start.isMultiple(of: 100) && !isDecade
            ? try DatePoint(yearPrefix: start / 100, unspecifiedYearDigits: 2)
            : try DatePoint(yearPrefix: start / 10, unspecifiedYearDigits: 1)
    }

    /// "19th century", "the 21st century", "le XIXe siècle", "19e siecle": the hundred years people
    /// mean by it, 1800–1899 (18XX), not the strict 1801–1900. Nil when the words are not a century.
    static func century(_ words: NaturalText) throws(InvalidDate) -> DatePoint? {
        guard words.count == 2, let last = words.last, words.spells(last, "century") || words.spells(last, "siecle") else {
            return nil
        }
        guard let number = words.centuryNumber(words[0]), (1...100).contains(number) else { throw .notUnderstood }
        return try DatePoint(yearPrefix: number - 1, unspecifiedYearDigits: 2)
    }
}
