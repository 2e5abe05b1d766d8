/// One row of `history`: what one change set did to one row of a table of records (or, for a
/// range, to every row whose key is in it), with the row's values before and after.
struct HistoryEntry: Sendable {
    enum Operation: String, Sendable {
        case insert, update, delete
    }

    let id: Int64
    let changeSet: Int64
    let table: HistoryTable
    /// `row_key`, and `row_key2` for a row that belongs to another (else `.null`).
    let rowKey: DatabaseValue
    let rowKey2: DatabaseValue
    /// The last `row_key` of a range of rows inserted in bulk; nil for one row.
    let lastRowKey: DatabaseValue?
    let operation: Operation
    /// The values before, as JSON: every column for a delete, those that changed for an update.
    let old: String?
    /// The values after, as JSON: every column for an insert (of one row), those that changed for an update.
    let new: String?

    /// The values that find the row with `table.keyCondition()`.
    var key: [DatabaseValue] { table.keys.count == 1 ? [rowKey] : [rowKey, rowKey2] }

    /// The columns of `history` that `init(row:)` reads, in order.
    static let columnsSQL = "h.id, h.change_id, h.table_name, h.row_key, h.row_key2, h.last_row_key, h.operation, h.old, h.new"

    /// Reads one row selected with `columnsSQL`; nil for a table the history does not know.
    init?(row: Row) {
        guard let table = HistoryTable.byName[row[2] as String], let operation = Operation(rawValue: row[6]) else { return nil }
        self.id = row[0]
        self.changeSet = row[1]
        self.table = table
        self.rowKey = row.value(at: 3)
        self.rowKey2 = row.value(at: 4)
        let last = row.value(at: 5)
        self.lastRowKey = last == .null ? nil : last
        self.operation = operation
        self.old = row[7]
        self.new = row[8]
    }

    /// `old` as (column, value) pairs, in its order, decoded by SQLite's JSON functions.
    func oldValues(in database: Database) throws -> [(column: String, value: DatabaseValue)] {
        try Self.values(of: old, in: database)
    }

    /// `new` as (column, value) pairs, in its order.
    func newValues(in database: Database) throws -> [(column: String, value: DatabaseValue)] {
        try Self.values(of: new, in: database)
    }

    static func values(of json: String?, in database: Database) throws -> [(column: String, value: DatabaseValue)] {
        guard let json else { return [] }
        return try database.cachedStatement("SELECT key, value FROM json_each(?)").map([json]) { ($0[0] as String, $0.value(at: 1)) }
    }

    /// Whether this entry is about the row `key` of `table` (one of the rows of a range).
    func covers(table other: String, key: [DatabaseValue]) -> Bool {
        guard other == table.name else { return false }
        if let lastRowKey {
            return key.first.map { $0.isBetween(rowKey, lastRowKey) } ?? false
        }
        return key == self.key
    }
}

extension DatabaseValue {
    /// `lower <= self <= upper`, for the integer keys of history ranges.
    func isBetween(_ lower: DatabaseValue, _ upper: DatabaseValue) -> Bool {
        guard case .integer(let value) = self, case .integer(let low) = lower, case .integer(let high) = upper else { return false }
        return low <= value && value <= high
    }
}
