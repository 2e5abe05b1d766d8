/// Where and how a chart draws a date, no more precisely than it is: the rules of `geometry()`
/// in the page's script (`assets/page/page.js`). Days are counted from 1970-01-01.
///
/// A day is a point; anything longer (a month, season, year, decade, an interval) is a bar from
/// the first day it may mean to the last. An open end (`2019/..`) runs to today; an unknown end
/// (`2019/`) or start has no day to draw to, so charts draw a short stub there.
struct DateMark: Equatable {
    /// The first day drawn.
    var start: Int
    /// The day after the last day drawn.
    var end: Int
    /// A single known day.
    var isPoint: Bool
    /// Whether the start and the end are known days (false: open or unknown).
    var hasStart: Bool
    var hasEnd: Bool
    var openStart: Bool
    var unknownStart: Bool
    var openEnd: Bool
    var unknownEnd: Bool
    var uncertain: Bool
    var approximate: Bool

    init(_ date: PartialDate, today: Day) {
        let first = date.earliest?.daysSince1970
        let afterLast = date.latest.map { $0.daysSince1970 + 1 }
        let today = today.daysSince1970
        hasStart = first != nil
        hasEnd = afterLast != nil
        openStart = date.startKind == .open
        unknownStart = first == nil && date.startKind == .unknown
        openEnd = date.endKind == .open
        unknownEnd = afterLast == nil && date.endKind == .unknown
        uncertain = date.isUncertain
        approximate = date.isApproximate
        isPoint = first != nil && afterLast == first.map { $0 + 1 } && date.unit == "day" && !openStart && !openEnd
        // A date always has one dated end.
        start = first ?? (afterLast ?? today + 1) - 1
        end = afterLast ?? (openEnd ? max(today + 1, start + 1) : start + 1)
    }

    /// "~?", "~", "?" or "": what a label says before the title.
    var qualifiers: String {
        (approximate ? "~" : "") + (uncertain ? "?" : "")
    }
}
