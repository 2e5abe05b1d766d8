/// One EDTF level 0/1 date: a year whose last digits may be unspecified (201X, 20XX), an optional
/// month and day that may be unspecified (XX), and the uncertain/approximate qualifiers.
///
/// The month may instead be a season or a third of a year (`2021-21`, `2022-37`, see
/// `SubYearGrouping`), which has no day.
///
/// Every value is valid: the throwing initialiser checks the calendar.
struct DatePoint: Hashable, Sendable {
    /// A month or day that is either known or explicitly unspecified ("XX").
    enum Component: Hashable, Sendable {
        case known(Int)
        case unspecified

        var value: Int? {
            if case .known(let value) = self { value } else { nil }
        }

        var edtf: String {
            switch self {
            case .known(let value): value.zeroPadded(to: 2)
            case .unspecified: "XX"
            }
        }
    }

    /// The known leading digits of the year as a number: 2019 for 2019, 201 for 201X, 20 for 20XX.
    let yearPrefix: Int
    /// How many trailing year digits are unspecified: 0, 1 (a decade) or 2 (a century).
    let unspecifiedYearDigits: Int
    /// nil when the date stops at the year.
    let month: Component?
    /// nil when the date stops at the month (or the year), and always for a season.
    let day: Component?
    /// `?`: the source may be wrong.
    var isUncertain = false
    /// `~`: the date is roughly right.
    var isApproximate = false

    init(
        yearPrefix: Int,
        unspecifiedYearDigits: Int = 0,
        month: Component? = nil,
        day: Component? = nil
    ) throws(InvalidDate) {
        guard unspecifiedYearDigits <= 2 else { throw .tooManyUnspecifiedYearDigits }
        self.yearPrefix = yearPrefix
        self.unspecifiedYearDigits = unspecifiedYearDigits
        self.month = month
        self.day = day
        guard years.lowerBound >= 1, years.upperBound <= 9999 else { throw .yearRange }
        guard unspecifiedYearDigits == 0 || month == nil else { throw .detailAfterUnspecifiedYear }
        switch (month, day) {
        case (.unspecified, .known?):
            throw .dayWithoutMonth
        case (.known(let month), let day):
            if let grouping = SubYearGrouping(rawValue: month) {
                guard day == nil else { throw .dayInGrouping }
                guard grouping != .winter || yearPrefix < 9999 else { throw .yearRange }
                break
            }
            guard (1...12).contains(month) else { throw .monthDoesNotExist(month) }
            guard let day = day?.value else { break }
            guard day >= 1 else { throw .dayDoesNotExist(day) }
            guard day <= Day.daysIn(month: month, year: yearPrefix) else {
                throw .dayOutOfMonth(month: month, year: yearPrefix)
            }
        default:
            break
        }
    }

    /// A fully known day.
    init(_ day: Day) {
        yearPrefix = day.year
        unspecifiedYearDigits = 0
        month = .known(day.month)
        self.day = .known(day.day)
    }

    /// Every year the date can fall in: 2010...2019 for 201X.
    var years: ClosedRange<Int> {
        let span = unspecifiedYearDigits == 0 ? 1 : unspecifiedYearDigits == 1 ? 10 : 100
        return yearPrefix * span...yearPrefix * span + span - 1
    }

    /// The season or third of a year in the month's place, if any.
    var grouping: SubYearGrouping? {
        month?.value.flatMap(SubYearGrouping.init(rawValue:))
    }

    /// The first day the date can mean. Qualifiers do not widen it.
    var earliest: Day {
        let month = grouping?.months.lowerBound ?? month?.value ?? 1
        return Day(uncheckedYear: years.lowerBound, month: month, day: day?.value ?? 1)
    }

    /// The last day the date can mean. Qualifiers do not widen it.
    var latest: Day {
        var year = years.upperBound
        var month = month?.value ?? 12
        if let last = grouping?.months.upperBound {
            year += (last - 1) / 12
            month = (last - 1) % 12 + 1
        }
        return Day(uncheckedYear: year, month: month, day: day?.value ?? Day.daysIn(month: month, year: year))
    }

    /// The finest part that is actually known. A season or a third of a year counts as `.month`:
    /// its bounds are whole months, and the database's `precision` column (whose CHECK the shipped
    /// first migration fixed to year, month, day) has no finer word for it; its EDTF keeps what it is.
    var precision: DatePrecision {
        switch (month, day) {
        case (.known, .known): .day
        case (.known, _): .month
        default: .year
        }
    }

    /// Canonical EDTF text: "2019-09-10", "201X", "2019-XX", "2021-04%".
    var edtf: String {
        let knownDigits = yearPrefix.zeroPadded(to: 4 - unspecifiedYearDigits)
        var text = knownDigits + String(repeating: "X", count: unspecifiedYearDigits)
        for component in [month, day].compactMap(\.self) {
            text += "-" + component.edtf
        }
        switch (isUncertain, isApproximate) {
        case (true, true): text += "%"
        case (true, false): text += "?"
        case (false, true): text += "~"
        case (false, false): break
        }
        return text
    }
}
