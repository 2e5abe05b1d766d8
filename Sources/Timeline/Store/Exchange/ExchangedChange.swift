/// What copies of a timeline exchange (`timeline changes export` and `apply`): each change set
/// of the history with who made it, when, why and on which source, followed by the rows it
/// changed with their values before and after. Rows are named by their ids, which are the same
/// in every copy (see `Store.newRowID(in:)`).
public enum ExchangeItem: Sendable {
    case changeSet(ExchangedChangeSet)
    /// The rows that follow, up to the next range or change set, were inserted in bulk (an
    /// import's new events, links and quotes): every row of `table` whose first key is from
    /// `first` to `last`. A copy that has none of them records them as one range too.
    case range(table: String, first: Int64, last: Int64)
    case row(ExchangedRow)
}

/// A change set as it travels between copies: its identity in every copy (`uid`), and its
/// description as recorded where it was made.
public struct ExchangedChangeSet: Equatable, Sendable {
    public var uid: String
    /// When it was made, UTC: `2026-12-02T13:45:10.123Z`.
    public var at: String
    public var author: String?
    public var command: String
    public var reason: String?
    public var source: String?
    /// The uid of the change set it undid.
    public var undoes: String?

    public init(
        uid: String, at: String, author: String?, command: String, reason: String? = nil, source: String? = nil, undoes: String? = nil
    ) {
        self.uid = uid
        self.at = at
        self.author = author
        self.command = command
        self.reason = reason
        self.source = source
        self.undoes = undoes
    }

    /// Who and when, as a conflict shows it: `alice, 2026-12-02T13:45:10Z`.
    var attribution: String {
        [author ?? "author unknown", ChangeSet.secondsOf(at), source.map { "source \($0)" }].compactMap { $0 }.joined(separator: ", ")
    }
}

/// One row a change set inserted, updated or deleted.
public struct ExchangedRow: Sendable {
    public enum Operation: String, Sendable {
        case insert, update, delete
    }

    /// One of the tables of records (not the search index's, nor the history's).
    public var table: String
    public var operation: Operation
    /// The row's key before the change (after it, for an insert): its id, or its owner's id and
    /// what tells it among the owner's rows, as in the `history` table.
    public var key: [DatabaseValue]
    /// Before: every column for a delete, the columns that changed for an update.
    public var old: [(column: String, value: DatabaseValue)]
    /// After: every column for an insert, the columns that changed for an update.
    public var new: [(column: String, value: DatabaseValue)]

    public init(
        table: String, operation: Operation, key: [DatabaseValue], old: [(column: String, value: DatabaseValue)] = [],
        new: [(column: String, value: DatabaseValue)] = []
    ) {
        self.table = table
        self.operation = operation
        self.key = key
        self.old = old
        self.new = new
    }
}
