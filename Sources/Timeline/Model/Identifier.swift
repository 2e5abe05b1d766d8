/// The rule for the text ids of events, sources and partnerships, and the ids made from titles.
enum Identifier {
    static func isValid(_ id: String) -> Bool {
        guard let first = id.utf8.first, id.utf8.count <= 120 else { return false }
        func isLowerAlphanumeric(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) }
        return isLowerAlphanumeric(first) && id.utf8.allSatisfy { isLowerAlphanumeric($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    static func validate(_ id: String, field: String) throws {
        guard isValid(id) else {
            throw TimelineError.invalidValue(
                field: field, value: id,
                expected: "use 1 to 120 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit")
        }
    }

    /// A readable id from a title: its words in lowercase ASCII (see `Transliteration`: "Ærø
    /// clinic" → `aero-clinic`, "Москва" → `moskva`) joined by `-`, at most about 48 characters
    /// cut at a word boundary; `fallback` when the title has no words, or a letter without an
    /// ASCII spelling (an id never silently leaves words out).
    static func slug(from title: String, fallback: String) -> String {
        guard let allWords = Transliteration.asciiWords(of: title) else { return fallback }
        var words: [String] = []
        var length = 0
        for word in allWords {
            if length + word.count + (words.isEmpty ? 0 : 1) > 48 {
                if words.isEmpty { words.append(String(word.prefix(48))) }
                break
            }
            words.append(word)
            length += word.count + (words.count > 1 ? 1 : 0)
        }
        return words.isEmpty ? fallback : words.joined(separator: "-")
    }

    /// What the id of an event is made from when it has none: its title, else (a title in a
    /// script without transliteration, "世界") `event-` and its date: `event-2023`, `event-2019-09-10`.
    static func base(forEventTitled title: String, date: PartialDate) -> String {
        slug(from: title, fallback: "event-" + slug(from: date.edtf, fallback: "undated"))
    }
}
