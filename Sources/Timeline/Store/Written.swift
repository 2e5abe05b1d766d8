/// What a write returns: its value (the id of what it added, say), the records it created
/// only because the input named them ("actor \"Gooogle\"", "source \"nosuch\""), which a
/// command tells its user, so that a typo does not pass unseen, and the change set that
/// recorded it in the history.
public struct Written<Value> {
    public let value: Value
    /// Each created record, as a user reads it: `actor "Gooogle"`.
    public let createdByReference: [String]
    /// The change set of the history that recorded the write (what `timeline undo` takes), or
    /// nil when it changed nothing.
    public let changeSet: Int64?
}

extension Written: Sendable where Value: Sendable {}
