internal import CSQLite

/// An error reported by SQLite, with everything needed to understand it: the extended result
/// code, SQLite's own message, and the SQL that failed (never the bound values, which may be
/// private). See <https://sqlite.org/rescode.html>.
public struct DatabaseError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The extended result code, e.g. 2067 (`SQLITE_CONSTRAINT_UNIQUE`).
    public let extendedCode: Int32
    /// SQLite's message, e.g. "UNIQUE constraint failed: events.uid".
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?

    /// The primary result code, e.g. 19 (`SQLITE_CONSTRAINT`).
    public var code: Int32 { extendedCode & 0xFF }

    public init(extendedCode: Int32, message: String, sql: String? = nil) {
        self.extendedCode = extendedCode
        self.message = message
        self.sql = sql
    }

    init(connection: OpaquePointer?, code: Int32, sql: String? = nil) {
        let message =
            connection.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        let extended = connection.map { sqlite3_extended_errcode($0) } ?? code
        self.init(extendedCode: extended, message: message, sql: sql)
    }

    public var description: String {
        // SQLite's message can quote the input ("no such column: data"); both are shortened.
        var text = "SQLite error \(extendedCode): \(message.shownInMessage(limit: 200))"
        if let sql { text += " (in: \(sql.split(whereSeparator: \.isNewline).joined(separator: " ").shownInMessage(limit: 200)))" }
        return text
    }

    /// `SQLITE_CONSTRAINT_FOREIGNKEY`, for errors the library raises itself about references.
    public static let foreignKeyViolation: Int32 = SQLITE_CONSTRAINT | (3 << 8)  // sqlite3.h, not imported as a macro

    public var isConstraintViolation: Bool { code == SQLITE_CONSTRAINT }
    /// A row refers to a row that is not there (`SQLITE_CONSTRAINT_FOREIGNKEY`).
    public var isForeignKeyViolation: Bool { extendedCode == Self.foreignKeyViolation }
    /// `SQLITE_ERROR`: the SQL (or a MATCH query) is wrong, as opposed to the file or a lock.
    public var isSQLError: Bool { code == SQLITE_ERROR }
    public var isNotADatabase: Bool { code == SQLITE_NOTADB }
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
    public var isReadOnly: Bool { code == SQLITE_READONLY || code == SQLITE_CANTOPEN }
}
