/// Applies another copy's change sets to this one, row by row, inside the caller's transaction:
/// each as a change set of this copy's history with its own uid, author, time, command, reason
/// and source, so that `log` shows who made it. A change set this copy already has is passed
/// over. A row whose change contradicts this copy is a conflict, resolved by the side a person
/// chose, or left unresolved (and this copy's value kept, so the rest can still be checked).
struct ChangeApplier {
    let store: Store
    let choices: ConflictChoices
    private var describer: ChangeDescriber
    /// The change set being applied, with its local number; nil while passing one over.
    private var current: (set: ExchangedChangeSet, id: Int64)?
    /// Records whose insert was not applied (this copy's kept): their links go with them.
    private var recordsLeftOut: Set<String> = []
    private var columnsByTable: [String: [String]] = [:]
    /// Rows inserted in bulk that this copy records as one range, as the other did: the table,
    /// the range, its history trigger (set aside meanwhile), whether a row went in, and whether
    /// a conflict met one (the rows are then recorded one by one).
    private var range: (table: HistoryTable, first: Int64, last: Int64, trigger: String, inserted: Bool, conflicted: Bool)?
    /// Set while new events (a fresh range of them, then their links and quotes) load without
    /// the search triggers, as an import's do: the events' ids, the triggers set aside, and
    /// whether a conflict changed another row meanwhile (the index is then rebuilt whole).
    private var unindexed: (first: Int64, last: Int64, triggers: [String], conflicted: Bool)?
    private(set) var unresolved: [ChangeConflict] = []
    private(set) var report = ChangesApplied()

    /// The fields of links as conflicts name them: `event/launch/actor 2/actor`.
    private static let fieldNames = [
        "actor_id": "actor", "tag_id": "tag", "source_id": "source", "speaker_id": "speaker", "organization_id": "organization",
    ]

    /// Columns that say when a row was made and last changed: never a conflict, the copies
    /// keep the earliest creation and the latest change.
    private static let bookkeeping: Set<String> = ["created_at", "updated_at"]

    init(store: Store, choices: ConflictChoices) {
        self.store = store
        self.choices = choices
        self.describer = ChangeDescriber(store: store)
    }

    private var database: Database { store.database }

    /// Starts applying `set` (or passing it over, when this copy has it).
    mutating func begin(_ set: ExchangedChangeSet) throws {
        try finish()
        if try database.scalar("SELECT 1 FROM changes WHERE uid = ?", [set.uid], as: Int.self) != nil {
            report.alreadyHere += 1
            return
        }
        try database.execute(
            """
            INSERT INTO changes (uid, at, author, command, reason, source, undoes, applied_at, open)
            VALUES (?, ?, ?, ?, ?, ?, (SELECT id FROM changes WHERE uid = ?), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 1)
            """, [set.uid, set.at, set.author, set.command, set.reason, set.source, set.undoes])
        current = (set, database.lastInsertedRowID)
        report.applied += 1
    }

    /// Closes the change set being applied.
    mutating func finish() throws {
        try endRange()
        try endUnindexed()
        if let current { try database.execute("UPDATE changes SET open = NULL WHERE id = ?", [current.id]) }
        current = nil
    }

    /// Starts a range of rows inserted in bulk (see `ExchangeItem.range`): recorded as one range
    /// where this copy has none of its rows, else row by row as any other.
    mutating func beginRange(_ name: String, _ first: Int64, _ last: Int64) throws {
        try endRange()
        guard current != nil, let table = HistoryTable.byName[name] else { return }
        let present =
            try database.scalar(
                "SELECT EXISTS (SELECT 1 FROM \"\(table.name)\" WHERE \"\(table.keys[0])\" BETWEEN ? AND ?)", [first, last],
                as: Bool.self) ?? true
        let trigger = table.name + "_history_insert"
        guard !present, let sql = try triggerSQL(trigger) else {
            try endUnindexed()
            return
        }
        // New events, then their links and quotes, are indexed once at the end.
        if let unindexed, !(Store.bulkHistoryTables.contains(name) && first >= unindexed.first && last <= unindexed.last) {
            try endUnindexed()
        }
        if unindexed == nil && name == "events" {
            var triggers: [String] = []
            for name in Store.searchTriggerNames {
                guard let sql = try triggerSQL(name) else { continue }
                try database.executeScript("DROP TRIGGER \"\(name)\"")
                triggers.append(sql)
            }
            unindexed = (first, last, triggers, false)
        }
        try database.executeScript("DROP TRIGGER \"\(trigger)\"")
        range = (table, first, last, sql, false, false)
    }

