/// A timeline database: opens (and creates, and migrates) the SQLite file, and keeps the
/// events, actors, partnerships, quotes and sources in it. Every user action is one transaction.
/// A class because it owns a connection (and a cache of actor names bound to it).
public final class Store {
    /// The connection; exposed for tests and for SQL a caller wants to run itself.
    public let database: Database
    /// Actor names and aliases as matched (case- and accent-insensitively); reset by each write.
    var actorDirectory = ActorDirectory()
    /// Actors the current write created only because something named them (with the default
    /// kind, nothing else known): an import may still describe them without a conflict.
    var actorsCreatedByReference = Set<Int64>()
    /// Tag row ids by name, as looked up during the current write.
    var tagIDs: [String: Int64] = [:]
    /// Sources by row id, as read during the current read or write.
    var sourcesByRowID: [Int64: Source] = [:]
    /// What the last write created without being asked to by name ("actor \"Gooogle\"",
    /// "source \"nosuch\""): a command tells its user, so that a typo does not pass unseen.
    public internal(set) var created: [String] = []
    /// Applied migrations whose file changed after they were applied (worth a warning).
    public let changedMigrations: [Migration]
    /// Migrations applied while opening (empty when the file was up to date).
    public let appliedMigrations: [Migration]

    /// What the caller intends to do with the file.
    public enum Access: Sendable {
        /// Only read: the file must exist, and nothing is written to it (but a migration, when it is older).
        case read
        /// Read and write an existing file.
        case write
        /// Read and write, creating the file when it does not exist.
        case create
    }

    /// Opens the timeline database at `path` (`:memory:` for a private in-memory one), migrating
    /// it forward. Nothing is created for `.read` and `.write`; a missing folder, a folder, a
    /// file that is not an SQLite database (or is empty, for `.read`), another application's
    /// database, and a database from a newer `timeline` are each a `TimelineError`, with nothing
    /// written. A `.read` store leaves no `-wal`/`-shm` files behind where it can avoid it: it
    /// reads through a query-only read-write connection, which removes them on close.
    public init(path: String, access: Access) throws {
        if path != ":memory:" {
            try Self.checkLocation(path: path, access: access)
        }
        self.path = path
        do {
            let migrator = Migrator()
            let writable = access != .read || path == ":memory:" || FileSystem.isWritable(path)
            let database = try Database(path: path, mode: access == .create ? .create : (writable ? .readWrite : .readOnly))
            let status = try migrator.status(of: database)
            if access == .read && status.currentVersion == 0 {
                throw TimelineError.notATimelineDatabase(path: path, reason: "it is empty (create it with `timeline init`)")
            }
            // A read needs no journal change (WAL is a property of the file, set by the first write).
            if writable && (access != .read || !status.pending.isEmpty) {
                try database.enableWriteAheadLog()
                self.appliedMigrations = try migrator.migrate(database)
            } else if let latest = status.pending.last {
                throw TimelineError.upgradeNeedsWriteAccess(path: path, version: status.currentVersion, current: latest.version)
            } else {
                self.appliedMigrations = []
            }
            if access == .read { try database.executeScript("PRAGMA query_only = ON") }
            self.changedMigrations = status.changed
            self.database = database
        } catch let error as DatabaseError {
            throw Self.timelineError(error, path: path)
        }
    }

    /// The database file's path.
    public let path: String

    /// A SQLite error as the user should read it: a busy or read-only file names the file.
    static func timelineError(_ error: DatabaseError, path: String) -> TimelineError {
        if error.isNotADatabase { return .notATimelineDatabase(path: path, reason: "it is not an SQLite database") }
        if error.isBusy { return .databaseBusy(path: path) }
        if error.isReadOnly { return .readOnlyDatabase(path: path) }
        return .database(error)
    }

    private static func checkLocation(path: String, access: Access) throws {
        switch FileSystem.entry(at: path) {
        case .folder: throw TimelineError.notATimelineDatabase(path: path, reason: "it is a folder")
        case .file: return
        case .missing:
            guard access == .create else { throw TimelineError.databaseNotFound(path: path) }
            guard FileSystem.entry(at: FileSystem.folder(of: path)) == .folder else {
                throw TimelineError.directoryNotFound(path: path)
            }
        }
    }

    /// The schema version of the file.
    public func schemaVersion() throws -> Int {
        try read { try database.scalar("SELECT max(version) FROM schema_migrations", as: Int.self) ?? 0 }
    }

    /// Runs `body` in one transaction, turning SQLite errors into `TimelineError.database`.
    func write<T>(_ body: () throws -> T) throws -> T {
        actorDirectory.reset()
        actorsCreatedByReference = []
        tagIDs = [:]
        sourcesByRowID = [:]
        created = []
        do {
            return try database.transaction(body)
        } catch let error as DatabaseError {
            actorDirectory.reset()
            throw Self.timelineError(error, path: path)
        } catch {
            actorDirectory.reset()
            throw error
        }
    }

    /// Runs `body`, turning SQLite errors into `TimelineError.database`. Names are looked up
    /// afresh: another process may have changed the actors since the last call.
    func read<T>(_ body: () throws -> T) throws -> T {
        actorDirectory.reset()
        sourcesByRowID = [:]
        do {
            return try body()
        } catch let error as DatabaseError {
            throw Self.timelineError(error, path: path)
        }
    }
}
