/// The words of time in running English and French, folded (lowercase, no accents).
enum TimeVocabulary {
    static let months: [String: Int] = [
        "janvier": 1, "january": 1, "fevrier": 2, "february": 2, "mars": 3, "march": 3, "avril": 4, "april": 4,
        "mai": 5, "may": 5, "juin": 6, "june": 6, "juillet": 7, "july": 7, "aout": 8, "august": 8,
        "septembre": 9, "september": 9, "octobre": 10, "october": 10, "novembre": 11, "november": 11,
        "decembre": 12, "december": 12,
    ]

    /// Abbreviations, read as months only when a day or a year is next to them ("Sep 2019", "oct. 17").
    static let monthAbbreviations: [String: Int] = [
        "jan": 1, "janv": 1, "feb": 2, "fev": 2, "fevr": 2, "mar": 3, "apr": 4, "avr": 4, "jun": 6,
        "jul": 7, "juil": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]

    /// ISO weekdays: 1 is Monday.
    static let weekdays: [String: Int] = [
        "lundi": 1, "monday": 1, "mardi": 2, "tuesday": 2, "mercredi": 3, "wednesday": 3, "jeudi": 4,
        "thursday": 4, "vendredi": 5, "friday": 5, "samedi": 6, "saturday": 6, "dimanche": 7, "sunday": 7,
    ]

    /// Seasons and parts of a year or month, which the date parser reads ("printemps 2021", "fin 2022").
    static let yearParts: Set<String> = [
        "printemps", "ete", "automne", "hiver", "spring", "summer", "autumn", "fall", "winter",
        "debut", "mi", "milieu", "fin", "early", "mid", "late",
    ]

    static let numbers: [String: Int] = [
        "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
        "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
        "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "cent": 100,
        "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
        "sixteen": 16, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
    ]

    /// Units of a duration, as an ISO 8601 designator and a multiplier ("decade" is ten years).
    static let units: [String: (designator: String, factor: Int)] = [
        "an": ("Y", 1), "ans": ("Y", 1), "annee": ("Y", 1), "annees": ("Y", 1), "year": ("Y", 1), "years": ("Y", 1),
        "mois": ("M", 1), "month": ("M", 1), "months": ("M", 1),
        "semaine": ("W", 1), "semaines": ("W", 1), "week": ("W", 1), "weeks": ("W", 1),
        "jour": ("D", 1), "jours": ("D", 1), "day": ("D", 1), "days": ("D", 1),
        "decennie": ("Y", 10), "decennies": ("Y", 10), "decade": ("Y", 10), "decades": ("Y", 10),
        "siecle": ("Y", 100), "siecles": ("Y", 100), "century": ("Y", 100), "centuries": ("Y", 100),
    ]

    /// Words before a date that make it approximate or uncertain.
    static let approximateWords: Set<String> = ["vers", "environ", "about", "around", "circa", "approximately"]
    static let uncertainWords: Set<String> = ["probablement", "probably", "possibly", "peut"]

    /// Words after a number that make it a count or an amount, never a year ("2019 patients").
    static let countNouns: Set<String> = [
        "euros", "euro", "dollars", "dollar", "eur", "usd", "patients", "personnes", "people", "habitants",
        "employes", "salaries", "employees", "morts", "deaths", "cas", "cases", "km", "kg", "m", "mm", "cm", "fois",
        "times", "lits", "beds", "pages", "millions", "million", "milliards", "billion",
    ]

    /// Marks of a past or a future tense in a sentence, for weekdays and months without a year.
    static let pastAuxiliaries: Set<String> = [
        "a", "ont", "avait", "avaient", "est", "sont", "etait", "etaient", "fut", "furent", "had", "was", "were",
        "did",
    ]
    static let futureMarks: Set<String> = ["will", "shall", "va", "vont", "allait", "compte", "prevoit", "doit", "doivent"]

    /// Every word a time expression can begin with; any other word (or mark) begins none.
    static let starters: Set<String> = {
        var words = Set(months.keys).union(monthAbbreviations.keys).union(weekdays.keys).union(yearParts).union(numbers.keys)
        words.formUnion(approximateWords)
        words.formUnion(uncertainWords)
        words.formUnion([
            "entre", "between", "de", "du", "from", "depuis", "since", "jusqu", "until", "till", "c", "ca", "sans", "les", "annees",
            "il", "l", "la", "le", "ce", "cette", "plus", "semaine", "avant", "apres", "hier", "aujourd", "demain", "the",
            "yesterday", "today", "tomorrow", "last", "next", "this", "earlier",
        ])
        return words
    }()
}
