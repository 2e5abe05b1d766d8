import Foundation
import Testing
import Timeline

/// `export --output` end to end: what is at the path afterwards, for every kind of thing a path
/// can name.
@Suite("export --output", .serialized)
struct OutputFileTests {
    func exampleFolder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let example = packageRoot.appendingPathComponent("examples/mayo-google.json").path
        #expect(try runTimeline(["import", example], in: folder).status == 0)
        return folder
    }

    /// The file type bits of what is at `path`, links not followed.
    func fileType(_ path: String) -> mode_t {
        var status = stat()
        guard lstat(path, &status) == 0 else { return 0 }
        return status.st_mode & S_IFMT
    }

    /// What `export` writes to stdout, to compare with what it wrote elsewhere.
    func exported(in folder: TemporaryFolder) throws -> String {
        let result = try runTimeline(["export", "--format", "json"], in: folder)
        #expect(result.status == 0)
        return result.stdout
    }

    /// A character device like /dev/null (major 1, `minor`). As root, a node of our own in
    /// `folder`, so that an export that wrongly replaces it cannot replace the system's; other
    /// users cannot replace anything in /dev, so they get the system's.
    func characterDevice(_ name: String, minor: UInt32, in folder: TemporaryFolder) -> String {
        guard getuid() == 0 else { return "/dev/" + name }
        let path = folder.path(name)
        #expect(mknod(path, S_IFCHR | 0o666, dev_t(1 << 8 | minor)) == 0)
        return path
    }

    @Test func aCharacterDeviceIsWrittenThroughAndStaysADevice() throws {
        let folder = try exampleFolder()
        defer { folder.remove() }
        let null = characterDevice("null", minor: 3, in: folder)
        let result = try runTimeline(["export", "--format", "json", "--output", null], in: folder)
        #expect(result.status == 0 && result.stdout == "" && result.stderr == "")
        #expect(fileType(null) == S_IFCHR)
        // Written through, so a write error is still an error.
        let full = characterDevice("full", minor: 7, in: folder)
        let failed = try runTimeline(["export", "--format", "json", "--output", full], in: folder)
        #expect(failed.status == 1)
        #expect(failed.stderr == "error: cannot write \(full): No space left on device\n")
        #expect(fileType(full) == S_IFCHR)
    }

    @Test func aLinkToStandardOutputWritesToWhatStandardOutputIs() throws {
        let folder = try exampleFolder()
        defer { folder.remove() }
        // /dev/stdout is this link; one of our own, so that a failure cannot replace the system's.
        try FileManager.default.createSymbolicLink(atPath: folder.path("stdout"), withDestinationPath: "/proc/self/fd/1")
        let piped = try runTimeline(["export", "--format", "json", "--output", "stdout"], in: folder)
        #expect(piped.status == 0 && piped.stderr == "")
        #expect(piped.stdout == (try exported(in: folder)))
        #expect(fileType(folder.path("stdout")) == S_IFLNK)
        // Redirected to a file: the file the shell opened gets it, after what it already holds.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "echo first > out.json && \"$0\" export --format json --output stdout >> out.json", timelineBinary.path]
        process.currentDirectoryURL = folder.url
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try String(contentsOfFile: folder.path("out.json"), encoding: .utf8) == "first\n" + (try exported(in: folder)))
        #expect(fileType(folder.path("stdout")) == S_IFLNK)
    }

    @Test func aNamedPipeIsWrittenThroughToItsReader() throws {
        let folder = try exampleFolder()
        defer { folder.remove() }
        let fifo = folder.path("pipe.json")
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = Process()
        reader.executableURL = URL(fileURLWithPath: "/bin/cat")
        reader.arguments = [fifo]
        let received = Pipe()
        reader.standardOutput = received
        try reader.run()
        let result = try runTimeline(["export", "--format", "json", "--output", "pipe.json"], in: folder)
        // A pipe replaced by a file never gets a writer: stop its reader rather than wait forever.
        if fileType(fifo) != S_IFIFO { kill(reader.processIdentifier, SIGKILL) }
        let text = String(decoding: received.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        reader.waitUntilExit()
        #expect(result.status == 0 && result.stderr == "")
        #expect(text == (try exported(in: folder)))
        #expect(fileType(fifo) == S_IFIFO)
        #expect(try folderContents(folder).filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") } == ["pipe.json", "timeline.db"])
    }

    @Test func aSymbolicLinkStaysAndItsTargetGetsTheExport() throws {
        let folder = try exampleFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path("real"), withIntermediateDirectories: false)
        try Data("old\n".utf8).write(to: URL(fileURLWithPath: folder.path("real/out.json")))
        try FileManager.default.createSymbolicLink(atPath: folder.path("link.json"), withDestinationPath: "real/out.json")
        let result = try runTimeline(["export", "--output", "link.json"], in: folder)
        #expect(result.status == 0 && result.stderr == "")
        #expect(fileType(folder.path("link.json")) == S_IFLNK)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: folder.path("link.json")) == "real/out.json")
        #expect(try String(contentsOfFile: folder.path("real/out.json"), encoding: .utf8) == (try exported(in: folder)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path("real")) == ["out.json"], "no temporary file left")

        // A link to nothing yet: the file it names is created, in the link's target folder.
        try FileManager.default.createSymbolicLink(atPath: folder.path("dangling.json"), withDestinationPath: "real/new.json")
        #expect(try runTimeline(["export", "--output", "dangling.json"], in: folder).status == 0)
        #expect(fileType(folder.path("dangling.json")) == S_IFLNK)
        #expect(try String(contentsOfFile: folder.path("real/new.json"), encoding: .utf8) == (try exported(in: folder)))
        // A link into a folder that does not exist is refused like any missing folder.
        try FileManager.default.createSymbolicLink(atPath: folder.path("nowhere.json"), withDestinationPath: "missing/new.json")
        let nowhere = try runTimeline(["export", "--output", "nowhere.json"], in: folder)
        #expect(nowhere.status == 1 && nowhere.stderr == "error: cannot write nowhere.json: its folder does not exist\n")
        #expect(fileType(folder.path("nowhere.json")) == S_IFLNK)
    }

    @Test func aLinkToTheDatabaseIsRefused() throws {
        let folder = try exampleFolder()
        defer { folder.remove() }
        let before = try Data(contentsOf: folder.url.appendingPathComponent("timeline.db"))
        try FileManager.default.createSymbolicLink(atPath: folder.path("db.json"), withDestinationPath: "timeline.db")
        let result = try runTimeline(["export", "--output", "db.json"], in: folder)
        #expect(result.status == 1 && result.stderr == "error: cannot write db.json: it is the database itself\n")
        #expect(try Data(contentsOf: folder.url.appendingPathComponent("timeline.db")) == before)
    }

    @Test func staleTemporaryFilesOfTheTargetAreCleanedUp() throws {
        let folder = try exampleFolder()
        defer { folder.remove() }
        // A process number above the kernel's maximum belongs to no process: as if killed by -9.
        let maximum = try String(contentsOfFile: "/proc/sys/kernel/pid_max", encoding: .utf8)
        let dead = Int(maximum.trimmingCharacters(in: .whitespacesAndNewlines))! + 1
        let alive = getpid()
        let stale = [
            ".out.json.\(dead).tmp", ".out.json.\(dead).tmp-journal", ".out.json.\(dead).tmp-wal", ".out.json.\(dead).tmp-shm",
            ".out.json.\(dead)-3.tmp", ".out.json.\(dead)-3.tmp-wal",
        ]
        let kept = [
            ".out.json.\(alive).tmp", ".out.json.\(alive)-2.tmp", ".other.json.\(dead).tmp", ".out.json.x\(dead).tmp",
            ".out.json.\(dead)-x.tmp",
        ]
        for name in stale + kept { try Data("partial".utf8).write(to: URL(fileURLWithPath: folder.path(name))) }
        #expect(try runTimeline(["export", "--output", "out.json"], in: folder).status == 0)
        let left = try folderContents(folder).filter { !$0.hasPrefix("timeline.db-") }
        #expect(left == (kept + ["out.json", "timeline.db"]).sorted())
    }

    @Test func aFolderIsRefusedAndLeftAsItWas() throws {
        let folder = try exampleFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path("out"), withIntermediateDirectories: false)
        let result = try runTimeline(["export", "--format", "json", "--output", "out"], in: folder)
        #expect(result.status == 1 && result.stderr == "error: cannot write out: it is a folder\n")
        #expect(fileType(folder.path("out")) == S_IFDIR)
    }
}
