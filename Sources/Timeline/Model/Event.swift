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
    /// Who took part, in the order given, each with an optional role.
    public var actors: [EventActor]
    /// Tags, sorted case-insensitively.
    public var tags: [String]
    /// Where it was reported, in the order given.
    public var sources: [EventSource]
    /// When the event was first stored and last changed (UTC, ISO 8601); nil until stored.
    public var createdAt: String?
    public var updatedAt: String?

    public init(id: String? = nil, title: String, date: PartialDate, summary: String? = nil, kind: String? = nil,
                actors: [EventActor] = [], tags: [String] = [], sources: [EventSource] = [],
                createdAt: String? = nil, updatedAt: String? = nil) {
        self.id = id
        self.title = title
        self.date = date
        self.summary = summary
        self.kind = kind
        self.actors = actors
        self.tags = tags
        self.sources = sources
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The event's content, without the store's bookkeeping (timestamps): what an import compares.
    public var content: Event {
        var copy = self
        copy.createdAt = nil
        copy.updatedAt = nil
        return copy
    }
}

/// An actor's part in one event: "Google", role "partner".
public struct EventActor: Hashable, Sendable {
    public var name: String
    /// partner, host, speaker, ...; nil when not said.
    public var role: String?

    public init(name: String, role: String? = nil) {
        self.name = name
        self.role = role
    }
}

/// A source an event cites, with where in it the fact is (`locator`).
public struct EventSource: Hashable, Sendable {
    public var title: String?
    public var url: String?
    public var publisher: String?
    /// When the source was published; may be partial ("2022-10").
    public var published: PartialDate?
    /// ISO 639-1 code of the source's language: "fr".
    public var language: String?
    /// Page, paragraph or quoted passage that supports the event.
    public var locator: String?

    public init(title: String? = nil, url: String? = nil, publisher: String? = nil, published: PartialDate? = nil,
                language: String? = nil, locator: String? = nil) {
        self.title = title
        self.url = url
        self.publisher = publisher
        self.published = published
        self.language = language
        self.locator = locator
    }

    /// A source from what a user typed after `--source`: a URL when it has a scheme, else a title.
    public init(reference: String) {
        let text = reference.trimmingWhitespace
        if text.hasPrefix("http://") || text.hasPrefix("https://") || text.hasPrefix("doi:") || text.hasPrefix("urn:") {
            self.init(url: text)
        } else {
            self.init(title: text)
        }
    }

    /// What a reader sees for this source: its title, else its URL.
    public var label: String { title ?? url ?? "" }
}
