import Foundation
import Testing

@testable import Timeline

@Suite("Migrations")
struct MigrationTests {
    @Test func embeddedMigrationsMatchTheFiles() throws {
        let folder = packageRoot.appendingPathComponent("migrations")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".sql") }.sorted()
        #expect(
            files == Migration.embedded.map(\.fileName),
            "migrations/ and the binary differ: run scripts/embed-migrations")
        for migration in Migration.embedded {
            let text = try String(contentsOf: folder.appendingPathComponent(migration.fileName), encoding: .utf8)
            #expect(text == migration.sql, "\(migration.fileName) changed: run scripts/embed-migrations")
        }
        #expect(Migration.embedded.map(\.version) == Array(1...Migration.embedded.count), "versions are numbered 1, 2, 3, ...")
    }

    /// "A good migration is never modified once shipped": every shipped migration's checksum,
    /// as databases in the field recorded it. Editing a shipped file (and regenerating the
    /// embedded copy) fails here; a new migration adds its line once it ships.
    @Test func shippedMigrationsAreNeverEdited() {
        let shipped = [
            1: "02ffdcbf13d4deeb",
            2: "f4083b66c5bcdc36",
            3: "d37d6efd2fdff3b9",
            4: "e46e2aa4c5ef31fd",
            5: "847a40b63644432d",
            6: "c2392d175905f232",
            7: "98c576bc606c746a",
            8: "38027d6de02de4ff",
        ]
        for migration in Migration.embedded {
            #expect(
                shipped[migration.version] == migration.checksum,
                "\(migration.fileName) differs from the shipped file: add a new migration instead of editing it")
        }
    }

    @Test func aFreshDatabaseGetsEveryMigrationRecorded() throws {
        let store = try memoryStore()
        let recorded = try Migrator().appliedMigrations(in: store.database)
        #expect(recorded.map(\.version) == Migration.embedded.map(\.version))
        #expect(recorded.map(\.checksum) == Migration.embedded.map(\.checksum))
        #expect(try store.schemaVersion() == Migrator().latestVersion)
    }

    @Test func anOlderDatabaseIsMigratedForwardKeepingItsData() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("old.db")
        let first = Migration.embedded[0]
        let next = Migration(
            version: first.version + 1, name: "add_notes",
            sql: "ALTER TABLE events ADD COLUMN notes TEXT;\n")
        do {
            let database = try Database(path: path)
            try Migrator(migrations: [first]).migrate(database)
            try database.execute(
                "INSERT INTO events (uid, title, date, start, end, precision) VALUES ('a', 'Old', '2019', '2019-01-01', '2019-12-31', 'year')"
            )
        }
        let database = try Database(path: path)
        let applied = try Migrator(migrations: [first, next]).migrate(database)
        #expect(applied == [next])
        #expect(try database.scalar("SELECT title FROM events WHERE uid = 'a'", as: String.self) == "Old")
        #expect(try database.scalar("SELECT count(*) FROM pragma_table_info('events') WHERE name = 'notes'", as: Int.self) == 1)
        #expect(try Migrator(migrations: [first, next]).migrate(database).isEmpty, "a second run applies nothing")
    }

    @Test func aFailingMigrationLeavesTheDatabaseAtThePreviousVersion() throws {
        let database = try Database(path: ":memory:")
        let first = Migration.embedded[0]
        let broken = Migration(version: first.version + 1, name: "broken", sql: "CREATE TABLE half (x);\nNOT SQL;\n")
        try Migrator(migrations: [first]).migrate(database)
        #expect(throws: DatabaseError.self) { try Migrator(migrations: [first, broken]).migrate(database) }
        #expect(try Migrator().appliedMigrations(in: database).map(\.version) == [first.version])
        #expect(try database.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'half'", as: Int.self) == 0)
    }

    @Test func pendingMigrationsAreAppliedAllOrNothing() throws {
        let database = try Database(path: ":memory:")
        let first = Migration.embedded[0]
        let broken = Migration(version: first.version + 1, name: "broken", sql: "NOT SQL;\n")
        #expect(throws: DatabaseError.self) { try Migrator(migrations: [first, broken]).migrate(database) }
        #expect(
            try database.scalar("SELECT count(*) FROM sqlite_schema", as: Int.self) == 0,
            "the first migration is rolled back with the one that failed: a file is never between versions")
    }

    @Test func aNewerDatabaseIsRefusedAndLeftUntouched() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("future.db")
        do {
            let store = try Store(path: path, access: .create)
            try store.database.execute("INSERT INTO schema_migrations VALUES (99, 'future', 'x', '2030-01-01T00:00:00Z')")
            try store.database.executeScript("PRAGMA wal_checkpoint(TRUNCATE)")
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        for access in [Store.Access.read, .write, .create] {
            #expect(throws: TimelineError.schemaTooNew(path: path, version: 99, supported: Migrator().latestVersion)) {
                try Store(path: path, access: access)
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    /// A shared archive on a read-only share, opened by a newer `timeline`: reading it would
    /// need the upgrade, which needs writing, so the error says so. Root may write any file
    /// whose mode says otherwise, so the file is made immutable (where the file system can).
    @Test(.enabled(if: canMakeFilesImmutable()))
    func anOlderDatabaseThatCannotBeWrittenSaysItNeedsTheUpgrade() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("archive.db")
        do {
            let database = try Database(path: path)
            try Migrator(migrations: Array(Migration.embedded.prefix(3))).migrate(database)
        }
        try immutable(path, true)
        defer { try? immutable(path, false) }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: TimelineError.upgradeNeedsWriteAccess(path: path, version: 3, current: Migrator().latestVersion)) {
            try Store(path: path, access: .read)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    @Test func aChangedMigrationIsReported() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("changed.db")
        try Store(path: path, access: .create).database.execute("UPDATE schema_migrations SET checksum = 'edited' WHERE version = 1")
        let store = try Store(path: path, access: .read)
        #expect(store.changedMigrations.map(\.version) == [1])
    }

    @Test func anotherApplicationsDatabaseIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("other.db")
        try Database(path: path).executeScript("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
        #expect { try Store(path: path, access: .create) } throws: { error in
            guard case .notATimelineDatabase = error as? TimelineError else { return false }
            return true
        }
        #expect(try Database(path: path).scalar("SELECT count(*) FROM sqlite_schema", as: Int.self) == 1)
    }

    @Test func checksumsTellTextsApart() {
        let a = Migration(version: 1, name: "a", sql: "CREATE TABLE t (x);\n")
        let b = Migration(version: 1, name: "a", sql: "CREATE TABLE t (y);\n")
        #expect(a.checksum != b.checksum)
        #expect(a.checksum.count == 16)
        #expect(a.fileName == "0001_a.sql")
    }
}
