/// How several values share one CSV cell, reversibly:
/// - items are separated by "; ";
/// - an actor is `name` or `name (role)`; a source is `url-or-title` or `url-or-title (locator)`;
/// - a quote is `speaker [fr]: text`, optionally followed by ` [en]: translation`, then
///   optionally by its source in braces, written as in the sources column: ` {url-or-title (locator)}`;
/// - inside names, roles, titles and texts, a backslash escapes `\ ; ( ) [ ] { }`.
/// And how a spreadsheet is kept from running a cell as a formula: a cell starting with
/// `= + - @`, a tab or a CR (or with an apostrophe and then one of those) gets an apostrophe
/// in front on export, which import removes.
public enum CSVCells {
    static let special: Set<Character> = ["\\", ";", "(", ")", "[", "]", "{", "}"]
    static let formulaStarts: Set<Character> = ["=", "+", "-", "@", "\t", "\r"]

    // MARK: - Writing

    static func escape(_ text: String) -> String {
        // \ ; ( ) [ ] { }: most text has none of them and is returned as it is.
        guard
            text.containsUTF8Byte(where: {
                $0 == 0x5C || $0 == 0x3B || $0 == 0x28 || $0 == 0x29 || $0 == 0x5B || $0 == 0x5D || $0 == 0x7B || $0 == 0x7D
            })
        else { return text }
        var escaped = ""
        for character in text {
            if special.contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    static func list(_ items: [String]) -> String { items.joined(separator: "; ") }

    static func actor(_ actor: ActorRole) -> String {
        escape(actor.name) + (actor.role.map { " (\(escape($0)))" } ?? "")
    }

    static func citation(_ citation: Citation) -> String {
        escape(citation.source.url ?? citation.source.title ?? citation.source.id ?? "")
            + (citation.locator.map { " (\(escape($0)))" } ?? "")
    }

    static func quote(_ quote: Quote) -> String {
        var text = "\(escape(quote.speaker)) [\(quote.language)]: \(escape(quote.text))"
        if let translation = quote.translation, let language = quote.translationLanguage {
            text += " [\(language)]: \(escape(translation))"
        }
        if let source = quote.source { text += " {\(citation(source))}" }
        return text
    }

    /// The cell as a spreadsheet will not run it.
    static func neutralizingFormula(_ cell: String) -> String {
        guard let first = cell.first else { return cell }
        if formulaStarts.contains(first) { return "'" + cell }
        if first == "'", let second = cell.dropFirst().first, formulaStarts.contains(second) { return "'" + cell }
        return cell
    }

    // MARK: - Reading

    /// Undoes `neutralizingFormula`.
    static func restoringFormula(_ cell: String) -> String {
        guard cell.first == "'", let second = cell.dropFirst().first else { return cell }
        if formulaStarts.contains(second) { return String(cell.dropFirst()) }
        if second == "'", let third = cell.dropFirst(2).first, formulaStarts.contains(third) { return String(cell.dropFirst()) }
        return cell
    }

    /// A cell read into tokens: escaped characters are text, the others may be structure.
    private struct Token: Equatable {
        var character: Character
        var escaped: Bool
    }

    private static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var escaping = false
        for character in text {
            if escaping {
                tokens.append(Token(character: character, escaped: true))
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                tokens.append(Token(character: character, escaped: false))
            }
        }
        if escaping { tokens.append(Token(character: "\\", escaped: true)) }
        return tokens
    }

    private static func text(_ tokens: some Collection<Token>) -> String {
        String(tokens.map(\.character)).trimmingWhitespace
    }

    /// The items of a list cell, still escaped.
    private static func items(_ cell: String) -> [[Token]] {
        var items: [[Token]] = [[]]
        for token in tokens(cell) {
            if token == Token(character: ";", escaped: false) { items.append([]) } else { items[items.count - 1].append(token) }
        }
        return items.filter { !text($0).isEmpty }
    }

    /// Splits `name (role)` at a final unescaped parenthesised part.
    private static func nameAndParenthesis(_ item: [Token]) -> (String, String?) {
        var trimmed = item
        while trimmed.last?.character.isWhitespace == true, trimmed.last?.escaped == false { trimmed.removeLast() }
        guard trimmed.last == Token(character: ")", escaped: false),
            let open = trimmed.lastIndex(of: Token(character: "(", escaped: false))
        else { return (text(item), nil) }
        let inside = text(trimmed[(open + 1)..<(trimmed.count - 1)])
        return (text(trimmed[..<open]), inside.isEmpty ? nil : inside)
    }

    static func strings(_ cell: String) -> [String] { items(cell).map { text($0) } }

    static func actors(_ cell: String) -> [ActorRole] {
        items(cell).map { item in
            let (name, role) = nameAndParenthesis(item)
            return ActorRole(name: name, role: role)
        }
    }

    static func citations(_ cell: String) -> [Citation] {
        items(cell).map(citation)
    }

    private static func citation(_ item: [Token]) -> Citation {
        let (reference, locator) = nameAndParenthesis(item)
        return Citation(Source(reference: reference), locator: locator)
    }

    static func quotes(_ cell: String) throws -> [Quote] {
        try items(cell).map { whole in
            // speaker [xx]: text [yy]: translation {source (locator)}
            var item = whole
            var source: Citation?
            while item.last?.character.isWhitespace == true, item.last?.escaped == false { item.removeLast() }
            if item.last == Token(character: "}", escaped: false), let open = item.lastIndex(of: Token(character: "{", escaped: false)) {
                source = citation(Array(item[(open + 1)..<(item.count - 1)]))
                item.removeSubrange(open...)
            }
            var parts: [(language: String?, tokens: [Token])] = [(nil, [])]
            var index = 0
            while index < item.count {
                let token = item[index]
                if token == Token(character: "[", escaped: false),
                    let close = item[index...].firstIndex(of: Token(character: "]", escaped: false)),
                    close + 1 < item.count, item[close + 1] == Token(character: ":", escaped: false)
                {
                    parts.append((text(item[(index + 1)..<close]), []))
                    index = close + 2
                    continue
                }
                parts[parts.count - 1].tokens.append(token)
                index += 1
            }
            guard parts.count >= 2, let language = parts[1].language else {
                throw TimelineError.invalidValue(field: "quotes", value: text(item), expected: "write a quote as: speaker [fr]: text")
            }
            return Quote(
                speaker: text(parts[0].tokens), text: text(parts[1].tokens), language: language,
                translation: parts.count > 2 ? text(parts[2].tokens) : nil,
                translationLanguage: parts.count > 2 ? parts[2].language : nil, source: source)
        }
    }
}
