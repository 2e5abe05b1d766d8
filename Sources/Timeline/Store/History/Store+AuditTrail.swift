/// One row of the history, as the audit trail writes it: which change set, table and row, what
/// was done, and the row's values before and after.
public struct RowChange: Sendable {
    public var changeSet: Int64
    public var table: String
    /// The row: its id, or its owner's id and what tells it among the owner's rows (see the
    /// `history` table's `row_key` and `row_key2`).
    public var key: [DatabaseValue]
    /// For rows inserted in bulk (an import, an upgraded file's first change set): every row
    /// whose first key is from `key[0]` to this.
    public var lastKey: DatabaseValue?
    /// `insert`, `update` or `delete`.
    public var operation: String
    /// Before: every column for a delete, the columns that changed for an update; none for an insert.
    public var old: [(column: String, value: DatabaseValue)]
    /// After: the columns that changed for an update, every column for an insert (of one row);
    /// none for a delete or a range.
    public var new: [(column: String, value: DatabaseValue)]
}

/// What the audit trail holds, in order: each change set, followed by the rows it changed.
public enum AuditTrailItem: Sendable {
    case changeSet(ChangeSet)
    case row(RowChange)
}

extension Store {
    /// The whole history, oldest first, one change set then its rows, as it streams: memory
    /// stays flat however long it is. The change sets' `records` are left empty: the rows say
    /// what changed, with their values before and after.
    public func forEachAuditTrailItem(_ body: (AuditTrailItem) throws -> Void) throws {
        try read {
            try database.readTransaction {
                try database.makeStatement("SELECT id, at, author, command, reason, source, undoes FROM changes ORDER BY id").forEachRow {
                    row in
                    let id: Int64 = row[0]
                    try body(
                        .changeSet(
                            ChangeSet(
                                id: id, at: row[1], author: row[2], command: row[3], reason: row[4], source: row[5], undoes: row[6],
                                records: [])))
                    try database.cachedStatement("SELECT \(HistoryEntry.columnsSQL) FROM history h WHERE h.change_id = ? ORDER BY h.id")
                        .forEachRow([id]) { row in
                            guard let entry = HistoryEntry(row: row) else { return }
                            try body(.row(try rowChange(of: entry)))
                        }
                }
            }
        }
    }

    private func rowChange(of entry: HistoryEntry) throws -> RowChange {
        RowChange(
            changeSet: entry.changeSet, table: entry.table.name, key: entry.key, lastKey: entry.lastRowKey,
            operation: entry.operation.rawValue, old: try entry.oldValues(in: database), new: try entry.newValues(in: database))
    }
}
