import Foundation

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
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw CLIError(description: "cannot write \(path): it is a folder")
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError(description: "cannot write \(path): its folder does not exist")
        }
        for other in protected where OutputFile.isSameFile(path, other) {
            throw CLIError(description: "cannot write \(path): it is the database itself")
        }
        self.path = path
        self.temporaryPath = folder + "/." + URL(fileURLWithPath: path).lastPathComponent + ".\(getpid()).tmp"
        guard let handle = fopen(temporaryPath, "wx") else {
            throw CLIError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        self.handle = handle
    }

    private static func isSameFile(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
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
            throw CLIError(description: "cannot write \(path): \(reason)")
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
