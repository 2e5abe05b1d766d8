/// Which change sets `changeSets(matching:)` gives, newest first.
public struct HistoryFilter: Sendable {
    /// Only change sets made at this moment's start or later.
    public var since: HistoryMoment?
    /// Only change sets by this author.
    public var author: String?
    /// At most this many change sets.
    public var limit: Int?
    /// Only the change sets that changed this record, and only what they changed in it.
    public var record: RecordReference?

    public init(since: HistoryMoment? = nil, author: String? = nil, limit: Int? = nil, record: RecordReference? = nil) {
        self.since = since
        self.author = author
        self.limit = limit
        self.record = record
    }
}

/// A record named as a person names it: an event or partnership by its id, an actor by its
/// name or one of its aliases (or a name it had when deleted).
public struct RecordReference: Equatable, Sendable {
    public var kind: RecordChange.Kind
    public var id: String

    public init(kind: RecordChange.Kind, id: String) {
        self.kind = kind
        self.id = id
    }
}

extension Store {
    /// The change sets `filter` keeps, newest first, each with what it changed record by record
    /// and field by field (old → new). Records are named as they are now (or were when
    /// deleted). A record the filter names that never existed is an error.
    public func changeSets(matching filter: HistoryFilter = HistoryFilter()) throws -> [ChangeSet] {
        try read {
            try database.readTransaction {
                var describer = ChangeDescriber(store: self)
                var rowIDs: Set<Int64>?
                var sql = "SELECT id, at, author, command, reason, source, undoes FROM changes c WHERE 1"
                var arguments: [any DatabaseValueConvertible] = []
                if let record = filter.record {
                    let ids = try self.rowIDs(of: record)
                    rowIDs = ids
                    let tables = HistoryTable.tables(of: record.kind).map { "'\($0.name)'" }.joined(separator: ", ")
                    sql += """
                         AND c.id IN (SELECT h.change_id FROM history h, json_each(?) r WHERE h.table_name IN (\(tables))
                            AND (h.row_key = r.value OR (h.last_row_key IS NOT NULL AND r.value BETWEEN h.row_key AND h.last_row_key)))
                        """
                    arguments.append("[" + ids.sorted().map(String.init).joined(separator: ",") + "]")
                }
                if let since = filter.since {
                    sql += " AND c.at >= ?"
                    arguments.append(since.start)
                }
                if let author = filter.author {
                    sql += " AND c.author = ?"
                    arguments.append(author)
                }
                sql += " ORDER BY c.id DESC"
                if let limit = filter.limit {
                    sql += " LIMIT ?"
                    arguments.append(limit)
                }
                let sets = try database.makeStatement(sql).map(arguments) { row in
                    ChangeSet(
                        id: row[0], at: row[1], author: row[2], command: row[3], reason: row[4], source: row[5], undoes: row[6],
                        records: [])
                }
                return try sets.map { set in
                    var set = set
                    set.records = try describer.records(of: set.id, onlyOf: filter.record.map { ($0.kind, rowIDs ?? []) })
                    return set
                }
            }
        }
    }

    /// The row ids a record has had: the one it has now, and those of rows that had its id
    /// (or name) when they were changed or deleted.
    func rowIDs(of record: RecordReference) throws -> Set<Int64> {
        var ids = Set<Int64>()
        let (table, column): (String, String) =
            switch record.kind {
            case .event: ("events", "uid")
            case .partnership: ("partnerships", "uid")
            case .source: ("sources", "uid")
            case .actor: ("actors", "name")
            case .tag: ("tags", "name")
            }
        if record.kind == .actor {
            if let rowID = try actorDirectory.rowID(of: record.id.collapsingWhitespace, in: database) { ids.insert(rowID) }
        } else if let rowID = try database.scalar("SELECT id FROM \(table) WHERE \(column) = ?", [record.id], as: Int64.self) {
            ids.insert(rowID)
        }
        try database.cachedStatement(
            "SELECT DISTINCT row_key FROM history WHERE table_name = ? AND json_extract(old, '$.\(column)') = ? COLLATE NOCASE"
        ).forEachRow([table, record.id]) { row in
            if case .integer(let id) = row.value(at: 0) { ids.insert(id) }
        }
        guard !ids.isEmpty else {
            switch record.kind {
            case .event: throw TimelineError.eventNotFound(id: record.id)
            case .partnership: throw TimelineError.partnershipNotFound(id: record.id)
            case .source: throw TimelineError.sourceNotFound(id: record.id)
            case .actor: throw TimelineError.actorNotFound(name: record.id)
            case .tag: throw TimelineError.invalidValue(field: "tag", value: record.id, expected: "no tag has had this name")
            }
        }
        return ids
    }
}

