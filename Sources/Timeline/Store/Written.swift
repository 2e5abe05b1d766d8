/// What a write returns: its value (the id of what it added, say) and the records it created
/// only because the input named them ("actor \"Gooogle\"", "source \"nosuch\""), which a
/// command tells its user, so that a typo does not pass unseen.
public struct Written<Value> {
    public let value: Value
    /// Each created record, as a user reads it: `actor "Gooogle"`.
    public let createdByReference: [String]
}

extension Written: Sendable where Value: Sendable {}
