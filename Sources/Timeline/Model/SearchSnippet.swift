/// The passage of an event that matched a search, with the matching words marked.
public struct SearchSnippet: Hashable, Sendable {
    /// One run of text, matching the search or not.
    public struct Part: Hashable, Sendable {
        public var text: String
        public var isMatch: Bool
    }

    public var parts: [Part]

    /// Reads SQLite's `snippet()` output written with U+0002 and U+0003 around matches.
    init(marked text: String) {
        var parts: [Part] = []
        var current = ""
        var inMatch = false
        for character in text {
            if character == "\u{2}" || character == "\u{3}" {
                if !current.isEmpty { parts.append(Part(text: current, isMatch: inMatch)) }
                current = ""
                inMatch = character == "\u{2}"
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { parts.append(Part(text: current, isMatch: inMatch)) }
        self.parts = parts
    }

    /// The passage with each match between `open` and `close`: "…the [cornerstone] of…".
    public func marked(open: String = "[", close: String = "]") -> String {
        parts.map { $0.isMatch ? open + $0.text + close : $0.text }.joined().collapsingWhitespace
    }
}
