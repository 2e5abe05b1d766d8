/// How large a full-text query may be.
///
/// FTS5's work for `bm25()` and `snippet()` grows with the square of a query's terms: on the
/// example database, 64 terms answer in 0.07 s, 1,000 in 0.8 s, and 20,000 (`mayo ` pasted over
/// and over) run for minutes. A person's query has a handful of words; a pasted paragraph
/// rarely more than a few dozen. So a query has at most `maxSearchTerms` terms (runs of letters
/// and digits, the operators AND, OR and NOT included) and `maxSearchBytes` bytes of UTF-8;
/// beyond that it is refused before SQLite sees it, with the limit in the message.
extension EventFilter {
    /// The most terms a search may have.
    public static let maxSearchTerms = 64
    /// The most bytes (UTF-8) a search may have.
    public static let maxSearchBytes = 1_000

    /// Throws `TimelineError.invalidValue` when `search` is over either limit.
    func checkSearchSize() throws {
        guard let search else { return }
        let bytes = search.utf8.count
        if bytes > Self.maxSearchBytes {
            throw TimelineError.invalidValue(
                field: "search", value: search,
                expected:
                    "it is \(bytes) bytes long; a search has at most \(Self.maxSearchBytes) bytes and \(Self.maxSearchTerms) words")
        }
        var terms = 0
        var inTerm = false
        for character in search {
            let isWordCharacter = character.isLetter || character.isNumber
            if isWordCharacter && !inTerm { terms += 1 }
            inTerm = isWordCharacter
        }
        if FullTextQuery(search).expression.isEmpty {
            throw TimelineError.invalidValue(field: "search", value: search, expected: "it holds no word to search for")
        }
        if terms > Self.maxSearchTerms {
            throw TimelineError.invalidValue(
                field: "search", value: search,
                expected:
                    "it has \(terms) words; a search has at most \(Self.maxSearchTerms) words (operators count) and \(Self.maxSearchBytes) bytes"
            )
        }
    }
}
