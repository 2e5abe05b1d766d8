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
