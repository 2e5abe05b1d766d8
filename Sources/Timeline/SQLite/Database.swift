internal import CSQLite

/// A connection to one SQLite file.
///
/// Opening follows a fixed order: busy timeout, foreign keys on, then a first read of the schema
/// so that a file that is not a database fails here and not later. Nothing is written until
/// the owner decides the file is its own (`enableWriteAheadLog()`). Not `Sendable`: one
/// connection belongs to one thread.
public final class Database {
    /// How to open the file.
    public enum Mode: Sendable {
        /// Read and write; the file must exist.
        case readWrite
        /// Read and write, creating the file when it does not exist.
        case create
        /// Read only: nothing can be written, not even a journal mode change.
        case readOnly
        /// A copy nobody writes (in a read-only folder, an archive): read with SQLite's
        /// `immutable` flag, which takes no locks and needs no `-shm` file. Only for a file whose
        /// write-ahead log is empty or absent. See <https://sqlite.org/uri.html#uriimmutable>.
        case immutable
    }

    let handle: OpaquePointer
    /// The path the connection was opened on.
    public let path: String
    private var statementCache: [String: Statement] = [:]
    private var savepointDepth = 0

    /// Opens the SQLite file at `path`.
    public init(path: String, mode: Mode = .create) throws {
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        var name = path
        switch mode {
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .create: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .immutable:
            flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
            name = Self.fileURI(path) + "?immutable=1"
        }
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(name, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let error = DatabaseError(connection: handle, code: code)
            sqlite3_close_v2(handle)
            throw error
        }
        self.handle = handle
        self.path = path
        sqlite3_extended_result_codes(handle, 1)
        // Another process writing (the sqlite3 shell, a second `timeline add`) makes us wait, not fail.
        sqlite3_busy_timeout(handle, 5_000)
        // Closing does not checkpoint and delete the write-ahead log: that takes an exclusive
        // lock as each process exits, which fails a reader (the sqlite3 shell without
        // `.timeout`) that starts just then, and makes Litestream re-copy the whole file.
        // SQLite's automatic checkpoints keep the log short.
        timeline_db_config_flag(handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1)
        // "x" is an identifier, never a string: a misspelt column is an error, not a constant.
        // See <https://sqlite.org/quirks.html#dblquote>.
        timeline_db_config_flag(handle, SQLITE_DBCONFIG_DQS_DML, 0)
        timeline_db_config_flag(handle, SQLITE_DBCONFIG_DQS_DDL, 0)
        try executeScript("PRAGMA foreign_keys = ON")
        // Fails with SQLITE_NOTADB on a file that is not a database, before anything is written.
        _ = try makeStatement("SELECT count(*) FROM sqlite_schema").scalar(as: Int64.self)
    }

    /// Puts the file in WAL mode, so readers (the sqlite3 shell, Datasette) can read while we
    /// write, and makes every commit durable. Call once the file is known to be the caller's.
    public func enableWriteAheadLog() throws {
        try executeScript("PRAGMA journal_mode = WAL")
        // FULL, not NORMAL: with NORMAL a power loss can drop the last committed user actions,
        // and the writes here are human-sized; "nothing is lost" is worth the fsync.
        try executeScript("PRAGMA synchronous = FULL")
    }

    /// A path as an SQLite `file:` URI: `?`, `#` and `%` escaped, absolute paths with an empty
    /// authority. See <https://sqlite.org/uri.html>.
    static func fileURI(_ path: String) -> String {
        var escaped = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "?": escaped += "%3f"
            case "#": escaped += "%23"
            case "%": escaped += "%25"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return path.hasPrefix("/") ? "file://" + escaped : "file:" + escaped
    }

    deinit {
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// A new statement for one SQL statement. Trailing SQL after the first statement is an error.
    public func makeStatement(_ sql: String) throws -> Statement {
        try Statement(database: self, sql: sql)
    }

    /// A statement prepared once per connection and reused: the normal way to run library SQL.
    /// While the cached one is running (a query inside its own loop), a fresh one is returned.
    public func cachedStatement(_ sql: String) throws -> Statement {
        if let statement = statementCache[sql] {
            return statement.isRunning ? try makeStatement(sql) : statement
        }
        let statement = try makeStatement(sql)
        statementCache[sql] = statement
        return statement
    }

    /// Runs one statement with bound `arguments`.
    public func execute(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws {
        try cachedStatement(sql).execute(arguments)
    }

    /// Runs every statement in `sql`, without arguments: for migrations and pragmas.
    public func executeScript(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw DatabaseError(extendedCode: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// The first column of the first row of `sql`, or nil.
    public func scalar<T: DatabaseValueConvertible>(
        _ sql: String, _ arguments: [any DatabaseValueConvertible] = [], as type: T.Type = T.self
    ) throws -> T? {
        try cachedStatement(sql).scalar(arguments, as: type)
    }

    /// The rowid of the last row inserted on this connection.
    public var lastInsertedRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// True while a transaction is open.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs `body` in a read transaction (`BEGIN DEFERRED`): every query in it sees the file as
    /// it was at the first one, whatever other processes commit meanwhile. Nested calls join it.
    public func readTransaction<T>(_ body: () throws -> T) throws -> T {
        guard !isInTransaction else { return try body() }
        try executeScript("BEGIN DEFERRED")
        defer { if isInTransaction { try? executeScript("COMMIT") } }
        return try body()
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws (the
    /// original error is rethrown even if the rollback fails). The outermost level is
    /// `BEGIN IMMEDIATE`, so a lock conflict shows at the start and not midway; nested calls use
    /// savepoints. See <https://sqlite.org/lang_transaction.html>.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let savepoint = "timeline_\(savepointDepth)"
        let nested = savepointDepth > 0
        try executeScript(nested ? "SAVEPOINT \(savepoint)" : "BEGIN IMMEDIATE")
        savepointDepth += 1
        defer { savepointDepth -= 1 }
        do {
            let result = try body()
            try executeScript(nested ? "RELEASE \(savepoint)" : "COMMIT")
            return result
        } catch {
            if nested {
                try? executeScript("ROLLBACK TO \(savepoint); RELEASE \(savepoint)")
            } else if isInTransaction {
                try? executeScript("ROLLBACK")
            }
            throw error
        }
    }
}
