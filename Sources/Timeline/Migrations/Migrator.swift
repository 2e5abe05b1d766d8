/// Brings a database's schema up to date with the migrations this binary carries.
///
/// Each pending migration runs with its bookkeeping row (`schema_migrations`) in one transaction,
/// with foreign keys checked before the commit. A database whose schema is newer than the
/// binary is refused before anything is written. "A good migration is never modified once
/// shipped": an applied migration whose text changed since is reported, not re-run.
public struct Migrator: Sendable {
    /// The known migrations, in version order.
    public let migrations: [Migration]

    public init(migrations: [Migration] = Migration.embedded) {
        self.migrations = migrations.sorted { $0.version < $1.version }
    }

    /// The version the migrations lead to.
    public var latestVersion: Int { migrations.last?.version ?? 0 }

    /// A migration recorded in a database.
    public struct AppliedMigration: Hashable, Sendable {
        public let version: Int
        public let name: String
        public let checksum: String
        public let appliedAt: String
    }

    /// The migrations recorded in `database`, oldest first. Throws when the file holds tables
    /// but none of timeline's bookkeeping (another application's database).
    public func appliedMigrations(in database: Database) throws -> [AppliedMigration] {
        let hasBookkeeping =
            try database.scalar(
                "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_migrations'", as: Int64.self) ?? 0
        guard hasBookkeeping > 0 else {
            let tables =
                try database.scalar(
                    "SELECT count(*) FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'", as: Int64.self) ?? 0
            if tables > 0 {
                throw TimelineError.notATimelineDatabase(
                    path: database.path, reason: "it is an SQLite database of another application (no schema_migrations table)")
            }
            return []
        }
        return try database.cachedStatement(
            "SELECT version, name, checksum, applied_at FROM schema_migrations ORDER BY version"
        ).map { row in
            AppliedMigration(version: row[0], name: row[1], checksum: row[2], appliedAt: row[3])
        }
    }

    /// What a database's schema is, compared with this binary's migrations.
    public struct Status: Sendable {
        /// Migrations not yet applied, in order.
        public let pending: [Migration]
        /// Applied migrations whose text has changed since (by version).
        public let changed: [Migration]
        /// The highest applied version.
        public let currentVersion: Int
    }

    /// Compares `database` with the known migrations; throws `schemaTooNew` for a newer file.
    public func status(of database: Database) throws -> Status {
        let applied = try appliedMigrations(in: database)
        let current = applied.last?.version ?? 0
        if current > latestVersion {
            throw TimelineError.schemaTooNew(path: database.path, version: current, supported: latestVersion)
        }
        let appliedByVersion = Dictionary(applied.map { ($0.version, $0) }, uniquingKeysWith: { first, _ in first })
        let pending = migrations.filter { appliedByVersion[$0.version] == nil }
        let changed = migrations.filter { migration in
            appliedByVersion[migration.version].map { $0.checksum != migration.checksum } ?? false
        }
        return Status(pending: pending, changed: changed, currentVersion: current)
    }

    /// Applies every pending migration in one `BEGIN IMMEDIATE` transaction, and returns those
    /// it applied. The version is read again once the write lock is held, so two processes
    /// opening the same old (or new) file at once upgrade it once: the second finds nothing to do.
    ///
    /// Foreign keys are off while migrations run, so that one can rebuild a table the way
    /// <https://sqlite.org/lang_altertable.html#otheralter> describes; `foreign_key_check`
    /// runs before the commit, so a migration that breaks a reference is rolled back.
    ///
    /// Migrations may call `timeline_match_key(text)`, the way timeline matches names
    /// (`String.matchKey`), which SQLite alone cannot compute; it is defined on `database` for them.
    @discardableResult
    public func migrate(_ database: Database) throws -> [Migration] {
        guard !(try status(of: database).pending.isEmpty) else { return [] }
        try database.defineFunction("timeline_match_key") { $0.matchKey }
        try database.executeScript("PRAGMA foreign_keys = OFF")
        defer { try? database.executeScript("PRAGMA foreign_keys = ON") }
        return try database.transaction {
            let pending = try status(of: database).pending
            for migration in pending {
                try database.executeScript(migration.sql)
                try database.execute(
                    "INSERT INTO schema_migrations (version, name, checksum, applied_at) VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))",
                    [migration.version, migration.name, migration.checksum])
                if let violation = try database.makeStatement("PRAGMA foreign_key_check").first([], { row -> String in row[0] }) {
                    throw DatabaseError(
                        extendedCode: DatabaseError.foreignKeyViolation,
                        message: "migration \(migration.fileName) leaves a foreign key violation in table \(violation)")
                }
            }
            return pending
        }
    }
}
