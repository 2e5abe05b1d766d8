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
            let last = core.utf8.last
            let qualifier: UInt8? = last == 0x3F || last == 0x7E || last == 0x25 ? last : nil
            if qualifier != nil { core = core.dropLast() }
            // Nine bytes is never canonical; "2015-2017" is two years, which the full parser reads.
            guard (4...10).contains(core.utf8.count), core.utf8.count != 9,
                core.utf8.allSatisfy({ ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x58 })
            else { return nil }
            var point: DatePoint
            if let digits = try digitsOnly(core) {
                point = digits
            } else {
                point = try DatePoint(edtf: core)
            }
            point.isUncertain = qualifier == 0x3F || qualifier == 0x25
            point.isApproximate = qualifier == 0x7E || qualifier == 0x25
            return point
        }
        let text = Substring(text)
        guard let slash = text.utf8.firstIndex(of: 0x2F) else {
            return try point(text).map(PartialDate.init)
        }
        let first = text[..<slash]
        let second = text[text.utf8.index(after: slash)...]
        guard !second.utf8.contains(0x2F) else { return nil }
        func end(_ part: Substring) throws(InvalidDate) -> IntervalEnd? {
            if part.isEmpty { return .unknown }
            if part.utf8.elementsEqual("..".utf8) { return .open }
            return try point(part).map(IntervalEnd.date)
        }
        guard let start = try end(first), let finish = try end(second) else { return nil }
        return try PartialDate(start: start, end: finish)
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in digits, read straight from the bytes (the dates of
    /// most stored events); nil for any other shape.
    private static func digitsOnly(_ text: Substring) throws(InvalidDate) -> DatePoint? {
        let count = text.utf8.count
        guard count == 4 || count == 7 || count == 10 else { return nil }
        var year = 0
        var month = 0
        var day = 0
        for (offset, byte) in text.utf8.enumerated() {
            if offset == 4 || offset == 7 {
                guard byte == 0x2D else { return nil }
                continue
            }
            guard byte.isDigit else { return nil }
            let digit = Int(byte - 0x30)
            if offset < 4 {
                year = year * 10 + digit
            } else if offset < 7 {
                month = month * 10 + digit
            } else {
                day = day * 10 + digit
            }
        }
        return try DatePoint(yearPrefix: year, month: count >= 7 ? .known(month) : nil, day: count == 10 ? .known(day) : nil)
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
