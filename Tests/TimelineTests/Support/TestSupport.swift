import Foundation
import Testing
import Timeline

/// A fresh folder under the system's temporary folder, removed by the caller with `remove()`.
struct TemporaryFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("timeline-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    /// A folder that exists already (not removed by anyone but its creator).
    init(existing path: String) {
        url = URL(fileURLWithPath: path)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    func remove() { try? FileManager.default.removeItem(at: url) }
}

/// The package's root folder, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Reads a file of the package, e.g. `examples/mayo-google.json`.
func packageFile(_ path: String) throws -> Data {
    try Data(contentsOf: packageRoot.appendingPathComponent(path))
}

/// Parses a date the tests know to be valid.
func date(_ text: String) -> PartialDate {
    try! PartialDate(parsing: text, today: Day(year: 2026, month: 11, day: 30)!)
}

/// Collects text written by the writers.
struct StringOutput: TextOutputStream {
    var text = ""
    mutating func write(_ string: String) { text += string }
}

/// A new in-memory store.
func memoryStore() throws -> Store {
    try Store(path: ":memory:", access: .create)
}

/// What running the built `timeline` binary gave.
struct RunResult {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs the `timeline` binary built next to the test bundle, in `folder`, with an environment
/// that has no TIMELINE_DB, NO_COLOR or COLUMNS unless `environment` sets them (so text output
/// fits 80 columns, as when piped, whatever terminal runs the tests).
func runTimeline(
    _ arguments: [String], in folder: TemporaryFolder, stdin: String? = nil,
    environment: [String: String] = [:], executable: URL = timelineBinary, prefix: [String] = []
) throws -> RunResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = prefix + arguments
    process.currentDirectoryURL = folder.url
    var processEnvironment = ProcessInfo.processInfo.environment
    processEnvironment["TIMELINE_DB"] = nil
    processEnvironment["NO_COLOR"] = nil
    processEnvironment["COLUMNS"] = nil
    processEnvironment.merge(environment) { $1 }
    process.environment = processEnvironment
    let output = Pipe()
    let errors = Pipe()
    let input = Pipe()
    process.standardOutput = output
    process.standardError = errors
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    // Both pipes are read at once: a binary that fills stderr while the test waits on stdout
    // would otherwise never end.
    nonisolated(unsafe) var errData = Data()
    let errorsRead = DispatchSemaphore(value: 0)
    Thread.detachNewThread {
        errData = errors.fileHandleForReading.readDataToEndOfFile()
        errorsRead.signal()
    }
    let outData = output.fileHandleForReading.readDataToEndOfFile()
    errorsRead.wait()
    process.waitUntilExit()
    return RunResult(
        status: process.terminationStatus,
        stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData, as: UTF8.self))
}

/// The `timeline` executable that `swift build` put beside the test bundle.
let timelineBinary: URL = {
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = folder.appendingPathComponent("timeline")
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        folder.deleteLastPathComponent()
    }
    return packageRoot.appendingPathComponent(".build/debug/timeline")
}()

/// Sets or clears a file's immutable attribute with `chattr`.
func immutable(_ path: String, _ on: Bool) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/chattr")
    process.arguments = [on ? "+i" : "-i", path]
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CocoaError(.fileWriteNoPermission) }
}

/// Whether this machine lets the tests make a file immutable (root, on a file system that has the attribute).
func canMakeFilesImmutable() -> Bool {
    guard let folder = try? TemporaryFolder() else { return false }
    defer { folder.remove() }
    let path = folder.path("probe")
    guard FileManager.default.createFile(atPath: path, contents: nil), (try? immutable(path, true)) != nil else { return false }
    try? immutable(path, false)
    return true
}

/// Runs the sqlite3 shell on `database` in `folder`, as a person editing the file by hand would.
func runSQLiteShell(_ database: String, _ sql: String, in folder: TemporaryFolder) throws -> RunResult {
    try runTimeline(
        ["-cmd", ".timeout 5000", "-cmd", "PRAGMA foreign_keys = ON", database, sql], in: folder,
        executable: URL(fileURLWithPath: "/usr/bin/sqlite3"))
}
