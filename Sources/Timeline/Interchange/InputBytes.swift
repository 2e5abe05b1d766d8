import FoundationEssentials

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of a file or of standard input, read in 64 KiB chunks as they are consumed, so
/// that an input of any size is read in flat memory. It can look at what comes first (to
/// detect a format) and counts lines for error messages. A UTF-8 byte order mark at the start
/// (editors on Windows write one) is not part of any format, and is left out.
public struct InputBytes {
    private let file: OpenFile
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    private var atStart = true
    /// The 1-based number of the line the next byte belongs to.
    public private(set) var line = 1

    private init(file: OpenFile) {
        self.file = file
    }

    /// Standard input.
    public static var standardInput: InputBytes {
        InputBytes(file: OpenFile(descriptor: STDIN_FILENO, closesWhenDone: false))
    }

    /// Opens a file for reading.
    public init(path: String) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw TimelineError.invalidValue(field: "input file", value: path, expected: "it cannot be opened for reading")
        }
        self.init(file: OpenFile(descriptor: descriptor, closesWhenDone: true))
    }

    /// Input that is already in memory (tests, small documents).
    public init(data: Data) {
        self.file = OpenFile(descriptor: -1, closesWhenDone: false)
        self.buffer = Array(data)
        self.atEnd = true
        self.atStart = false
        if buffer.starts(with: Self.byteOrderMark) { buffer.removeFirst(Self.byteOrderMark.count) }
    }

    private static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// Up to `count` bytes from the current position, without consuming them.
    public mutating func peek(_ count: Int) throws(TimelineError) -> ArraySlice<UInt8> {
        while buffer.count - position < count {
            guard try fill() else { break }
        }
        return buffer[position..<min(buffer.count, position + count)]
    }

    /// The next byte, or nil at the end.
    @inline(__always)
    public mutating func next() throws(TimelineError) -> UInt8? {
        if position == buffer.count {
            guard try fill() else { return nil }
        }
        let byte = buffer[position]
        position += 1
        if byte == 0x0A { line += 1 }
        return byte
    }

    /// The next line without its line break (LF or CRLF), or nil at the end.
    public mutating func nextLine() throws(TimelineError) -> [UInt8]? {
        var bytes: [UInt8] = []
        while let byte = try next() {
            if byte == 0x0A {
                if bytes.last == 0x0D { bytes.removeLast() }
                return bytes
            }
            bytes.append(byte)
        }
        return bytes.isEmpty ? nil : bytes
    }

    /// Everything left, as one block (for formats that are read whole).
    public mutating func readAll() throws(TimelineError) -> [UInt8] {
        while try fill() {}
        let rest = Array(buffer[position...])
        position = buffer.count
        return rest
    }

    /// Reads more of the input, past a byte order mark at its start; false at the end.
    private mutating func fill() throws(TimelineError) -> Bool {
        guard try readChunk() else { return false }
        if atStart {
            atStart = false
            while buffer.count < Self.byteOrderMark.count, try readChunk() {}
            if buffer.starts(with: Self.byteOrderMark) {
                buffer.removeFirst(Self.byteOrderMark.count)
                if buffer.isEmpty { return try fill() }
            }
        }
        return true
    }

    /// Reads the next chunk; false at the end of the input.
    private mutating func readChunk() throws(TimelineError) -> Bool {
        guard !atEnd else { return false }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        let chunkSize = 1 << 16
        let start = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: chunkSize))
        let count = buffer.withUnsafeMutableBytes { bytes in file.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[start...])) }
        let readError = errno
        buffer.removeLast(chunkSize - max(count, 0))
        guard count >= 0 else {
            throw .importFailed(location: "line \(line)", reason: "the input could not be read (\(String(cString: strerror(readError))))")
        }
        if count == 0 { atEnd = true }
        return count > 0
    }
}

private let systemRead = read

/// A file descriptor read by `InputBytes`, closed with the last copy of the input that reads it.
private final class OpenFile {
    let descriptor: Int32
    let closesWhenDone: Bool

    init(descriptor: Int32, closesWhenDone: Bool) {
        self.descriptor = descriptor
        self.closesWhenDone = closesWhenDone
    }

    /// Fills `bytes` as far as one read goes: the count read, 0 at the end of the input, -1 on
    /// an error (in `errno`).
    func read(into bytes: UnsafeMutableRawBufferPointer) -> Int {
        while true {
            let count = systemRead(descriptor, bytes.baseAddress, bytes.count)
            if count >= 0 || errno != EINTR { return count }
        }
    }

    deinit {
        if closesWhenDone { close(descriptor) }
    }
}
