/// What an actor is: an organization, a person, or something else (a summit, a campaign).
public enum ActorKind: String, CaseIterable, Sendable {
    case organization, person, other
}

/// An actor with everything the timeline knows about it: kind, other names, the organization it
/// is part of, and (for people) the roles held over time.
public struct ActorProfile: Hashable, Sendable {
    public var name: String
    public var kind: ActorKind
    /// Other names it goes by ("Google LLC", "Google Inc."), sorted.
    public var aliases: [String]
    /// The name of the actor it is part of: YouTube is part of Google.
    public var partOf: String?
    /// Roles held in organizations, with when.
    public var affiliations: [Affiliation]

    public init(
        name: String, kind: ActorKind = .organization, aliases: [String] = [], partOf: String? = nil,
        affiliations: [Affiliation] = []
    ) {
        self.name = name
        self.kind = kind
        self.aliases = aliases
        self.partOf = partOf
        self.affiliations = affiliations
    }
}

/// A role held in an organization over a span: Sundar Pichai, CEO of Google, 2019.
public struct Affiliation: Hashable, Sendable {
    /// The organization's actor name.
    public var organization: String
    public var role: String?
    /// When the role was held; nil when not known (it then applies at any date).
    public var date: PartialDate?

    public init(organization: String, role: String? = nil, date: PartialDate? = nil) {
        self.organization = organization
        self.role = role
        self.date = date
    }

    /// "CEO, Google", or "Google" without a role.
    public var label: String { role.map { "\($0), \(organization)" } ?? organization }

    /// True when the role may have been held at some point of `date` (spans overlap; an
    /// unknown span always may).
    public func overlaps(_ date: PartialDate) -> Bool {
        guard let span = self.date else { return true }
        if let start = span.earliest, let end = date.latest, start > end { return false }
        if let end = span.latest, let start = date.earliest, end < start { return false }
        return true
    }
}
