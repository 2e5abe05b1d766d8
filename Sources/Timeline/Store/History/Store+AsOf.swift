import Synchronization

/// The timeline as it stood at a moment of its history: the file copied aside and every change
/// set made after that moment undone in the copy, so that every query, filter and format runs on
/// it unchanged.
extension Store {
    /// The command line of a file's first change set when it was upgraded: its rows as they were
    /// then, so nothing before it is known.
    static let historyBeginsCommand = "timeline (history begins)"

    /// How many temporary copies of a file this process has made (`asOf`, `check`): each has
    /// its own file.
    static let temporaryCopies = Atomic<Int>(0)

    /// A store of the timeline as it stood at `moment`'s last instant: after every change set
    /// made then or before (by number: those made up to the last one at or before it), none
    /// after. It is a copy in the temporary folder, removed when the store is released; this
    /// store itself when nothing changed since. Throws `beforeHistory` for a moment before the
    /// history of an upgraded file begins.
    ///
    ///     let published = try store.asOf(HistoryMoment(parsing: "2022-10-20"))
    ///     let events = try published.events()
    public func asOf(_ moment: HistoryMoment) throws -> Store {
        let (target, latest) = try read {
            try database.readTransaction { () throws -> (Int64, Int64) in
                let latest = try database.scalar("SELECT max(id) FROM changes", as: Int64.self) ?? 0
                if let target = try database.scalar(
                    "SELECT max(id) FROM changes WHERE coalesce(applied_at, at) <= ?", [moment.end], as: Int64.self)
                {
                    return (target, latest)
                }
                if let first = try database.makeStatement("SELECT at, command FROM changes ORDER BY id LIMIT 1").first(
                    [],
                    {
                        (at: $0[0] as String, command: $0[1] as String)
                    }), first.command == Self.historyBeginsCommand
                {
                    throw TimelineError.beforeHistory(moment: moment.end, begins: first.at)
                }
                return (0, latest)
            }
        }
        guard target < latest else { return self }
        return try read { try rewoundCopy(to: target) }
    }

    /// A copy of this file as it stood right after change set `target`, in the temporary
    /// folder, removed when the store is released.
    func rewoundCopy(to target: Int64) throws -> Store {
        let file = TemporaryFile(
            beside: FileSystem.temporaryFolder + "/timeline-as-of.db", serial: Self.temporaryCopies.add(1, ordering: .relaxed).newValue)
        file.remove()
        do {
            _ = try database.copy(to: file.path)
            let past = try Store(path: file.path, access: .write)
            past.temporaryCopy = file
            try past.rewind(to: target)
            return past
        } catch {
            file.remove()
            throw error
        }
    }

    /// Undoes every change set after `target` (all of them for 0), in this file, without
    /// recording it: for a copy. Its history is cut to match.
    func rewind(to target: Int64) throws {
        do {
            try database.transaction {
                let triggers = try database.makeStatement(
                    "SELECT name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%\\_history\\_%' ESCAPE '\\'"
                ).map([]) { $0[0] as String }
                for name in triggers { try database.executeScript("DROP TRIGGER \"\(name)\"") }
                try database.executeScript("PRAGMA defer_foreign_keys = ON")
                try database.makeStatement("SELECT \(HistoryEntry.columnsSQL) FROM history h WHERE h.change_id > ? \(Self.revertOrderSQL)")
                    .forEachRow([target]) { row in
                        guard let entry = HistoryEntry(row: row) else {
                            throw TimelineError.invalidValue(
                                field: "history row", value: String(row[0] as Int64), expected: "a table and an operation the history knows"
                            )
                        }
                        try revert(entry)
                    }
                try database.execute("DELETE FROM history WHERE change_id > ?", [target])
                try database.execute("DELETE FROM change_conflicts WHERE change_id > ?", [target])
                try database.execute("DELETE FROM changes WHERE id > ?", [target])
            }
        } catch let error as DatabaseError {
            throw Self.timelineError(error, path: path)
        }
    }
}
