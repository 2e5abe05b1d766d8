/// Normalisation, tokens and interval shapes for dates as people type them, in English and French.
enum NaturalText {
    /// Lowercases, drops accents (so NFC, NFD and unaccented "fevrier" all match), straightens
    /// apostrophes, trims and collapses whitespace. ASCII text, the common case, is folded byte by byte.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            var pendingSpace = false
            for byte in text.utf8 {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = !bytes.isEmpty
                    continue
                }
                if pendingSpace { bytes.append(0x20) }
                pendingSpace = false
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        return text.foldingDiacritics.lowercased()
            .replacing("’", with: "'")
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }

    /// Whether the text carries a time of day ("10:00", "2019-09-10T10"), which dates here never have.
    static func mentionsTime(_ text: String) -> Bool {
        let bytes = text.utf8
        var previous: UInt8 = 0
        var current: UInt8 = 0
        for next in bytes {
            if (current == 0x3A || current == 0x74) && previous.isDigit && next.isDigit { return true }
            previous = current
            current = next
        }
        return false
    }

    /// The words of a folded text, split at spaces and commas; an elided article ("l'", "d'") and
    /// the "mi-" / "mid-" of "mi-2022" are words of their own.
    static func words(_ text: Substring) -> [Substring] {
        var words: [Substring] = []
        words.reserveCapacity(6)
        let bytes = text.utf8
        var start = bytes.startIndex
        func flush(_ end: String.Index) {
            guard start < end else { return }
            let word = text[start..<end]
            let utf8 = word.utf8
            if utf8.count > 2, let second = utf8.dropFirst().first, second == 0x27,
                let first = utf8.first, first == 0x6C || first == 0x64
            {  // "l'…", "d'…"
                let split = utf8.index(utf8.startIndex, offsetBy: 2)
                words.append(text[start..<split])
                words.append(text[split..<end])
            } else if let dash = utf8.firstIndex(of: 0x2D), utf8.index(after: dash) < end,
                utf8[..<dash].elementsEqual("mi".utf8) || utf8[..<dash].elementsEqual("mid".utf8)
            {
                words.append(text[start..<dash])
                words.append(text[utf8.index(after: dash)..<end])
            } else {
                words.append(word)
            }
        }
        var index = start
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == 0x20 || byte == 0x2C {
                flush(index)
                start = bytes.index(after: index)
            }
            index = bytes.index(after: index)
        }
        flush(bytes.endIndex)
        return words
    }

    /// The texts of both ends when the text is an interval ("2019/2021", "2019 – 2021", "from X to Y",
    /// "du X au Y", "entre X et Y", "since X", "jusqu'en Y"), nil when it is a single date. An open end
    /// is "..". A spaced hyphen separates; ISO hyphens never do.
    static func intervalEnds(_ text: String) throws(InvalidDate) -> (start: Substring, end: Substring)? {
        let text = Substring(text)
        for prefix in sincePrefixes {
            if let rest = text.removingPrefix(prefix) { return (rest, "..") }
        }
        for prefix in untilPrefixes {
            if let rest = text.removingPrefix(prefix) { return ("..", rest) }
        }
        for (prefix, separators) in boundedPrefixes {
            guard let rest = text.removingPrefix(prefix) else { continue }
            if let ends = try split(rest, at: separators + anywhereSeparators) { return ends }
            // "de 2015" is not a date; "de" and "d'" also start single dates only in odd cases.
            throw .notUnderstood
        }
        if let ends = try split(text, at: anywhereSeparators) { return ends }
        // "2015-2017": two years joined by a hyphen can only be an interval.
        let bytes = text.utf8
        if bytes.count == 9, let dash = text.firstIndex(of: "-"), text[..<dash].utf8.count == 4,
            text[..<dash].isASCIIDigits, text[text.index(after: dash)...].isASCIIDigits
        {
            return (text[..<dash], text[text.index(after: dash)...])
        }
        return nil
    }

    /// The two sides of the first separator found, trimmed; an error when it occurs more than once.
    private static func split(_ text: Substring, at separators: [String]) throws(InvalidDate) -> (Substring, Substring)? {
        for separator in separators {
            guard let range = text.utf8Range(of: separator) else { continue }
            let end = text[range.upperBound...]
            guard end.utf8Range(of: separator) == nil else { throw .notUnderstood }
            return (text[..<range.lowerBound].trimmingSpaces, end.trimmingSpaces)
        }
        return nil
    }

    private static let sincePrefixes = ["since ", "depuis ", "des ", "starting "]
    private static let untilPrefixes = [
        "until ", "till ", "up to ", "up until ", "jusqu'en ", "jusqu'au ", "jusqu'a ", "jusque ",
    ]
    private static let boundedPrefixes: [(String, [String])] = [
        ("from ", [" to ", " until ", " till ", " through "]),
        ("between ", [" and "]),
        ("du ", [" au ", " jusqu'au ", " a "]),
        ("de ", [" a ", " au ", " jusqu'a ", " jusqu'au ", " jusqu'en "]),
        ("d'", [" a ", " au ", " jusqu'a ", " jusqu'au ", " jusqu'en "]),
        ("entre ", [" et "]),
    ]
    private static let anywhereSeparators = ["/", "–", "—", " - ", " to ", " au "]

    /// A numeric day written with slashes or dots: `2019/09/10` (year first) is read;
    /// `25/12/2019` and `12/25/2019` are read because only one order makes a real day;
    /// `10/09/2019` is ambiguous and refused with both readings. Nil for anything else.
    static func numericDate(_ text: String) throws(InvalidDate) -> DatePoint? {
        guard (6...10).contains(text.utf8.count),
            let separator = text.first(where: { $0 == "/" || $0 == "." })
        else { return nil }
        let parts = text.split(separator: separator, omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy(\.isASCIIDigits),
            let first = Int(parts[0]), let second = Int(parts[1]), let third = Int(parts[2])
        else { return nil }
        switch (parts[0].count, parts[1].count, parts[2].count) {
        case (4, 1...2, 1...2):
            return try DatePoint(yearPrefix: first, month: .known(second), day: .known(third))
        case (1...2, 1...2, 4):
            let dayFirst = try? DatePoint(yearPrefix: third, month: .known(second), day: .known(first))
            let monthFirst = try? DatePoint(yearPrefix: third, month: .known(first), day: .known(second))
            switch (dayFirst, monthFirst) {
            case (let dayFirst?, let monthFirst?) where dayFirst != monthFirst:
                throw .ambiguousNumericDate(dayFirst: dayFirst, monthFirst: monthFirst)
            case (let date?, _), (nil, let date?):
                return date
            case (nil, nil):
                // Neither reading is a day: say why the day-first one is not.
                return try DatePoint(yearPrefix: third, month: .known(second), day: .known(first))
            }
        case (1...2, 1...2, 1...2):
            throw .yearDigits
        default:
            return nil
        }
    }
}

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

