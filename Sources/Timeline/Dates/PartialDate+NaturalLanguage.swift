/// Normalisation and vocabulary for dates as people type them, in English and French.
enum NaturalText {
    /// Lowercases, drops accents (so NFC, NFD and unaccented "fevrier" all match), straightens
    /// apostrophes, trims and collapses whitespace.
    static func fold(_ text: String) -> String {
        text.foldingDiacritics.lowercased()
            .replacing("’", with: "'")
            .split(whereSeparator: \.isWhitespace)
            .joined(separator: " ")
    }

    /// Whether the text carries a time of day ("10:00", "2019-09-10T10"), which dates here never have.
    static func mentionsTime(_ text: String) -> Bool {
        let characters = Array(text)
        return characters.indices.dropFirst().dropLast().contains { index in
            ":t".contains(characters[index])
                && characters[index - 1].isASCIIDigit
                && characters[index + 1].isASCIIDigit
        }
    }

    /// The trimmed texts of both ends when the text is an interval ("2019/2021", "2019 – 2021",
    /// "from X to Y", "du X au Y"), nil when it is a single date. A spaced hyphen separates; ISO hyphens never do.
    static func intervalEnds(_ text: String) throws(InvalidDate) -> (start: String, end: String)? {
        let (body, separators): (String, [String]) =
            if let rest = text.removingPrefix("from ") {
                (rest, [" to "])
            } else if let rest = text.removingPrefix("du ") {
                (rest, [" au "])
            } else {
                (text, ["/", "–", "—", " - ", " to ", " au "])
            }
        for separator in separators {
            let pieces = body.split(separator: separator, omittingEmptySubsequences: false)
            switch pieces.count {
            case 1: continue
            case 2: return (String(pieces[0]).trimmingWhitespace, String(pieces[1]).trimmingWhitespace)
            default: throw .notUnderstood
            }
        }
        guard body == text else { throw .notUnderstood }  // "from X" / "du X" without its second end
        return nil
    }

    /// Words that mean the current day on their own, and an open end after a start.
    static let todayWords: Set = ["today", "aujourd'hui", "aujourdhui"]

    /// Interval ends meaning "no bound" on either side.
    static let openWords: Set = ["..", "...", "…"]

    /// Interval ends meaning "still going".
    static let ongoingWords = todayWords.union(["present", "now", "ongoing", "maintenant", "en cours", "a ce jour"])

    /// Leading words meaning the date is approximate.
    static let approximateWords: Set = [
        "c", "c.", "ca", "ca.", "circa", "about", "around", "approx", "approx.", "approximately",
        "vers", "env", "env.", "environ",
    ]

    /// The month a (folded) name or abbreviation means, with or without a final dot.
    static func month(_ word: Substring) -> Int? {
        monthNumbers[String(word.hasSuffix(".") ? word.dropLast() : word)]
    }

    /// The day a word means: "10", "1er", "10th", "1st", "22nd".
    static func day(_ word: Substring) -> Int? {
        let digits = word.prefix(while: \.isASCIIDigit)
        guard (1...2).contains(digits.count), let day = Int(digits) else { return nil }
        let suffix = word.dropFirst(digits.count)
        let isOrdinal = suffix == englishOrdinalSuffix(day) || (day == 1 && suffix == "er")
        return suffix.isEmpty || isOrdinal ? day : nil
    }

