/// A timeline database: opens (and creates, and migrates) the SQLite file, and keeps the
/// events, actors, partnerships, quotes and sources in it. Every user action is one transaction.
/// A class because it owns a connection (and a cache of actor names bound to it).
public final class Store {
    /// The connection. Not public: every write goes through the Store's transactions (tests
    /// reach it with `@testable import`; a caller's own SQL opens its own `Database`).
    let database: Database
    /// Actor names and aliases as matched (case- and accent-insensitively); reset by each write.
    var actorDirectory = ActorDirectory()
    /// Actors the current write created only because something named them (with the default
    /// kind, nothing else known): an import may still describe them without a conflict.
    var actorsCreatedByReference = Set<Int64>()
    /// Tags by the key people type them by, as looked up during the current read or write.
    var tagsByKey = SpellingIndex<(rowID: Int64, name: String)>()
    /// The spelling the events have of each kind, as looked up during the current read or write.
    var kindsByKey = SpellingIndex<String>()
    /// Sources by row id, as read during the current read or write.
    var sourcesByRowID: [Int64: Source] = [:]
    /// What the current write transaction created without being asked to by name, returned
    /// in its `Written` value.
    var createdByReference: [String] = []
    /// How many `read` and `write` calls are running, one inside the other: the outermost turns
    /// a name that matched nothing into an error with the closest names.
    private var depth = 0
    /// The next row id `newRowID(in:)` gives, by table, during the current write transaction.
    var nextRowIDs: [String: Int64] = [:]
    /// True for a store that may have written to a file (not `:memory:`, not `.read`).
    private let wroteToFile: Bool
    /// Applied migrations whose file changed after they were applied (worth a warning).
    public let changedMigrations: [Migration]
    /// Migrations applied while opening (empty when the file was up to date).
    public let appliedMigrations: [Migration]
    /// True when opening made the file (`.create` on a missing path): a command says so, so that
    /// a mistyped `--db` does not silently start a second timeline.
    public let createdFile: Bool
    /// Who makes the next writes, with which command, why: each write transaction is recorded
    /// in the history as one change set with this description.
    public var changeDescription = ChangeDescription(
        command: ChangeDescription.commandLine([FileSystem.name(of: CommandLine.arguments.first ?? "")] + CommandLine.arguments.dropFirst())
    )
    /// The change set the current write transaction records into.
    private(set) var currentChangeSet: Int64?
    /// The temporary file this store reads, removed with it (a copy made by `asOf`).
    var temporaryCopy: TemporaryFile?

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
    /// written. `.create` builds a missing file aside and moves it into place with its schema
    /// committed, so no process ever sees it half made, and a failure leaves nothing behind.
    /// A `.read` store of a file it may not write (a read-only folder, an archive) reads it
    /// without writing anything beside it.
    public init(path: String, access: Access) throws {
        if path != ":memory:" {
            try Self.checkLocation(path: path, access: access)
        }
        let followed = path != ":memory:" && Self.isFollowedCopy(path)
        if followed && access != .read { throw TimelineError.followedCopy(path: path, upgrading: false) }
        self.path = path
        do {
            if access == .create && path != ":memory:" && FileSystem.entry(at: path) == .missing {
                try Self.createAside(path)
                self.createdFile = true
            } else {
                self.createdFile = false
            }
            let mode: Database.Mode = path == ":memory:" ? .create : access == .read ? try Self.readMode(of: path) : .readWrite
            let database = try Database(path: path, mode: mode)
            let migrator = Migrator()
            let status = try migrator.status(of: database)
            if access == .read && status.currentVersion == 0 {
                throw TimelineError.notATimelineDatabase(path: path, reason: "it is empty (create it with `timeline init`)")
            }
            if followed && !status.pending.isEmpty { throw TimelineError.followedCopy(path: path, upgrading: true) }
            // A read needs no journal change (WAL is a property of the file, set by the first write).
            if mode == .readWrite || mode == .create, access != .read || !status.pending.isEmpty {
                try database.enableWriteAheadLog()
                self.appliedMigrations = try migrator.migrate(database)
            } else if let latest = status.pending.last {
                throw TimelineError.upgradeNeedsWriteAccess(path: path, version: status.currentVersion, current: latest.version)
            } else {
                self.appliedMigrations = []
            }
            if access == .read { try database.executeScript("PRAGMA query_only = ON") }
            self.changedMigrations = status.changed
            self.wroteToFile = path != ":memory:" && (access != .read || !appliedMigrations.isEmpty)
            self.database = database
        } catch let error as DatabaseError {
            throw Self.timelineError(error, path: path)
        }
    }

