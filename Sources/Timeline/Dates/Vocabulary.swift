/// The English and French words dates are written with, folded (lowercase, no accents), and
/// what each means. A word is looked up once, when the text is split into words: one hash of its
/// bytes and one comparison, instead of a string set per question.
struct Vocabulary: Sendable {
    /// What a folded word can mean; several things at once for words like "sept" (September, or
    /// seven) and "a" (an article, one, or the French "à").
    struct Meaning: Sendable {
        struct Roles: OptionSet, Sendable {
            let rawValue: UInt8
            /// An article or preposition that carries nothing ("en 2019", "le 10 septembre").
            static let filler = Roles(rawValue: 1 << 0)
            /// Between a part of the year and the year ("spring of 2021", "fin de 2022").
            static let of = Roles(rawValue: 1 << 1)
            /// A leading word meaning the date is approximate ("c. 2021", "vers 1990").
            static let approximate = Roles(rawValue: 1 << 2)
            /// A leading word meaning the source may be wrong ("probably 17 October 2022").
            static let uncertain = Roles(rawValue: 1 << 3)
            /// The current day on its own, and an open end after a start.
            static let today = Roles(rawValue: 1 << 4)
            /// An interval end meaning "no bound" ("..", "…").
            static let open = Roles(rawValue: 1 << 5)
        }

        var roles: Roles = []
        /// 1...12
        var month: UInt8?
        /// ISO, 1 = Monday.
        var weekday: UInt8?
        var grouping: SubYearGrouping?
        /// A small count in words ("deux", "a").
        var count: UInt8?
        var unit: CalendarUnit?
        /// "last" -1, "this" 0, "next" 1: before a unit or weekday.
        var englishDirection: Int8?
        /// "dernier" -1, "prochain" 1: after one.
        var frenchDirection: Int8?
        /// What an interval starting with this word looks like ("since", "entre").
        var intervalPrefix: IntervalPrefix?
        /// What this word separates the ends of an interval as ("to", "/", "et").
        var separator: IntervalSeparator?

        static let none = Meaning()
    }

    /// The calendar units relative dates count in.
    enum CalendarUnit: Sendable {
        case year, month, week, day
    }

    static let shared = Vocabulary()

    /// The words that start an interval: "since 2019" (start only), "until 2022" (end only),
    /// "from 2015 to 2017" (both, with the separators this word goes with).
    enum IntervalPrefix: Sendable {
        case since, until, up, from, between, du, de, entre
    }

    /// The words between the ends of an interval.
    enum IntervalSeparator: Sendable {
        case slash, enDash, emDash, hyphen, to, until, till, through, and, au, a, jusquAu, jusquA, jusquEn, et

        /// Written between spaces ("to", " - ", "au"), so it needs words on both sides; `/` and
        /// dashes may leave a side empty (an unknown end).
        var isWord: Bool { self != .slash && self != .enDash && self != .emDash }
    }

    /// The meaning of a folded word; `.none` for a word that is not in the vocabulary.
    func meaning(of word: Slice<UnsafeBufferPointer<UInt8>>) -> Meaning {
        var slot = Self.hash(word) & mask
        while true {
            let entry = Int(slots[slot])
            guard entry != 0 else { return .none }
            let spelling = spellings[entry - 1]
            if spelling.count == word.count && pool[spelling].elementsEqual(word) { return meanings[entry - 1] }
            slot = (slot + 1) & mask
        }
    }

    /// English and French names of the ISO weekdays, Monday first, for error messages.
    static let weekdayNames = [
        ("Monday", "lundi"), ("Tuesday", "mardi"), ("Wednesday", "mercredi"), ("Thursday", "jeudi"),
        ("Friday", "vendredi"), ("Saturday", "samedi"), ("Sunday", "dimanche"),
    ]

    // MARK: - The table

    /// Open addressing: `slots` holds an index into `spellings` and `meanings` plus one, 0 when empty.
    private let slots: [UInt16]
    private let mask: Int
    /// Where each word's bytes are in `pool`.
    private let spellings: [Range<Int>]
    private let pool: [UInt8]
    private let meanings: [Meaning]

    /// Builds the table straight from the word lists below (no dictionary, no sorting: this runs
    /// once in every process that reads a date in words, so it is part of a command's start-up).
    private init() {
        let capacity = 1024  // four times the words, so that probes stay short
        var slots = [UInt16](repeating: 0, count: capacity)
        var spellings: [Range<Int>] = []
        var pool: [UInt8] = []
        var meanings: [Meaning] = []
        spellings.reserveCapacity(capacity / 3)
        pool.reserveCapacity(capacity * 2)
        meanings.reserveCapacity(capacity / 3)
        func add(_ words: [String], _ change: (inout Meaning) -> Void) {
            for word in words {
                var slot = Self.hash(word.utf8) & (capacity - 1)
                while slots[slot] != 0 && !pool[spellings[Int(slots[slot]) - 1]].elementsEqual(word.utf8) {
                    slot = (slot + 1) & (capacity - 1)
                }
                if slots[slot] == 0 {
                    pool += word.utf8
                    spellings.append(pool.count - word.utf8.count..<pool.count)
                    meanings.append(Meaning())
                    slots[slot] = UInt16(meanings.count)
                }
                change(&meanings[Int(slots[slot]) - 1])
            }
        }
        add(Self.fillerWords) { $0.roles.insert(.filler) }
        add(Self.ofWords) { $0.roles.insert(.of) }
        add(Self.approximateWords) { $0.roles.insert(.approximate) }
        add(Self.uncertainWords) { $0.roles.insert(.uncertain) }
        add(Self.todayWords) { $0.roles.insert(.today) }
        add(Self.openWords) { $0.roles.insert(.open) }
        for (words, number) in Self.months { add(words + words.map { $0 + "." }) { $0.month = number } }
        for (words, number) in Self.weekdays { add(words + words.map { $0 + "." }) { $0.weekday = number } }
        for (words, grouping) in Self.groupings { add(words) { $0.grouping = grouping } }
        for (words, number) in Self.counts { add(words) { $0.count = number } }
        for (words, unit) in Self.units { add(words) { $0.unit = unit } }
        for (words, direction) in Self.englishDirections { add(words) { $0.englishDirection = direction } }
        for (words, direction) in Self.frenchDirections { add(words) { $0.frenchDirection = direction } }
        for (words, prefix) in Self.intervalPrefixes { add(words) { $0.intervalPrefix = prefix } }
        for (words, separator) in Self.intervalSeparators { add(words) { $0.separator = separator } }
        self.slots = slots
        mask = capacity - 1
        self.spellings = spellings
        self.pool = pool
        self.meanings = meanings
    }

