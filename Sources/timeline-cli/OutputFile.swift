import Timeline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `--output` writes, without ever putting a file in place of something that is not one.
///
/// A regular file (or a new one) is written whole or not at all: text goes to a `TemporaryFile`
/// beside it, flushed to disk and renamed over it by `commit()`; `discard()` (or a failed
/// commit) removes the temporary file. A symbolic link is followed: its target is what gets
/// replaced, and the link stays. Anything else (a device such as /dev/null or /dev/stdout, a
/// named pipe) is written through, as a shell's `>` would.
struct OutputFile: TextOutputStream {
    /// The path as the user gave it, for messages.
    let path: String
    /// The temporary file for a regular target; nil when writing through.
    private let temporary: TemporaryFile?
    private var handle: UnsafeMutablePointer<FILE>?
    /// The `errno` of the first write that failed.
    private var writeError: Int32?

    /// Opens `path` for writing (through, or by way of a temporary file); refuses a folder, a
    /// missing folder, and `protected` files (the database, which an export must never overwrite).
    init(path: String, protecting protected: [String]) throws {
        self.path = path
        // Not a file a rename could replace: write through, appending as a shell's `>>` does, so
        // that /dev/stdout redirected to a file does not overwrite what is already there.
        if FileSystem.isOpenFileLink(path) || (FileSystem.entry(at: path) == .file && !FileSystem.isRegularFile(path)) {
            for other in protected where FileSystem.isSameFile(path, other) {
                throw FileError.cannotWrite(path: path, reason: "it is the database itself")
            }
            temporary = nil
            handle = fopen(path, "a")
        } else {
            let temporary = TemporaryFile(beside: try FileSystem.fileToReplace(for: path, protecting: protected))
            self.temporary = temporary
            handle = fopen(temporary.path, "wx")
        }
        guard handle != nil else {
            throw CLIError(description: "cannot write \(path.shownInMessage(limit: 200)): \(String(cString: strerror(errno)))")
        }
    }

    mutating func write(_ string: String) {
        guard let handle else { return }
        var string = string
        string.withUTF8 { bytes in
            if fwrite(bytes.baseAddress, 1, bytes.count, handle) != bytes.count, writeError == nil { writeError = errno }
        }
    }

    /// Finishes the output: closes what was written through, or flushes the temporary file to
    /// disk and publishes it over the target.
    mutating func commit() throws {
        guard let handle else { return }
        self.handle = nil
        var error = writeError
        if fflush(handle) != 0, error == nil { error = errno }
        if fclose(handle) != 0, error == nil { error = errno }
        if let error {
            temporary?.remove()
            throw CLIError(description: "cannot write \(path.shownInMessage(limit: 200)): \(String(cString: strerror(error)))")
        }
        try temporary?.publish(replacing: true)
    }

    /// Stops writing: closes the file, and removes the temporary file if there is one.
    mutating func discard() {
        guard let handle else { return }
        self.handle = nil
        fclose(handle)
        temporary?.remove()
    }
}
