/// A date as people type it, ready for the grammar: its UTF-8 bytes folded (lowercase, no accents,
/// straight apostrophes, one space between words) and a run of its words, each already looked up
/// in the `Vocabulary`.
///
/// Everything works on bytes: folding is a table lookup per byte for ASCII and Latin-1 letters,
/// words are ranges of the folded bytes, and comparing a word with a literal compares bytes. Other
/// scripts take the slower path of `String.foldingDiacritics` first. The bytes and words live in
/// temporary memory owned by `reading(_:_:)` (on the stack for short texts), so a value is only valid
/// inside its body, and reading a date needs no heap memory and counts no references.
struct NaturalText {
    /// One word: where it is in the folded bytes, and what it means.
    struct Word {
        let range: Range<Int>
        let meaning: Vocabulary.Meaning
    }

    /// The folded text.
    let bytes: UnsafeBufferPointer<UInt8>
    /// The words this value stands for: all of the text's at first, then the part the grammar reads.
    let words: Slice<UnsafeBufferPointer<Word>>

    init(bytes: UnsafeBufferPointer<UInt8>, words: Slice<UnsafeBufferPointer<Word>>) {
        self.bytes = bytes
        self.words = words
    }

    /// Folds `text`, splits it into words and reads them with `body`, which must not keep them.
    static func reading<Result>(
        _ text: String, _ body: (NaturalText) throws(InvalidDate) -> Result
    ) throws(InvalidDate) -> Result {
        try reading(text, allowingOtherLetters: false, body)
    }

