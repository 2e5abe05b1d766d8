import FoundationEssentials

/// A calendar day (proleptic Gregorian), years 1...9999.
///
/// Events are dated to the day, never to the time, so a day is a plain value with no time zone.
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a day, or returns nil when the numbers do not name a real day (2019-02-30, month 13, year 0).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...Self.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.init(uncheckedYear: year, month: month, day: day)
    }

    /// Parses exactly "YYYY-MM-DD"; anything else (other widths, signs, spaces) gives nil.
    public init?(iso: String) {
        let parts = iso.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.map(\.count) == [4, 2, 2], parts.allSatisfy(\.isASCIIDigits),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Creates a day whose numbers the caller has already validated.
    init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The ISO 8601 text "YYYY-MM-DD", with a zero-padded four-digit year.
    public var iso: String {
        "\(year.zeroPadded(to: 4))-\(month.zeroPadded(to: 2))-\(day.zeroPadded(to: 2))"
    }

    public var description: String { iso }

    public static func < (lhs: Day, rhs: Day) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The day `days` later (earlier when negative), e.g. the exclusive iCalendar DTEND after a last day.
    /// The result is clamped to 0001-01-01...9999-12-31 rather than trapping.
    public func adding(days: Int) -> Day {
        let first = Self.first.ordinal
        let last = Self.last.ordinal
        let offset = min(max(days, first - last), last - first)
        return Day(ordinal: min(max(ordinal + offset, first), last))
    }

    /// The current day on the wall calendar of `timeZone`.
    public static func today(in timeZone: TimeZone = .current) -> Day {
        let now = Date()
        let localSeconds = now.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: now))
        return Day(ordinal: Int((localSeconds / 86_400).rounded(.down)))
    }

    /// The number of days in `month` of `year` (28...31), or 0 when `month` is not in 1...12.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeap(year) ? 29 : 28
        default: 0
        }
    }

    /// The day of the week, ISO 8601 style: 1 is Monday, 7 is Sunday.
    public var weekday: Int {
        // 1970-01-01 was a Thursday (4).
        ((ordinal % 7) + 7 + 3) % 7 + 1
    }

    /// English month names, January first; their first three letters are the usual abbreviations.
    static let englishMonthNames = [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]

    private static let first = Day(uncheckedYear: 1, month: 1, day: 1)
    private static let last = Day(uncheckedYear: 9999, month: 12, day: 31)

    private static func isLeap(_ year: Int) -> Bool {
        year.isMultiple(of: 4) && (!year.isMultiple(of: 100) || year.isMultiple(of: 400))
    }

    /// Days since 1970-01-01 (negative before): what Unix timestamps count from.
    public var daysSince1970: Int { ordinal }

    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`; years here are never negative).
    private var ordinal: Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The inverse of `ordinal` (Howard Hinnant's `civil_from_days`).
    private init(ordinal: Int) {
        let shifted = ordinal + 719_468
        let era = shifted / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        self.init(
            uncheckedYear: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
            month: month,
            day: dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
        )
    }
}