    /// Builds a new database with its schema at a temporary path beside `path`, then gives it
    /// that name (unless another process created the file meanwhile: theirs is kept, as good).
    /// Whatever fails (a full disk, a read-only folder), only the temporary files existed.
    private static func createAside(_ path: String) throws {
        guard FileSystem.isWritable(FileSystem.folder(of: path)) else { throw TimelineError.readOnlyDatabase(path: path) }
        let temporary = TemporaryFile(beside: path)
        temporary.remove()
        defer { temporary.remove() }
        do {
            try buildSchema(at: temporary.path)
            try temporary.publish(replacing: false)
        } catch let error as DatabaseError {
            throw TimelineError.cannotCreate(path: path, reason: error.message)
        } catch FileError.alreadyExists {
            return  // another process created it meanwhile: theirs is as good
        } catch FileError.cannotWrite(_, let reason) {
            throw TimelineError.cannotCreate(path: path, reason: reason)
        }
    }

    /// Writes the whole schema into a new file at `path` in one transaction, then marks the file
    /// as a write-ahead-log database, and closes it.
    private static func buildSchema(at path: String) throws {
        let database = try Database(path: path, mode: .create)
        try database.executeScript("PRAGMA synchronous = FULL")
        try Migrator().migrate(database)
        try database.executeScript("PRAGMA journal_mode = WAL")
    }

    /// Whether `path` is a copy that `litestream restore -f` follows: Litestream writes the
    /// replica's changes into the file itself and keeps its position in `PATH-txid`. A change
    /// made there would hide the ones that follow (and the next write of Litestream's would
    /// overwrite it), so the copy is only read. See docs/team.md.
    static func isFollowedCopy(_ path: String) -> Bool {
        FileSystem.entry(at: path + "-txid") == .file
    }

    /// How a read opens `path`: as usual when this process may write the file and its folder (or
    /// the `-wal` and `-shm` files SQLite needs are there to use); else as an immutable copy
    /// when its write-ahead log holds nothing, or read-only (SQLite then reads the log in memory).
    static func readMode(of path: String) throws -> Database.Mode {
        let folderWritable = FileSystem.isWritable(FileSystem.folder(of: path))
        let companionsWritable = FileSystem.isWritable(path + "-wal") && FileSystem.isWritable(path + "-shm")
        if FileSystem.isWritable(path) && (folderWritable || companionsWritable) {
            return .readWrite
        }
        if (FileSystem.size(of: path + "-wal") ?? 0) == 0 { return .immutable }
        if !folderWritable && FileSystem.entry(at: path + "-shm") == .missing {
            throw TimelineError.unreadableLog(path: path)
        }
        return .readOnly
    }

