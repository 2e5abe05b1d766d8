/// What a person typed in a search box, as an FTS5 query that means what they meant.
///
/// Ordinary text is searched as the words it contains, in order: a word with an apostrophe,
/// hyphen, slash, dot or other punctuation (`d'investissement`, `covid-19`, `health-data`,
/// `Google's`) becomes a quoted phrase, so FTS5 reads its parts as consecutive words instead
/// of a column filter or a syntax error. FTS5's operators work when used on purpose: "phrases",
/// `prefix*`, `AND`, `OR`, `NOT` (in capitals, between terms) and balanced parentheses. What
/// cannot be an operator where it stands is left out; `title:youtube` limits a word to a column (`google AND` searches for google; `AND`
/// alone is the word), a stray quote closes at the end, an unbalanced parenthesis is dropped.
/// See <https://sqlite.org/fts5.html#full_text_query_syntax>.
struct FullTextQuery {
    /// The FTS5 query.
    let expression: String

    init(_ text: String) {
        let tokens = Self.tokens(text)
        var position = 0
        var expression = Self.sequence(tokens, from: &position)
        if expression.isEmpty {
            // Only operators ("AND"): they are the words searched for.
            expression = tokens.compactMap { if case .word(let word) = $0 { Self.term(word) } else { nil } }.joined(separator: " ")
        }
        self.expression = expression
    }

    /// Renders the tokens from `position` up to the matching `)` (or the end): operands (words,
    /// phrases, groups) in order; an operator only between two operands; an explicit AND next
    /// to a group, which FTS5 does not join implicitly; empty groups left out.
    private static func sequence(_ tokens: [Token], from position: inout Int) -> String {
        var items: [(text: String, isOperator: Bool, isGroup: Bool)] = []
        while position < tokens.count {
            let token = tokens[position]
            position += 1
            switch token {
            case .close:
                return render(items)
            case .open:
                let group = sequence(tokens, from: &position)
                if !group.isEmpty { items.append(("( " + group + " )", false, true)) }
            case .phrase(let phrase, let prefix):
                items.append((quoted(phrase) + (prefix ? " *" : ""), false, false))
            case .word(let word):
                items.append(operators.contains(word) ? (word, true, false) : (term(word), false, false))
            }
        }
        return render(items)
    }

    private static func render(_ items: [(text: String, isOperator: Bool, isGroup: Bool)]) -> String {
        var output: [String] = []
        var previousIsGroup = false
        var pendingOperator: String?
        for item in items {
            if item.isOperator {
                if !output.isEmpty { pendingOperator = item.text }  // the last one between two operands wins
                continue
            }
            if let pendingOperator {
                output.append(pendingOperator)
            } else if !output.isEmpty && (previousIsGroup || item.isGroup) {
                output.append("AND")
            }
            pendingOperator = nil
            output.append(item.text)
            previousIsGroup = item.isGroup
        }
        return output.joined(separator: " ")
    }

    private static let operators: Set<String> = ["AND", "OR", "NOT"]
    /// The columns of `events_fts` a word may be limited to: `title:youtube`.
    private static let searchColumns: Set<String> = ["title", "summary", "actors_text", "tags_text", "quotes_text"]

    private enum Token: Equatable {
        case word(String)
        case phrase(String, prefix: Bool)
        case open, close
    }

    /// Splits on white space, quotes and parentheses; a stray quote runs to the end; parentheses
    /// that do not balance (or would hold nothing) are left out.
    private static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var word = ""
        func endWord() {
            if !word.isEmpty { tokens.append(.word(word)) }
            word = ""
        }
        var characters = text.makeIterator()
        var pending: Character? = nil
        while let character = pending ?? characters.next() {
            pending = nil
            if character == "\"" {
                endWord()
                var phrase = ""
                while let next = characters.next(), next != "\"" { phrase.append(next) }
                var prefix = false
                if let next = characters.next() {
                    if next == "*" { prefix = true } else { pending = next }
                }
                if !phrase.allSatisfy(\.isWhitespace) { tokens.append(.phrase(phrase, prefix: prefix)) }
            } else if character == "(" || character == ")" {
                endWord()
                tokens.append(character == "(" ? .open : .close)
            } else if character.isWhitespace {
                endWord()
            } else {
                word.append(character)
            }
        }
        endWord()
        return balanced(tokens)
    }

    /// Keeps only the parentheses that pair up around something.
    private static func balanced(_ tokens: [Token]) -> [Token] {
        var keep = [Bool](repeating: true, count: tokens.count)
        var opens: [Int] = []
        for (index, token) in tokens.enumerated() {
            if token == .open {
                opens.append(index)
            } else if token == .close {
                keep[index] = false
                guard let open = opens.popLast() else { continue }
                // A pair around nothing (or around only parentheses dropped before) goes too.
                if keep[(open + 1)..<index].contains(true) { keep[index] = true } else { keep[open] = false }
            }
        }
        for open in opens { keep[open] = false }
        return zip(tokens, keep).filter(\.1).map(\.0)
    }

    /// A word as FTS5 reads it: letters, digits, marks and `_` alone, optionally with a trailing
    /// `*` for a prefix search, are left as they are; a word with anything else is quoted.
    private static func term(_ word: String) -> String {
        if let colon = word.firstIndex(of: ":"), searchColumns.contains(String(word[..<colon])), word.index(after: colon) < word.endIndex {
            return String(word[...colon]) + " " + term(String(word[word.index(after: colon)...]))
        }
        let isPrefix = word.count > 1 && word.hasSuffix("*")
        let stem = isPrefix ? String(word.dropLast()) : word
        let isBareword = stem.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || $0.properties.numericType != nil || $0.properties.generalCategory == .nonspacingMark || $0 == "_"
        }
        if isBareword && !["AND", "OR", "NOT", "NEAR"].contains(stem) { return word }
        return quoted(stem) + (isPrefix ? " *" : "")
    }

    /// `"…"` with inner quotes doubled, as FTS5 writes a quote inside a phrase.
    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingAll(["\"": "\"\""]) + "\""
    }
}
