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

    /// The folder for temporary files: `$TMPDIR`, else `/tmp`.
    public static var temporaryFolder: String {
        guard let value = getenv("TMPDIR").map({ String(cString: $0) }), !value.isEmpty else { return "/tmp" }
        return value
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
        var a = stat()
        var b = stat()
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

    /// Whether `path` (after symbolic links) is a regular file: not a device, a pipe or a folder.
    public static func isRegularFile(_ path: String) -> Bool {
        var status = stat()
        return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
    }

    /// Whether `path` itself is a symbolic link.
    public static func isSymbolicLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }

    /// The path a symbolic link leads to, through every link on the way (`realpath(3)`); for a
    /// link to nothing, the path the last link names. Any other path is returned as it is.
    public static func resolvingLinks(_ path: String) -> String {
        guard isSymbolicLink(path) else { return path }
        if let resolved = realpath(path, nil) {
            defer { free(resolved) }
            return String(cString: resolved)
        }
        // A dangling link: follow the names by hand (at most 40 links, as the kernel does).
        var current = path
        for _ in 0..<40 {
            guard isSymbolicLink(current), let target = linkTarget(current) else { return current }
            current = target.hasPrefix("/") ? target : folder(of: current) + "/" + target
        }
        return current
    }

    /// Whether `path` is, or leads by symbolic links to, one of a process's open files as
    /// /proc shows them (/dev/stdout → /proc/self/fd/1, /dev/fd/3): a link the kernel resolves
    /// to whatever the descriptor holds (a pipe, a terminal, a file the shell opened), which
    /// only opening the path itself reaches.
    public static func isOpenFileLink(_ path: String) -> Bool {
        var current = path
        for _ in 0..<40 {
            let parts = folder(of: current).split(separator: "/")
            if parts == ["dev", "fd"] || (parts.count == 3 && parts[0] == "proc" && parts[2] == "fd") { return true }
            guard isSymbolicLink(current), let target = linkTarget(current) else { return false }
            current = target.hasPrefix("/") ? target : folder(of: current) + "/" + target
        }
        return false
    }

    /// What the symbolic link at `path` contains, or nil.
    private static func linkTarget(_ path: String) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The names in a folder (without "." and ".."); empty when it cannot be read.
    public static func names(in folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// The file that writing `destination` whole replaces: `destination` itself, or the target of
    /// the symbolic link it is (so the link stays). Refuses, naming `destination`: one of the
    /// `protected` files (the database an export or a backup reads), a folder, a missing folder.
    public static func fileToReplace(for destination: String, protecting protected: [String]) throws(FileError) -> String {
        for file in protected where isSameFile(destination, file) {
            throw .cannotWrite(path: destination, reason: "it is the database itself")
        }
        let target = resolvingLinks(destination)
        if entry(at: target) == .folder { throw .cannotWrite(path: destination, reason: "it is a folder") }
        guard entry(at: folder(of: target)) == .folder else {
            throw .cannotWrite(path: destination, reason: "its folder does not exist")
        }
        return target
    }

    /// Flushes a file's (or a folder's) content to the disk with `fsync(2)`; a failure is a
    /// `FileError` naming `reportingAs`, the path the user knows.
    public static func synchronize(_ path: String, reportingAs name: String) throws {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw FileError.cannotWrite(path: name, reason: lastError) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw FileError.cannotWrite(path: name, reason: lastError) }
    }

    /// Gives `path` the permission bits of `source` (a copy of a private file stays private).
    public static func copyPermissions(from source: String, to path: String, reportingAs name: String) throws {
        var status = stat()
        guard stat(source, &status) == 0, chmod(path, status.st_mode & 0o7777) == 0 else {
            throw FileError.cannotWrite(path: name, reason: lastError)
        }
    }

    /// `strerror(errno)`: why the last C call failed.
    static var lastError: String { String(cString: strerror(errno)) }

    /// The size in bytes of the file at `path`, or nil when there is none.
    public static func size(of path: String) -> Int? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return Int(status.st_size)
    }
}