extension Store {
    /// The values of `columns` of the row `key` right after `entry`: from the row's next entries
    /// that changed them, else from the row as it is now. Absent when the row is gone.
    func values(after entry: HistoryEntry, key: [DatabaseValue], columns: [String]) throws -> [String: DatabaseValue] {
        var values: [String: DatabaseValue] = [:]
        var missing = Set(columns)
        let later = try database.cachedStatement(
            """
            SELECT old FROM history WHERE table_name = ? AND row_key = ? AND row_key2 IS ? AND id > ? AND operation <> 'insert'
            ORDER BY id
            """
        ).map([entry.table.name, key[0], key.count > 1 ? key[1] : .null, entry.id]) { $0[0] as String? }
        for old in later where !missing.isEmpty {
            guard let old else { continue }
            for (column, value) in try database.cachedStatement("SELECT key, value FROM json_each(?)").map(
                [old], { ($0[0] as String, $0.value(at: 1)) })
            where missing.contains(column) {
                values[column] = value
                missing.remove(column)
            }
        }
        if !missing.isEmpty {
            let wanted = columns.filter(missing.contains)
            let list = wanted.map { "\"\($0)\"" }.joined(separator: ", ")
            try database.makeStatement("SELECT \(list) FROM \"\(entry.table.name)\" WHERE \(entry.table.keyCondition())").first(key) {
                row in
                for (index, column) in wanted.enumerated() { values[column] = row.value(at: index) }
            }
        }
        return values
    }
}

/// Turns history entries into what a person reads: records by their ids and names, fields by
/// their names, links as the actors, tags and sources they name, each with its value before
/// and after. Remembers the names it looked up.
struct ChangeDescriber {
    let store: Store
    private var names: [String: String] = [:]

    init(store: Store) {
        self.store = store
    }

    private var database: Database { store.database }

    /// What change set `id` changed, record by record (only `record`'s rows when given).
    mutating func records(of id: Int64, onlyOf record: (kind: RecordChange.Kind, rowIDs: Set<Int64>)?) throws -> [RecordChange] {
        let entries = try database.cachedStatement("SELECT \(HistoryEntry.columnsSQL) FROM history h WHERE h.change_id = ? ORDER BY h.id")
            .map([id]) { HistoryEntry(row: $0) }.compactMap { $0 }
        var records: [RecordChange] = []
        var index: [String: Int] = [:]
        for entry in entries {
            let owner = entry.table.record
            if let record {
                guard owner == record.kind else { continue }
                guard
                    let rowID = record.rowIDs.first(where: {
                        entry.covers(table: entry.table.name, key: [.integer($0)] + entry.key.dropFirst())
                    })
                else { continue }
                if entry.lastRowKey != nil {
                    // Added in bulk: for this record, its own row only (its links came with it).
                    guard entry.table.keys == ["id"] else { continue }
                    try add(try describe(entry, rowID: rowID), key: "\(owner)#\(rowID)", to: &records, index: &index)
                    continue
                }
            } else if entry.lastRowKey != nil {
                if entry.table.keys == ["id"] { records.append(try summary(of: entry)) }
                continue
            }
            guard case .integer(let rowID) = entry.rowKey else { continue }
            try add(try describe(entry, rowID: rowID), key: "\(owner)#\(rowID)", to: &records, index: &index)
        }
        return records
    }

    /// Merges what one entry did into the record it belongs to.
    private func add(_ change: RecordChange, key: String, to records: inout [RecordChange], index: inout [String: Int]) throws {
        guard let at = index[key] else {
            index[key] = records.count
            records.append(change)
            return
        }
        if change.operation != .changed { records[at].operation = change.operation }
        // The record's own fields come before its links, whatever order the rows changed in.
        let ownFields = change.fields.filter { !$0.isLink }
        let firstLink = records[at].fields.firstIndex(where: \.isLink) ?? records[at].fields.count
        records[at].fields.insert(contentsOf: ownFields, at: firstLink)
        records[at].fields += change.fields.filter(\.isLink)
    }

