/// Proposes the dated events of a news article, for a person to review and import: one event
/// per sentence that carries a date, with a short title, the sentence as summary, the actors it
/// names, the quotations of its paragraph with their speakers, and the article as source with
/// the paragraph as locator. Every event is tagged `extracted`.
public struct ArticleExtractor: Sendable {
    /// The article as a source.
    public var source: Source
    /// The day it was published: relative dates ("lundi", "l'année dernière") count from it.
    public var published: Day?
    /// `fr` or `en`; nil to decide from the text.
    public var language: String?
    /// Stored actors, recognised by name or alias; when empty, capitalised names are proposed.
    public var knownActors: [ActorProfile]

    /// The tag every proposed event carries, so that `show --tag extracted` lists what to review.
    public static let tag = "extracted"
    /// The tag of an event whose summary proposes a span worked out from a duration.
    public static let spanTag = "span-from-duration"

    public init(source: Source, published: Day? = nil, language: String? = nil, knownActors: [ActorProfile] = []) {
        self.source = source
        self.published = published
        self.language = language
        self.knownActors = knownActors
    }

    /// The proposed events, with the article as their source and the actors they name that are
    /// not stored yet: a document `timeline import` reads.
    public func document(for article: ArticleText) -> TimelineDocument {
        let language = language ?? ExtractionLanguage.guess(for: article)
        var source = source
        if source.title == nil && source.url == nil, let headline = article.paragraphs.first.map({ article[$0] }) {
            // Without a title or an address, the article's first line, its headline, names it.
            let words = headline.split(whereSeparator: \.isWhitespace)
            source.title = words.prefix(25).joined(separator: " ") + (words.count > 25 ? "…" : "")
        }
        source.id = source.id ?? Self.sourceID(title: source.title, url: source.url)
        source.language = source.language ?? language
        if source.published == nil, let published { source.published = try? PartialDate(parsing: published.iso) }
        var run = Run(
            article: article, language: language, sourceID: source.id!, names: ActorNameFinder(knownActors: knownActors),
            sentences: Dictionary(grouping: TimeExpressionFinder(published: published).sentences(of: article), by: \.paragraph),
            publication: Set([source.title, source.publisher].compactMap { $0?.lowercased() }))
        run.proposeEvents()
        // No actor records: events name their actors, and an import links each name to the stored
        // actor (by name or alias) or creates it, so a proposal never conflicts with what is stored.
        return TimelineDocument(sources: [source], events: run.events.map(\.event))
    }
}

extension ArticleExtractor {
    /// One pass over an article, paragraph by paragraph.
    struct Run {
        let article: ArticleText
        let language: String
        let sourceID: String
        let names: ActorNameFinder
        /// The sentences of each paragraph, by the paragraph's number.
        let sentences: [Int: [TimeExpressionFinder.Sentence]]
        /// The article's title and publisher, lowercased: named in it, but not actors of its events.
        let publication: Set<String>

        /// The events proposed so far, with the paragraph of each.
        var events: [(event: Event, paragraph: Int)] = []
        /// The last speaker of a quotation, for "a-t-il ajouté".
        var previousSpeaker: String?
        /// Names of two words or more seen so far, for a surname used alone later ("Biwer").
        var fullNames: [String] = []
        var quotesByParagraph: [Int: [(quote: Quote, start: Int)]] = [:]

        mutating func proposeEvents() {
            for paragraph in article.paragraphs.indices {
                var sentences = self.sentences[paragraph] ?? []
                let quotes = quotes(inParagraph: paragraph)
                var attributed: [Quote] = []
                if paragraph > 0, ArticleExtractor.isAttributionLine(article[article.paragraphs[paragraph]]) {
                    // "Mayo Clinic, septembre 2019" under a quotation: the statement, dated, read as one line.
                    attributed = self.quotes(inParagraph: paragraph - 1).map(\.quote)
                    if !attributed.isEmpty, !sentences.isEmpty {
                        sentences = [
                            TimeExpressionFinder.Sentence(
                                paragraph: paragraph, range: article.paragraphs[paragraph],
                                tokens: sentences.flatMap(\.tokens)[...], mentions: sentences.flatMap(\.mentions))
                        ]
                    }
                }
                let dated = sentences.compactMap { sentence -> (TimeExpressionFinder.Sentence, TimeMention, PartialDate)? in
                    guard let mention = sentence.mentions.first(where: { $0.kind == .date && $0.value != nil }),
                        let date = try? PartialDate(parsing: mention.value!)
                    else { return nil }
                    return (sentence, mention, date)
                }
                if !attributed.isEmpty {
                    if let (sentence, mention, date) = dated.first {
                        propose(sentence, date: date, dated: mention, quotes: attributed, isAttribution: true)
                    }
                    continue
                }
                // Each quotation goes with the dated sentence it is in, else the one before it, else the first.
                var quotesOf = Array(repeating: [Quote](), count: dated.count)
                for (quote, start) in quotes where !dated.isEmpty {
                    let target =
                        dated.firstIndex { $0.0.range.contains(start) } ?? dated.lastIndex { $0.0.range.lowerBound <= start } ?? 0
                    quotesOf[target].append(quote)
                }
                for (index, (sentence, mention, date)) in dated.enumerated() {
                    propose(sentence, date: date, dated: mention, quotes: quotesOf[index], isAttribution: false)
                }
                // Quotations without a date of their own follow the event that names their speaker,
                // unless the next line says who spoke and when.
                let nextIsAttribution =
                    paragraph + 1 < article.paragraphs.count
                    && ArticleExtractor.isAttributionLine(article[article.paragraphs[paragraph + 1]])
                if dated.isEmpty, !nextIsAttribution, let last = events.indices.last, paragraph - events[last].paragraph <= 3 {
                    for (quote, _) in quotes
                    where events[last].event.actors.contains(where: { $0.name == quote.speaker })
                        && !events[last].event.quotes.contains(quote)
                    {
                        events[last].event.quotes.append(quote)
                        if events[last].event.kind == nil { events[last].event.kind = "statement" }
                        for index in events[last].event.actors.indices where events[last].event.actors[index].name == quote.speaker {
                            events[last].event.actors[index].role = events[last].event.actors[index].role ?? speakerRole
                        }
                    }
                }
            }
            var used: [String: Int] = [:]
            for index in events.indices {
                let base = Identifier.slug(from: events[index].event.title, fallback: "extracted")
                used[base, default: 0] += 1
                events[index].event.id = used[base] == 1 ? base : "\(base)-\(used[base]!)"
            }
        }

