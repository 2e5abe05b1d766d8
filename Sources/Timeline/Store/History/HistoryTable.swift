/// A table whose rows the history follows: how `history` names its rows (`row_key`, and
/// `row_key2` for a row that belongs to another), and which record a row belongs to.
struct HistoryTable: Sendable {
    /// The table's name.
    let name: String
    /// The columns `row_key` and `row_key2` hold, in that order: `["id"]`, `["event_id", "position"]`.
    let keys: [String]
    /// The kind of record a row belongs to, whose id `row_key` is.
    let record: RecordChange.Kind

    /// The derived columns of `events` (kept in step by triggers, for search): not history.
    static let derivedColumns: Set<String> = ["actors_text", "tags_text", "quotes_text"]

    /// Every table of records, by name, in the order a file's first change set records them.
    static let all: [HistoryTable] = [
        HistoryTable(name: "actors", keys: ["id"], record: .actor),
        HistoryTable(name: "actor_aliases", keys: ["actor_id", "alias"], record: .actor),
        HistoryTable(name: "affiliations", keys: ["person_id", "id"], record: .actor),
        HistoryTable(name: "tags", keys: ["id"], record: .tag),
        HistoryTable(name: "sources", keys: ["id"], record: .source),
        HistoryTable(name: "partnerships", keys: ["id"], record: .partnership),
        HistoryTable(name: "partnership_members", keys: ["partnership_id", "position"], record: .partnership),
        HistoryTable(name: "partnership_terms", keys: ["partnership_id", "position"], record: .partnership),
        HistoryTable(name: "partnership_sources", keys: ["partnership_id", "position"], record: .partnership),
        HistoryTable(name: "events", keys: ["id"], record: .event),
        HistoryTable(name: "event_actors", keys: ["event_id", "position"], record: .event),
        HistoryTable(name: "event_tags", keys: ["event_id", "tag_id"], record: .event),
        HistoryTable(name: "event_sources", keys: ["event_id", "position"], record: .event),
        HistoryTable(name: "quotes", keys: ["event_id", "position"], record: .event),
    ]

    static let byName = Dictionary(uniqueKeysWithValues: all.map { ($0.name, $0) })

    /// The tables of one kind of record: the record's own first, then those of its parts.
    static func tables(of record: RecordChange.Kind) -> [HistoryTable] {
        all.filter { $0.record == record }
    }

    /// The columns the history keeps of this table, in the table's order (its derived columns left out).
    func columns(in database: Database) throws -> [String] {
        try database.cachedStatement("SELECT name FROM pragma_table_info(?) ORDER BY cid").map([name]) { $0[0] as String }
            .filter { !Self.derivedColumns.contains($0) }
    }

    /// `"k1" = ?1 AND "k2" = ?2`: the condition that finds one row by its key, with the key
    /// bound from parameter `first` on.
    func keyCondition(from first: Int = 1) -> String {
        keys.enumerated().map { "\"\($0.element)\" = ?\(first + $0.offset)" }.joined(separator: " AND ")
    }
}
