/// A row whose `date` (the EDTF text a person may change in the sqlite3 shell) and the columns
/// derived from it disagree: `start` and `end`, which the filters and the timeline order read,
/// and for an event `precision`, `uncertain` and `approximate`; or a date not written as EDTF.
/// What `check` reports and `reindex` recomputes.
struct StaleDate {
    var table: String
    var rowID: Int64
    /// `event "x"`, `partnership "y"`, `an affiliation of "Sundar Pichai"`.
    var owner: String
    /// The date as stored; nil for none.
    var text: String?
    /// What `text` reads as; nil when there is none, or it does not read (then nothing can be recomputed).
    var date: PartialDate?
    /// The derived columns that disagree.
    var columns: [Column]

    /// A column's name, stored value and the value the date gives ("NULL" for none).
    struct Column {
        var name: String
        var stored: String
        var expected: String
    }

    /// "event "x": start 2021-01-01, end 2021-12-31 disagree with its date 2021-04, which gives
    /// start 2021-04-01, end 2021-04-30".
    var problem: String {
        var parts: [String] = []
        if let text, let date, text != date.edtf { parts.append("date \"\(text.shownInMessage())\" is not written as EDTF (\(date.edtf))") }
        if !columns.isEmpty {
            func list(_ value: KeyPath<Column, String>) -> String {
                columns.map { "\($0.name) \($0[keyPath: value])" }.joined(separator: ", ")
            }
            let verb = columns.count == 1 ? "disagrees" : "disagree"
            parts.append("\(list(\.stored)) \(verb) with its date \(date?.edtf ?? "(none)"), which gives \(list(\.expected))")
        }
        return "\(owner): " + parts.joined(separator: "; ")
    }
}

extension Store {
    /// The tables with a `date` column and what it determines: SQL naming the row for a person,
    /// and whether the row has an event's precision and flags.
    private static let datedTables: [(table: String, owner: String, hasPrecision: Bool)] = [
        ("events", "'event \"' || uid || '\"'", true),
        ("partnerships", "'partnership \"' || uid || '\"'", false),
        ("affiliations", "'an affiliation of \"' || (SELECT name FROM actors WHERE id = person_id) || '\"'", false),
    ]

    /// Calls `body` with each row, in table then insertion order, whose date columns are stale or
    /// whose date does not read. Call inside a read or a write.
    func forEachStaleDate(_ body: (StaleDate) throws -> Void) throws {
        for (table, owner, hasPrecision) in Self.datedTables {
            let flags = hasPrecision ? ", precision, uncertain, approximate" : ""
            try database.makeStatement(
                "SELECT id, \(owner), date, start, end\(flags) FROM \(table) WHERE date IS NOT NULL OR start IS NOT NULL OR end IS NOT NULL ORDER BY id"
            ).forEachRow { row in
                let text: String? = row[2]
                var stale = StaleDate(table: table, rowID: row[0], owner: row[1], text: text, columns: [])
                if let text {
                    guard let date = try? PartialDate(parsing: text) else { return try body(stale) }
                    stale.date = date
                }
                var expected: [(String, String?)] = [("start", stale.date?.earliest?.iso), ("end", stale.date?.latest?.iso)]
                if hasPrecision, let date = stale.date {
                    expected += [
                        ("precision", date.precision.rawValue), ("uncertain", date.isUncertain ? "1" : "0"),
                        ("approximate", date.isApproximate ? "1" : "0"),
                    ]
                }
                for (index, (name, value)) in expected.enumerated() {
                    let stored: String? = index < 3 ? row[index + 3] : (row[index + 3] as Int64?).map(String.init)
                    if stored != value {
                        stale.columns.append(StaleDate.Column(name: name, stored: stored ?? "NULL", expected: value ?? "NULL"))
                    }
                }
                if !stale.columns.isEmpty || (text != nil && text != stale.date?.edtf) { try body(stale) }
            }
        }
    }

    /// Rewrites, from its date, every stale row's date (as EDTF) and the columns derived from it;
    /// returns the rows it fixed ("event "x" from its date 2019-09"). A date that does not read
    /// is an error that names it, and nothing is written. Call inside a write.
    func recomputeStaleDates() throws -> [String] {
        var stale: [StaleDate] = []
        try forEachStaleDate { stale.append($0) }
        for row in stale {
            guard let date = row.date else {
                if let text = row.text {
                    throw TimelineError.invalidValue(
                        field: "date", value: text,
                        expected: "\(row.owner) has it in the database and it does not read as a date; "
                            + "fix it in SQL with a date such as 2019-09-10 or 2019-09, then run `timeline reindex` again")
                }
                try database.execute("UPDATE \(row.table) SET start = NULL, end = NULL WHERE id = ?", [row.rowID])
                continue
            }
            if row.table == "events" {
                try database.execute(
                    "UPDATE events SET date = ?, start = ?, end = ?, precision = ?, uncertain = ?, approximate = ? WHERE id = ?",
                    [
                        date.edtf, date.earliest?.iso, date.latest?.iso, date.precision.rawValue, date.isUncertain, date.isApproximate,
                        row.rowID,
                    ])
            } else {
                try database.execute(
                    "UPDATE \(row.table) SET date = ?, start = ?, end = ? WHERE id = ?",
                    [date.edtf, date.earliest?.iso, date.latest?.iso, row.rowID])
            }
        }
        return stale.map { "\($0.owner) from its date \($0.date?.edtf ?? "(none)")" }
    }

    /// Repairs what SQL written by hand left out of step, in one transaction: dates' `start`,
    /// `end`, precision and flags recomputed from `date` (rewritten as EDTF), then the search
    /// columns and the full-text index. Returns the rows whose dates it recomputed. A date that
    /// does not read is an error that names it, and nothing is written.
    @discardableResult
    public func reindex() throws -> [String] {
        try write {
            let recomputed = try recomputeStaleDates()
            try rebuildSearchIndex()
            return recomputed
        }
    }
}