    // MARK: - One entry

    /// What one entry did to record `rowID` (of the entry's record kind).
    private mutating func describe(_ entry: HistoryEntry, rowID: Int64) throws -> RecordChange {
        let table = entry.table
        let key: [DatabaseValue] = entry.lastRowKey == nil ? entry.key : [.integer(rowID)]
        let isOwnRow = table.keys == ["id"]
        var change = RecordChange(kind: table.record, id: try name(of: table.record, rowID: rowID), operation: .changed)
        switch entry.operation {
        case .insert:
            // A row of a range has no values of its own in the history: they are found after it.
            let new =
                entry.lastRowKey == nil
                ? Self.dictionary(try entry.newValues(in: database))
                : try store.values(after: entry, key: key, columns: try table.columns(in: database))
            if isOwnRow {
                change.operation = .added
                change.fields = try shownFields(of: table, old: [:], new: new)
            } else {
                change.fields = [FieldChange(field: linkField(table), old: nil, new: try linkLabel(table, new), isLink: true)]
            }
        case .update:
            let old = Self.dictionary(try entry.oldValues(in: database))
            let new = Self.dictionary(try entry.newValues(in: database))
            if isOwnRow {
                change.fields = try shownFields(of: table, old: old, new: new)
            } else {
                // A link shows whole: its other columns are as they are after the change.
                let after = try store.values(after: entry, key: key, columns: try table.columns(in: database))
                let before = after.merging(old) { _, previous in previous }
                let new = after.merging(new) { _, changed in changed }
                change.fields = [
                    FieldChange(
                        field: linkField(table), old: try linkLabel(table, before), new: try linkLabel(table, new), isLink: true)
                ]
            }
        case .delete:
            let old = Self.dictionary(try entry.oldValues(in: database))
            if isOwnRow {
                change.operation = .deleted
                change.fields = try shownFields(of: table, old: old, new: [:])
            } else {
                change.fields = [FieldChange(field: linkField(table), old: try linkLabel(table, old), new: nil, isLink: true)]
            }
        }
        return change
    }

