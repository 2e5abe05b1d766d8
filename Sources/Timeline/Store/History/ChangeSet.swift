/// One change set of the history: one user action (a command, or a statement typed by hand),
/// with who made it, when, why, and what it changed record by record, field by field.
public struct ChangeSet: Equatable, Sendable {
    /// Its number, what `timeline undo` takes; later change sets have larger numbers.
    public var id: Int64
    /// When, UTC, ISO 8601 to the millisecond: `2026-12-02T13:45:10.123Z`.
    public var at: String
    /// Who; nil when not known (SQL typed by hand).
    public var author: String?
    /// The command line; `sqlite3` for SQL typed by hand.
    public var command: String
    public var reason: String?
    /// The id of the source the change rests on.
    public var source: String?
    /// The change set this one undid.
    public var undoes: Int64?
    /// What it changed, record by record, in the order it first changed them.
    public var records: [RecordChange]

    /// `at` to the second: `2026-12-02T13:45:10Z`.
    public var time: String { Self.secondsOf(at) }

    /// A time to the millisecond, to the second.
    static func secondsOf(_ at: String) -> String {
        guard at.count > 20, let dot = at.firstIndex(of: ".") else { return at }
        return String(at[..<dot]) + "Z"
    }
}

/// What one change set did to one record: an event with its actors, tags, sources and quotes;
/// an actor with its aliases and affiliations; a partnership with its members, terms and
/// sources; a source; a tag.
public struct RecordChange: Equatable, Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case event, actor, partnership, source, tag
    }

    public enum Operation: String, Sendable {
        case added, changed, deleted
    }

    public var kind: Kind
    /// The record's id (events, partnerships, sources) or name (actors, tags), as it is now, or
    /// as it was when deleted; for records added in bulk, the first and last: `ev-1 … ev-9`.
    public var id: String
    public var operation: Operation
    /// For records added in bulk (an import's new events), how many; else 1.
    public var count: Int
    /// Field by field, what was there before and after (nil: nothing). A link added has no old
    /// value, one removed no new value.
    public var fields: [FieldChange]

    public init(kind: Kind, id: String, operation: Operation, count: Int = 1, fields: [FieldChange] = []) {
        self.kind = kind
        self.id = id
        self.operation = operation
        self.count = count
        self.fields = fields
    }
}

/// One field of a record before and after a change: `title: "Old" → "New"`; or one of its
/// links (an actor, a tag, a source, a quote, an alias…): added, removed, or changed in place.
public struct FieldChange: Equatable, Sendable {
    public var field: String
    public var old: String?
    public var new: String?
    /// True for a link: one of several rows of its kind (`actor: + Google`), not a single value.
    public var isLink: Bool

    public init(field: String, old: String?, new: String?, isLink: Bool = false) {
        self.field = field
        self.old = old
        self.new = new
        self.isLink = isLink
    }
}