extension NaturalText {
    /// The day a word means: "10", "1er", "10th", "1st", "22nd", "premier".
    static func day(_ word: Substring) -> Int? {
        if word == "premier" { return 1 }
        let digits = word.prefix(while: \.isASCIIDigit)
        guard (1...2).contains(digits.count), let day = Int(digits) else { return nil }
        let suffix = word.dropFirst(digits.count)
        let isOrdinal = suffix == englishOrdinalSuffix(day) || (day == 1 && (suffix == "er" || suffix == "re"))
        return suffix.isEmpty || isOrdinal ? day : nil
    }

    /// A four-digit year.
    static func year(_ word: Substring) -> Int? {
        word.utf8.count == 4 && word.isASCIIDigits ? Int(word) : nil
    }

    /// The first year of "2022-23" or "2022-2023" (a winter across two years).
    static func winterYears(_ word: Substring) -> Int? {
        guard let dash = word.firstIndex(of: "-"), let first = year(word[..<dash]) else { return nil }
        let second = word[word.index(after: dash)...]
        guard second.isASCIIDigits, let next = Int(second) else { return nil }
        switch second.count {
        case 2 where next == (first + 1) % 100: return first
        case 4 where next == first + 1: return first
        default: return nil
        }
    }

    /// The number of a century written "19th", "19e", "19eme", "xixe", "XIX".
    static func centuryNumber(_ word: Substring) -> Int? {
        var core = word
        for suffix in ["st", "nd", "rd", "th", "eme", "e", "er"] where core.hasSuffix(suffix) {
            core = core.dropLast(suffix.count)
            break
        }
        if core.isASCIIDigits { return Int(core) }
        var total = 0
        var previous = 0
        for character in core.reversed() {
            let value: Int
            switch character {
            case "i": value = 1
            case "v": value = 5
            case "x": value = 10
            case "l": value = 50
            case "c": value = 100
            default: return nil
            }
            total += value < previous ? -value : value
            previous = max(previous, value)
        }
        return total > 0 ? total : nil
    }

    private static func englishOrdinalSuffix(_ number: Int) -> String {
        if (11...13).contains(number % 100) { return "th" }
        switch number % 10 {
        case 1: return "st"
        case 2: return "nd"
        case 3: return "rd"
        default: return "th"
        }
    }
}

extension UInt8 {
    /// An ASCII digit 0-9.
    var isDigit: Bool { self >= 0x30 && self <= 0x39 }
}

extension Substring {
    /// Compared byte by byte: folded text and these affixes are already in one normal form.
    func removingPrefix(_ prefix: String) -> Substring? {
        guard utf8.starts(with: prefix.utf8) else { return nil }
        return self[utf8.index(utf8.startIndex, offsetBy: prefix.utf8.count)...]
    }

    func removingSuffix(_ suffix: String) -> Substring? {
        guard utf8.count >= suffix.utf8.count,
            utf8.reversed().starts(with: suffix.utf8.reversed())
        else { return nil }
        return self[..<utf8.index(utf8.endIndex, offsetBy: -suffix.utf8.count)]
    }

    /// The first place `needle` occurs, found byte by byte.
    func utf8Range(of needle: String) -> Range<String.Index>? {
        let needle = needle.utf8
        guard let first = needle.first else { return nil }
        var index = utf8.startIndex
        while let found = utf8[index...].firstIndex(of: first) {
            if utf8[found...].starts(with: needle) {
                return found..<utf8.index(found, offsetBy: needle.count)
            }
            index = utf8.index(after: found)
        }
        return nil
    }

    /// Without leading and trailing spaces (the text is already folded: other whitespace is gone).
    var trimmingSpaces: Substring {
        var text = self
        while text.first == " " { text.removeFirst() }
        while text.last == " " { text.removeLast() }
        return text
    }
}
