import Foundation
import Testing

@testable import Timeline

/// Ctrl-C and SIGTERM, end to end: the command ends with `error: interrupted` and status 130,
/// its transaction rolled back, nothing left locked.
@Suite("interrupting a command", .serialized)
struct InterruptionTests {
    /// A running `timeline`, its stdin left open until `finish`.
    struct RunningTimeline {
        let process = Process()
        let output = Pipe(), errors = Pipe(), input = Pipe()

        init(_ arguments: [String], in folder: TemporaryFolder, discardingOutput: Bool = false) throws {
            process.executableURL = timelineBinary
            process.arguments = arguments
            process.currentDirectoryURL = folder.url
            process.standardOutput = discardingOutput ? FileHandle.nullDevice : output
            process.standardError = errors
            process.standardInput = input
            try process.run()
        }

        /// Sends `signal` after `delay` seconds, and waits for the end.
        func signal(_ signal: Int32, after delay: Double) -> (result: RunResult, seconds: Double) {
            Thread.sleep(forTimeInterval: delay)
            let sent = Date()
            kill(process.processIdentifier, signal)
            process.waitUntilExit()
            let seconds = Date().timeIntervalSince(sent)
            return (
                RunResult(
                    status: process.terminationStatus,
                    stdout: process.standardOutput is Pipe
                        ? String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) : "",
                    stderr: String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)), seconds
            )
        }
    }

    /// JSON Lines of `count` events: long enough to import for several seconds.
    func writeLargeImport(_ count: Int, to path: String) throws {
        var text = ""
        for number in 0..<count {
            text += #"{"type":"event","id":"e\#(number)","title":"Event \#(number) about Mayo Clinic","date":"2019"}"# + "\n"
        }
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func anInterruptedImportAddsNothingAndLeavesTheFileUsable(signal: Int32) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try runTimeline(["add", "Existing", "--date", "2019"], in: folder).status == 0)
        try writeLargeImport(60_000, to: folder.path("big.jsonl"))
        let (result, seconds) = try RunningTimeline(["import", "big.jsonl"], in: folder).signal(signal, after: 1)
        #expect(result.status == 130)
        #expect(result.stdout == "" && result.stderr == "error: interrupted\n")
        #expect(seconds < 1.5, "the import stops at once, not after its grace period (\(seconds) s)")

        #expect(try runTimeline(["add", "After", "--date", "2020"], in: folder).status == 0, "nothing stays locked")
        let store = try Store(path: folder.path("timeline.db"), access: .read)
        #expect(try store.database.scalar("PRAGMA integrity_check", as: String.self) == "ok")
        #expect(try store.events().compactMap(\.id) == ["existing", "after"], "the interrupted import added nothing")
    }

    @Test func aSlowSearchIsStoppedInsideSQLite() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try runTimeline(["init"], in: folder).status == 0)
        try Store(path: folder.path("timeline.db"), access: .write).database.execute(
            """
            WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 200000)
            INSERT INTO events (uid, title, summary, date, start, end, precision)
            SELECT 'e' || i, 'Event ' || i || ' about Mayo Clinic', 'Article number ' || i, '2019', '2019-01-01', '2019-12-31', 'year' FROM n
            """)
        // 200,000 matches, each ranked and given its passage: several seconds, spent in SQLite's
        // statement, between whose rows the interruption lands.
        let search = try RunningTimeline(["search", "mayo"], in: folder, discardingOutput: true)
        let (result, seconds) = search.signal(SIGINT, after: 1)
        #expect(result.status == 130)
        #expect(result.stderr == "error: interrupted\n")
        #expect(seconds < 1.5, "SQLite stops at once, not after the grace period (\(seconds) s)")
        #expect(try runTimeline(["add", "After", "--date", "2020"], in: folder).status == 0)
        let store = try Store(path: folder.path("timeline.db"), access: .read)
        #expect(try store.database.scalar("PRAGMA integrity_check", as: String.self) == "ok")
    }

    /// The new file appeared complete and empty before the import began (another process may
    /// be writing to it by now, so it stays); the import added nothing; no temporary file is left.
    @Test func anInterruptedImportIntoANewFileLeavesItEmpty() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try writeLargeImport(60_000, to: folder.path("big.jsonl"))
        let (result, _) = try RunningTimeline(["import", "big.jsonl", "--db", "new.db"], in: folder).signal(SIGINT, after: 1)
        #expect(result.status == 130 && result.stderr == "note: created new.db, a new timeline database\nerror: interrupted\n")
        #expect(try folderContents(folder).allSatisfy { $0 == "big.jsonl" || $0.hasPrefix("new.db") })
        #expect(try Store(path: folder.path("new.db"), access: .read).eventCount() == 0)
    }

    @Test func aCommandWaitingForStandardInputEndsToo() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let running = try RunningTimeline(["import", "-", "--format", "jsonl"], in: folder)
        let (result, seconds) = running.signal(SIGINT, after: 0.5)
        #expect(result.status == 130 && result.stderr.hasSuffix("error: interrupted\n"))
        #expect(seconds < 5)
        #expect(try folderContents(folder).allSatisfy { $0.hasPrefix("timeline.db") }, "no temporary file left")
    }
}
