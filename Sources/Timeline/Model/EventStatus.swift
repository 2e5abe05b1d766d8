/// Whether an event still stands. One found wrong stays on the record, marked retracted; one
/// contested is marked disputed (as Wikidata deprecates a wrong claim rather than deleting it),
/// each with why and, when known, the source that shows it. Every view shows the mark; only a
/// filter asked for hides retracted events.
public struct EventStatus: Hashable, Sendable {
    public enum Standing: String, CaseIterable, Sendable {
        /// Found wrong.
        case retracted
        /// Contested: not shown wrong, not to be relied on either.
        case disputed
    }

    public var standing: Standing
    /// Why, in a sentence: "the partnership was announced in 2019, not 2018".
    public var reason: String
    /// The source that shows it (a reference by id, URL or title, as for a citation).
    public var source: Source?

    public init(_ standing: Standing, reason: String, source: Source? = nil) {
        self.standing = standing
        self.reason = reason
        self.source = source
    }
}

extension Event {
    /// The title with the event's mark, for views that have nowhere else to show it:
    /// `[retracted] Mayo Clinic and Google sign…`.
    public var markedTitle: String {
        guard let status else { return title }
        return "[\(status.standing.rawValue)] \(title)"
    }
}
