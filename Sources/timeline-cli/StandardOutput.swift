#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs `body` with buffered standard output, flushed when it returns or throws.
func printing<T>(_ body: (inout StandardOutput) throws -> T) rethrows -> T {
    var output = StandardOutput()
    defer { output.flush() }
    return try body(&output)
}

/// Buffered standard output: events are written as they are read, in 64 KiB writes.
struct StandardOutput: TextOutputStream {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    mutating func write(_ string: String) {
        buffer.append(contentsOf: string.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes out what is buffered. Output that cannot be written (a full disk) ends the process
    /// with a one-line error and exit status 1, rather than a success that lost data; a reader
    /// that went away (`| head`) ends it quietly.
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        if let failure = buffer.withUnsafeBytes({ writeAll($0, to: STDOUT_FILENO) }) {
            if failure != EPIPE { StandardError.write("error: cannot write to standard output: \(String(cString: strerror(failure)))\n") }
            exit(1)
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

/// Writes all of `text` to a file descriptor (standard error's messages); nil, or the `errno`
/// of the write that failed.
@discardableResult
func writeAll(_ text: String, to descriptor: Int32) -> Int32? {
    var text = text
    return text.withUTF8 { writeAll(UnsafeRawBufferPointer($0), to: descriptor) }
}

/// Writes all of `bytes` to a file descriptor; nil, or the `errno` of the write that failed.
func writeAll(_ bytes: UnsafeRawBufferPointer, to descriptor: Int32) -> Int32? {
    var offset = 0
    while offset < bytes.count {
        let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if written < 0 {
            if errno == EINTR { continue }
            return errno
        }
        offset += written
    }
    return nil
}
