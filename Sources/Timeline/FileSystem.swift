#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few questions the library and the command line ask of the file system, answered by the C
/// library (as SQLite itself does), so that the binary needs no more of Foundation than
/// swift-argument-parser already brings.
public enum FileSystem {
    /// What is at a path: nothing, a folder, or something else (a file, a device, a pipe).
    public enum Entry: Equatable, Sendable {
        case missing, folder, file
    }

    /// What is at `path` (following symbolic links).
    public static func entry(at path: String) -> Entry {
        var status = stat()
        guard stat(path, &status) == 0 else { return .missing }
        return status.st_mode & S_IFMT == S_IFDIR ? .folder : .file
    }

    /// Whether this process may write the file at `path`.
    public static func isWritable(_ path: String) -> Bool {
        access(path, W_OK) == 0
    }

    /// Whether two paths name the same file (through links or different spellings).
    public static func isSameFile(_ first: String, _ second: String) -> Bool {
        var a = stat(), b = stat()
        guard stat(first, &a) == 0, stat(second, &b) == 0 else { return false }
        return a.st_dev == b.st_dev && a.st_ino == b.st_ino
    }

    /// The folder a path is in: "notes/timeline.db" → "notes", "timeline.db" → ".", "/x" → "/".
    public static func folder(of path: String) -> String {
        let trimmed = path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
    }

    /// The last part of a path: "notes/timeline.db" → "timeline.db".
    public static func name(of path: String) -> String {
        String(path.split(separator: "/").last ?? "")
    }

    /// Removes a file if it is there.
    public static func removeFile(at path: String) {
        unlink(path)
    }

    /// The size in bytes of the file at `path`, or nil when there is none.
    public static func size(of path: String) -> Int? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Int(status.st_size)
    }

    // MARK: - Writing a file aside, then moving it into place

    /// Where this process builds a file before it moves it to `path`: `.NAME.PID.tmp` in the
    /// same folder (so a rename or link is atomic), hidden, and named for its owner so that a
    /// later run can tell a leftover of a killed process from one still at work.
    public static func temporaryPath(for path: String) -> String {
        let folder = folder(of: path)
        return (folder == "/" ? "" : folder) + "/." + name(of: path) + ".\(getpid()).tmp"
    }

    /// The files SQLite may keep beside a database at `path` while it writes it.
    public static func withCompanions(_ path: String) -> [String] {
        [path, path + "-journal", path + "-wal", path + "-shm"]
    }

    /// Removes what killed processes left while building a file for `path`: temporary files
    /// named by `temporaryPath(for:)` (and their SQLite companions) whose process is gone.
    public static func removeStaleTemporaries(of path: String) {
        let folder = folder(of: path)
        let prefix = "." + name(of: path) + "."
        guard let directory = opendir(folder) else { return }
        defer { closedir(directory) }
        var stale: [String] = []
        while let entry = readdir(directory) {
            let entryName = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard entryName.hasPrefix(prefix) else { continue }
            var rest = entryName.dropFirst(prefix.count)
            for suffix in ["-journal", "-wal", "-shm"] where rest.hasSuffix(suffix) { rest = rest.dropLast(suffix.count) }
            guard rest.hasSuffix(".tmp"), let pid = Int32(rest.dropLast(4)), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { stale.append(folder + "/" + entryName) }
        }
        stale.forEach(removeFile(at:))
    }

    /// Makes what was written to the file at `path` durable (fsync).
    public static func synchronize(_ path: String) throws(FileSystemError) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw FileSystemError(path: path, code: errno) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw FileSystemError(path: path, code: errno) }
    }

    /// Gives the finished file at `temporary` the name `path`, unless a file of that name exists:
    /// returns false then, and leaves both as they are. Atomic (a hard link, then the temporary
    /// name removed), and durable: the folder is synchronized after.
    public static func moveIntoPlaceWithoutReplacing(_ temporary: String, to path: String) throws(FileSystemError) -> Bool {
        if link(temporary, path) != 0 {
            let code = errno
            if code == EEXIST { return false }
            // A file system without hard links: rename, which is atomic but could replace a
            // file created in the instant since this check.
            guard code == EPERM || code == ENOTSUP || code == EOPNOTSUPP, entry(at: path) == .missing else {
                throw FileSystemError(path: path, code: code)
            }
            guard rename(temporary, path) == 0 else { throw FileSystemError(path: path, code: errno) }
        } else {
            unlink(temporary)
        }
        try synchronize(folder(of: path))
        return true
    }
}

/// A file operation that failed, with the path and the system's reason.
public struct FileSystemError: Error, CustomStringConvertible, Sendable {
    public let path: String
    /// The C library's error number.
    public let code: Int32

    /// "cannot write notes/x.json: No space left on device"
    public var description: String { "cannot write \(path): \(reason)" }

    /// The system's words for the error, lower-cased as in our messages.
    public var reason: String {
        let text = String(cString: strerror(code))
        return text.prefix(1).lowercased() + text.dropFirst()
    }
}
