/// Dates said relative to a reference day ("yesterday", "lundi dernier", "il y a deux ans",
/// "the week before last"), at the precision they really have: a year for "last year" or
/// "two years ago", a month for "last month", a day for "yesterday" or "last Monday", and the
/// seven days Monday to Sunday for a week.
extension NaturalDate {
    /// Nil when the words are not a relative date.
    static func relative(_ words: NaturalText, today: () -> Day) throws(InvalidDate) -> NaturalDate? {
        switch words.count {
        case 1:
            let word = words[0]
            let offset: Int
            if words.spells(word, "yesterday") || words.spells(word, "hier") {
                offset = -1
            } else if words.spells(word, "tomorrow") || words.spells(word, "demain") {
                offset = 1
            } else if words.spells(word, "avant-hier") {
                offset = -2
            } else if words.spells(word, "apres-demain") {
                offset = 2
            } else {
                return nil
            }
            return .point(DatePoint(today().adding(days: offset)))
        case 2:
            let (first, second) = (words[0], words[1])
            if let direction = first.meaning.englishDirection.map(Int.init) {
                if let unit = second.meaning.unit, unit != .day { return try unit.resolve(direction, today: today()) }
                if let weekday = second.meaning.weekday, direction != 0 {
                    return .point(DatePoint(nearest(Int(weekday), direction, today: today())))
                }
            }
            if let direction = second.meaning.frenchDirection.map(Int.init) {
                if let unit = first.meaning.unit, unit != .day { return try unit.resolve(direction, today: today()) }
                if let weekday = first.meaning.weekday, direction != 0 {
                    return .point(DatePoint(nearest(Int(weekday), direction, today: today())))
                }
            }
            if words.spells(first, "ce") || words.spells(first, "cet") || words.spells(first, "cette"),
                let unit = second.meaning.unit, unit != .day
            {
                return try unit.resolve(0, today: today())
            }
            if words.spells(second, "ago"), let unit = first.meaning.unit {  // "a year ago", once "a" is dropped
                return try unit.resolve(-1, today: today())
            }
        case 3:
            let (first, second, third) = (words[0], words[1], words[2])
            if words.spells(third, "ago"), let count = words.count(first), let unit = second.meaning.unit {
                return try unit.resolve(-count, today: today())
            }
            if words.dropFirst().isExactly("before", "last"), let unit = first.meaning.unit, unit != .day {
                return try unit.resolve(-2, today: today())
            }
            if words.dropFirst().isExactly("after", "next"), let unit = first.meaning.unit, unit != .day {
                return try unit.resolve(2, today: today())
            }
            if words.isExactly("day", "before", "yesterday") {
                return .point(DatePoint(today().adding(days: -2)))
            }
            if words.isExactly("day", "after", "tomorrow") {
                return .point(DatePoint(today().adding(days: 2)))
            }
        case 5:
            if words.prefix(3).isExactly("il", "y", "a"), let count = words.count(words[3]), let unit = words[4].meaning.unit {
                return try unit.resolve(-count, today: today())
            }
        default:
            break
        }
        return nil
    }

    /// The `weekday` strictly before (`direction` < 0) or after today: "last Monday" on a Monday
    /// is a week ago.
    private static func nearest(_ weekday: Int, _ direction: Int, today: Day) -> Day {
        if direction < 0 {
            let back = (today.weekday - weekday + 7) % 7
            return today.adding(days: -(back == 0 ? 7 : back))
        }
        let ahead = (weekday - today.weekday + 7) % 7
        return today.adding(days: ahead == 0 ? 7 : ahead)
    }
}

extension Vocabulary.CalendarUnit {
    /// The unit `offset` steps from the one holding `today`.
    func resolve(_ offset: Int, today: Day) throws(InvalidDate) -> NaturalDate {
        switch self {
        case .year:
            return .point(try DatePoint(yearPrefix: today.year + offset))
        case .month:
            let months = today.year * 12 + today.month - 1 + offset
            return .point(try DatePoint(yearPrefix: months / 12, month: .known(months % 12 + 1)))
        case .week:
            let monday = today.adding(days: 1 - today.weekday + 7 * offset)
            return NaturalDate(first: monday, last: monday.adding(days: 6))
        case .day:
            return .point(DatePoint(today.adding(days: offset)))
        }
    }
}
