/// Finds quoted words in a paragraph (« … », “ … ”, "…"; a « left open runs to the paragraph's
/// end, as French typesetting does across paragraphs) and who the text says spoke them.
struct QuoteFinder {
    /// Quotations shorter than this many words are titles or scare quotes, not statements.
    static let minimumWords = 5

    /// The quotations of `paragraph`.
    static func quotes(in paragraph: Range<Int>, of article: ArticleText) -> [Range<Int>] {
        let scalars = article.scalars
        var result: [Range<Int>] = []
        var index = paragraph.lowerBound
        while index < paragraph.upperBound {
            let scalar = scalars[index]
            let closing: Unicode.Scalar? =
                switch scalar {
                case "«": "»"
                case "“": "”"
                case "„": "“"
                case "\"": "\""
                default: nil
                }
            guard let closing else {
                index += 1
                continue
            }
            var end = index + 1
            while end < paragraph.upperBound, scalars[end] != closing { end += 1 }
            if end == paragraph.upperBound && scalar == "\"" {
                index += 1
                continue
            }
            var lower = index + 1
            var upper = end
            while lower < upper, scalars[lower].isWhiteSpace { lower += 1 }
            while upper > lower, scalars[upper - 1].isWhiteSpace { upper -= 1 }
            let words = scalars[lower..<upper].split(whereSeparator: \.isWhiteSpace).count
            if words >= minimumWords { result.append(lower..<upper) }
            index = end + 1
        }
        return result
    }

    /// Verbs of saying, folded, that put the speaker after them ("a déclaré Biwer", "said Pichai")
    /// or before them ("Biwer a déclaré", "Pichai said").
    private static let sayingVerbs: Set<String> = [
        "declare", "dit", "ajoute", "explique", "affirme", "souligne", "indique", "precise", "conclut", "estime",
        "assure", "confie", "raconte", "rappelle", "poursuit", "insiste", "said", "says", "added", "explained",
        "told", "stated", "noted", "concluded", "wrote", "declared", "adds", "explains", "affirmait", "declarait",
    ]

    /// Words before a name that are not part of it.
    private static let titles: Set<String> = ["dr", "mr", "mrs", "ms", "prof", "m", "mme", "mgr", "sir", "dame", "pr"]

    /// Who the paragraph says spoke the quotation at `quote`: a name after a dash that follows the
    /// closing mark ("» – Our Shot 2 Save Lives"), else the name nearest a verb of saying outside
    /// the quotation ("a déclaré Sundar Pichai", "selon Biwer", "said Pichai"), else, for "a-t-il
    /// ajouté" or "a déclaré le spécialiste…", `previousSpeaker`.
    static func speaker(
        of quote: Range<Int>, in tokens: ArraySlice<TextToken>, names: [(name: String, start: Int)], previousSpeaker: String?
    ) -> String? {
        let outside = tokens.filter { $0.end <= quote.lowerBound || $0.start >= quote.upperBound }
        let after = outside.filter { $0.start >= quote.upperBound }
        // » – Name
        if after.count >= 3,
            after[after.startIndex + 1].isMark("–") || after[after.startIndex + 1].isMark("—")
                || after[after.startIndex + 1].isMark("-")
        {
            let dashEnd = after[after.startIndex + 1].end
            if let name = names.first(where: { $0.start >= dashEnd && $0.start <= dashEnd + 2 }) { return name.name }
        }
        for (position, token) in outside.enumerated() where token.kind == .word {
            let isVerb = sayingVerbs.contains(token.folded) || token.folded == "selon" || token.folded == "according"
            guard isVerb else { continue }
            // a-t-il ajouté, a-t-elle déclaré: the speaker named before.
            let window = outside[max(0, position - 4)..<position].map(\.folded)
            if window.contains("il") || window.contains("elle") || window.contains("he") || window.contains("she") {
                return previousSpeaker
            }
            let nextWord = outside[(position + 1)...].first { $0.kind == .word }
            if let nextWord, ["le", "la", "the", "un", "une", "a", "an", "this", "ce", "cette"].contains(nextWord.folded) {
                return previousSpeaker
            }
            // The name right after the verb, past a title (a déclaré Biwer, said Dr. Farrugia), else
            // the one that ends just before it (Biwer a déclaré, Pichai said, Biwer l'a expliqué).
            var nameStart = nextWord
            var after = position + 1
            while let word = nameStart, titles.contains(word.folded), let next = outside[(after + 1)...].first(where: { $0.kind == .word })
            {
                after = outside.firstIndex { $0.start == next.start } ?? after
                nameStart = next
            }
            if let nameStart, let name = names.first(where: { $0.start == nameStart.start }) { return name.name }
            if let name = names.last(where: { name in
                let end = name.start + name.name.unicodeScalars.count
                return end <= token.start && token.start - end <= 6 && (quote.upperBound <= name.start || end <= quote.lowerBound)
            }) {
                return name.name
            }
        }
        return nil
    }
}
