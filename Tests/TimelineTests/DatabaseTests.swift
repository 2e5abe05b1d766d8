import Foundation
import Testing
import Timeline

@Suite("SQLite layer")
struct DatabaseTests {
    @Test func bindsAndReadsEveryType() throws {
        let database = try Database(path: ":memory:")
        try database.executeScript("CREATE TABLE t (i INTEGER, r REAL, s TEXT, b BLOB, n TEXT)")
        try database.execute("INSERT INTO t VALUES (?, ?, ?, ?, ?)", [Int64(42), 2.5, "données ✓", [UInt8]([0, 1, 255]), String?.none])
        let row = try database.makeStatement("SELECT i, r, s, b, n FROM t").first { row in
            (row[0] as Int64, row[1] as Double, row[2] as String, row[3] as [UInt8], row[4] as String?)
        }
        #expect(row?.0 == 42)
        #expect(row?.1 == 2.5)
        #expect(row?.2 == "données ✓")
        #expect(row?.3 == [0, 1, 255])
        #expect(row?.4 == nil)
    }

    /// A misspelt column in double quotes is an error, not the string "its name" (SQLite's
    /// legacy default, which hides typos in hand-written and library SQL alike).
    @Test func doubleQuotesNameColumnsOnly() throws {
        let database = try Database(path: ":memory:")
        try database.executeScript("CREATE TABLE t (x TEXT)")
        #expect(throws: DatabaseError.self) { try database.scalar(#"SELECT "nosuch" FROM t"#, as: String.self) }
        #expect(throws: DatabaseError.self) { try database.executeScript(#"CREATE INDEX t_nosuch ON t ("nosuch")"#) }
    }

    @Test func emptyTextIsNotNull() throws {
        let database = try Database(path: ":memory:")
        #expect(try database.scalar("SELECT ? IS NULL", [""], as: Int.self) == 0)
    }

    @Test func rowsStreamInOrder() throws {
        let database = try Database(path: ":memory:")
        var seen: [Int] = []
        try database.makeStatement("WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 5) SELECT x FROM n")
            .forEachRow { seen.append($0[0]) }
        #expect(seen == [1, 2, 3, 4, 5])
    }

    @Test func wrongArgumentCountIsAnError() throws {
        let database = try Database(path: ":memory:")
        #expect(throws: DatabaseError.self) { try database.execute("SELECT ?, ?", [1]) }
    }

    @Test func twoStatementsInOnePrepareAreRefusedButTrailingCommentsAreFine() throws {
        let database = try Database(path: ":memory:")
        #expect(throws: DatabaseError.self) { try database.makeStatement("SELECT 1; SELECT 2") }
        #expect(throws: DatabaseError.self) { try database.makeStatement("  -- nothing") }
        #expect(try database.makeStatement("SELECT 1; -- the answer\n").scalar(as: Int.self) == 1)
    }

    @Test func aCachedStatementCanRunInsideItsOwnLoop() throws {
        let database = try Database(path: ":memory:")
        let sql = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ?) SELECT x FROM n"
        var pairs: [[Int]] = []
        try database.cachedStatement(sql).forEachRow([2]) { outer in
            let inner = try database.cachedStatement(sql).map([2]) { $0[0] as Int }
            pairs.append([outer[0] as Int] + inner)
        }
        #expect(pairs == [[1, 1, 2], [2, 1, 2]])
    }

    @Test func errorsCarryCodeMessageAndSQL() throws {
        let database = try Database(path: ":memory:")
        try database.executeScript("CREATE TABLE t (x TEXT UNIQUE)")
        try database.execute("INSERT INTO t VALUES (?)", ["a"])
        do {
            try database.execute("INSERT INTO t VALUES (?)", ["a"])
            Issue.record("expected a constraint error")
        } catch let error as DatabaseError {
            #expect(error.extendedCode == 2067)  // SQLITE_CONSTRAINT_UNIQUE
            #expect(error.isConstraintViolation)
            #expect(error.message.contains("UNIQUE"))
            #expect(error.sql == "INSERT INTO t VALUES (?)")
        }
    }

    @Test func transactionRollsBackOnThrowAndRethrowsTheOriginalError() throws {
        struct Boom: Error {}
        let database = try Database(path: ":memory:")
        try database.executeScript("CREATE TABLE t (x INTEGER)")
        #expect(throws: Boom.self) {
            try database.transaction {
                try database.execute("INSERT INTO t VALUES (1)")
                throw Boom()
            }
        }
        #expect(try database.scalar("SELECT count(*) FROM t", as: Int.self) == 0)
        #expect(!database.isInTransaction)
    }

    @Test func nestedTransactionsUseSavepoints() throws {
        struct Boom: Error {}
        let database = try Database(path: ":memory:")
        try database.executeScript("CREATE TABLE t (x INTEGER)")
        try database.transaction {
            try database.execute("INSERT INTO t VALUES (1)")
            try? database.transaction {
                try database.execute("INSERT INTO t VALUES (2)")
                throw Boom()
            }
            try database.transaction { try database.execute("INSERT INTO t VALUES (3)") }
        }
        #expect(try database.makeStatement("SELECT x FROM t ORDER BY x").map { $0[0] as Int } == [1, 3])
    }

    @Test func connectionSettings() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let database = try Database(path: folder.path("x.db"))
        #expect(try database.scalar("PRAGMA journal_mode", as: String.self) == "delete", "nothing written at open")
        try database.enableWriteAheadLog()
        #expect(try database.scalar("PRAGMA journal_mode", as: String.self) == "wal")
        #expect(try database.scalar("PRAGMA foreign_keys", as: Int.self) == 1)
        #expect(try database.scalar("PRAGMA synchronous", as: Int.self) == 2)  // FULL
        #expect(try database.scalar("PRAGMA busy_timeout", as: Int.self) ?? 0 >= 5000)
    }

    @Test func aFileThatIsNotADatabaseFailsAtOpenAndIsLeftAlone() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("notes.txt")
        try Data("just some notes\n".utf8).write(to: URL(fileURLWithPath: path))
        #expect { try Database(path: path) } throws: { ($0 as? DatabaseError)?.isNotADatabase == true }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "just some notes\n")
    }

    @Test func readOnlyConnectionsCannotWrite() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("x.db")
        try Database(path: path).executeScript("CREATE TABLE t (x)")
        let reader = try Database(path: path, mode: .readOnly)
        #expect(throws: DatabaseError.self) { try reader.execute("INSERT INTO t VALUES (1)") }
    }
}
