import Foundation

/// The bytes of a file or of standard input, read in 64 KiB chunks as they are consumed, so
/// that an input of any size is read in flat memory. It can look at what comes first (to
/// detect a format) and counts lines for error messages.
public struct InputBytes {
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// The 1-based number of the line the next byte belongs to.
    public private(set) var line = 1

    public init(handle: FileHandle) {
        self.handle = handle
    }

    /// Opens a file for reading.
    public init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw TimelineError.invalidValue(field: "input file", value: path, expected: "it cannot be opened for reading")
        }
        self.init(handle: handle)
    }

    /// Input that is already in memory (tests, small documents).
    public init(data: Data) {
        self.handle = FileHandle.nullDevice
        self.buffer = Array(data)
        self.atEnd = true
    }

    /// Up to `count` bytes from the current position, without consuming them.
    public mutating func peek(_ count: Int) -> ArraySlice<UInt8> {
        while buffer.count - position < count && fill() {}
        return buffer[position..<min(buffer.count, position + count)]
    }

    /// The next byte, or nil at the end.
    @inline(__always)
    public mutating func next() -> UInt8? {
        if position == buffer.count && !fill() { return nil }
        let byte = buffer[position]
        position += 1
        if byte == 0x0A { line += 1 }
        return byte
    }

    /// Skips a UTF-8 byte order mark if the input starts with one.
    public mutating func skipByteOrderMark() {
        if Array(peek(3)) == [0xEF, 0xBB, 0xBF] { position += 3 }
    }

    /// The next line without its line break (LF or CRLF), or nil at the end.
    public mutating func nextLine() -> [UInt8]? {
        var bytes: [UInt8] = []
        while let byte = next() {
            if byte == 0x0A {
                if bytes.last == 0x0D { bytes.removeLast() }
                return bytes
            }
            bytes.append(byte)
        }
        return bytes.isEmpty ? nil : bytes
    }

    /// Everything left, as one block (for formats that are read whole).
    public mutating func readAll() -> [UInt8] {
        while fill() {}
        let rest = Array(buffer[position...])
        position = buffer.count
        return rest
    }

    /// Reads the next chunk; false at the end of the input.
    private mutating func fill() -> Bool {
        guard !atEnd else { return false }
        let chunk = handle.readData(ofLength: 1 << 16)
        guard !chunk.isEmpty else {
            atEnd = true
            return false
        }
        if position > 0 {
            buffer.removeFirst(position)
            position = 0
        }
        buffer.append(contentsOf: chunk)
        return true
    }
}
