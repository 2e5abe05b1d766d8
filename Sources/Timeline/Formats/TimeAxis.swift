/// A chart's time axis: the range it shows and ticks that adapt from centuries to days, as in the
/// page's script (`assets/page/page.js`, `chooseStep` and `ticks`). Days are counted from
/// 1970-01-01; the range is `start..<end` (fractional days, padded).
struct TimeAxis {
    struct Tick {
        /// The tick's first day and the day after its last.
        var start: Int, end: Int
        var label: String
        /// The label of the next unit up where a tick starts one ("2021" on January), or nil.
        var major: String?
    }

    enum Unit { case day, month, year }

    struct Step {
        var unit: Unit
        var count: Int
        /// About how many days a step is.
        var days: Double
    }

    static let steps: [Step] = [
        Step(unit: .day, count: 1, days: 1), Step(unit: .day, count: 7, days: 7),
        Step(unit: .month, count: 1, days: 30.44), Step(unit: .month, count: 3, days: 91.3), Step(unit: .month, count: 6, days: 182.6),
        Step(unit: .year, count: 1, days: 365.25), Step(unit: .year, count: 2, days: 730.5), Step(unit: .year, count: 5, days: 1826),
        Step(unit: .year, count: 10, days: 3652), Step(unit: .year, count: 20, days: 7305), Step(unit: .year, count: 50, days: 18262),
        Step(unit: .year, count: 100, days: 36525), Step(unit: .year, count: 500, days: 182_625),
        Step(unit: .year, count: 1000, days: 365_250),
    ]

    static let monthNames = Day.englishMonthNames.map { String($0.prefix(3)) }

    let start: Double
    let end: Double

    /// The range that shows days `first..<afterLast`: at least 30 days, padded by 4% on each side.
    init(first: Int, afterLast: Int) {
        var low = Double(first)
        var high = Double(max(afterLast, first + 1))
        if high - low < 30 {
            let middle = (low + high) / 2
            low = middle - 15
            high = middle + 15
        }
        let pad = (high - low) * 0.04
        start = low - pad
        end = high + pad
    }

    /// The position of `day` (0 at `start`) in units of `length` for the whole range.
    func position(_ day: Double, length: Double) -> Double {
        (day - start) / (end - start) * length
    }

    /// The finest step whose ticks are at least `minimum` units apart at `length` units for the
    /// whole range (`minimum` for days, months and years).
    func step(length: Double, minimum: (Unit) -> Double) -> Step {
        let perDay = length / (end - start)
        return Self.steps.first { $0.days * perDay >= minimum($0.unit) } ?? Self.steps[Self.steps.count - 1]
    }

    /// The ticks of `step` that cover the range.
    func ticks(_ step: Step) -> [Tick] {
        var ticks: [Tick] = []
        let first = Self.civil(Int(start.rounded(.down)))
        switch step.unit {
        case .year:
            var year = Self.floor(first.year, step.count)
            while ticks.count < 500 {
                let day = Self.days(year: year, month: 1, day: 1)
                if Double(day) > end { break }
                ticks.append(
                    Tick(
                        start: day, end: Self.days(year: year + step.count, month: 1, day: 1),
                        label: step.count >= 10 && year % 10 == 0 ? "\(year)s" : String(year)))
                year += step.count
            }
        case .month:
            var month = Self.floor(first.year * 12 + first.month - 1, step.count)
            while ticks.count < 500 {
                let (year, index) = (Self.floor(month, 12) / 12, month - Self.floor(month, 12))
                let day = Self.days(year: year, month: index + 1, day: 1)
                if Double(day) > end { break }
                let next = month + step.count
                let nextYear = Self.floor(next, 12) / 12
                ticks.append(
                    Tick(
                        start: day, end: Self.days(year: nextYear, month: next - nextYear * 12 + 1, day: 1),
                        label: step.count == 3 ? "Q\(index / 3 + 1)" : Self.monthNames[index],
                        major: index == 0 ? String(year) : nil))
                month = next
            }
        case .day:
            var day = step.count == 1 ? Int(start.rounded(.down)) : Self.days(year: first.year, month: first.month, day: 1)
            while ticks.count < 800 && Double(day) <= end {
                let date = Self.civil(day)
                var next = day + step.count
                if step.count == 7 && date.day + 7 > 22 {
                    next =
                        date.month == 12
                        ? Self.days(year: date.year + 1, month: 1, day: 1) : Self.days(year: date.year, month: date.month + 1, day: 1)
                }
                if Double(next) > start {
                    ticks.append(
                        Tick(
                            start: day, end: next, label: String(date.day),
                            major: date.day == 1 ? "\(Self.monthNames[date.month - 1]) \(date.year)" : nil))
                }
                day = next
            }
        }
        return ticks
    }

    private static func floor(_ value: Int, _ step: Int) -> Int {
        Int((Double(value) / Double(step)).rounded(.down)) * step
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (any year).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floor(shiftedYear, 400) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        return era * 146_097 + yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear - 719_468
    }

    /// The date `days` after 1970-01-01 (any year).
    static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = floor(shifted, 146_097) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shiftedMonth = (5 * dayOfYear + 2) / 153
        let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, dayOfYear - (153 * shiftedMonth + 2) / 5 + 1)
    }
}