    private func triggerSQL(_ name: String) throws -> String? {
        try database.scalar("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?", [name], as: String.self)
    }

    /// Puts the search triggers back and indexes the new events loaded without them: their
    /// search columns from their links and quotes, then the full-text index (all of it, when a
    /// conflict changed another event meanwhile).
    private mutating func endUnindexed() throws {
        guard let unindexed else { return }
        self.unindexed = nil
        try database.execute(
            """
            UPDATE events SET
                actors_text = (SELECT s.actors_text FROM event_search_text s WHERE s.event_id = events.id),
                tags_text = (SELECT s.tags_text FROM event_search_text s WHERE s.event_id = events.id),
                quotes_text = (SELECT s.quotes_text FROM event_search_text s WHERE s.event_id = events.id)
            WHERE id BETWEEN ? AND ?
            """, [unindexed.first, unindexed.last])
        for sql in unindexed.triggers { try database.executeScript(sql) }
        if unindexed.conflicted {
            try database.execute("INSERT INTO events_fts (events_fts) VALUES ('rebuild')")
        } else {
            try database.execute(
                """
                INSERT INTO events_fts (rowid, title, summary, actors_text, tags_text, quotes_text)
                SELECT id, title, summary, actors_text, tags_text, quotes_text FROM events WHERE id BETWEEN ? AND ?
                """, [unindexed.first, unindexed.last])
        }
    }

    /// Ends the range being applied: its trigger back, and its rows in the history, as one range
    /// or, when a conflict met it, one by one after what the conflict changed (so that undoing
    /// the change set takes them out before it puts back what they replaced).
    private mutating func endRange() throws {
        guard let range, let current else { return }
        self.range = nil
        try database.executeScript(range.trigger)
        guard range.inserted else { return }
        let key = "\"\(range.table.keys[0])\""
        if !range.conflicted {
            try database.execute(
                "INSERT INTO history (change_id, table_name, row_key, last_row_key, operation) VALUES (?, ?, ?, ?, 'insert')",
                [current.id, range.table.name, range.first, range.last])
            return
        }
        let columns = try columns(of: range.table)
        let values = columns.map { "'\($0)', \"\($0)\"" }.joined(separator: ", ")
        let second = range.table.keys.count > 1 ? "\"\(range.table.keys[1])\"" : "NULL"
        try database.execute(
            """
            INSERT INTO history (change_id, table_name, row_key, row_key2, operation, new)
            SELECT ?, ?, \(key), \(second), 'insert', json_object(\(values)) FROM \"\(range.table.name)\"
            WHERE \(key) BETWEEN ? AND ? ORDER BY \(key), \(second)
            """, [current.id, range.table.name, range.first, range.last])
    }

    mutating func apply(_ row: ExchangedRow) throws {
        guard let current else { return }
        guard let table = HistoryTable.byName[row.table] else { return }
        if let range,
            range.table.name != table.name || row.operation != .insert || !row.key[0].isBetween(.integer(range.first), .integer(range.last))
        {
            try endRange()
        }
        if range == nil { try endUnindexed() }
        let columns = try columns(of: table)
        if let unknown = (row.old + row.new).first(where: { !columns.contains($0.column) }) {
            throw TimelineError.invalidChangeFile(
                location: "change set \(current.set.uid.shownInMessage())",
                reason: "\"\(unknown.column.shownInMessage())\" is not a column of \(table.name)")
        }
        if recordsLeftOut.contains(Self.owner(table, row.key)) { return }
        let here = try values(of: table, key: row.key, columns: columns)
        switch row.operation {
        case .insert: try insert(row, table, columns: columns, here: here, by: current.set)
        case .update: try update(row, table, here: here, by: current.set)
        case .delete: try delete(row, table, here: here, by: current.set)
        }
    }

    // MARK: - Operations

