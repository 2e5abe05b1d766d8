#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Timeline

/// A file written whole or not at all: text goes to a temporary file beside it, renamed over
/// the target by `commit()`; `discard()` (or a failed commit) removes the temporary file.
struct OutputFile: TextOutputStream {
    let path: String
    private let temporaryPath: String
    private var handle: UnsafeMutablePointer<FILE>?
    private var failed = false

    /// Opens a temporary file for `path`; refuses a folder, a missing folder, and `protected`
    /// files (the database, which an export must never overwrite).
    init(path: String, protecting protected: [String]) throws {
        if FileSystem.entry(at: path) == .folder {
            throw CLIError(description: "cannot write \(path.shownInMessage(limit: 200)): it is a folder")
        }
        let folder = FileSystem.folder(of: path)
        guard FileSystem.entry(at: folder) == .folder else {
            throw CLIError(description: "cannot write \(path.shownInMessage(limit: 200)): its folder does not exist")
        }
        for other in protected where FileSystem.isSameFile(path, other) {
            throw CLIError(description: "cannot write \(path.shownInMessage(limit: 200)): it is the database itself")
        }
        self.path = path
        self.temporaryPath = folder + "/." + FileSystem.name(of: path) + ".\(getpid()).tmp"
        guard let handle = fopen(temporaryPath, "wx") else {
            throw CLIError(description: "cannot write \(path.shownInMessage(limit: 200)): \(String(cString: strerror(errno)))")
        }
        self.handle = handle
    }

    mutating func write(_ string: String) {
        guard let handle else { return }
        var string = string
        string.withUTF8 { bytes in
            if fwrite(bytes.baseAddress, 1, bytes.count, handle) != bytes.count { failed = true }
        }
    }

    /// Closes the temporary file and renames it over `path`.
    mutating func commit() throws {
        guard let handle else { return }
        self.handle = nil
        let closed = fclose(handle) == 0
        guard !failed, closed, rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw CLIError(description: "cannot write \(path.shownInMessage(limit: 200)): \(reason)")
        }
    }

    /// Closes and removes the temporary file.
    mutating func discard() {
        guard let handle else { return }
        self.handle = nil
        fclose(handle)
        unlink(temporaryPath)
    }
}
