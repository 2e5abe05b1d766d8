/// One dated happening in a timeline: "Mayo Clinic and Google announce a ten-year partnership".
public struct Event: Hashable, Sendable {
    /// The stable id (`mayo-google-partnership`): lowercase letters, digits, `.`, `_`, `-`.
    /// Nil for an event not stored yet; the store then makes one from the title.
    public var id: String?
    public var title: String
    /// When it happened, as precisely and as certainly as it is known.
    public var date: PartialDate
    public var summary: String?
    /// A free word that sorts events into families: partnership, statement, campaign, ...
    public var kind: String?
    /// The id of the partnership this event belongs to, if any.
    public var partnership: String?
    /// Who took part, in the order given, each with an optional role.
    public var actors: [ActorRole]
    /// Tags, sorted case-insensitively.
    public var tags: [String]
    /// Where it was reported, in the order given.
    public var sources: [Citation]
    /// What was said, by whom, in the order given.
    public var quotes: [Quote]
    /// Retracted or disputed, with why; nil while it stands.
    public var status: EventStatus?
    /// Derived when searched: the passage that matched.
    public var snippet: SearchSnippet?
    /// When the event was first stored and last changed (UTC, ISO 8601); nil until stored.
    public var createdAt: String?
    public var updatedAt: String?

    public init(
        id: String? = nil, title: String, date: PartialDate, summary: String? = nil, kind: String? = nil,
        partnership: String? = nil, actors: [ActorRole] = [], tags: [String] = [], sources: [Citation] = [],
        quotes: [Quote] = [], status: EventStatus? = nil, createdAt: String? = nil, updatedAt: String? = nil
    ) {
        self.id = id
        self.title = title
        self.date = date
        self.summary = summary
        self.kind = kind
        self.partnership = partnership
        self.actors = actors
        self.tags = tags
        self.sources = sources
        self.quotes = quotes
        self.status = status
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The event's content, without what the store derives (timestamps, the roles speakers
    /// held, search snippets): what an import compares.
    public var content: Event {
        var copy = self
        copy.snippet = nil
        copy.createdAt = nil
        copy.updatedAt = nil
        for index in copy.quotes.indices { copy.quotes[index].speakerRole = nil }
        return copy
    }
}

extension Event {
    /// This event with what `other` adds to it, when the two are one event entered twice: its
    /// title and date stay; it gains the actors, tags, sources and quotes of `other` that it
    /// lacks, and the kind and partnership of `other` when it has none. Two different summaries
    /// are both kept, this one first, so that nothing written is lost.
    public func merging(_ other: Event) -> Event {
        var merged = self
        var summaries: [String] = []
        for summary in [summary, other.summary].compactMap(\.self) where !summaries.contains(summary) { summaries.append(summary) }
        merged.summary = summaries.isEmpty ? nil : summaries.joined(separator: "\n\n")
        merged.kind = kind ?? other.kind
        merged.partnership = partnership ?? other.partnership
        merged.actors += other.actors  // normalizing drops the same actor with the same role
        merged.tags += other.tags
        merged.sources += other.sources.filter { citation in
            !sources.contains { $0.source.id == citation.source.id && $0.locator == citation.locator }
        }
        merged.quotes += other.quotes.filter { quote in !quotes.contains { $0.speaker == quote.speaker && $0.text == quote.text } }
        return merged
    }
}