    private static func reading<Result>(
        _ text: String, allowingOtherLetters: Bool, _ body: (NaturalText) throws(InvalidDate) -> Result
    ) throws(InvalidDate) -> Result {
        var text = text
        // Folding never makes the text longer, and every word has at least one byte of its own.
        let capacity = max(text.utf8.count, 1)
        let read = try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) {
            (folded) throws(InvalidDate) -> Result? in
            guard let count = text.withUTF8({ fold($0, into: folded, allowingOtherLetters: allowingOtherLetters) }) else {
                return nil
            }
            let bytes = UnsafeBufferPointer(rebasing: folded[..<count])
            return try withUnsafeTemporaryAllocation(of: Word.self, capacity: capacity) {
                (words) throws(InvalidDate) -> Result in
                let wordCount = split(bytes, into: words)
                defer { words.baseAddress!.deinitialize(count: wordCount) }
                return try body(NaturalText(bytes: bytes, words: UnsafeBufferPointer(rebasing: words[..<wordCount])[...]))
            }
        }
        if let read { return read }
        return try reading(text.foldingDiacritics.lowercased(), allowingOtherLetters: true, body)
    }

    // MARK: - Reading words

    var count: Int { words.count }
    var isEmpty: Bool { words.isEmpty }
    var first: Word? { words.first }
    var last: Word? { words.last }

    /// The word `offset` words from the start.
    subscript(offset: Int) -> Word { words[words.startIndex + offset] }

    /// The folded bytes of a word.
    func text(of word: Word) -> Slice<UnsafeBufferPointer<UInt8>> { bytes[word.range] }

    /// Whether the word is spelt `literal` (folded: lowercase ASCII).
    func spells(_ word: Word, _ literal: StaticString) -> Bool {
        let length = literal.utf8CodeUnitCount
        guard word.range.count == length else { return false }
        let spelling = literal.utf8Start
        for offset in 0..<length where bytes[word.range.lowerBound + offset] != spelling[offset] { return false }
        return true
    }

    /// Whether the words are exactly `literals`, in order.
    func isExactly(_ literals: StaticString...) -> Bool {
        literals.count == count && zip(words, literals).allSatisfy { spells($0, $1) }
    }

    /// The first `count` words.
    func prefix(_ count: Int) -> NaturalText { with(words.prefix(count)) }

    /// Without the first `count` words.
    func dropFirst(_ count: Int = 1) -> NaturalText { with(words.dropFirst(count)) }

    /// Without the last `count` words.
    func dropLast(_ count: Int = 1) -> NaturalText { with(words.dropLast(count)) }

    /// The last `count` words.
    func suffix(_ count: Int) -> NaturalText { with(words.suffix(count)) }

    private func with(_ words: Slice<UnsafeBufferPointer<Word>>) -> NaturalText {
        NaturalText(bytes: bytes, words: words)
    }

    // MARK: - Folding

    /// Lowercases, drops accents (so NFC, NFD and unaccented "fevrier" all match), straightens
    /// apostrophes, trims and collapses whitespace, in one pass over the UTF-8 bytes. The number of
    /// bytes written; nil when a letter outside ASCII and Latin-1 is met and `allowingOtherLetters`
    /// is false (the caller then folds with `String.foldingDiacritics` first).
    private static func fold(
        _ utf8: UnsafeBufferPointer<UInt8>, into folded: UnsafeMutableBufferPointer<UInt8>, allowingOtherLetters: Bool
    ) -> Int? {
        var count = 0
        var pendingSpace = false
        func append(_ byte: UInt8) {
            if pendingSpace && count > 0 {
                folded[count] = 0x20
                count += 1
            }
            pendingSpace = false
            folded[count] = byte
            count += 1
        }
        var index = 0
        while index < utf8.count {
            let byte = utf8[index]
            if byte < 0x80 {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = true
                } else {
                    append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
                }
                index += 1
                continue
            }
            // A multi-byte scalar (the text is valid UTF-8): decode it, then fold it or keep its bytes.
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            var scalar = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { scalar = scalar << 6 | UInt32(utf8[index + offset] & 0x3F) }
            let scalarBytes = index..<index + length
            index += length
            switch scalar {
            case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
                pendingSpace = true
            case 0x2019:  // ’
                append(0x27)
            case 0x300...0x36F:  // combining accents, dropped as foldingDiacritics drops them
                continue
            case 0xC0...0xFF:
                let letter = latin1Letters[Int(scalar - 0xC0)]
                if letter < 0x80 {
                    append(letter)
                } else {  // æ, ð, ø, þ, ß, × and ÷ have no base letter: lowercase UTF-8
                    append(0xC3)
                    append(letter)
                }
            case 0x80...0xBF, 0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20CF:
                // punctuation and symbols (dashes, quotes, "…", currency): kept as they are
                for offset in scalarBytes { append(utf8[offset]) }
            default:
                guard allowingOtherLetters else { return nil }
                for offset in scalarBytes { append(utf8[offset]) }
            }
        }
        return count
    }

    /// U+00C0...U+00FF folded: the ASCII base letter, or the second UTF-8 byte of the lowercase letter.
    private static let latin1Letters: [UInt8] = Array(
        "aaaaaa\u{E6}ceeeeiiii\u{F0}nooooo\u{D7}\u{F8}uuuuy\u{FE}\u{DF}aaaaaa\u{E6}ceeeeiiii\u{F0}nooooo\u{F7}\u{F8}uuuuy\u{FE}y"
            .unicodeScalars
    ).map { $0.value < 0x80 ? UInt8($0.value) : UInt8(0x80 | ($0.value & 0x3F)) }

    // MARK: - Words

    /// Splits folded bytes into words at spaces and commas, writing them into `words`; how many.
    /// `/`, `–`, `—` and the qualifiers `?`, `~`, `%` are words of their own even when written
    /// against another; so are an elided article ("l'", "d'") and the "mi" / "mid" of "mi-2022"
    /// (its hyphen dropped). Two years joined by a hyphen ("2015-2017") are the years and a hyphen.
    private static func split(_ bytes: UnsafeBufferPointer<UInt8>, into words: UnsafeMutableBufferPointer<Word>) -> Int {
        var count = 0
        func add(_ range: Range<Int>) {
            let meaning = bytes[range.lowerBound].isDigit ? .none : Vocabulary.shared.meaning(of: bytes[range])
            (words.baseAddress! + count).initialize(to: Word(range: range, meaning: meaning))
            count += 1
        }
        func flush(_ range: Range<Int>) {
            guard !range.isEmpty else { return }
            let (start, end) = (range.lowerBound, range.upperBound)
            if range.count > 2, bytes[start + 1] == 0x27, bytes[start] == 0x6C || bytes[start] == 0x64 {  // "l'…", "d'…"
                add(start..<start + 2)
                add(start + 2..<end)
            } else if range.count > 3, bytes[start] == 0x6D, bytes[start + 1] == 0x69,
                let dash = bytes[start + 2] == 0x2D ? start + 2 : bytes[start + 2] == 0x64 && bytes[start + 3] == 0x2D ? start + 3 : nil,
                dash + 1 < end
            {  // "mi-…", "mid-…"
                add(start..<dash)
                add(dash + 1..<end)
            } else {
                add(range)
            }
        }
        if bytes.count == 9, bytes[4] == 0x2D, bytes[..<4].allSatisfy(\.isDigit), bytes[5...].allSatisfy(\.isDigit) {
            add(0..<4)
            add(4..<5)
            add(5..<9)
            return count
        }
        var start = 0
        var index = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x2C:  // space, comma
                flush(start..<index)
                start = index + 1
            case 0x2F, 0x3F, 0x7E, 0x25:  // / ? ~ %
                flush(start..<index)
                add(index..<index + 1)
                start = index + 1
            case 0xE2 where index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0x93 || bytes[index + 2] == 0x94):
                flush(start..<index)  // – —
                add(index..<index + 3)
                index += 2
                start = index + 1
            default:
                break
            }
            index += 1
        }
        flush(start..<bytes.count)
        return count
    }
}

