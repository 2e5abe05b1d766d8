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
}
