/// A part of a year that EDTF writes where the month goes (`2021-21`): the level 1 seasons
/// (21–24) and the level 2 thirds of a year, "quadrimesters" (37–39), which are what people mean
/// by "early", "mid" and "late" 2022.
///
/// EDTF leaves the months of a level 1 season to the reader; ours are the northern hemisphere's
/// meteorological seasons, in whole months like every other bound here: spring is March–May,
/// summer June–August, autumn September–November, and winter December to the next February, so
/// `2022-24` ("winter 2022-23") spans 2022-12-01 … 2023-02-28. Astronomical seasons start around
/// the 21st of the same months, so they fall within these bounds but for the first three weeks.
enum SubYearGrouping: Int, CaseIterable, Sendable {
    case spring = 21
    case summer, autumn, winter
    case early = 37
    case mid, late

    /// The first and last month, counted from January of the date's year: winter ends in month 14,
    /// the next year's February.
    var months: ClosedRange<Int> {
        switch self {
        case .spring: 3...5
        case .summer: 6...8
        case .autumn: 9...11
        case .winter: 12...14
        case .early: 1...4
        case .mid: 5...8
        case .late: 9...12
        }
    }

    /// How `display` names it before the year.
    var englishName: String {
        switch self {
        case .spring: "spring"
        case .summer: "summer"
        case .autumn: "autumn"
        case .winter: "winter"
        case .early: "early"
        case .mid: "mid-"
        case .late: "late"
        }
    }
}
