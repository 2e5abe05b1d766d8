/// Dates said relative to a reference day ("yesterday", "lundi dernier", "il y a deux ans",
/// "the week before last"), at the precision they really have: a year for "last year" or
/// "two years ago", a month for "last month", a day for "yesterday" or "last Monday", and the
/// seven days Monday to Sunday for a week.
extension NaturalDate {
    /// Nil when the words are not a relative date.
    static func relative(_ words: ArraySlice<Substring>, today: () -> Day) throws(InvalidDate) -> NaturalDate? {
        let words = Array(words)
        switch words.count {
        case 1:
            let offset: Int
            switch words[0] {
            case "yesterday", "hier": offset = -1
            case "tomorrow", "demain": offset = 1
            case "avant-hier": offset = -2
            case "apres-demain": offset = 2
            default: return nil
            }
            return .point(DatePoint(today().adding(days: offset)))
        case 2:
            let (first, second) = (words[0], words[1])
            if let direction = englishDirection[first] {
                if let unit = CalendarUnit(second), unit != .day { return try unit.resolve(direction, today: today()) }
                if let weekday = NaturalText.weekday(second), direction != 0 {
                    return .point(DatePoint(nearest(weekday, direction, today: today())))
                }
            }
            if let direction = frenchDirection[second] {
                if let unit = CalendarUnit(first), unit != .day { return try unit.resolve(direction, today: today()) }
                if let weekday = NaturalText.weekday(first), direction != 0 {
                    return .point(DatePoint(nearest(weekday, direction, today: today())))
                }
            }
            if first == "ce" || first == "cet" || first == "cette", let unit = CalendarUnit(second), unit != .day {
                return try unit.resolve(0, today: today())
            }
            if second == "ago", let unit = CalendarUnit(first) {  // "a year ago", once "a" is dropped
                return try unit.resolve(-1, today: today())
            }
        case 3:
            if words[2] == "ago", let count = NaturalText.count(words[0]), let unit = CalendarUnit(words[1]) {
                return try unit.resolve(-count, today: today())
            }
            if words[1] == "before" && words[2] == "last", let unit = CalendarUnit(words[0]), unit != .day {
                return try unit.resolve(-2, today: today())
            }
            if words[1] == "after" && words[2] == "next", let unit = CalendarUnit(words[0]), unit != .day {
                return try unit.resolve(2, today: today())
            }
            if words[0] == "day", words[1] == "before", words[2] == "yesterday" {
                return .point(DatePoint(today().adding(days: -2)))
            }
            if words[0] == "day", words[1] == "after", words[2] == "tomorrow" {
                return .point(DatePoint(today().adding(days: 2)))
            }
        case 5:
            if words[0] == "il", words[1] == "y", words[2] == "a", let count = NaturalText.count(words[3]),
                let unit = CalendarUnit(words[4])
            {
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

    private static let englishDirection: [Substring: Int] = ["last": -1, "this": 0, "next": 1]
    private static let frenchDirection: [Substring: Int] = [
        "dernier": -1, "derniere": -1, "passe": -1, "passee": -1, "prochain": 1, "prochaine": 1,
    ]

    private enum CalendarUnit {
        case year, month, week, day

        init?(_ word: Substring) {
            switch word {
            case "year", "years", "annee", "annees", "an", "ans": self = .year
            case "month", "months", "mois": self = .month
            case "week", "weeks", "semaine", "semaines": self = .week
            case "day", "days", "jour", "jours": self = .day
            default: return nil
            }
        }

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
}