    /// FNV-1a over the bytes.
    private static func hash(_ bytes: some Sequence<UInt8>) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in bytes { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash)
    }

    private static let fillerWords = [
        "in", "on", "at", "during", "dans", "the", "en", "le", "la", "les", "l'", "au", "a", "courant",
    ]
    private static let ofWords = ["of", "de", "d'"]
    private static let approximateWords = [
        "c", "c.", "ca", "ca.", "circa", "about", "around", "approx", "approx.", "approximately", "roughly",
        "vers", "env", "env.", "environ", "approximativement",
    ]
    private static let uncertainWords = [
        "probably", "possibly", "perhaps", "maybe", "likely", "probablement", "peut-etre", "vraisemblablement",
    ]
    private static let todayWords = ["today", "aujourd'hui", "aujourdhui"]
    private static let openWords = ["..", "...", "…"]

    /// Months and their abbreviations; a final dot ("sept.", "janv.") is read as well.
    private static let months: [([String], UInt8)] = [
        (["january", "jan", "janvier", "janv"], 1),
        (["february", "feb", "fevrier", "fevr", "fev"], 2),
        (["march", "mar", "mars"], 3),
        (["april", "apr", "avril", "avr"], 4),
        (["may", "mai"], 5),
        (["june", "jun", "juin"], 6),
        (["july", "jul", "juillet", "juil"], 7),
        (["august", "aug", "aout"], 8),
        (["september", "sep", "sept", "septembre"], 9),
        (["october", "oct", "octobre"], 10),
        (["november", "nov", "novembre"], 11),
        (["december", "dec", "decembre"], 12),
    ]

    /// Weekdays and their abbreviations, with or without a final dot.
    private static let weekdays: [([String], UInt8)] = [
        (["monday", "mon", "lundi"], 1),
        (["tuesday", "tue", "tues", "mardi"], 2),
        (["wednesday", "wed", "mercredi"], 3),
        (["thursday", "thu", "thur", "thurs", "jeudi"], 4),
        (["friday", "fri", "vendredi"], 5),
        (["saturday", "sat", "samedi"], 6),
        (["sunday", "sun", "dimanche"], 7),
    ]

    private static let groupings: [([String], SubYearGrouping)] = [
        (["spring", "printemps"], .spring),
        (["summer", "ete"], .summer),
        (["autumn", "fall", "automne"], .autumn),
        (["winter", "hiver"], .winter),
        (["early", "debut"], .early),
        (["mid", "mi", "milieu"], .mid),
        (["late", "fin"], .late),
    ]

    private static let counts: [([String], UInt8)] = [
        (["a", "an", "one", "un", "une"], 1), (["two", "deux"], 2), (["three", "trois"], 3), (["four", "quatre"], 4),
        (["five", "cinq"], 5), (["six"], 6), (["seven", "sept"], 7), (["eight", "huit"], 8), (["nine", "neuf"], 9),
        (["ten", "dix"], 10), (["eleven", "onze"], 11), (["twelve", "douze"], 12),
    ]

    private static let units: [([String], CalendarUnit)] = [
        (["year", "years", "annee", "annees", "an", "ans"], .year),
        (["month", "months", "mois"], .month),
        (["week", "weeks", "semaine", "semaines"], .week),
        (["day", "days", "jour", "jours"], .day),
    ]

    private static let intervalPrefixes: [([String], IntervalPrefix)] = [
        (["since", "depuis", "des", "starting"], .since),
        (["until", "till", "jusqu'en", "jusqu'au", "jusqu'a", "jusque"], .until),
        (["up"], .up), (["from"], .from), (["between"], .between), (["du"], .du), (["de", "d'"], .de),
        (["entre"], .entre),
    ]

    private static let intervalSeparators: [([String], IntervalSeparator)] = [
        (["/"], .slash), (["–"], .enDash), (["—"], .emDash), (["-"], .hyphen), (["to"], .to), (["until"], .until),
        (["till"], .till), (["through"], .through), (["and"], .and), (["au"], .au), (["a"], .a),
        (["jusqu'au"], .jusquAu), (["jusqu'a"], .jusquA), (["jusqu'en"], .jusquEn), (["et"], .et),
    ]

    private static let englishDirections: [([String], Int8)] = [(["last"], -1), (["this"], 0), (["next"], 1)]
    private static let frenchDirections: [([String], Int8)] = [
        (["dernier", "derniere", "passe", "passee"], -1), (["prochain", "prochaine"], 1),
    ]
}