    private mutating func insert(
        _ row: ExchangedRow, _ table: HistoryTable, columns: [String], here: [String: DatabaseValue]?, by set: ExchangedChangeSet
    )
        throws
    {
        let new = Dictionary(row.new.map { ($0.column, $0.value) }, uniquingKeysWith: { $1 })
        if let here {
            // Added on both sides under one key: the same record when the values agree.
            try keepBookkeeping(table, key: row.key, here: here, theirs: new)
            for column in columns
            where Self.compared(column, in: table) && (new[column] ?? .null) != (here[column] ?? .null) {
                if try conflict(.addedOnBothSides, table, row.key, field: column, ours: here[column], theirs: new[column], by: set)
                    == .theirs
                {
                    try assign(table, key: row.key, [(column, new[column] ?? .null)])
                }
            }
            return
        }
        do {
            try insertRow(table, row.new)
            range?.inserted = true
        } catch let error as DatabaseError where error.isConstraintViolation && !error.isForeignKeyViolation {
            range?.conflicted = true
            unindexed?.conflicted = true
            // One record added on both sides under different ids (an event's id, an actor's name).
            guard let (column, value, ours) = try sameRecord(table, row.new) else { throw error }
            let name = "\(table.record.rawValue)/\(value)"
            // The same content or not, each copy made it a row of its own, and their links name theirs.
            let stored = try values(of: table, key: [.integer(ours)], columns: columns)
            let same = row.new.allSatisfy { !Self.compared($0.column, in: table) || $0.column == "id" || stored?[$0.column] == $0.value }
            let conflict = ChangeConflict(
                name: name, kind: .addedOnBothSides, ours: "\(column) \(value), as added here",
                oursBy: try attribution(table, [.integer(ours)]),
                theirs: "\(column) \(value), as added there" + (same ? ", with the same content" : ", with other content"),
                theirsBy: set.attribution, theirChange: set.uid)
            if resolve(conflict) == .theirs {
                try database.execute("DELETE FROM \"\(table.name)\" WHERE id = ?", [ours])
                try insertRow(table, row.new)
                range?.inserted = true
            } else {
                recordsLeftOut.insert(Self.owner(table, row.key))
            }
        }
    }

    private mutating func update(_ row: ExchangedRow, _ table: HistoryTable, here: [String: DatabaseValue]?, by set: ExchangedChangeSet)
        throws
    {
        let new = Dictionary(row.new.map { ($0.column, $0.value) }, uniquingKeysWith: { $1 })
        guard let here else {
            let theirs = try row.new.filter { Self.compared($0.column, in: table) }.map {
                "\($0.column): \(try describer.shown($0.column, $0.value) ?? "nothing")"
            }
            let conflict = ChangeConflict(
                name: try name(table, row.key), kind: .deletedHereChangedThere, ours: nil, oursBy: try attribution(table, row.key),
                theirs: theirs.joined(separator: "; "), theirsBy: set.attribution, theirChange: set.uid)
            if resolve(conflict) == .theirs { try restore(table, key: row.key, with: row.new) }
            return
        }
        var assignments: [(String, DatabaseValue)] = []
        for (column, old) in row.old {
            let theirs = new[column] ?? .null
            let ours = here[column] ?? .null
            if Self.bookkeeping.contains(column) {
                if column == "updated_at", Self.isLater(theirs, than: ours) { assignments.append((column, theirs)) }
            } else if ours == old || !Self.compared(column, in: table) {
                assignments.append((column, theirs))
            } else if ours != theirs {
                if try conflict(.changedOnBothSides, table, row.key, field: column, ours: ours, theirs: theirs, by: set) == .theirs {
                    assignments.append((column, theirs))
                }
            }
        }
        if !assignments.isEmpty { try assign(table, key: row.key, assignments) }
    }

    private mutating func delete(_ row: ExchangedRow, _ table: HistoryTable, here: [String: DatabaseValue]?, by set: ExchangedChangeSet)
        throws
    {
        guard let here else { return }  // deleted on both sides
        let changed = try row.old.filter { Self.compared($0.column, in: table) && $0.value != (here[$0.column] ?? .null) }
            .map { "\($0.column): \(try describer.shown($0.column, here[$0.column]) ?? "nothing")" }
        if changed.isEmpty {
            try database.execute("DELETE FROM \"\(table.name)\" WHERE \(table.keyCondition())", row.key)
            return
        }
        let conflict = ChangeConflict(
            name: try name(table, row.key), kind: .changedHereDeletedThere, ours: changed.joined(separator: "; "),
            oursBy: try attribution(table, row.key), theirs: nil, theirsBy: set.attribution, theirChange: set.uid)
        if resolve(conflict) == .theirs {
            try database.execute("DELETE FROM \"\(table.name)\" WHERE \(table.keyCondition())", row.key)
        }
    }

