extension TimeExpressionFinder.Scanner {
    /// What a relative expression counts from, and how far.
    private enum Offset {
        case days(Int)
        case weeks(Int)
        case months(Int)
        case years(Int)
        /// From the first of the publication's month to the publication day ("earlier this month").
        case earlierThisMonth
    }

    private static let phrases: [(words: [String], offset: Offset)] = [
        (["avant", "hier"], .days(-2)), (["hier"], .days(-1)), (["aujourd", "hui"], .days(0)), (["demain"], .days(1)),
        (["apres", "demain"], .days(2)),
        (["the", "day", "before", "yesterday"], .days(-2)), (["yesterday"], .days(-1)), (["today"], .days(0)),
        (["tomorrow"], .days(1)), (["the", "day", "after", "tomorrow"], .days(2)),
        (["la", "semaine", "derniere"], .weeks(-1)), (["la", "semaine", "passee"], .weeks(-1)),
        (["semaine", "derniere"], .weeks(-1)), (["cette", "semaine"], .weeks(0)), (["la", "semaine", "prochaine"], .weeks(1)),
        (["the", "week", "before", "last"], .weeks(-2)), (["last", "week"], .weeks(-1)), (["this", "week"], .weeks(0)),
        (["next", "week"], .weeks(1)),
        (["plus", "tot", "ce", "mois", "ci"], .earlierThisMonth), (["plus", "tot", "ce", "mois"], .earlierThisMonth),
        (["earlier", "this", "month"], .earlierThisMonth),
        (["le", "mois", "dernier"], .months(-1)), (["le", "mois", "passe"], .months(-1)), (["ce", "mois", "ci"], .months(0)),
        (["le", "mois", "prochain"], .months(1)), (["last", "month"], .months(-1)), (["this", "month"], .months(0)),
        (["next", "month"], .months(1)),
        (["l", "annee", "derniere"], .years(-1)), (["l", "an", "dernier"], .years(-1)), (["l", "annee", "passee"], .years(-1)),
        (["l", "an", "passe"], .years(-1)), (["cette", "annee"], .years(0)), (["l", "annee", "prochaine"], .years(1)),
        (["l", "an", "prochain"], .years(1)), (["last", "year"], .years(-1)), (["this", "year"], .years(0)),
        (["next", "year"], .years(1)),
    ]

    private static let phrasesByFirstWord = Dictionary(grouping: phrases, by: \.words[0])

    /// "hier", "la semaine dernière", "plus tôt ce mois-ci", "l'année dernière", "il y a deux ans",
    /// "two years ago", "last Monday", "lundi dernier": resolved against the publication date.
    func relative(at index: Int) -> Match? {
        guard let first = word(index) ?? (token(index)?.kind == .number ? "" : nil) else { return nil }
        var found: (end: Int, offset: Offset)?
        for phrase in Self.phrasesByFirstWord[first] ?? [] {
            if let end = end(ofWords: phrase.words, from: index), end > (found?.end ?? 0) { found = (end, phrase.offset) }
        }
        if found == nil { found = ago(at: index) }
        if let (end, offset) = found {
            // "yesterday's" and "today's" are still days; "this year" in "this year's budget" too.
            return resolved(offset, start: index, end: end)
        }
        // last Monday, next Friday
        if let modifier = word(index), ["last", "next", "this"].contains(modifier), let weekday = weekday(at: index + 1) {
            return weekdayMatch(
                start: index, end: index + 2, weekday: weekday, direction: modifier == "last" ? -1 : modifier == "next" ? 1 : 0)
        }
        return nil
    }

    /// "il y a deux ans", "two years ago", "a year ago".
    private func ago(at index: Int) -> (Int, Offset)? {
        var countIndex = index
        var french = false
        if let end = end(ofWords: ["il", "y", "a"], from: index) {
            countIndex = end
            french = true
        }
        guard let (value, afterCount) = count(at: countIndex), let unitWord = word(afterCount),
            let unit = TimeVocabulary.units[unitWord]
        else { return nil }
        var end = afterCount + 1
        if !french {
            guard word(end) == "ago" else { return nil }
            end += 1
        }
        let amount = -value * unit.factor
        let offset: Offset =
            switch unit.designator {
            case "Y": .years(amount)
            case "M": .months(amount)
            case "W": .weeks(amount)
            default: .days(amount)
            }
        return (end, offset)
    }

