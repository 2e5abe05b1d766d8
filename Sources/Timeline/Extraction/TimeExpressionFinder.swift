/// Finds the time expressions of a news text in English or French and works out their values:
/// absolute and partial dates with the precision the words give, intervals and open spans,
/// durations, and relative dates resolved against the publication date and the year the text
/// last mentioned. Counts, amounts, ids ("COVID-19") and names with numbers are left alone.
public struct TimeExpressionFinder: Sendable {
    /// The day the text was published, against which "lundi", "hier", "last year" are resolved.
    public var published: Day?

    public init(published: Day? = nil) {
        self.published = published
    }

    /// Every time expression of `article`, in text order, none overlapping another.
    public func mentions(in article: ArticleText) -> [TimeMention] {
        sentences(of: article).flatMap(\.mentions)
    }

    /// A sentence of the article and the time expressions in it.
    struct Sentence {
        /// The paragraph's number, from 0.
        var paragraph: Int
        /// Offsets in code points.
        var range: Range<Int>
        var tokens: ArraySlice<TextToken>
        var mentions: [TimeMention]
    }

    /// The article's sentences in order, each with its time expressions.
    func sentences(of article: ArticleText) -> [Sentence] {
        var cache: [UInt32: String] = [:]
        var context = Context()
        var result: [Sentence] = []
        for (number, paragraph) in article.paragraphs.enumerated() {
            context.paragraph = number
            let tokens = TextToken.tokens(of: article.scalars, in: paragraph, folding: &cache)
            for sentence in Self.sentences(of: tokens) {
                var scanner = Scanner(tokens: tokens, sentence: sentence, published: published, context: context)
                let mentions = scanner.scan(article: article)
                context = scanner.context
                let range = tokens[sentence.lowerBound].start..<tokens[sentence.upperBound - 1].end
                result.append(Sentence(paragraph: number, range: range, tokens: tokens[sentence], mentions: mentions))
            }
        }
        return result
    }

    /// What earlier sentences say that later ones lean on: the last year mentioned, and where.
    struct Context {
        var year: Int?
        var yearParagraph = -10
        var paragraph = 0

        /// The year a month or a day without one belongs to: the one the text just mentioned (in
        /// this paragraph or the one before), else none.
        var recentYear: Int? { paragraph - yearParagraph <= 1 ? year : nil }

        mutating func mention(year: Int) {
            self.year = year
            yearParagraph = paragraph
        }
    }

    /// The token ranges of the sentences of a paragraph: each ends after `.`, `!`, `?` or `…`
    /// followed by a capital or a quote, or at a `;`.
    static func sentences(of tokens: [TextToken]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var start = 0
        for (index, token) in tokens.enumerated() where token.kind == .mark {
            let ends = ["!", "?", "…", ";"].contains(token.folded) || token.folded == "."
            guard ends, index + 1 < tokens.count else { continue }
            let next = tokens[index + 1]
            // "c. 2010", "J.-P.", "p. 4": a full stop before a lowercase word or a number is not an end.
            if token.folded == "." && !(next.isCapitalized || next.kind == .mark) { continue }
            if token.folded == "." && index > 0 && tokens[index - 1].kind == .word && tokens[index - 1].folded.count == 1 { continue }
            result.append(start..<(index + 1))
            start = index + 1
        }
        if start < tokens.count { result.append(start..<tokens.count) }
        return result
    }
}
