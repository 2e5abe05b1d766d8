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
    /// Derived when searched: the passage that matched.
    public var snippet: SearchSnippet?
    /// When the event was first stored and last changed (UTC, ISO 8601); nil until stored.
    public var createdAt: String?
    public var updatedAt: String?

    public init(
        id: String? = nil, title: String, date: PartialDate, summary: String? = nil, kind: String? = nil,
        partnership: String? = nil, actors: [ActorRole] = [], tags: [String] = [], sources: [Citation] = [],
        quotes: [Quote] = [], createdAt: String? = nil, updatedAt: String? = nil
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