    static func dictionary(_ values: [(column: String, value: DatabaseValue)]) -> [String: DatabaseValue] {
        Dictionary(values.map { ($0.column, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// A range of rows added in bulk, as one record change: "events ev-1 … ev-9 added (9)".
    private mutating func summary(of entry: HistoryEntry) throws -> RecordChange {
        let table = entry.table
        let last = entry.lastRowKey ?? entry.rowKey
        let count =
            try database.scalar(
                """
                SELECT count(*) FROM (SELECT id FROM "\(table.name)" WHERE id BETWEEN ?1 AND ?2
                    UNION SELECT row_key FROM history WHERE table_name = ?3 AND operation = 'delete' AND row_key BETWEEN ?1 AND ?2 AND id > ?4)
                """, [entry.rowKey, last, table.name, entry.id], as: Int.self) ?? 0
        func endName(_ key: DatabaseValue) throws -> String {
            guard case .integer(let rowID) = key else { return "?" }
            return try name(of: table.record, rowID: rowID)
        }
        let first = try endName(entry.rowKey)
        let lastName = try endName(last)
        return RecordChange(kind: table.record, id: first == lastName ? first : "\(first) … \(lastName)", operation: .added, count: count)
    }

    // MARK: - Fields

    /// The fields of a record's own row a person reads, in the table's order: derived columns
    /// (a date's bounds and flags, the creation and update times, the row id) left out, row ids
    /// shown as the records they name.
    private mutating func shownFields(of table: HistoryTable, old: [String: DatabaseValue], new: [String: DatabaseValue]) throws
        -> [FieldChange]
    {
        var hidden: Set<String> = ["id", "start", "end", "precision", "uncertain", "approximate", "created_at", "updated_at"]
        if old.isEmpty || new.isEmpty { hidden.formUnion(["uid", "name"]) }  // added or deleted: its name is the heading
        if table.record == .partnership { hidden.remove("name") }
        var fields: [FieldChange] = []
        for column in try table.columns(in: database) where !hidden.contains(column) && (old[column] != nil || new[column] != nil) {
            let before = try shown(column, old[column])
            let after = try shown(column, new[column])
            if before == nil && after == nil { continue }
            fields.append(FieldChange(field: Self.fieldNames[column] ?? column, old: before, new: after))
        }
        return fields
    }

    /// Names of columns as the command line calls them.
    static let fieldNames = [
        "uid": "id", "partnership_id": "partnership", "part_of": "part of", "archived_url": "archived url",
        "status_reason": "status reason", "status_source_id": "status source",
    ]

    /// A value as shown: text as it is, a reference as the record's id or name.
    mutating func shown(_ column: String, _ value: DatabaseValue?) throws -> String? {
        guard let value else { return nil }
        switch value {
        case .null: return nil
        case .text(let text): return text
        case .real(let number): return String(number)
        case .blob: return "(binary)"
        case .integer(let number):
            switch column {
            case "partnership_id": return try name(of: .partnership, rowID: number)
            case "part_of", "actor_id", "speaker_id", "person_id", "organization_id": return try name(of: .actor, rowID: number)
            case "source_id", "status_source_id": return try name(of: .source, rowID: number)
            case "tag_id": return try name(of: .tag, rowID: number)
            default: return String(number)
            }
        }
    }

    /// The field a link row is shown under: actor, tag, source, quote, alias, affiliation, member, clause.
    func linkField(_ table: HistoryTable) -> String {
        switch table.name {
        case "event_actors": "actor"
        case "event_tags": "tag"
        case "event_sources", "partnership_sources": "source"
        case "quotes": "quote"
        case "actor_aliases": "alias"
        case "affiliations": "affiliation"
        case "partnership_members": "member"
        case "partnership_terms": "clause"
        default: table.name
        }
    }

    /// A link row as one line: `Google (partner)`, `mayo-news-2019 (p. 2)`, `Molly Biwer (fr): "…"`.
    mutating func linkLabel(_ table: HistoryTable, _ values: [String: DatabaseValue]) throws -> String? {
        func text(_ column: String) throws -> String? { try shown(column, values[column]) }
        func with(_ main: String?, _ detail: String?) -> String? {
            guard let main else { return detail }
            return detail.map { "\(main) (\($0))" } ?? main
        }
        switch table.name {
        case "event_actors", "partnership_members": return with(try text("actor_id"), try text("role"))
        case "event_tags": return try text("tag_id")
        case "event_sources", "partnership_sources": return with(try text("source_id"), try text("locator"))
        case "actor_aliases": return try text("alias")
        case "partnership_terms": return try text("clause")
        case "affiliations":
            let label = [try text("role"), try text("organization_id")].compactMap { $0 }.joined(separator: ", ")
            return with(label, try text("date"))
        case "quotes":
            let speaker = with(try text("speaker_id"), try text("language")) ?? ""
            return "\(speaker): \"\(try text("text") ?? "")\"" + (try text("source_id").map { " (\($0))" } ?? "")
        default: return nil
        }
    }

    // MARK: - Names

    /// The record an entry is about, as a person names it: `event launch`, `actor Google`.
    mutating func label(of entry: HistoryEntry) throws -> String {
        guard case .integer(let rowID) = entry.rowKey else { return entry.table.record.rawValue }
        return "\(entry.table.record.rawValue) \(try name(of: entry.table.record, rowID: rowID))"
    }

    /// How a person names record `rowID`: an event's, partnership's or source's id, an actor's
    /// or tag's name; as it is now, else as it was when last changed, else `#rowID`.
    mutating func name(of kind: RecordChange.Kind, rowID: Int64) throws -> String {
        let key = "\(kind)#\(rowID)"
        if let name = names[key] { return name }
        let (table, column): (String, String) =
            switch kind {
            case .event: ("events", "uid")
            case .partnership: ("partnerships", "uid")
            case .source: ("sources", "uid")
            case .actor: ("actors", "name")
            case .tag: ("tags", "name")
            }
        let name =
            try database.scalar("SELECT \(column) FROM \(table) WHERE id = ?", [rowID], as: String.self)
            ?? database.scalar(
                """
                SELECT json_extract(old, '$.\(column)') FROM history WHERE table_name = ? AND row_key = ?
                AND json_extract(old, '$.\(column)') IS NOT NULL ORDER BY id DESC LIMIT 1
                """, [table, rowID], as: String.self) ?? "#\(rowID)"
        names[key] = name
        return name
    }
}
