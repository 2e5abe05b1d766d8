/// Why a text could not be read as a date. `description` is a one-line message meant for people.
public struct DateParseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The text as it was given.
    public let input: String
    /// What is wrong with it, e.g. "February 2019 has 28 days".
    public let reason: String
    /// Whether the text is a numeric date that both orders read (10/09/2019), which a
    /// `NumericDateOrder` settles.
    public let isAmbiguousNumericDate: Bool

    public init(input: String, reason: String, isAmbiguousNumericDate: Bool = false) {
        self.input = input
        self.reason = reason
        self.isAmbiguousNumericDate = isAmbiguousNumericDate
    }

    /// `invalid date "<input>": <reason>; accepted forms: …` on a single line, the input
    /// escaped and shortened.
    public var description: String {
        "invalid date \"\(input.shownInMessage())\": \(reason); accepted forms: \(Self.acceptedForms)"
    }

    /// A few forms of each kind the parser reads (EDTF, English, French, seasons, intervals,
    /// relative dates) and where the others are, for error messages: short enough to read.
    public static let acceptedForms = """
        2019-09-10, 2019-09, 2019, 2021~, 2019/.., "10 September 2019", "septembre 2019", "spring 2021", \
        "last Monday"; all forms in docs/dates.md
        """
}

/// The reason parsing failed, thrown inside the parser and wrapped into a `DateParseError` with the input.
struct InvalidDate: Error {
    let reason: String
    var isAmbiguousNumericDate = false

    static let empty = InvalidDate(reason: "no date given")
    static let notUnderstood = InvalidDate(reason: "not a date this tool understands")
    static let timesNotSupported = InvalidDate(reason: "times are not supported, only days")
    static let yearDigits = InvalidDate(reason: "a year needs exactly four digits (e.g. 2019)")
    static let yearRange = InvalidDate(reason: "years run from 0001 to 9999")
    static let twoDigits = InvalidDate(reason: "a month or day needs two digits (e.g. 2019-09-01)")
    static let partlyUnspecified = InvalidDate(reason: "a month or day is either two digits or XX")
    static let unspecifiedFromRight = InvalidDate(
        reason: "unspecified digits (X) must be the rightmost ones (201X, 2019-XX)")
    static let tooManyUnspecifiedYearDigits = InvalidDate(
        reason: "only the last one or two digits of a year can be unspecified (201X, 20XX)")
    static let detailAfterUnspecifiedYear = InvalidDate(
        reason: "a year with unspecified digits (201X) cannot have a month or day")
    static let dayWithoutMonth = InvalidDate(reason: "a day cannot be known when the month is not (2019-XX-XX)")
    static let oneQualifier = InvalidDate(reason: "only one qualifier (?, ~ or %) is allowed")
    static let qualifierAtEnd = InvalidDate(reason: "a qualifier (?, ~ or %) goes at the end of the date")
    static let dayInGrouping = InvalidDate(reason: "a season or part of a year (2021-21, 2022-37) has no day")
    static let yearNeeded = InvalidDate(reason: "a year is needed (10 September 2019, not 10 September)")
    static let weekdayWithoutDay = InvalidDate(
        reason: "a weekday goes with a full date (Monday, October 17, 2022; lundi 17 octobre 2022)")
    static let notADecade = InvalidDate(reason: "a decade starts with a round year (les années 2010)")
    static let noDatedEnd = InvalidDate(reason: "an interval needs at least one dated end")

    static func monthDoesNotExist(_ month: Int) -> InvalidDate {
        InvalidDate(reason: "month \(month.zeroPadded(to: 2)) does not exist")
    }

    static func dayDoesNotExist(_ day: Int) -> InvalidDate {
        InvalidDate(reason: "day \(day.zeroPadded(to: 2)) does not exist")
    }

    static func dayOutOfMonth(month: Int, year: Int) -> InvalidDate {
        let days = Day.daysIn(month: month, year: year)
        return InvalidDate(
            reason: "\(Day.englishMonthNames[month - 1]) \(year.zeroPadded(to: 4)) has \(days) days")
    }

    static func wrongWeekday(_ day: Day, named weekday: Int) -> InvalidDate {
        let (actualEnglish, actualFrench) = Vocabulary.weekdayNames[day.weekday - 1]
        let (namedEnglish, namedFrench) = Vocabulary.weekdayNames[weekday - 1]
        return InvalidDate(reason: "\(day.iso) is a \(actualEnglish) (\(actualFrench)), not a \(namedEnglish) (\(namedFrench))")
    }

    static func ambiguousNumericDate(dayFirst: DatePoint, monthFirst: DatePoint) -> InvalidDate {
        InvalidDate(
            reason: """
                ambiguous: \(dayFirst.edtf) (day first, \(dayFirst.display)) or \(monthFirst.edtf) \
                (month first, \(monthFirst.display)); write the one you mean as YYYY-MM-DD
                """,
            isAmbiguousNumericDate: true)
    }

    static func notInOrder(_ order: NumericDateOrder, _ reason: InvalidDate) -> InvalidDate {
        InvalidDate(reason: "read \(order == .dayMonthYear ? "day first (dmy)" : "month first (mdy)"), \(reason.reason)")
    }

    static func endsBeforeStart(start: String, end: String) -> InvalidDate {
        InvalidDate(reason: "the interval ends (\(end)) before it starts (\(start))")
    }
}
