import Foundation
import Testing

@testable import Timeline

/// Nothing lost: real `timeline` processes writing at once, creating one file at once, failing
/// on a new file, and reading copies they may not write; checked afterwards through the library
/// and SQLite's own checks. The full suite, with kills and counts, is `scripts/reliability`.
@Suite("reliability", .serialized)
struct ReliabilityTests {
    @Test func concurrentEditsOfOneRecordKeepEveryChange() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try runTimeline(["add", "Shared", "--id", "shared", "--date", "2020", "--actor", "Acme"], in: folder).status == 0)
        #expect(
            try runTimeline(["partnership", "add", "Pact", "--id", "pact", "--member", "Acme", "--member", "Globex"], in: folder).status
                == 0)
        let rounds = 8
        var commands: [[String]] = []
        for round in 0..<rounds {
            commands += [
                ["edit", "shared", "--tag", "a\(round)"], ["edit", "shared", "--tag", "b\(round)"],
                ["actor", "alias", "Acme", "Acme \(round)"], ["actor", "edit", "acme", "--alias", "Acme edit \(round)"],
                ["partnership", "edit", "pact", "--clause", "clause \(round)"],
                ["source", "add", "--id", "s\(round)", "--title", "Source \(round)"],
            ]
        }
        let statuses = try runConcurrently(commands, in: folder, width: 4)
        #expect(statuses.allSatisfy { $0 == 0 })
        let store = try Store(path: folder.path("timeline.db"), access: .read)
        #expect(try store.event(id: "shared")?.tags.count == 2 * rounds, "every tag added by every edit is kept")
        #expect(try store.actor(named: "Acme")?.aliases.count == 2 * rounds)
        #expect(try store.partnership(id: "pact")?.terms.count == rounds)
        #expect(try store.sources().count == rounds)
    }

    @Test func fourProcessesCreatingOneNewFileAllSucceed() throws {
        for round in 0..<3 {
            let folder = try TemporaryFolder()
            defer { folder.remove() }
            let statuses = try runConcurrently((0..<4).map { ["add", "Event \(round)-\($0)", "--date", "2020"] }, in: folder, width: 4)
            #expect(statuses == [0, 0, 0, 0])
            #expect(try Store(path: folder.path("timeline.db"), access: .read).events().count == 4)
            #expect(try folderContents(folder).allSatisfy { $0.hasPrefix("timeline.db") }, "no temporary file left")
        }
    }

    /// A failing command never removes a file: another process may have written to it since it
    /// was created. The new file keeps its committed schema and nothing of the failed import.
    @Test func aFailedImportIntoANewFileLeavesAnEmptyDatabaseAndRemovesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let bad =
            #"{"timeline": 2, "events": [{"id": "a", "title": "A", "date": "2020"}, {"id": "b", "title": "B", "date": "2020", "partnership": "nosuch"}]}"#
        try bad.write(toFile: folder.path("bad.json"), atomically: true, encoding: .utf8)
        let failed = try runTimeline(["import", "bad.json", "--db", "new.db"], in: folder)
        #expect(failed.status == 1)
        #expect(try Store(path: folder.path("new.db"), access: .read).events().isEmpty)
        #expect(try runTimeline(["add", "B", "--date", "2020", "--db", "new.db"], in: folder).status == 0)
        #expect(try runTimeline(["import", "bad.json", "--db", "new.db"], in: folder).status == 1)
        #expect(try Store(path: folder.path("new.db"), access: .read).events().map(\.title) == ["B"])
    }

    @Test func aCopyOfTheDatabaseFileAloneHoldsEveryCommittedCommand() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for index in 0..<3 { #expect(try runTimeline(["add", "E\(index)", "--date", "2020"], in: folder).status == 0) }
        #expect(
            FileManager.default.fileExists(atPath: folder.path("timeline.db-wal")),
            "the log is not checkpointed and deleted as each process exits (that locks out readers)")
        try FileManager.default.copyItem(atPath: folder.path("timeline.db"), toPath: folder.path("copy.db"))
        #expect(try Store(path: folder.path("copy.db"), access: .read).events().count == 3)
    }

    /// Each command opens the file afresh, and SQLite forgets on every first open what it had
    /// already copied from the log: without a bound the log grew with every command (1,000 adds,
    /// 29.6 → 67.6 MB). A command that leaves it past 4 MiB empties it as it closes, unless
    /// Litestream manages the log.
    @Test func theLogStaysBoundedAcrossCommands() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("timeline.db")
        let summary = String(repeating: "Une longue description de l'événement pour remplir les pages. ", count: 20)
        func importBatch(_ batch: Int, into path: String) throws {
            let store = try Store(path: path, access: .create)
            let events = (0..<400).map { Event(id: "e\(batch)-\($0)", title: "Event \(batch) \($0)", date: date("2020"), summary: summary) }
            _ = try store.importDocument(TimelineDocument(events: events))
        }
        var largest = 0
        for batch in 0..<12 {
            try importBatch(batch, into: path)
            largest = max(largest, FileSystem.size(of: path + "-wal") ?? 0)
        }
        #expect(largest < 12 << 20, "the log stays near its limit plus one command's writes, not the sum of all")
        #expect((FileSystem.size(of: path + "-wal") ?? 0) < 8 << 20)
        #expect(try Store(path: path, access: .read).events().count == 4_800)

        // With Litestream's table in the file, the log is left to Litestream.
        let replicated = folder.path("replicated.db")
        try Store(path: replicated, access: .create).database.executeScript(
            "CREATE TABLE _litestream_seq (id INTEGER PRIMARY KEY, seq INTEGER)")
        for batch in 0..<4 { try importBatch(batch, into: replicated) }
        #expect((FileSystem.size(of: replicated + "-wal") ?? 0) > 4 << 20)
    }

    /// An archive in a folder nobody may write: every read command works and leaves nothing.
    @Test(.enabled(if: canMakeFilesImmutable()))
    func aReadOnlyCopyCanBeRead() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let archive = folder.path("archive")
        try FileManager.default.createDirectory(atPath: archive, withIntermediateDirectories: false)
        #expect(
            try runTimeline(
                [
                    "import", packageRoot.appendingPathComponent("examples/mayo-google.json").path,
                    "--db", "archive/timeline.db",
                ], in: folder
            ).status == 0)
        try FileManager.default.copyItem(atPath: archive + "/timeline.db", toPath: folder.path("copy.db"))
        for name in try folderContents(TemporaryFolder(existing: archive)) where name != "timeline.db" {
            try FileManager.default.removeItem(atPath: archive + "/" + name)
        }
        try immutable(archive, true)
        defer { try? immutable(archive, false) }
        for command in [
            ["show"], ["search", "vaccin*"], ["get", "our-shot-2-save-lives"], ["export", "--format", "jsonl"],
            ["check"], ["actor", "list"], ["partnership", "show", "mayo-google-cloud"],
        ] {
            let result = try runTimeline(command + ["--db", "archive/timeline.db"], in: folder)
            #expect(result.status == 0, "\(command): \(result.stderr)")
            #expect(!(result.stdout + result.stderr).isEmpty)
        }
        #expect(try folderContents(TemporaryFolder(existing: archive)) == ["timeline.db"])
        let write = try runTimeline(["add", "X", "--date", "2020", "--db", "archive/timeline.db"], in: folder)
        #expect(write.status == 1 && write.stderr.hasPrefix("error: cannot write archive/timeline.db"))
    }

    /// A copy that `litestream restore -f` follows (its `-txid` file beside it, see docs/team.md)
    /// is only read: a write or an upgrade there would hide the changes Litestream brings next.
    @Test func aCopyLitestreamFollowsIsOnlyRead() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let example = packageRoot.appendingPathComponent("examples/mayo-google.json").path
        #expect(try runTimeline(["import", example, "--db", "original.db"], in: folder).status == 0)
        #expect(try runTimeline(["backup", "copy.db", "--db", "original.db"], in: folder).status == 0)
        try "0000000000000007\n".write(toFile: folder.path("copy.db-txid"), atomically: true, encoding: .utf8)
        let before = try Data(contentsOf: folder.url.appendingPathComponent("copy.db"))
        for command in [["add", "X", "--date", "2020"], ["rm", "our-shot-2-save-lives"], ["import", example], ["init"]] {
            let result = try runTimeline(command + ["--db", "copy.db"], in: folder)
            #expect(result.status == 1, "\(command)")
            #expect(
                result.stderr
                    == "error: cannot write copy.db: it is a copy that `litestream restore -f` keeps up to date (copy.db-txid is beside it), "
                    + "so it is only read; write to the original, or make a copy of your own with `timeline backup`\n")
        }
        for command in [["show"], ["search", "vaccin*"], ["check"], ["backup", "mine.db"]] {
            let result = try runTimeline(command + ["--db", "copy.db"], in: folder)
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        #expect(try Data(contentsOf: folder.url.appendingPathComponent("copy.db")) == before)
        #expect(try runTimeline(["add", "X", "--date", "2020", "--db", "mine.db"], in: folder).status == 0, "a backup is one's own")

        // A newer timeline than the writer's: the copy is not upgraded under Litestream.
        let copy = try Database(path: folder.path("copy.db"), mode: .readWrite)
        try copy.executeScript("DELETE FROM schema_migrations WHERE version = (SELECT max(version) FROM schema_migrations)")
        let version = try copy.scalar("SELECT max(version) FROM schema_migrations", as: Int64.self)
        let show = try runTimeline(["show", "--db", "copy.db"], in: folder)
        #expect(show.status == 1)
        #expect(show.stderr.hasPrefix("error: cannot upgrade copy.db: it is a copy that `litestream restore -f` keeps up to date"))
        #expect(show.stderr.hasSuffix("; upgrade the original with `timeline init`\n"))
        #expect(try copy.scalar("SELECT max(version) FROM schema_migrations", as: Int64.self) == version)
    }

    /// A full disk while the file is created: an error, and nothing left where it was to be.
    @Test(.enabled(if: getuid() == 0))
    func initOnAFullDiskLeavesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let disk = folder.path("disk")
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: false)
        guard (try? runTool("/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", disk])) == 0 else { return }
        defer { _ = try? runTool("/bin/umount", [disk]) }
        let result = try runTimeline(["init", "--db", "disk/timeline.db"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: cannot create a database at disk/timeline.db: "))
        #expect(try folderContents(TemporaryFolder(existing: disk)).isEmpty)
    }
}

/// The names in a folder, sorted.
func folderContents(_ folder: TemporaryFolder) throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
}

/// Runs every command as its own `timeline` process in `folder`, `width` at a time, in order of
/// start; returns their exit statuses.
func runConcurrently(_ commands: [[String]], in folder: TemporaryFolder, width: Int) throws -> [Int32] {
    var statuses: [Int32] = []
    for start in stride(from: 0, to: commands.count, by: width) {
        let batch = try commands[start..<min(start + width, commands.count)].map { arguments in
            let process = Process()
            process.executableURL = timelineBinary
            process.arguments = arguments
            process.currentDirectoryURL = folder.url
            process.environment = ProcessInfo.processInfo.environment.filter { $0.key != "TIMELINE_DB" }
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            return process
        }
        for process in batch {
            process.waitUntilExit()
            statuses.append(process.terminationStatus)
        }
    }
    return statuses
}

/// Runs a system tool quietly; returns its exit status.
func runTool(_ path: String, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
}
