/// The changes of a copy, as another copy applies them: its change sets, oldest first, each with
/// the rows it changed and their values. Rows inserted in bulk (an import's, an upgraded file's
/// first change set) are given as their range, then one by one, with their values as that change
/// set left them.
extension Store {
    /// Calls `body` with each change set made after change set number `after` (all of them for
    /// 0), then its rows, as it streams. Change sets still open (SQL typed by hand, not yet
    /// closed) are left out.
    public func forEachExchangeItem(after: Int64 = 0, _ body: (ExchangeItem) throws -> Void) throws {
        try read {
            try database.readTransaction {
                try database.makeStatement(
                    """
                    SELECT c.id, c.uid, c.at, c.author, c.command, c.reason, c.source, (SELECT u.uid FROM changes u WHERE u.id = c.undoes)
                    FROM changes c WHERE c.id > ? AND c.open IS NULL ORDER BY c.id
                    """
                ).forEachRow([after]) { row in
                    let id: Int64 = row[0]
                    try body(
                        .changeSet(
                            ExchangedChangeSet(
                                uid: row[1], at: row[2], author: row[3], command: row[4], reason: row[5], source: row[6], undoes: row[7])))
                    var rewound: Store?  // the file as this change set left it, made when needed
                    try database.makeStatement("SELECT \(HistoryEntry.columnsSQL) FROM history h WHERE h.change_id = ? ORDER BY h.id")
                        .forEachRow([id]) { row in
                            guard let entry = HistoryEntry(row: row) else { return }
                            if case .integer(let first) = entry.rowKey, case .integer(let last)? = entry.lastRowKey {
                                try body(.range(table: entry.table.name, first: first, last: last))
                                try forEachRow(
                                    insertedBy: entry,
                                    asLeft: {
                                        if rewound == nil { rewound = try rewoundCopy(to: id) }
                                        return rewound!
                                    }
                                ) { try body(.row($0)) }
                            } else {
                                try body(.row(try exchangedRow(entry)))
                            }
                        }
                }
            }
        }
    }

    /// The number in this copy of the change set `text` names: its number or its uid (what
    /// `changes export --since` takes).
    public func changeSetNumber(_ text: String) throws -> Int64 {
        try read { try findChangeSetNumber(text) }
    }

    private func findChangeSetNumber(_ text: String) throws -> Int64 {
        if let number = Int64(text), try database.scalar("SELECT 1 FROM changes WHERE id = ?", [number], as: Int.self) != nil {
            return number
        }
        if let number = try database.scalar("SELECT id FROM changes WHERE uid = ?", [text], as: Int64.self) { return number }
        throw TimelineError.invalidValue(
            field: "--since", value: text, expected: "a change set's number (see `timeline log`) or uid (see `timeline changes export`)")
    }

    private func exchangedRow(_ entry: HistoryEntry) throws -> ExchangedRow {
        let old = try entry.oldValues(in: database)
        // The row's key before the change: an update that changed it has the old one in `old`.
        let key = entry.table.keys.enumerated().map { index, column in
            old.first { $0.column == column }?.value ?? entry.key[index]
        }
        return ExchangedRow(
            table: entry.table.name, operation: ExchangedRow.Operation(rawValue: entry.operation.rawValue)!,
            key: entry.operation == .insert ? entry.key : key, old: old, new: try entry.newValues(in: database))
    }

    /// Each row of a range `entry` inserted, as its change set left it: read from the table when
    /// no later change set touched the range, else from a copy of the file rewound to then.
    private func forEachRow(insertedBy entry: HistoryEntry, asLeft: () throws -> Store, _ body: (ExchangedRow) throws -> Void) throws {
        guard let last = entry.lastRowKey else { return }
        let touchedLater =
            try database.scalar(
                """
                SELECT EXISTS (SELECT 1 FROM history WHERE change_id > ?1 AND table_name = ?2
                    AND ((row_key BETWEEN ?3 AND ?4) OR (last_row_key IS NOT NULL AND row_key < ?3 AND last_row_key >= ?3)))
                """, [entry.changeSet, entry.table.name, entry.rowKey, last], as: Bool.self) ?? true
        let source = touchedLater ? try asLeft() : self
        let columns = try entry.table.columns(in: database)
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let keys = entry.table.keys.map { "\"\($0)\"" }.joined(separator: ", ")
        try source.database.makeStatement(
            "SELECT \(list) FROM \"\(entry.table.name)\" WHERE \"\(entry.table.keys[0])\" BETWEEN ? AND ? ORDER BY \(keys)"
        ).forEachRow([entry.rowKey, last]) { row in
            let values = columns.indices.map { (column: columns[$0], value: row.value(at: $0)) }
            let key = entry.table.keys.map { column in values.first { $0.column == column }!.value }
            try body(ExchangedRow(table: entry.table.name, operation: .insert, key: key, new: values))
        }
    }
}
