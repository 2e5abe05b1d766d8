/// An actor's part in an event or a partnership: "Google", role "partner".
public struct ActorRole: Hashable, Sendable {
    /// The actor's name (or one of its aliases, when given by a user).
    public var name: String
    /// partner, host, speaker, ...; nil when not said.
    public var role: String?

    public init(name: String, role: String? = nil) {
        self.name = name
        self.role = role
    }

    /// "Google (partner)", or "Google" without a role.
    public var labelWithRole: String { role.map { "\(name) (\($0))" } ?? name }
}