        private mutating func propose(
            _ sentence: TimeExpressionFinder.Sentence, date: PartialDate, dated: TimeMention, quotes: [Quote], isAttribution: Bool
        ) {
            let text = article[sentence.range]
            var actors: [ActorRole] = []
            for found in names.names(in: sentence.tokens, of: article) where !publication.contains(found.name.lowercased()) {
                let name = fullName(found.name)
                if !actors.contains(where: { $0.name == name }) { actors.append(ActorRole(name: name)) }
            }
            for quote in quotes where !actors.contains(where: { $0.name == quote.speaker }) {
                actors.append(ActorRole(name: quote.speaker))
            }
            for index in actors.indices where quotes.contains(where: { $0.speaker == actors[index].name }) {
                actors[index].role = speakerRole
            }
            var summary = text
            var tags = [ArticleExtractor.tag]
            if let span = ArticleExtractor.proposedSpan(from: date, mentions: sentence.mentions) {
                summary += language == "fr" ? " [durée proposée : \(span)]" : " [proposed span: \(span)]"
                tags.append(ArticleExtractor.spanTag)
            }
            let title =
                isAttribution
                ? ArticleExtractor.statementTitle(speaker: quotes[0].speaker, words: quotes[0].text, language: language)
                : ArticleExtractor.title(of: text, leavingOut: dated, sentenceStart: sentence.range.lowerBound)
            let event = Event(
                title: title, date: date, summary: summary, kind: quotes.isEmpty ? nil : "statement", actors: actors,
                tags: tags.sorted(), sources: [Citation(Source(id: sourceID), locator: locator(sentence.paragraph))],
                quotes: quotes)
            events.append((event, sentence.paragraph))
        }

        /// The quotations of a paragraph that the text attributes, each with the paragraph as locator.
        private mutating func quotes(inParagraph number: Int) -> [(quote: Quote, start: Int)] {
            if let known = quotesByParagraph[number] { return known }
            let tokens = (sentences[number] ?? []).flatMap(\.tokens)[...]
            let named = names.names(in: tokens, of: article).map { (name: fullName($0.name), start: $0.start) }
            var found: [(quote: Quote, start: Int)] = []
            for range in QuoteFinder.quotes(in: article.paragraphs[number], of: article) {
                var speaker = QuoteFinder.speaker(of: range, in: tokens, names: named, previousSpeaker: previousSpeaker)
                if speaker == nil, number + 1 < article.paragraphs.count,
                    ArticleExtractor.isAttributionLine(article[article.paragraphs[number + 1]])
                {
                    // A quotation alone in its paragraph, then a line naming who said it and when.
                    let next = (sentences[number + 1] ?? []).flatMap(\.tokens)[...]
                    speaker = names.names(in: next, of: article).first.map { fullName($0.name) }
                }
                guard let speaker else { continue }
                previousSpeaker = speaker
                let quote = Quote(
                    speaker: speaker, text: article[range], language: language,
                    source: Citation(Source(id: sourceID), locator: locator(number)))
                found.append((quote, range.lowerBound))
            }
            quotesByParagraph[number] = found
            return found
        }

        /// "Biwer" once "Molly Biwer" was named: the full name.
        private mutating func fullName(_ name: String) -> String {
            if name.contains(" ") {
                if !fullNames.contains(name) { fullNames.append(name) }
                return name
            }
            return fullNames.last { $0.hasSuffix(" " + name) } ?? name
        }

        /// The role of who speaks in an event's quotations.
        private var speakerRole: String { language == "fr" ? "orateur" : "speaker" }

        private func locator(_ paragraph: Int) -> String {
            (language == "fr" ? "paragraphe " : "paragraph ") + String(paragraph + 1)
        }
    }
}
