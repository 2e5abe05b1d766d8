/// A document that reports facts: an article, a press release, a filing.
public struct Source: Hashable, Sendable {
    /// The stable id (`mayo-google-perspective`); nil for a source not stored yet, which is then
    /// matched on its URL (or, without one, its title) or given an id made from its title.
    public var id: String?
    public var title: String?
    public var url: String?
    public var publisher: String?
    public var author: String?
    /// When it was published; may be partial ("2022-10").
    public var published: PartialDate?
    /// When someone last read it at `url`.
    public var accessed: PartialDate?
    /// A copy that will not move or change (web.archive.org, archive.today, ...).
    public var archivedURL: String?
    /// ISO 639-1 code of the source's language: "fr".
    public var language: String?

    public init(
        id: String? = nil, title: String? = nil, url: String? = nil, publisher: String? = nil,
        author: String? = nil, published: PartialDate? = nil, accessed: PartialDate? = nil,
        archivedURL: String? = nil, language: String? = nil
    ) {
        self.id = id
        self.title = title
        self.url = url
        self.publisher = publisher
        self.author = author
        self.published = published
        self.accessed = accessed
        self.archivedURL = archivedURL
        self.language = language
    }

    /// A source from what a user typed after `--source`: a URL when it has a scheme, else a title.
    /// (The store first tries it as the id of a stored source.)
    public init(reference: String) {
        let text = reference.trimmingWhitespace
        if Source.looksLikeURL(text) {
            self.init(url: text)
        } else {
            self.init(title: text)
        }
    }

    static func looksLikeURL(_ text: String) -> Bool {
        ["http://", "https://", "doi:", "urn:", "ftp://"].contains { text.lowercased().hasPrefix($0) }
    }

    /// What a reader sees for this source: its title, else its URL.
    public var label: String { title ?? url ?? id ?? "" }
}

/// A source cited for one fact, with where in it the fact is.
public struct Citation: Hashable, Sendable {
    public var source: Source
    /// Page, paragraph or quoted passage that supports the fact.
    public var locator: String?

    public init(_ source: Source, locator: String? = nil) {
        self.source = source
        self.locator = locator
    }
}