    /// Copies what this store wrote from the write-ahead log into the database file, without
    /// waiting for or blocking anyone (a passive checkpoint; the log itself stays, see
    /// `Database`): a copy of the `.db` file alone, made after a command, holds its changes.
    ///
    /// A log that has grown past `logLimit` is then emptied, if nobody is reading or writing at
    /// that moment (nothing waits for it): each command opens the file afresh, and SQLite, which
    /// forgets on every first open what was already copied, would otherwise append to the log
    /// for ever. Not when Litestream replicates the file (its `_litestream_seq` table): it
    /// manages the log, and a log emptied behind its back makes it send the whole file again.
    deinit {
        if let temporaryCopy {
            temporaryCopy.remove()
            return
        }
        guard wroteToFile else { return }
        try? database.executeScript("PRAGMA wal_checkpoint(PASSIVE)")
        guard (FileSystem.size(of: path + "-wal") ?? 0) > Self.logLimit,
            (try? database.scalar("SELECT 1 FROM sqlite_schema WHERE name = '_litestream_seq'", as: Int.self)) == nil
        else { return }
        try? database.executeScript("PRAGMA busy_timeout = 0; PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// The size past which a command empties the write-ahead log as it closes: SQLite's own
    /// automatic checkpoint size (1,000 pages of 4 KiB).
    static let logLimit = 4 << 20

    /// Stops what this store is running as soon as it can, from any thread (a Ctrl-C): the
    /// statement fails, its transaction rolls back, nothing stays locked.
    public func interrupt() {
        database.interrupt()
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

    /// Runs `body` in one transaction, turning SQLite errors into `TimelineError.database`, and
    /// a name that matched nothing into an error that gives the closest names. The outermost
    /// transaction is a change set of the history, described by `changeDescription`.
    func write<T>(_ body: () throws -> T) throws -> T {
        try writeRecording(body).value
    }

    /// Runs `body` in one transaction (see `write`); returns its value and the id of the change
    /// set that recorded it (nil when nested in another write, or when nothing changed).
    func writeRecording<T>(_ body: () throws -> T) throws -> (value: T, changeSet: Int64?) {
        forgetNames()
        let isOutermost = depth == 0
        let outermost = !database.isInTransaction
        if outermost {
            actorsCreatedByReference = []
            createdByReference = []
            nextRowIDs = [:]
        }
        depth += 1
        defer { depth -= 1 }
        do {
            return try database.transaction {
                guard outermost else { return (try body(), nil) }
                let changeSet = try openChangeSet()
                currentChangeSet = changeSet
                defer { currentChangeSet = nil }
                let value = try body()
                return (value, try closeChangeSet(changeSet))
            }
        } catch let error as DatabaseError {
            forgetNames()
            throw Self.timelineError(error, path: path)
        } catch let error as TimelineError where isOutermost {
            forgetNames()
            throw withClosestNames(error)
        } catch {
            forgetNames()
            throw error
        }
    }

    /// Forgets the names and sources looked up: another process may change them between calls,
    /// and a rolled-back write may have registered some.
    private func forgetNames() {
        actorDirectory.reset()
        tagsByKey.reset()
        kindsByKey.reset()
        sourcesByRowID = [:]
    }

    /// Runs `body` in one transaction (see `write`) and returns its value with what it created
    /// only because something named it, and the change set that recorded it.
    func writeReporting<T>(_ body: () throws -> T) throws -> Written<T> {
        let (value, changeSet) = try writeRecording(body)
        return Written(value: value, createdByReference: createdByReference, changeSet: changeSet)
    }

    /// Runs `body`, turning SQLite errors into `TimelineError.database`, and a name that
    /// matched nothing into an error that gives the closest names. Names are looked up afresh:
    /// another process may have changed them since the last call.
    func read<T>(_ body: () throws -> T) throws -> T {
        forgetNames()
        let isOutermost = depth == 0
        depth += 1
        defer { depth -= 1 }
        do {
            return try body()
        } catch let error as DatabaseError {
            throw Self.timelineError(error, path: path)
        } catch let error as TimelineError where isOutermost {
            throw withClosestNames(error)
        }
    }

    /// A date read from a column, or a clear error naming what it belongs to.
    func storedDate(_ text: String?, what: String) throws -> PartialDate? {
        guard let text else { return nil }
        do {
            return try PartialDate(parsing: text)
        } catch {
            throw TimelineError.invalidValue(
                field: "date", value: text,
                expected: "\(what) has it in the database; fix it in SQL with a date such as 2019-09-10 or 2019-09")
        }
    }
}
