internal import CSQLite

/// `SQLITE_TRANSIENT`, which Swift does not import: SQLite copies the bound bytes at once.
private let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)
/// A pointer to an empty C string, for binding empty text (a nil pointer would bind NULL).
nonisolated(unsafe) private let emptyText: UnsafePointer<CChar> = ("" as StaticString).utf8Start.withMemoryRebound(
    to: CChar.self, capacity: 1
) { $0 }

/// A prepared statement: one SQL statement compiled once and run many times with new arguments.
///
/// It owns its `sqlite3_stmt` and finalizes it when released. Like its connection it is not
/// `Sendable`: use it on the thread that made it. See <https://sqlite.org/c3ref/stmt.html>.
public final class Statement {
    let handle: OpaquePointer
    unowned let database: Database
    /// The statement's SQL, as prepared.
    public let sql: String

    init(database: Database, sql: String) throws {
        var handle: OpaquePointer?
        var trailingStatement = false
        let code = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let result = sqlite3_prepare_v2(database.handle, text, -1, &handle, &tail)
            // One prepare, one statement: trailing SQL would otherwise be silently ignored.
            // What follows may only be whitespace, semicolons and comments (which prepare to nothing).
            while result == SQLITE_OK, let rest = tail, rest.pointee != 0 {
                var extra: OpaquePointer?
                var next: UnsafePointer<CChar>?
                guard sqlite3_prepare_v2(database.handle, rest, -1, &extra, &next) == SQLITE_OK, extra == nil else {
                    sqlite3_finalize(extra)
                    trailingStatement = true
                    break
                }
                if next == rest { break }
                tail = next
            }
            return result
        }
        guard code == SQLITE_OK, let handle, !trailingStatement else {
            sqlite3_finalize(handle)
            if code == SQLITE_OK {
                let message = trailingStatement ? "more than one statement in one prepare; use executeScript" : "no SQL statement"
                throw DatabaseError(extendedCode: SQLITE_MISUSE, message: message, sql: sql)
            }
            throw DatabaseError(connection: database.handle, code: code, sql: sql)
        }
        self.handle = handle
        self.database = database
        self.sql = sql
    }

    /// True between the first step and the reset: a caller is reading its rows.
    var isRunning: Bool { sqlite3_stmt_busy(handle) != 0 }

    deinit { sqlite3_finalize(handle) }

    /// Resets the statement and binds `arguments` to its parameters, in order.
    /// Throws when the count differs from the statement's parameter count.
    public func bind(_ arguments: [any DatabaseValueConvertible]) throws {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard arguments.count == expected else {
            throw DatabaseError(
                extendedCode: SQLITE_RANGE,
                message: "expected \(expected) arguments, got \(arguments.count)", sql: sql)
        }
        for (offset, argument) in arguments.enumerated() {
            try bind(argument.databaseValue, at: Int32(offset + 1))
        }
    }

    private func bind(_ value: DatabaseValue, at index: Int32) throws {
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .integer(let integer):
            code = sqlite3_bind_int64(handle, index, integer)
        case .real(let real):
            code = sqlite3_bind_double(handle, index, real)
        case .text(var text):
            // Bound straight from the string's UTF-8 storage; SQLite copies it (transient).
            code = text.withUTF8 { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    sqlite3_bind_text(handle, index, chars.baseAddress ?? emptyText, Int32(chars.count), transient)
                }
            }
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { buffer in
                sqlite3_bind_blob(handle, index, buffer.baseAddress ?? UnsafeRawPointer(emptyText), Int32(buffer.count), transient)
            }
        }
        guard code == SQLITE_OK else { throw DatabaseError(connection: database.handle, code: code, sql: sql) }
    }

    /// Runs the statement to completion with `arguments`, ignoring any rows.
    public func execute(_ arguments: [any DatabaseValueConvertible] = []) throws {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        while try step() {}
    }

    /// Runs the statement and calls `body` with each row as SQLite produces it: rows stream,
    /// nothing is collected. A `Row` is only valid inside `body`.
    public func forEachRow(_ arguments: [any DatabaseValueConvertible] = [], _ body: (Row) throws -> Void) throws {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        while try step() {
            try body(Row(handle: handle))
        }
    }

    /// The rows mapped by `transform`, collected in an array.
    public func map<T>(_ arguments: [any DatabaseValueConvertible] = [], _ transform: (Row) throws -> T) throws -> [T] {
        var results: [T] = []
        try forEachRow(arguments) { results.append(try transform($0)) }
        return results
    }

    /// The first row mapped by `transform`, or nil when there is none.
    public func first<T>(_ arguments: [any DatabaseValueConvertible] = [], _ transform: (Row) throws -> T) throws -> T? {
        try bind(arguments)
        defer { sqlite3_reset(handle) }
        return try step() ? try transform(Row(handle: handle)) : nil
    }

    /// The first column of the first row, or nil when there is no row or it is NULL.
    public func scalar<T: DatabaseValueConvertible>(_ arguments: [any DatabaseValueConvertible] = [], as type: T.Type = T.self) throws -> T?
    {
        try first(arguments) { row -> T? in row[0] } ?? nil
    }

    /// Advances to the next row: true when a row is ready, false when done.
    private func step() throws -> Bool {
        switch sqlite3_step(handle) {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        case let code:
            let error = DatabaseError(connection: database.handle, code: code, sql: sql)
            sqlite3_reset(handle)
            throw error
        }
    }
}