    // MARK: - Conflicts

    /// A conflict over one field, resolved (see `resolve`).
    private mutating func conflict(
        _ kind: ConflictKind, _ table: HistoryTable, _ key: [DatabaseValue], field: String, ours: DatabaseValue?,
        theirs: DatabaseValue?, by set: ExchangedChangeSet
    ) throws -> ConflictSide {
        resolve(
            ChangeConflict(
                name: try name(table, key) + "/" + (Self.fieldNames[field] ?? ChangeDescriber.fieldNames[field] ?? field), kind: kind,
                ours: try describer.shown(field, ours), oursBy: try attribution(table, key, field: field),
                theirs: try describer.shown(field, theirs), theirsBy: set.attribution, theirChange: set.uid))
    }

    /// The side chosen for `conflict`, recorded as resolved; or, when none was chosen, ours
    /// (kept meanwhile, so that the rest can still be checked), recorded as unresolved. A
    /// conflict over what an earlier change set of the file met already is the same conflict,
    /// now with their later value: one per record and field, whatever the order of the files.
    private mutating func resolve(_ conflict: ChangeConflict) -> ConflictSide {
        func merged(_ earlier: ChangeConflict) -> ChangeConflict {
            var merged = earlier
            (merged.theirs, merged.theirsBy, merged.theirChange) = (conflict.theirs, conflict.theirsBy, conflict.theirChange)
            return merged
        }
        guard let side = choices.side(for: conflict) else {
            if let index = unresolved.firstIndex(where: { $0.name == conflict.name }) {
                unresolved[index] = merged(unresolved[index])
            } else {
                unresolved.append(conflict)
            }
            return .ours
        }
        if let index = report.resolved.firstIndex(where: { $0.conflict.name == conflict.name }) {
            report.resolved[index].conflict = merged(report.resolved[index].conflict)
        } else {
            report.resolved.append((conflict, side))
        }
        return side
    }

    /// How a person names a row: `event/launch`, `event/launch/actor 2`, `actor/Google/alias GOOG`.
    private mutating func name(_ table: HistoryTable, _ key: [DatabaseValue]) throws -> String {
        guard case .integer(let owner) = key[0] else { return table.name }
        var name = "\(table.record.rawValue)/\(try describer.name(of: table.record, rowID: owner))"
        guard table.keys.count == 2 else { return name }
        let field = describer.linkField(table)
        switch (table.keys[1], key[1]) {
        case ("position", .integer(let position)): name += "/\(field) \(position + 1)"
        case ("tag_id", .integer(let tag)): name += "/\(field) \(try describer.name(of: .tag, rowID: tag))"
        case (_, .text(let text)): name += "/\(field) \(text)"
        case (_, let value): name += "/\(field) \(try describer.shown("", value) ?? "")"
        }
        return name
    }

    /// Who last changed a row (and `field` of it) in this copy, and when.
    private func attribution(_ table: HistoryTable, _ key: [DatabaseValue], field: String? = nil) throws -> String {
        let found = try database.cachedStatement(
            """
            SELECT c.author, c.at, c.source FROM history h JOIN changes c ON c.id = h.change_id
            WHERE h.table_name = ?1 AND ((h.row_key = ?2 AND (?3 IS NULL OR h.row_key2 = ?3)
                    AND (?4 IS NULL OR json_type(coalesce(h.new, h.old), '$."' || ?4 || '"') IS NOT NULL))
                OR (h.last_row_key IS NOT NULL AND h.row_key <= ?2 AND h.last_row_key >= ?2))
            ORDER BY h.id DESC LIMIT 1
            """
        ).first([table.name, key[0], key.count > 1 ? key[1] : .null, field]) {
            ExchangedChangeSet(uid: "", at: $0[1], author: $0[0], command: "", source: $0[2]).attribution
        }
        return found ?? "before this file's history"
    }

    // MARK: - Rows

    private mutating func columns(of table: HistoryTable) throws -> [String] {
        if let columns = columnsByTable[table.name] { return columns }
        let columns = try table.columns(in: database)
        columnsByTable[table.name] = columns
        return columns
    }

