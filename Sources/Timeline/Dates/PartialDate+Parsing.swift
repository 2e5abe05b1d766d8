extension PartialDate {
    /// Parses EDTF (levels 0 and 1, years 0001-9999, days but no times) or what people type
    /// in English or French ("10 September 2019", "1er avril 2021", "c. 2021", "2019 to present").
    ///
    /// `today` resolves the word "today" / "aujourd'hui" (the current day when nil). As the end
    /// of an interval those words mean an open end ("2019 – today" is `2019/..`), like "present".
    public init(parsing text: String, today: Day? = nil) throws(DateParseError) {
        do throws(InvalidDate) {
            // The canonical EDTF every stored date is in, read without the natural-language machinery.
            if let canonical = try Self.canonical(text) {
                self = canonical
            } else {
                self = try Self.parse(text, today: { today ?? .today() })
            }
        } catch {
            throw DateParseError(input: text, reason: error.reason)
        }
    }

    /// The date when `text` is canonical EDTF (`2019-09`, `201X`, `2022-10-17?`, `2019-09-10/..`,
    /// `../2022`), nil for anything else, which the full parser reads.
    private static func canonical(_ text: String) throws(InvalidDate) -> PartialDate? {
        func point(_ part: Substring) throws(InvalidDate) -> DatePoint? {
            var core = part
            let qualifier = core.last.flatMap { "?~%".contains($0) ? $0 : nil }
            if qualifier != nil { core = core.dropLast() }
            // Nine bytes is never canonical; "2015-2017" is two years, which the full parser reads.
            guard (4...10).contains(core.utf8.count), core.utf8.count != 9,
                  core.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x58 }) else { return nil }
            var point: DatePoint
            if let digits = try digitsOnly(core) {
                point = digits
            } else {
                point = try DatePoint(edtf: core)
            }
            point.isUncertain = qualifier == "?" || qualifier == "%"
            point.isApproximate = qualifier == "~" || qualifier == "%"
            return point
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            return try point(parts[0]).map(PartialDate.init)
        case 2:
            func end(_ part: Substring) throws(InvalidDate) -> IntervalEnd? {
                if part.isEmpty { return .unknown }
                if part == ".." { return .open }
                return try point(part).map(IntervalEnd.date)
            }
            guard let start = try end(parts[0]), let finish = try end(parts[1]) else { return nil }
            return try PartialDate(start: start, end: finish)
        default:
            return nil
        }
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in digits, read straight from the bytes (the dates of
    /// most stored events); nil for any other shape.
    private static func digitsOnly(_ text: Substring) throws(InvalidDate) -> DatePoint? {
        let bytes = Array(text.utf8)
        guard [4, 7, 10].contains(bytes.count) else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                guard bytes[index] >= 0x30 && bytes[index] <= 0x39 else { return nil }
                value = value * 10 + Int(bytes[index] - 0x30)
            }
            return value
        }
        guard let year = number(0..<4) else { return nil }
        var month: DatePoint.Component?, day: DatePoint.Component?
        if bytes.count >= 7 {
            guard bytes[4] == 0x2D, let value = number(5..<7) else { return nil }
            month = .known(value)
        }
        if bytes.count == 10 {
            guard bytes[7] == 0x2D, let value = number(8..<10) else { return nil }
            day = .known(value)
        }
        return try DatePoint(yearPrefix: year, month: month, day: day)
    }

    private static func parse(_ text: String, today: () -> Day) throws(InvalidDate) -> PartialDate {
        let text = NaturalText.fold(text)
        guard !text.isEmpty else { throw .empty }
        guard !NaturalText.mentionsTime(text) else { throw .timesNotSupported }
        if let refused = refusedEDTF(text) { throw refused }
        if let numeric = try NaturalText.numericDate(text) {
            return PartialDate(numeric)
        }
        guard let (start, end) = try NaturalText.intervalEnds(text) else {
            return try NaturalDate(Substring(text), today: today).partialDate()
        }
        let last = try IntervalEnd(natural: end, isStart: false, today: today)
        let first: IntervalEnd
        do throws(InvalidDate) {
            first = try IntervalEnd(natural: start, isStart: true, today: today)
        } catch {
            // "du 10 au 12 septembre 2019", "May to June 2022": the start takes what it lacks from the end.
            guard case .date = last, let completed = Self.borrowing(start, from: end, today: today)
            else { throw error }
            first = completed
        }
        return try PartialDate(start: first, end: last)
    }

    /// The start completed with the end's last words: "10" and "12 septembre 2019" give
    /// "10 septembre 2019", "mai" and "juin 2022" give "mai 2022".
    private static func borrowing(_ start: Substring, from end: Substring, today: () -> Day) -> IntervalEnd? {
        let endWords = NaturalText.words(end)
        for count in (1..<max(endWords.count, 1)).reversed() {
            let borrowed = "\(start) " + endWords.suffix(count).joined(separator: " ")
            if let first = try? IntervalEnd(natural: Substring(borrowed), isStart: true, today: today) {
                return first
            }
        }
        return nil
    }

    /// Why an EDTF form outside what this tool stores is refused: years beyond 9999 (`Y170000002`),
    /// negative years (`-1985`); nil for anything else.
    private static func refusedEDTF(_ text: String) -> InvalidDate? {
        let bytes = text.utf8
        guard let first = bytes.first, let second = bytes.dropFirst().first else { return nil }
        if first == 0x79, second.isDigit || second == 0x2D { return .yearRange }  // "y170000002", "y-170000002"
        if first == 0x2D, second.isDigit { return .yearRange }  // "-1985"
        return nil
    }
}

extension DatePoint {
    /// Parses an unqualified, folded (lowercased) EDTF date ("2019", "2019-09-xx", "201x");
    /// `x` and the old `u` become the canonical `X`.
    init(edtf text: Substring) throws(InvalidDate) {
        if text.first == "-", text.dropFirst().first?.isASCIIDigit == true { throw .yearRange }  // "-1985"
        let parts = String(text.map { "xu".contains($0) ? "X" : $0 })
            .split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count <= 3 else { throw .notUnderstood }
        let year = parts[0]
        guard year.count == 4 else { throw .yearDigits }
        let knownDigits = year.prefix(while: \.isASCIIDigit)
        let unspecifiedDigits = year.dropFirst(knownDigits.count)
        guard unspecifiedDigits.allSatisfy({ $0 == "X" }) else { throw .unspecifiedFromRight }
        guard let yearPrefix = Int(knownDigits) else { throw .tooManyUnspecifiedYearDigits }
        try self.init(
            yearPrefix: yearPrefix,
            unspecifiedYearDigits: unspecifiedDigits.count,
            month: parts.count > 1 ? Self.component(parts[1]) : nil,
            day: parts.count > 2 ? Self.component(parts[2]) : nil
        )
    }

    private static func component(_ text: Substring) throws(InvalidDate) -> Component {
        guard text.count == 2 else { throw .twoDigits }
        if text == "XX" { return .unspecified }
        guard text.isASCIIDigits, let value = Int(text) else { throw .partlyUnspecified }
        return .known(value)
    }
}