    /// A four-digit year.
    static func year(_ word: Substring) -> Int? {
        word.count == 4 && word.isASCIIDigits ? Int(word) : nil
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

    private static let monthNumbers: [String: Int] = [
        "january": 1, "jan": 1, "janvier": 1, "janv": 1,
        "february": 2, "feb": 2, "fevrier": 2, "fevr": 2, "fev": 2,
        "march": 3, "mar": 3, "mars": 3,
        "april": 4, "apr": 4, "avril": 4, "avr": 4,
        "may": 5, "mai": 5,
        "june": 6, "jun": 6, "juin": 6,
        "july": 7, "jul": 7, "juillet": 7, "juil": 7,
        "august": 8, "aug": 8, "aout": 8,
        "september": 9, "sep": 9, "sept": 9, "septembre": 9,
        "october": 10, "oct": 10, "octobre": 10,
        "november": 11, "nov": 11, "novembre": 11,
        "december": 12, "dec": 12, "decembre": 12,
    ]
}

extension IntervalEnd {
    /// Reads one folded end: empty or "?" is unknown, ".." / "…" is open, "present" and the like
    /// are open after a start; anything else is a date.
    init(natural text: String, isStart: Bool, today: () -> Day) throws(InvalidDate) {
        if text.isEmpty || text == "?" {
            self = .unknown
        } else if NaturalText.openWords.contains(text) || (!isStart && NaturalText.ongoingWords.contains(text)) {
            self = .open
        } else {
            self = .date(try DatePoint(natural: text, today: today))
        }
    }
}

extension DatePoint {
    /// Reads one folded date with its qualifiers: a leading "c." / "circa" / "vers"… makes it approximate,
    /// a trailing `?`, `~` or `%` qualifies it as in EDTF.
    init(natural text: String, today: () -> Day) throws(InvalidDate) {
        var text = Substring(text)
        let firstWord = text.prefix { $0 != " " }
        let hasApproximateWord = firstWord.count < text.count
            && NaturalText.approximateWords.contains(String(firstWord))
        if hasApproximateWord {
            text = text.dropFirst(firstWord.count + 1)
        }
        let qualifiers = text.reversed().prefix { "?~%".contains($0) }
        guard qualifiers.count <= 1 else { throw .oneQualifier }
        let core = String(text.dropLast(qualifiers.count)).trimmingWhitespace
        guard !core.contains(where: { "?~%".contains($0) }) else { throw .qualifierAtEnd }

        self = try Self.unqualified(core, today: today)
        let qualifier = qualifiers.first
        isUncertain = qualifier == "?" || qualifier == "%"
        isApproximate = hasApproximateWord || qualifier == "~" || qualifier == "%"
    }

    private static func unqualified(_ text: String, today: () -> Day) throws(InvalidDate) -> DatePoint {
        if NaturalText.todayWords.contains(text) {
            return DatePoint(today())
        }
        if looksLikeEDTF(text) {
            return try DatePoint(edtf: text)
        }
        if let year = text.removingSuffix(" (month unknown)").flatMap(NaturalText.year) {
            return try DatePoint(yearPrefix: year, month: .unspecified)
        }
        if let year = text.removingSuffix(" (month and day unknown)").flatMap(NaturalText.year) {
            return try DatePoint(yearPrefix: year, month: .unspecified, day: .unspecified)
        }
        if let monthAndYear = text.removingSuffix(" (day unknown)") {
            let month = try words(monthAndYear)
            guard month.precision == .month else { throw .notUnderstood }
            return try DatePoint(yearPrefix: month.yearPrefix, month: month.month, day: .unspecified)
        }
        if let decade = text.removingSuffix(" (decade)") {
            return try decadeOrCentury(decade, isDecade: true)
        }
        if text.hasSuffix("s"), !text.contains(" ") {
            return try decadeOrCentury(text[...], isDecade: false)
        }
        return try words(text[...])
    }

    /// "2010s" is the decade 201X; a round hundred such as "1900s" is the century 19XX unless
    /// `isDecade` ("1900s (decade)" is 190X).
    private static func decadeOrCentury(_ text: Substring, isDecade: Bool) throws(InvalidDate) -> DatePoint {
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

    /// "10 September 2019", "September 10, 2019", "Sept. 10th 2019", "le 1er avril 2021", "Sep 2019".
    private static func words(_ text: Substring) throws(InvalidDate) -> DatePoint {
        var words = text.split { $0 == " " || $0 == "," }
        if words.first == "le" {
            words.removeFirst()
        }
        guard let year = words.popLast().flatMap(NaturalText.year) else { throw .notUnderstood }
        switch words.count {
        case 1:
            if let month = NaturalText.month(words[0]) {
                return try DatePoint(yearPrefix: year, month: .known(month))
            }
        case 2:
            if let day = NaturalText.day(words[0]), let month = NaturalText.month(words[1]) {
                return try DatePoint(yearPrefix: year, month: .known(month), day: .known(day))
            }
            if let month = NaturalText.month(words[0]), let day = NaturalText.day(words[1]) {
                return try DatePoint(yearPrefix: year, month: .known(month), day: .known(day))
            }
        default:
            break
        }
        throw .notUnderstood
    }
}

private extension String {
    func removingPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }

    func removingSuffix(_ suffix: String) -> Substring? {
        hasSuffix(suffix) ? dropLast(suffix.count) : nil
    }
}
