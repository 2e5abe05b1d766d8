import FoundationEssentials

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
    /// change or a conflict a person resolved, else deleted (a command that changed nothing
    /// leaves no trace). Returns its id,
    /// or nil when deleted.
    func closeChangeSet(_ id: Int64) throws -> Int64? {
        if try database.scalar(
            "SELECT EXISTS (SELECT 1 FROM history WHERE change_id = ?1) OR EXISTS (SELECT 1 FROM change_conflicts WHERE change_id = ?1)",
            [id], as: Bool.self) == true
        {
            try database.execute("UPDATE changes SET open = NULL WHERE id = ?", [id])
            return id
        }
        try database.execute("DELETE FROM changes WHERE id = ?", [id])
        return nil
    }

    /// The row id for a new row of `table` (events, sources, partnerships, quotes, affiliations):
    /// one no other copy of the file picks, and above any the table or its history ever held, so
    /// that a deleted row's id is never given to another and undoing the deletion puts the row
    /// back as it was. The rows of one write get consecutive ids, from one that tells when they
    /// were made (seconds since 2026, times 2^19; or just above the highest id, if later) plus a
    /// random part below 2^18: ids grow as rows were made, in every copy, two copies writing in
    /// the same second are unlikely to meet, and ids stay below 2^53, which every JSON reader
    /// (jq, JavaScript) reads exactly. Call inside a write.
    func newRowID(in table: String) throws -> Int64 {
        if let next = nextRowIDs[table] {
            nextRowIDs[table] = next + 1
            return next
        }
        // The history names a row by its id in the tables keyed by id (not quotes, affiliations).
        let inHistory =
            HistoryTable.byName[table]?.keys == ["id"]
            ? "(SELECT max(row_key) FROM history WHERE table_name = '\(table)')" : "0"
        let highest =
            try database.scalar(
                "SELECT max(coalesce((SELECT max(id) FROM \(table)), 0), coalesce(\(inHistory), 0))", as: Int64.self) ?? 0
        let first = max(highest + 1, Self.currentSecond()) + Int64.random(in: 0..<(1 << 18))
        nextRowIDs[table] = first + 1
        return first
    }

    /// Seconds since 2026-01-01 times 2^19: below 2^47 until 2034, so that SQLite stores an id
    /// in 6 bytes (then 8), and below 2^53 for centuries.
    static func currentSecond() -> Int64 {
        Int64(max(0, Date.now.timeIntervalSince1970 - 1_767_225_600)) << 19
    }

    /// The row id for a new actor or tag named `name`: the same in every copy of the file (a hash
    /// of the name as names are matched, from 2^30 to 2^31: 4 bytes in a row), so that copies
    /// that each make "WHO" make one actor; `newRowID(in:)` when another row has, or ever had,
    /// that id. (No range of the history reaches 2^30: ranges are events and the rows a file held
    /// before its history.)
    func nameRowID(in table: String, for name: String) throws -> Int64 {
        let hashed = Int64(bitPattern: (name.matchKey.stableHash & ((1 << 30) - 1)) | (1 << 30))
        let taken =
            try database.scalar(
                """
                SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?1)
                    OR EXISTS (SELECT 1 FROM history WHERE table_name = ?2 AND row_key = ?1)
                """, [hashed, table], as: Bool.self) ?? true
        return taken ? try newRowID(in: table) : hashed
    }
}

extension String {
    /// FNV-1a over the UTF-8 bytes: the same in every process and on every machine (unlike
    /// `hashValue`).
    var stableHash: UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }
}
