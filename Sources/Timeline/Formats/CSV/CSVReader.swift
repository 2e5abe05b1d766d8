/// Reads RFC 4180 CSV row by row from a stream of bytes: fields separated by commas, rows by
/// CRLF or LF, quoted fields with doubled quotes inside, line breaks allowed in quoted fields.
///
/// Written here rather than taken from a package because an import must say where a file is
/// broken (the line of an unterminated quote, a quote inside an unquoted field), and the CSV
/// packages available read such files without complaint, one Unicode scalar at a time.
public struct CSVReader {
    private var input: InputBytes
    /// The 1-based line on which the last row returned began.
    public private(set) var rowLine = 0

    public init(_ input: InputBytes) {
        self.input = input
    }

    /// A field's text; bytes that are not UTF-8 (a sheet saved as Latin-1) are an error, not
    /// silently replaced.
    private func text(_ bytes: [UInt8]) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw TimelineError.importFailed(
                location: "line \(input.line)", reason: "the text is not UTF-8; save the file as UTF-8 (CSV UTF-8 in Excel)")
        }
        return text
    }

    /// A NUL byte is in no text: the input is binary (an image, an .xlsx, zeros). Refused where
    /// it is met, before a field of megabytes is gathered.
    private var notText: TimelineError {
        .importFailed(location: "line \(input.line)", reason: "a NUL byte: this is not a text file; CSV is UTF-8 text (CSV UTF-8 in Excel)")
    }

    /// The next row's fields, or nil at the end. Throws on malformed quoting and NUL bytes.
    public mutating func nextRow() throws -> [String]? {
        rowLine = input.line
        guard var byte = try input.next() else { return nil }
        var fields: [String] = []
        var field: [UInt8] = []
        while true {
            if byte == UInt8(ascii: "\"") && field.isEmpty {
                let startLine = input.line
                // A quoted field: up to the closing quote; "" is a quote.
                while true {
                    guard let inner = try input.next() else {
                        throw TimelineError.importFailed(
                            location: "line \(startLine)", reason: "a quoted field starts there and is never closed")
                    }
                    if inner == UInt8(ascii: "\"") {
                        if try input.peek(1).first == UInt8(ascii: "\"") {
                            _ = try input.next()
                            field.append(inner)
                        } else {
                            break
                        }
                    } else {
                        if inner == 0 { throw notText }
                        field.append(inner)
                    }
                }
                guard let after = try input.next() else {
                    fields.append(try text(field))
                    return fields
                }
                if after == UInt8(ascii: "\r"), try input.peek(1).first == 0x0A {
                    _ = try input.next()
                    fields.append(try text(field))
                    return fields
                }
                if after == 0x0A {
                    fields.append(try text(field))
                    return fields
                }
                guard after == UInt8(ascii: ",") else {
                    throw TimelineError.importFailed(
                        location: "line \(input.line)",
                        reason: "a closing quote must be followed by a comma or the end of the row")
                }
                fields.append(try text(field))
                field.removeAll(keepingCapacity: true)
                guard let following = try input.next() else {
                    fields.append("")
                    return fields
                }
                byte = following
                continue
            }
            switch byte {
            case UInt8(ascii: ","):
                fields.append(try text(field))
                field.removeAll(keepingCapacity: true)
            case 0x0A:
                if field.last == UInt8(ascii: "\r") { field.removeLast() }
                fields.append(try text(field))
                return fields
            case UInt8(ascii: "\""):
                throw TimelineError.importFailed(
                    location: "line \(input.line)",
                    reason: "a quote inside an unquoted field; quote the whole field and double the quote")
            case 0:
                throw notText
            default:
                field.append(byte)
            }
            guard let following = try input.next() else {
                if field.last == UInt8(ascii: "\r") { field.removeLast() }
                fields.append(try text(field))
                return fields
            }
            byte = following
        }
    }
}
