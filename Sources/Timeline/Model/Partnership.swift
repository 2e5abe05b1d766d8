/// A tie-up between two or more actors over a span of time, with its announced term and terms:
/// "Mayo Clinic – Google Cloud strategic partnership", 2019-09-10 for ten years.
public struct Partnership: Hashable, Sendable {
    /// The stable id (`mayo-google-cloud`); nil until stored (then made from the name).
    public var id: String?
    public var name: String
    /// Members, two or more, each with a role.
    public var members: [ActorRole]
    /// When it runs: `2019-09-10/2029-09`, open (`2019-09-10/..`) or unknown (`2019-09-10/`) ends
    /// allowed; nil when not known at all.
    public var date: PartialDate?
    /// The term as announced, in words: "ten years".
    public var term: String?
    public var summary: String?
    /// Its terms, one clause each, in the order announced.
    public var terms: [String]
    /// Where it was reported.
    public var sources: [Citation]
    public var createdAt: String?
    public var updatedAt: String?

    public init(
        id: String? = nil, name: String, members: [ActorRole] = [], date: PartialDate? = nil,
        term: String? = nil, summary: String? = nil, terms: [String] = [], sources: [Citation] = [],
        createdAt: String? = nil, updatedAt: String? = nil
    ) {
        self.id = id
        self.name = name
        self.members = members
        self.date = date
        self.term = term
        self.summary = summary
        self.terms = terms
        self.sources = sources
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Without the store's timestamps: what an import compares.
    public var content: Partnership {
        var copy = self
        copy.createdAt = nil
        copy.updatedAt = nil
        return copy
    }

    /// Where the partnership stands on `day`, from its span alone.
    public func status(on day: Day) -> PartnershipStatus {
        guard let date else { return .unknown }
        if let start = date.earliest, start > day { return .planned }
        if let end = date.latest {
            // A single date ("2019") says when it was agreed, not how long it runs.
            guard date.isInterval else { return .unknown }
            return end < day ? .ended : .active
        }
        if date.isOngoing { return date.earliest == nil ? .unknown : .active }
        return .unknown
    }
}

/// Where a partnership stands, derived from its span and a day.
public enum PartnershipStatus: String, CaseIterable, Sendable {
    /// It starts after the day.
    case planned
    /// The day falls within it, or it started and is still going (`/..`).
    case active
    /// It ended before the day.
    case ended
    /// The span does not say: no date, an unknown end (`2019/`), or a single date.
    case unknown
}
