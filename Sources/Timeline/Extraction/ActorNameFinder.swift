/// Finds who a sentence names: the stored actors and their aliases when a database is given
/// (case and accents ignored, the longest name first), else runs of capitalised words
/// ("Mayo Clinic", "Sundar Pichai", "Our Shot 2 Save Lives").
struct ActorNameFinder {
    /// Folded name words → the actor's name, longest names first.
    private let known: [(words: [String], name: String)]

    init(knownActors: [ActorProfile]) {
        var cache: [UInt32: String] = [:]
        var known: [(words: [String], name: String)] = []
        for actor in knownActors {
            for spelling in [actor.name] + actor.aliases {
                let scalars = Array(spelling.unicodeScalars)
                let words = TextToken.tokens(of: scalars, in: 0..<scalars.count, folding: &cache)
                    .filter { $0.kind != .mark }.map(\.folded)
                if !words.isEmpty { known.append((words, actor.name)) }
            }
        }
        self.known = known.sorted { $0.words.count > $1.words.count }
    }

    var usesKnownActors: Bool { !known.isEmpty }

    /// The names in `tokens` of `article`, in order of appearance, each once, with where each starts.
    func names(in tokens: ArraySlice<TextToken>, of article: ArticleText) -> [(name: String, start: Int)] {
        let words = Array(tokens.filter { $0.kind != .mark })
        var found: [(name: String, start: Int)] = []
        func add(_ name: String, _ start: Int) {
            if !found.contains(where: { $0.name == name }) { found.append((name, start)) }
        }
        var index = 0
        if usesKnownActors {
            while index < words.count {
                if let match = known.first(where: { candidate in
                    index + candidate.words.count <= words.count
                        && zip(candidate.words, words[index..<(index + candidate.words.count)]).allSatisfy { $0 == $1.folded }
                }) {
                    add(match.name, words[index].start)
                    index += match.words.count
                } else {
                    index += 1
                }
            }
            return found
        }
        let tokens = Array(tokens)
        index = 0
        while index < tokens.count {
            // "Our Shot 2 Save Lives": a word that is no name alone can begin one.
            let beginsName =
                Self.namePrefixes.contains(tokens[index].folded) && index + 1 < tokens.count && tokens[index + 1].isCapitalized
                && !Self.notNames.contains(tokens[index + 1].folded)
            guard tokens[index].kind == .word, tokens[index].isCapitalized, beginsName || !Self.notNames.contains(tokens[index].folded)
            else {
                index += 1
                continue
            }
            var end = index + 1
            var last = index
            while end < tokens.count {
                let token = tokens[end]
                if token.kind == .word && token.isCapitalized && !Self.notNames.contains(token.folded) {
                    last = end
                } else if token.kind == .number, end + 1 < tokens.count, tokens[end + 1].isCapitalized {
                    // Our Shot 2 Save Lives
                } else if token.kind == .word, Self.connectors.contains(token.folded), end + 1 < tokens.count,
                    tokens[end + 1].isCapitalized, !Self.notNames.contains(tokens[end + 1].folded)
                {
                    // Bank of America, Institut de France
                } else {
                    break
                }
                end += 1
            }
            add(article[tokens[index].start..<tokens[last].end], tokens[index].start)
            index = last + 1
        }
        return found
    }

    /// Capitalised words that start sentences or name times, not actors.
    private static let notNames = Set<String>([
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "en", "dans", "comme", "mais", "au", "aux", "plus",
        "chez", "qui", "que", "quoi", "avec", "nous", "vous", "il", "elle", "ils", "elles", "on", "ce", "cette", "ces",
        "et", "ou", "pour", "par", "sur", "sous", "apres", "avant", "selon", "depuis", "entre", "jusqu", "lors", "son",
        "sa", "ses", "leur", "leurs", "notre", "nos", "je", "j", "c", "s", "n", "qu", "a", "si", "ainsi", "alors",
        "the", "an", "in", "at", "for", "and", "but", "with", "it", "its", "we", "they", "he", "she", "this", "that",
        "these", "those", "since", "from", "between", "until", "last", "next", "earlier", "later", "according", "as",
        "by", "of", "to", "our", "their", "his", "her", "if", "when", "while", "after", "before", "i", "you", "there",
        "ia", "ai", "ceo", "pdg", "hier", "aujourd", "today", "yesterday", "mr", "mrs", "ms", "dr", "m", "mme",
        "chacun", "chacune", "tous", "toutes", "quand", "lorsque", "puis", "enfin", "ensuite", "pourtant", "voici",
        "trois", "deux", "dix", "three", "two", "ten", "covid", "franchement", "ah", "oui", "non", "yes", "no",
        "site", "web", "internet",
    ]).union(TimeVocabulary.months.keys).union(TimeVocabulary.weekdays.keys)

    /// Words that are no name alone but can begin one: "Our Shot 2 Save Lives", "The New York Times".
    private static let namePrefixes: Set<String> = ["our", "the"]

    /// Lowercase words inside English names ("Bank of America"); French "de" is left out, as
    /// "YouTube de Google" names two actors more often than one.
    private static let connectors: Set<String> = ["of", "and", "&", "for"]
}