    private func resolved(_ offset: Offset, start: Int, end: Int) -> Match {
        guard let published else { return Match(start: start, end: end, value: nil) }
        switch offset {
        case .days(let days):
            let day = published.adding(days: days)
            return Match(start: start, end: end, value: day.iso, year: day.year)
        case .weeks(let weeks):
            let monday = published.adding(days: 1 - published.weekday + 7 * weeks)
            return Match(
                start: start, end: end, value: "\(monday.iso)/\(monday.adding(days: 6).iso)", year: monday.year)
        case .months(let months):
            let total = published.year * 12 + published.month - 1 + months
            let (year, month) = (total / 12, total % 12 + 1)
            return Match(start: start, end: end, value: "\(year)-\(month < 10 ? "0" : "")\(month)", year: year)
        case .years(let years):
            return Match(start: start, end: end, value: String(published.year + years), year: published.year + years)
        case .earlierThisMonth:
            let first = published.adding(days: 1 - published.day)
            let value = first == published ? published.iso : "\(first.iso)/\(published.iso)"
            return Match(start: start, end: end, value: value, year: published.year)
        }
    }

    /// A weekday on its own ("a déclaré lundi"), or with "dernier" / "prochain" after it.
    func weekdayAlone(start: Int, weekday: Int, modifierAt index: Int) -> Match {
        switch word(index) {
        case "dernier": weekdayMatch(start: start, end: index + 1, weekday: weekday, direction: -1)
        case "prochain": weekdayMatch(start: start, end: index + 1, weekday: weekday, direction: 1)
        default: weekdayMatch(start: start, end: index, weekday: weekday, direction: 0)
        }
    }

    /// The weekday before (-1) or after (1) the publication day, or (0) the one the sentence's
    /// tense points to: in news, "a déclaré lundi" is the Monday of the week just gone, or that
    /// same day; "ouvrira lundi" the next one.
    private func weekdayMatch(start: Int, end: Int, weekday: Int, direction: Int) -> Match {
        guard let published else { return Match(start: start, end: end, value: nil) }
        let difference = weekday - published.weekday
        let day: Day
        switch direction {
        case -1: day = published.adding(days: difference < 0 ? difference : difference - 7)
        case 1: day = published.adding(days: difference > 0 ? difference : difference + 7)
        default:
            if tense(near: start) == .future {
                day = published.adding(days: difference >= 0 ? difference : difference + 7)
            } else {
                day = published.adding(days: difference <= 0 ? difference : difference - 7)
            }
        }
        return Match(start: start, end: end, value: day.iso, year: day.year)
    }

    /// The year a month (and day) without one belongs to: the year the text just mentioned, else
    /// the publication's, or the one before or after it as the tense says; nil without either.
    func resolveYear(month: Int, day: Int?, near index: Int) -> Int? {
        if let year = context.recentYear { return year }
        guard let published else { return nil }
        let isAfter = month > published.month || (month == published.month && (day ?? 1) > published.day)
        let isBefore = month < published.month || (month == published.month && (day ?? 31) < published.day)
        switch tense(near: index) {
        case .future: return isBefore ? published.year + 1 : published.year
        case .past: return isAfter ? published.year - 1 : published.year
        }
    }

    enum Tense { case past, future }

    /// The tense of the verb nearest to `index` in the sentence: future for "will", "va", "vont" or
    /// a French future ("ouvrira", "seront"), else past ("a déclaré", "said", "announced", and news
    /// by default).
    func tense(near index: Int) -> Tense {
        var nearestFuture = Int.max
        var nearestPast = Int.max
        for position in sentence {
            let token = tokens[position]
            guard token.kind == .word else { continue }
            let distance = abs(position - index)
            let word = token.folded
            if TimeVocabulary.futureMarks.contains(word) || Self.isFrenchFuture(word) {
                nearestFuture = min(nearestFuture, distance)
            } else if TimeVocabulary.pastAuxiliaries.contains(word) || word == "said" || (word.count > 4 && word.hasSuffix("ed")) {
                nearestPast = min(nearestPast, distance)
            }
        }
        return nearestFuture < nearestPast ? .future : .past
    }

    private static func isFrenchFuture(_ word: String) -> Bool {
        guard word.count >= 5 else { return ["sera", "aura", "fera", "ira"].contains(word) }
        return (word.hasSuffix("ra") || word.hasSuffix("ront") || word.hasSuffix("rons") || word.hasSuffix("rez"))
            && !["camera", "opera", "extra", "sahara", "mantra", "cobra", "ultra", "contra", "tiara", "algebra"].contains(word)
    }
}
