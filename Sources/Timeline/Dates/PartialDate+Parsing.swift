extension PartialDate {
    /// Parses EDTF (levels 0 and 1, years 0001-9999, days but no times) or what people type
    /// in English or French ("10 September 2019", "1er avril 2021", "c. 2021", "2019 to present").
    ///
    /// `today` is the day relative dates are read against ("yesterday", "il y a deux ans"; the
    /// current day when nil). As the end of an interval "today" / "aujourd'hui" means an open end
    /// ("2019 – today" is `2019/..`), like "present". `order` reads numeric dates such as
    /// `10/09/2019` that both orders can read, which are refused without it.
    ///
    /// Canonical EDTF, what every stored date is, is read straight from the bytes; other text is
    /// folded and split into words once (see `NaturalText`).
    public init(parsing text: String, today: Day? = nil, order: NumericDateOrder? = nil) throws(DateParseError) {
        do throws(InvalidDate) {
            var text = text
            if let canonical = try text.withUTF8({ bytes in Result { () throws(InvalidDate) in try Self.canonical(bytes) } }).get() {
                self = canonical
            } else {
                self = try Self.parse(text, today: { today ?? .today() }, order: order)
            }
        } catch {
            throw DateParseError(input: text, reason: error.reason, isAmbiguousNumericDate: error.isAmbiguousNumericDate)
        }
    }

    /// The date when the bytes are canonical EDTF (`2019-09`, `201X`, `2022-10-17?`, `2019-09-10/..`,
    /// `../2022`), nil for anything else, which the full parser reads.
    private static func canonical(_ bytes: UnsafeBufferPointer<UInt8>) throws(InvalidDate) -> PartialDate? {
        func point(_ part: Slice<UnsafeBufferPointer<UInt8>>) throws(InvalidDate) -> DatePoint? {
            var core = part
            let last = core.last
            let qualifier: UInt8? = last == 0x3F || last == 0x7E || last == 0x25 ? last : nil
            if qualifier != nil { core = core.dropLast() }
            // Nine bytes is never canonical; "2015-2017" is two years, which the full parser reads.
            guard (4...10).contains(core.count), core.count != 9,
                core.allSatisfy({ $0.isDigit || $0 == 0x2D || $0 == 0x58 })
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
        guard let slash = bytes.firstIndex(of: 0x2F) else {
            return try point(bytes[...]).map(PartialDate.init)
        }
        let first = bytes[..<slash]
        let second = bytes[(slash + 1)...]
        guard !second.contains(0x2F) else { return nil }
        func end(_ part: Slice<UnsafeBufferPointer<UInt8>>) throws(InvalidDate) -> IntervalEnd? {
            if part.isEmpty { return .unknown }
            if part.count == 2 && part.allSatisfy({ $0 == 0x2E }) { return .open }
            return try point(part).map(IntervalEnd.date)
        }
        guard let start = try end(first), let finish = try end(second) else { return nil }
        return try PartialDate(start: start, end: finish)
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in digits (the dates of most stored events); nil for any
    /// other shape.
    private static func digitsOnly(_ text: Slice<UnsafeBufferPointer<UInt8>>) throws(InvalidDate) -> DatePoint? {
        let count = text.count
        guard count == 4 || count == 7 || count == 10 else { return nil }
        var year = 0
        var month = 0
        var day = 0
        for offset in 0..<count {
            let byte = text[text.startIndex + offset]
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

    private static func parse(_ text: String, today: () -> Day, order: NumericDateOrder?) throws(InvalidDate) -> PartialDate {
        try NaturalText.reading(text) { (words) throws(InvalidDate) -> PartialDate in
            guard !words.bytes.isEmpty else { throw .empty }
            guard !mentionsTime(words.bytes) else { throw .timesNotSupported }
            if let refused = refusedEDTF(words.bytes) { throw refused }
            if let numeric = try NaturalText.numericDate(words.bytes, order: order) {
                return PartialDate(numeric)
            }
            guard let (start, end) = try words.intervalEnds() else {
                return try NaturalDate(words, today: today).partialDate()
            }
            let last = try IntervalEnd(natural: end, isStart: false, today: today)
            let first: IntervalEnd
            do throws(InvalidDate) {
                first = try IntervalEnd(natural: start, isStart: true, today: today)
            } catch {
                // "du 10 au 12 septembre 2019", "May to June 2022": the start takes what it lacks from the end.
                guard case .date = last, let start, let end, let completed = Self.borrowing(start, from: end, today: today)
                else { throw error }
                first = completed
            }
            return try PartialDate(start: first, end: last)
        }
    }

    /// The start completed with the end's last words: "10" and "12 septembre 2019" give
    /// "10 septembre 2019", "mai" and "juin 2022" give "mai 2022".
    private static func borrowing(_ start: NaturalText, from end: NaturalText, today: () -> Day) -> IntervalEnd? {
        for count in (1..<max(end.count, 1)).reversed() {
            let joined = Array(start.words) + end.words.suffix(count)
            let first = joined.withUnsafeBufferPointer { words in
                try? IntervalEnd(natural: NaturalText(bytes: start.bytes, words: words[...]), isStart: true, today: today)
            }
            if let first { return first }
        }
        return nil
    }

    /// Whether the folded text carries a time of day ("10:00", "2019-09-10t10"), which dates here never have.
    private static func mentionsTime(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var previous: UInt8 = 0
        var current: UInt8 = 0
        for next in bytes {
            if (current == 0x3A || current == 0x74) && previous.isDigit && next.isDigit { return true }
            previous = current
            current = next
        }
        return false
    }

    /// Why an EDTF form outside what this tool stores is refused: years beyond 9999 (`Y170000002`),
    /// negative years (`-1985`); nil for anything else.
    private static func refusedEDTF(_ bytes: UnsafeBufferPointer<UInt8>) -> InvalidDate? {
        guard bytes.count >= 2 else { return nil }
        let (first, second) = (bytes[0], bytes[1])
        if first == 0x79, second.isDigit || second == 0x2D { return .yearRange }  // "y170000002", "y-170000002"
        if first == 0x2D, second.isDigit { return .yearRange }  // "-1985"
        return nil
    }
}

extension DatePoint {
    /// Parses an unqualified EDTF date from its bytes ("2019", "2019-09-XX", "201X"); a lowercase
    /// `x` and the old `u` are read as `X`.
    init<Bytes: RandomAccessCollection<UInt8>>(edtf text: Bytes) throws(InvalidDate) where Bytes.Index == Int {
        let start = text.startIndex
        if text.count >= 2, text[start] == 0x2D, text[start + 1].isDigit { throw .yearRange }  // "-1985"
        func isUnspecified(_ byte: UInt8) -> Bool { byte == 0x58 || byte == 0x78 || byte == 0x75 }
        var dashes: [Int] = []
        for index in text.indices where text[index] == 0x2D {
            dashes.append(index)
            guard dashes.count <= 2 else { throw .notUnderstood }
        }
        let yearEnd = dashes.first ?? text.endIndex
        guard yearEnd - start == 4 else { throw .yearDigits }
        let knownDigits = text[start..<yearEnd].prefix(while: \.isDigit)
        guard text[(start + knownDigits.count)..<yearEnd].allSatisfy(isUnspecified) else { throw .unspecifiedFromRight }
        guard !knownDigits.isEmpty else { throw .tooManyUnspecifiedYearDigits }
        func component(_ range: Range<Int>) throws(InvalidDate) -> Component {
            guard range.count == 2 else { throw .twoDigits }
            let (first, second) = (text[range.lowerBound], text[range.lowerBound + 1])
            if isUnspecified(first) && isUnspecified(second) { return .unspecified }
            guard first.isDigit, second.isDigit else { throw .partlyUnspecified }
            return .known(Int(first - 0x30) * 10 + Int(second - 0x30))
        }
        let monthEnd = dashes.count > 1 ? dashes[1] : text.endIndex
        try self.init(
            yearPrefix: knownDigits.reduce(0) { $0 * 10 + Int($1 - 0x30) },
            unspecifiedYearDigits: 4 - knownDigits.count,
            month: dashes.isEmpty ? nil : try component((yearEnd + 1)..<monthEnd),
            day: dashes.count > 1 ? try component((monthEnd + 1)..<text.endIndex) : nil
        )
    }
}