    /// Whether two sides that differ in `column` conflict: not in the bookkeeping, nor in the
    /// row id of a row found by another key (a quote, by its event and position).
    private static func compared(_ column: String, in table: HistoryTable) -> Bool {
        !bookkeeping.contains(column) && (column != "id" || table.keys.contains("id"))
    }

    /// Whether time `a` (ISO 8601 text) is after `b`.
    private static func isLater(_ a: DatabaseValue, than b: DatabaseValue) -> Bool {
        guard case .text(let a) = a, case .text(let b) = b else { return false }
        return a > b
    }

    /// The record a row belongs to, as `recordsLeftOut` holds it.
    private static func owner(_ table: HistoryTable, _ key: [DatabaseValue]) -> String { "\(table.record.rawValue)#\(key[0])" }

    private func values(of table: HistoryTable, key: [DatabaseValue], columns: [String]) throws -> [String: DatabaseValue]? {
        let list = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        return try database.cachedStatement("SELECT \(list) FROM \"\(table.name)\" WHERE \(table.keyCondition())").first(key) { row in
            Dictionary(uniqueKeysWithValues: columns.indices.map { (columns[$0], row.value(at: $0)) })
        }
    }

    private func insertRow(_ table: HistoryTable, _ values: [(column: String, value: DatabaseValue)]) throws {
        let columns = values.map { "\"\($0.column)\"" }.joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: values.count).joined(separator: ", ")
        try database.execute("INSERT INTO \"\(table.name)\" (\(columns)) VALUES (\(placeholders))", values.map(\.value))
    }

    private func assign(_ table: HistoryTable, key: [DatabaseValue], _ values: [(String, DatabaseValue)]) throws {
        let assignments = values.enumerated().map { "\"\($0.element.0)\" = ?\($0.offset + 1)" }.joined(separator: ", ")
        try database.execute(
            "UPDATE \"\(table.name)\" SET \(assignments) WHERE \(table.keyCondition(from: values.count + 1))", values.map(\.1) + key)
    }

    /// Both copies added a row under one key: the earliest creation and the latest change stay.
    private func keepBookkeeping(
        _ table: HistoryTable, key: [DatabaseValue], here: [String: DatabaseValue], theirs: [String: DatabaseValue]
    )
        throws
    {
        var values: [(String, DatabaseValue)] = []
        if let created = theirs["created_at"], let ours = here["created_at"], Self.isLater(ours, than: created) {
            values.append(("created_at", created))
        }
        if let updated = theirs["updated_at"], let ours = here["updated_at"], Self.isLater(updated, than: ours) {
            values.append(("updated_at", updated))
        }
        if !values.isEmpty { try assign(table, key: key, values) }
    }

    /// The row of this copy that is the same record as `values` under another id (same event id,
    /// same actor or tag name): its identifying column, value and row id.
    private func sameRecord(_ table: HistoryTable, _ values: [(column: String, value: DatabaseValue)]) throws -> (String, String, Int64)? {
        for column in ["uid", "name", "url"] {
            guard table.keys == ["id"], case .text(let value)? = values.first(where: { $0.column == column })?.value else { continue }
            if let rowID = try database.scalar("SELECT id FROM \"\(table.name)\" WHERE \"\(column)\" = ?", [value], as: Int64.self) {
                return (ChangeDescriber.fieldNames[column] ?? column, value, rowID)
            }
        }
        return nil
    }

    /// Puts back a row this copy deleted, as it was, with `changes` over it: theirs taken in
    /// "deleted here, changed there".
    private func restore(_ table: HistoryTable, key: [DatabaseValue], with changes: [(column: String, value: DatabaseValue)]) throws {
        guard
            let old = try database.cachedStatement(
                """
                SELECT old FROM history WHERE table_name = ? AND row_key = ? AND (? IS NULL OR row_key2 = ?) AND operation = 'delete'
                ORDER BY id DESC LIMIT 1
                """
            ).first([table.name, key[0], key.count > 1 ? key[1] : .null, key.count > 1 ? key[1] : .null], { $0[0] as String })
        else { return }
        var values = try HistoryEntry.values(of: old, in: database)
        for change in changes {
            if let index = values.firstIndex(where: { $0.column == change.column }) { values[index].value = change.value }
        }
        try insertRow(table, values)
    }
}
