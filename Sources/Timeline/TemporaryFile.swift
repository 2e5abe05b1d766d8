#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A file built beside its destination, then published into place whole or not at all, so that
/// the destination holds the old content or the whole new one, even across a power loss.
///
/// The temporary file is `.NAME.PID.tmp` in the destination's folder (PID: this process), so two
/// processes never share one (`.NAME.PID-N.tmp` when one process makes several at once, told
/// apart by `serial`), and the same file system makes the final `rename(2)` or `link(2)`
/// atomic. A process killed midway leaves its temporary file behind; the next `TemporaryFile`
/// for the same destination removes it (and the `-journal`, `-wal` and `-shm` files SQLite may
/// have left beside it) once that process no longer exists.
///
///     let temporary = TemporaryFile(beside: "out.json")   // .out.json.4242.tmp
///     // … write temporary.path …
///     try temporary.publish(replacing: true)
public struct TemporaryFile: Sendable {
    /// Where the file goes when published.
    public let destination: String
    /// The file to write: `.NAME.PID.tmp` beside `destination`.
    public let path: String

    /// What SQLite may leave beside a database it was writing.
    static let companionSuffixes = ["-journal", "-wal", "-shm"]

    /// Names the temporary file for `destination`, first removing stale ones left for it by
    /// processes that no longer run. Creates nothing.
    public init(beside destination: String, serial: Int? = nil) {
        Self.removeStale(beside: destination)
        self.destination = destination
        self.path = Self.path(beside: destination, processID: getpid(), serial: serial)
    }

    /// `.NAME.PID.tmp` (or `.NAME.PID-SERIAL.tmp`) in the folder of `destination`.
    static func path(beside destination: String, processID: Int32, serial: Int? = nil) -> String {
        let folder = FileSystem.folder(of: destination)
        let process = serial.map { "\(processID)-\($0)" } ?? "\(processID)"
        return (folder == "/" ? "" : folder) + "/." + FileSystem.name(of: destination) + ".\(process).tmp"
    }

    /// Removes the temporary files of `destination` (and their SQLite companions) whose process
    /// no longer exists; returns their paths. Files of running processes, including this one,
    /// are left alone.
    @discardableResult
    public static func removeStale(beside destination: String) -> [String] {
        let folder = FileSystem.folder(of: destination)
        let prefix = "." + FileSystem.name(of: destination) + "."
        var removed: [String] = []
        for name in FileSystem.names(in: folder) where name.hasPrefix(prefix) {
            guard let processID = processID(inTemporaryName: name.dropFirst(prefix.count)),
                processID > 0, kill(processID, 0) == -1, errno == ESRCH
            else { continue }
            let path = (folder == "/" ? "" : folder) + "/" + name
            if unlink(path) == 0 { removed.append(path) }
        }
        return removed.sorted()
    }

    /// The PID in "PID.tmp", "PID-N.tmp" or "PID.tmp-wal" (what follows ".NAME."), or nil for any
    /// other name.
    private static func processID(inTemporaryName rest: Substring) -> pid_t? {
        guard let dot = rest.firstIndex(of: "."), dot > rest.startIndex else { return nil }
        let suffix = rest[dot...]
        guard suffix == ".tmp" || companionSuffixes.contains(where: { suffix == ".tmp" + $0 }) else { return nil }
        var digits = rest[..<dot]
        if let dash = digits.firstIndex(of: "-") {
            guard digits[digits.index(after: dash)...].isASCIIDigits else { return nil }
            digits = digits[..<dash]
        }
        guard digits.count <= 10, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return pid_t(exactly: Int64(digits) ?? -1)
    }

    /// Flushes the temporary file to disk, moves it to `destination`, and flushes the folder, so
    /// that the move survives a power loss. With `replacing`, an existing destination is
    /// replaced (`rename(2)`); without, it is refused with `FileError.alreadyExists` and left as
    /// it was, even when it appears while this runs (`link(2)` refuses to overwrite). The
    /// temporary file is removed when the move fails.
    public func publish(replacing: Bool) throws {
        do {
            try FileSystem.synchronize(path, reportingAs: destination)
            if replacing {
                guard rename(path, destination) == 0 else { throw FileError.cannotWrite(path: destination, reason: FileSystem.lastError) }
            } else {
                guard link(path, destination) == 0 else {
                    if errno == EEXIST { throw FileError.alreadyExists(path: destination) }
                    throw FileError.cannotWrite(path: destination, reason: FileSystem.lastError)
                }
                unlink(path)
            }
        } catch {
            remove()
            throw error
        }
        try FileSystem.synchronize(FileSystem.folder(of: destination), reportingAs: destination)
    }

    /// Removes the temporary file and any SQLite companions of it.
    public func remove() {
        for suffix in [""] + Self.companionSuffixes { unlink(path + suffix) }
    }
}
