/// The English and French words dates are written with, folded (lowercase, no accents).
extension NaturalText {
    /// Words that mean the current day on their own, and an open end after a start.
    static let todayWords: Set<Substring> = ["today", "aujourd'hui", "aujourdhui"]

    /// Interval ends meaning "no bound" on either side.
    static let openWords: Set<Substring> = ["..", "...", "…"]

    /// Interval ends meaning "still going".
    static let ongoingWords = todayWords.union([
        "present", "the present", "present day", "the present day", "now", "ongoing", "maintenant",
        "en cours", "a ce jour", "ce jour", "nos jours", "a nos jours",
    ])

    /// Leading words meaning the date is approximate ("c. 2021", "vers 1990").
    static let approximateWords: Set<Substring> = [
        "c", "c.", "ca", "ca.", "circa", "about", "around", "approx", "approx.", "approximately", "roughly",
        "vers", "env", "env.", "environ", "approximativement",
    ]

    /// Leading words meaning the source may be wrong ("probably 17 October 2022").
    static let uncertainWords: Set<Substring> = [
        "probably", "possibly", "perhaps", "maybe", "likely", "probablement", "peut-etre", "vraisemblablement",
    ]

    /// Prepositions and articles that carry nothing about the date ("en 2019", "in the spring of 2021",
    /// "le 10 septembre", "à l'automne 2022").
    static let fillerWords: Set<Substring> = [
        "in", "on", "at", "during", "dans", "the", "en", "le", "la", "les", "l'", "au", "a", "courant",
    ]

    /// Words between a part of the year and the year ("spring of 2021", "fin de 2022").
    static let ofWords: Set<Substring> = ["of", "de", "d'"]

    /// The month a (folded) name or abbreviation means, with or without a final dot.
    static func month(_ word: Substring) -> Int? {
        monthNumbers[word.hasSuffix(".") ? word.dropLast() : word]
    }

    /// The ISO weekday (1 = Monday) a name or abbreviation means, with or without a comma or dot.
    static func weekday(_ word: Substring) -> Int? {
        weekdayNumbers[word.hasSuffix(".") ? word.dropLast() : word]
    }

    /// The season or third of a year a word names ("printemps", "fall", "early", "fin").
    static func grouping(_ word: Substring) -> SubYearGrouping? {
        groupings[word]
    }

    /// A small count written in digits or words ("3", "two", "deux", "a").
    static func count(_ word: Substring) -> Int? {
        if word.utf8.count <= 4, word.isASCIIDigits { return Int(word) }
        return countNumbers[word]
    }

    /// English and French names of the ISO weekdays, Monday first, for error messages.
    static let weekdayNames = [
        ("Monday", "lundi"), ("Tuesday", "mardi"), ("Wednesday", "mercredi"), ("Thursday", "jeudi"),
        ("Friday", "vendredi"), ("Saturday", "samedi"), ("Sunday", "dimanche"),
    ]

    private static let monthNumbers: [Substring: Int] = [
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

    private static let weekdayNumbers: [Substring: Int] = [
        "monday": 1, "mon": 1, "lundi": 1,
        "tuesday": 2, "tue": 2, "tues": 2, "mardi": 2,
        "wednesday": 3, "wed": 3, "mercredi": 3,
        "thursday": 4, "thu": 4, "thur": 4, "thurs": 4, "jeudi": 4,
        "friday": 5, "fri": 5, "vendredi": 5,
        "saturday": 6, "sat": 6, "samedi": 6,
        "sunday": 7, "sun": 7, "dimanche": 7,
    ]

    private static let groupings: [Substring: SubYearGrouping] = [
        "spring": .spring, "printemps": .spring,
        "summer": .summer, "ete": .summer,
        "autumn": .autumn, "fall": .autumn, "automne": .autumn,
        "winter": .winter, "hiver": .winter,
        "early": .early, "debut": .early,
        "mid": .mid, "mi": .mid, "milieu": .mid,
        "late": .late, "fin": .late,
    ]

    private static let countNumbers: [Substring: Int] = [
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
        "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "sept": 7,
        "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12,
    ]
}