extension NaturalText {
    /// The qualifier a word is: `?`, `~` or `%`.
    func qualifier(_ word: Word) -> UInt8? {
        guard word.range.count == 1 else { return nil }
        let byte = bytes[word.range.lowerBound]
        return byte == 0x3F || byte == 0x7E || byte == 0x25 ? byte : nil
    }

    /// The number a word of digits only is, and how many digits it has.
    func number(_ word: Word) -> (value: Int, digits: Int)? {
        guard !word.range.isEmpty, word.range.count <= 9 else { return nil }
        var value = 0
        for byte in bytes[word.range] {
            guard byte.isDigit else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return (value, word.range.count)
    }

    /// A four-digit year.
    func year(_ word: Word) -> Int? {
        guard word.range.count == 4 else { return nil }
        return number(word)?.value
    }

    /// The day a word means: "10", "1er", "10th", "1st", "22nd", "premier".
    func day(_ word: Word) -> Int? {
        if spells(word, "premier") { return 1 }
        let text = text(of: word)
        let digits = text.prefix(while: \.isDigit)
        guard (1...2).contains(digits.count) else { return nil }
        let day = digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        let suffix = text.dropFirst(digits.count)
        if suffix.isEmpty { return day }
        let english: StaticString =
            (11...13).contains(day % 100) ? "th" : day % 10 == 1 ? "st" : day % 10 == 2 ? "nd" : day % 10 == 3 ? "rd" : "th"
        if suffix.elementsEqual(english.bytes) { return day }
        return day == 1 && (suffix.elementsEqual("er".utf8) || suffix.elementsEqual("re".utf8)) ? 1 : nil
    }

    /// A small count written in digits or words ("3", "two", "deux", "a").
    func count(_ word: Word) -> Int? {
        if let (value, digits) = number(word), digits <= 4 { return value }
        return word.meaning.count.map(Int.init)
    }

    /// The first year of "2022-23" or "2022-2023" (a winter across two years).
    func winterYears(_ word: Word) -> Int? {
        let text = text(of: word)
        guard text.count == 7 || text.count == 9, text[text.startIndex + 4] == 0x2D else { return nil }
        let first = text.prefix(4)
        let second = text.dropFirst(5)
        guard first.allSatisfy(\.isDigit), second.allSatisfy(\.isDigit) else { return nil }
        let year = first.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        let next = second.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        return second.count == 2 ? (next == (year + 1) % 100 ? year : nil) : (next == year + 1 ? year : nil)
    }

    /// The number of a century written "19th", "19e", "19eme", "xixe", "XIX".
    func centuryNumber(_ word: Word) -> Int? {
        var core = text(of: word)
        for suffix: StaticString in ["st", "nd", "rd", "th", "eme", "e", "er"] where core.hasSuffix(suffix) {
            core = core.dropLast(suffix.utf8CodeUnitCount)
            break
        }
        guard !core.isEmpty else { return nil }
        if core.allSatisfy(\.isDigit) {
            return core.count <= 4 ? core.reduce(0) { $0 * 10 + Int($1 - 0x30) } : nil
        }
        var total = 0
        var previous = 0
        for byte in core.reversed() {
            let value: Int
            switch byte {
            case 0x69: value = 1  // i
            case 0x76: value = 5  // v
            case 0x78: value = 10  // x
            case 0x6C: value = 50  // l
            case 0x63: value = 100  // c
            default: return nil
            }
            total += value < previous ? -value : value
            previous = max(previous, value)
        }
        return total > 0 ? total : nil
    }
}

extension UInt8 {
    /// An ASCII digit 0-9.
    var isDigit: Bool { self >= 0x30 && self <= 0x39 }
}

extension StaticString {
    /// The literal's UTF-8 bytes.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: utf8Start, count: utf8CodeUnitCount) }
}

extension Slice<UnsafeBufferPointer<UInt8>> {
    /// Whether the bytes end with the literal's.
    func hasSuffix(_ literal: StaticString) -> Bool {
        count >= literal.utf8CodeUnitCount && suffix(literal.utf8CodeUnitCount).elementsEqual(literal.bytes)
    }
}
