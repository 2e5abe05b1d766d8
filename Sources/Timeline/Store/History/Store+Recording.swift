/// How a write becomes a change set of the history (the tables of the history migration): the
/// triggers record each row, these open the change set they record into and close it.
extension Store {
    /// Starts the change set of the current write transaction, described by
    /// `changeDescription`, and returns its id. One left open by SQL written by hand (it is the
    /// latest, if any) is closed first.
    func openChangeSet() throws -> Int64 {
        try database.execute("UPDATE changes SET open = NULL WHERE id = (SELECT max(id) FROM changes) AND open = 1")
        let description = changeDescription
        try database.execute(
            """
            INSERT INTO changes (at, author, command, reason, source, open)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, ?, ?, ?, 1)
            """, [description.author, description.command, description.reason, description.source])
        return database.lastInsertedRowID
    }

    /// Ends the change set `id` before its transaction commits: closed when it recorded a
    /// change, else deleted (a command that changed nothing leaves no trace). Returns its id,
    /// or nil when deleted.
    func closeChangeSet(_ id: Int64) throws -> Int64? {
        if try database.scalar("SELECT EXISTS (SELECT 1 FROM history WHERE change_id = ?)", [id], as: Bool.self) == true {
            try database.execute("UPDATE changes SET open = NULL WHERE id = ?", [id])
            return id
        }
        try database.execute("DELETE FROM changes WHERE id = ?", [id])
        return nil
    }

    /// The row id for a new row of `table` (events, actors, sources, partnerships): one above
    /// any the table or its history ever held, so that a deleted row's id is never given to
    /// another, and undoing the deletion puts the row back as it was. Call inside a write.
    func newRowID(in table: String) throws -> Int64 {
        if let next = nextRowIDs[table] {
            nextRowIDs[table] = next + 1
            return next
        }
        let highest =
            try database.scalar(
                """
                SELECT max(coalesce((SELECT max(id) FROM \(table)), 0),
                           coalesce((SELECT max(row_key) FROM history WHERE table_name = ?), 0))
                """, [table], as: Int64.self) ?? 0
        nextRowIDs[table] = highest + 2
        return highest + 1
    }
}
