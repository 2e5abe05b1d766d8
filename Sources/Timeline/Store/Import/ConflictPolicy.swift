/// What to do when an imported record has the id (or, for actors, the name) of a stored one
/// with different content.
public enum ConflictPolicy: String, CaseIterable, Sendable {
    /// Stop, and import nothing.
    case fail
    /// Keep the stored record.
    case skip
    /// Replace the stored record with the imported one.
    case update
}
