/// Going back: undoing history entries on the tables as they are, newest first. `undo` does it
/// for one change set, `--as-of` for every change set after a moment (on a copy), `check` for
/// the whole history (on a copy, where nothing must remain).
extension Store {
    /// The order entries are undone in: newest change set first; in each, its rows newest first,
    /// then its ranges (an import's new rows, which its other rows may have touched after).
    static let revertOrderSQL = "ORDER BY h.change_id DESC, h.last_row_key IS NOT NULL, h.id DESC"

    /// The entries of the change sets after `changeSet` (all of them for 0), in revert order.
    func entries(after changeSet: Int64) throws -> [HistoryEntry] {
        try database.makeStatement("SELECT \(HistoryEntry.columnsSQL) FROM history h WHERE h.change_id > ? \(Self.revertOrderSQL)")
            .map([changeSet]) { try known(HistoryEntry(row: $0), row: $0) }
    }

    /// The entries of one change set, in revert order.
    func entries(of changeSet: Int64) throws -> [HistoryEntry] {
        try database.makeStatement("SELECT \(HistoryEntry.columnsSQL) FROM history h WHERE h.change_id = ? \(Self.revertOrderSQL)")
            .map([changeSet]) { try known(HistoryEntry(row: $0), row: $0) }
    }

    private func known(_ entry: HistoryEntry?, row: Row) throws -> HistoryEntry {
        guard let entry else {
            throw TimelineError.invalidValue(
                field: "history row", value: String(row[0] as Int64),
                expected: "its table_name (\(row[2] as String)) or operation (\(row[6] as String)) is not one the history knows")
        }
        return entry
    }

    /// Undoes one entry on the tables as they are now: deletes what it inserted, puts back the
    /// values it changed, inserts again the row it deleted. Returns how many rows that changed
    /// (one, or for a range any number; zero when the row is not there to undo).
    /// The columns in `keeping` keep the value they have (the bookkeeping a later change set).
    @discardableResult
    func revert(_ entry: HistoryEntry, keeping: Set<String> = []) throws -> Int {
        let table = "\"\(entry.table.name)\""
        switch entry.operation {
        case .insert:
            if let last = entry.lastRowKey {
                try database.execute("DELETE FROM \(table) WHERE \"\(entry.table.keys[0])\" BETWEEN ? AND ?", [entry.rowKey, last])
            } else {
                try database.execute("DELETE FROM \(table) WHERE \(entry.table.keyCondition())", entry.key)
            }
        case .update:
            let values = try checkedValues(of: entry).filter { !keeping.contains($0.column) }
            guard !values.isEmpty else { return 0 }
            let assignments = values.enumerated().map { "\"\($0.element.column)\" = ?\($0.offset + 1)" }.joined(separator: ", ")
            try database.execute(
                "UPDATE \(table) SET \(assignments) WHERE \(entry.table.keyCondition(from: values.count + 1))",
                values.map(\.value) + entry.key)
        case .delete:
            let values = try checkedValues(of: entry)
            let columns = values.map { "\"\($0.column)\"" }.joined(separator: ", ")
            let placeholders = Array(repeating: "?", count: values.count).joined(separator: ", ")
            try database.execute("INSERT INTO \(table) (\(columns)) VALUES (\(placeholders))", values.map(\.value))
        }
        return database.changes
    }

    /// The previous values of an entry, each checked to be a column of its table: only the
    /// table's own column names are ever put in the SQL text.
    private func checkedValues(of entry: HistoryEntry) throws -> [(column: String, value: DatabaseValue)] {
        let columns = Set(try entry.table.columns(in: database))
        let values = try entry.oldValues(in: database)
        if let unknown = values.first(where: { !columns.contains($0.column) }) {
            throw TimelineError.invalidValue(
                field: "history row", value: String(entry.id),
                expected: "its old values name \"\(unknown.column.shownInMessage())\", which is not a column of \(entry.table.name)")
        }
        return values
    }
}
