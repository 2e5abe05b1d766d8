import Foundation
import Testing
import Timeline

/// `timeline backup` end to end, and the publish it relies on.
@Suite("timeline backup", .serialized)
struct BackupTests {
    func exampleFolder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let example = packageRoot.appendingPathComponent("examples/mayo-google.json").path
        #expect(try runTimeline(["import", example], in: folder).status == 0)
        return folder
    }

    /// The files in `folder`, leaving out the write-ahead log and index SQLite keeps beside a
    /// database (they stay after a command, by design).
    func contents(_ folder: TemporaryFolder) throws -> [String] {
        try folderContents(folder).filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }
    }

    /// `PRAGMA integrity_check` of the file at `path`, opened read-only.
    func integrity(_ path: String) throws -> String? {
        try Database(path: path, mode: .readOnly).scalar("PRAGMA integrity_check", as: String.self)
    }

    @Test func aBackupOpensWithTheSameRecordsAndLeavesTheSourceAsItWas() throws {
        let folder = try exampleFolder()
        defer { folder.remove() }
        let source = try Data(contentsOf: folder.url.appendingPathComponent("timeline.db"))
        let result = try runTimeline(["backup", "copy.db"], in: folder)
        #expect(result.status == 0 && result.stdout == "")
        #expect(result.stderr == "backed up 7 events to copy.db (schema version \(Migrator().latestVersion))\n")
        #expect(try contents(folder) == ["copy.db", "timeline.db"], "no temporary file, no -wal beside the copy")
        #expect(try Data(contentsOf: folder.url.appendingPathComponent("timeline.db")) == source)
        #expect(try integrity(folder.path("copy.db")) == "ok")
        let original = try runTimeline(["export", "--format", "json"], in: folder)
        let copied = try runTimeline(["export", "--format", "json", "--db", "copy.db"], in: folder)
        #expect(copied.status == 0 && copied.stdout == original.stdout)
        #expect(try Store(path: folder.path("copy.db"), access: .read).events().count == 7)
    }

    @Test func aPrivateDatabaseGetsAPrivateBackup() throws {
        let folder = try exampleFolder()
        defer { folder.remove() }
        #expect(chmod(folder.path("timeline.db"), 0o600) == 0)
        #expect(try runTimeline(["backup", "copy.db"], in: folder).status == 0)
        let attributes = try FileManager.default.attributesOfItem(atPath: folder.path("copy.db"))
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func anExistingFileIsRefusedUnlessForced() throws {
        let folder = try exampleFolder()
        defer { folder.remove() }
        let old = Data("an older backup\n".utf8)
        try old.write(to: URL(fileURLWithPath: folder.path("copy.db")))
        let refused = try runTimeline(["backup", "copy.db"], in: folder)
        #expect(refused.status == 1 && refused.stdout == "")
        #expect(refused.stderr == "error: copy.db already exists; choose another file, or replace it with --force\n")
        #expect(try Data(contentsOf: folder.url.appendingPathComponent("copy.db")) == old)
        #expect(try contents(folder) == ["copy.db", "timeline.db"])

        let forced = try runTimeline(["backup", "copy.db", "--force"], in: folder)
        #expect(forced.status == 0)
        #expect(try Store(path: folder.path("copy.db"), access: .read).events().count == 7)
        #expect(try contents(folder) == ["copy.db", "timeline.db"])
    }

    @Test(arguments: [
        (["backup", "timeline.db", "--force"], "error: cannot write timeline.db: it is the database itself\n"),
        (["backup", "sub", "--force"], "error: cannot write sub: it is a folder\n"),
        (["backup", "nowhere/copy.db"], "error: cannot write nowhere/copy.db: its folder does not exist\n"),
        (
            ["backup", "copy.db", "--db", "missing.db"],
            "error: no timeline database at missing.db (create one with `timeline init`, or choose one with --db or $TIMELINE_DB)\n"
        ),
    ])
    func refusedDestinationsAndMissingDatabasesWriteNothing(arguments: [String], message: String) throws {
        let folder = try exampleFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path("sub"), withIntermediateDirectories: false)
        let before = try Data(contentsOf: folder.url.appendingPathComponent("timeline.db"))
        let result = try runTimeline(arguments, in: folder)
        #expect(result.status == 1 && result.stdout == "" && result.stderr == message)
        #expect(try contents(folder) == ["sub", "timeline.db"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("sub")).isEmpty)
        #expect(try Data(contentsOf: folder.url.appendingPathComponent("timeline.db")) == before)
    }

    @Test func aBackupWhileAnotherProcessWritesIsConsistent() throws {
        let folder = try exampleFolder()
        defer { folder.remove() }
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        writer.arguments = [
            "-c", "i=0; while [ $i -lt 200 ]; do i=$((i+1)); \"$0\" add \"Event $i\" --date 2020 >/dev/null || exit 1; done",
            timelineBinary.path,
        ]
        writer.currentDirectoryURL = folder.url
        try writer.run()
        var counts: [Int] = []
        repeat {
            let result = try runTimeline(["backup", "copy.db", "--force"], in: folder)
            #expect(result.status == 0, "\(result.stderr)")
            guard result.status == 0 else { break }
            #expect(try integrity(folder.path("copy.db")) == "ok")
            counts.append(try Store(path: folder.path("copy.db"), access: .read).events().count)
        } while writer.isRunning
        writer.waitUntilExit()
        #expect(writer.terminationStatus == 0)
        #expect(counts.count > 1, "backups ran while the writer wrote")
        #expect(counts == counts.sorted() && counts.allSatisfy { (7...207).contains($0) })
        #expect(try runTimeline(["backup", "copy.db", "--force"], in: folder).stderr.hasPrefix("backed up 207 events to copy.db"))
    }

    @Test func publishingWithoutReplacingNeverOverwritesAFileThatAppeared() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let destination = folder.path("copy.db")
        let temporary = TemporaryFile(beside: destination)
        #expect(temporary.path == folder.path(".copy.db.\(getpid()).tmp"))
        try Data("new".utf8).write(to: URL(fileURLWithPath: temporary.path))
        // The destination appears after any check a caller made, just before the publish.
        try Data("theirs".utf8).write(to: URL(fileURLWithPath: destination))
        #expect(throws: FileError.alreadyExists(path: destination)) { try temporary.publish(replacing: false) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: destination)) == Data("theirs".utf8))
        #expect(try contents(folder) == ["copy.db"], "the temporary file is removed")
    }
}
