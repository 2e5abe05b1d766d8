/// Fits text to a terminal's width, as the text output prints it: lines break at spaces (a word
/// is cut only when it is longer than a whole line), and each continuation line starts at an
/// indent, under the text it continues. Widths are terminal columns (`terminalColumns`); ANSI
/// colour sequences take none. Works on the UTF-8 bytes: `show` wraps every event it prints.
struct LineWrapper {
    /// The width to fit, in columns.
    var columns: Int
    /// Each line keeps at least this many columns for text, however narrow the terminal (the
    /// CLI's narrowest, 40 columns, leaves at least 19 after the deepest indent, 21).
    static let minimumTextWidth = 16

    /// `text` laid out from column `column` (what comes before it on its first line is written
    /// already), with continuation lines, and the lines after each line break of `text`,
    /// starting with `indent` spaces. No line break at the end.
    func wrap(_ text: String, from column: Int, indent: Int) -> String {
        let limit = max(columns, indent + Self.minimumTextWidth)
        // UTF-8 bytes are never fewer than columns: most text fits without a look at its characters.
        if column + text.utf8.count <= limit && !text.utf8.contains(0x0A) { return text }
        var text = text
        return text.withUTF8 { bytes in
            var layout = Layout(bytes: bytes, limit: limit, indent: indent, width: column)
            layout.run()
            return String(decoding: layout.output, as: UTF8.self)
        }
    }

    /// The layout of one text: the bytes written so far and the width of the last line.
    private struct Layout {
        let bytes: UnsafeBufferPointer<UInt8>
        let limit: Int
        let indent: Int
        var width: Int
        var output: [UInt8] = []
        /// A word ends the last line, so a line may break before the next.
        var lineHasWord = false

        init(bytes: UnsafeBufferPointer<UInt8>, limit: Int, indent: Int, width: Int) {
            self.bytes = bytes
            self.limit = limit
            self.indent = indent
            self.width = width
            output.reserveCapacity(bytes.count + bytes.count / 8 * (indent + 1))
        }

        mutating func run() {
            var spaces = 0
            var index = 0
            while index < bytes.count {
                switch bytes[index] {
                case 0x0A:
                    breakLine()
                    spaces = 0
                    index += 1
                case 0x20:
                    spaces += 1
                    index += 1
                default:
                    let start = index
                    var wordWidth = 0
                    while index < bytes.count, bytes[index] != 0x20, bytes[index] != 0x0A {
                        let (columns, length) = Self.scalar(at: index, in: bytes)
                        wordWidth += columns
                        index += length
                    }
                    place(start..<index, width: wordWidth, after: spaces)
                    spaces = 0
                }
            }
            addSpaces(spaces)
        }

        /// The columns and the length in bytes of what starts at `index`: a scalar, or a whole
        /// ANSI escape sequence (`ESC [ 1 ; 33 m`), which takes no column.
        static func scalar(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (columns: Int, length: Int) {
            let lead = bytes[index]
            if lead < 0x80 {
                guard lead == 0x1B, index + 1 < bytes.count, bytes[index + 1] == 0x5B else { return (lead < 0x20 ? 0 : 1, 1) }
                // A control sequence ends with a byte from @ to ~.
                var end = index + 2
                while end < bytes.count, !(0x40...0x7E).contains(bytes[end]) { end += 1 }
                return (0, min(end + 1, bytes.count) - index)
            }
            let length = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
            var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length where index + offset < bytes.count {
                value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
            }
            return (Unicode.Scalar(value)?.terminalColumns ?? 1, length)
        }

        mutating func breakLine() {
            output.append(0x0A)
            output.append(contentsOf: repeatElement(0x20, count: indent))
            width = indent
            lineHasWord = false
        }

        /// Spaces before a word or at the end of a line: kept as far as they fit.
        mutating func addSpaces(_ count: Int) {
            let count = min(count, max(0, limit - width))
            output.append(contentsOf: repeatElement(0x20, count: count))
            width += count
        }

        /// Places the word at `range` after `spaces` spaces: on this line when it fits, else on
        /// the next (the spaces dropped), cut over lines when it is longer than a whole line.
        mutating func place(_ range: Range<Int>, width wordWidth: Int, after spaces: Int) {
            let word = UnsafeBufferPointer(rebasing: bytes[range])
            if width + spaces + wordWidth <= limit {
                addSpaces(spaces)
                output.append(contentsOf: word)
                width += wordWidth
                lineHasWord = true
                return
            }
            // A new line gives the word more room: take it, unless the word is the first on a
            // line that starts at the indent already.
            if lineHasWord || width > indent {
                breakLine()
                if wordWidth <= limit - width {
                    output.append(contentsOf: word)
                    width += wordWidth
                    lineHasWord = true
                    return
                }
            } else {
                addSpaces(spaces)
            }
            // Longer than a line: cut before a scalar that would pass the limit (never before an
            // accent, which takes no column).
            var index = range.lowerBound
            while index < range.upperBound {
                let (columns, length) = Self.scalar(at: index, in: bytes)
                if width + columns > limit && width > indent { breakLine() }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<min(index + length, range.upperBound)]))
                width += columns
                index += length
            }
            lineHasWord = true
        }
    }
}
