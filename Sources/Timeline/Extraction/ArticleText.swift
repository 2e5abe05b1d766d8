/// The running text of an article, as `timeline extract` reads it: plain text as it is, HTML and
/// Markdown reduced to the text a reader sees. Offsets everywhere in extraction count Unicode
/// scalars (code points) into `scalars`.
public struct ArticleText: Sendable {
    /// How the input is written.
    public enum Markup: String, Sendable, CaseIterable {
        case plain, markdown, html
    }

    /// The text, one element per code point.
    public let scalars: [Unicode.Scalar]
    /// Its paragraphs, in order: runs of lines between blank lines (each line when the text has no
    /// blank line at all), without their surrounding white space.
    public let paragraphs: [Range<Int>]

    public init(_ input: String, markup: Markup = .plain) {
        let text =
            switch markup {
            case .plain: input
            case .markdown: Self.reducing(markdown: input)
            case .html: Self.reducing(html: input)
            }
        scalars = Array(text.unicodeScalars)
        paragraphs = Self.paragraphs(of: scalars)
    }

    /// The text between two offsets.
    public subscript(range: Range<Int>) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count + range.count / 4)
        for scalar in scalars[range] { UTF8.encode(scalar) { bytes.append($0) } }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The markup a file's name or first bytes suggest: `.html`/`.htm` or a leading `<`, `.md`/`.markdown`.
    public static func markup(forName name: String, content: String) -> Markup {
        let lowered = name.lowercased()
        if lowered.hasSuffix(".html") || lowered.hasSuffix(".htm") || lowered.hasSuffix(".xhtml") { return .html }
        if lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown") { return .markdown }
        if content.drop(while: \.isWhitespace).hasPrefix("<") { return .html }
        return .plain
    }

    private static func paragraphs(of scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var lines: [Range<Int>] = []
        var start = 0
        for (index, scalar) in scalars.enumerated() where scalar == "\n" {
            lines.append(start..<index)
            start = index + 1
        }
        lines.append(start..<scalars.count)
        func trimmed(_ range: Range<Int>) -> Range<Int>? {
            var lower = range.lowerBound
            var upper = range.upperBound
            while lower < upper, scalars[lower].isWhiteSpace || scalars[lower] == "\u{200B}" { lower += 1 }
            while upper > lower, scalars[upper - 1].isWhiteSpace { upper -= 1 }
            return lower < upper ? lower..<upper : nil
        }
        let blank = lines.map { trimmed($0) == nil }
        guard blank.contains(true) else { return lines.compactMap(trimmed) }
        var result: [Range<Int>] = []
        var current: Range<Int>?
        for (line, isBlank) in zip(lines, blank) {
            if isBlank {
                if let paragraph = current.flatMap(trimmed) { result.append(paragraph) }
                current = nil
            } else {
                current = (current?.lowerBound ?? line.lowerBound)..<line.upperBound
            }
        }
        if let paragraph = current.flatMap(trimmed) { result.append(paragraph) }
        return result
    }
}

extension ArticleText {
    /// Markdown without its markup: headings' `#`, emphasis, code marks, link and image targets
    /// (their text stays), list markers and quote marks at line starts, HTML comments.
    static func reducing(markdown: String) -> String {
        var lines: [Substring] = []
        var inFence = false
        for var line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.last == "\r" { line = line.dropLast() }
            let stripped = line.drop(while: { $0 == " " })
            if stripped.hasPrefix("```") || stripped.hasPrefix("~~~") {
                inFence.toggle()
                lines.append("")
                continue
            }
            if inFence {
                lines.append(line)
                continue
            }
            var text = stripped
            while let first = text.first, first == ">" || first == "#" { text = text.dropFirst().drop(while: { $0 == " " }) }
            for marker in ["- ", "* ", "+ "] where text.hasPrefix(marker) { text = text.dropFirst(2) }
            if let dot = text.firstIndex(where: { !$0.isASCII || !$0.isNumber }), dot != text.startIndex,
                text[dot...].hasPrefix(". ")
            {
                text = text[text.index(dot, offsetBy: 2)...]
            }
            lines.append(Substring(inline(text)))
        }
        return lines.joined(separator: "\n")
    }

    /// One line of Markdown's inline markup reduced to its text.
    private static func inline(_ line: Substring) -> String {
        var result = ""
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if character == "!" || character == "[" {
                // [text](target) or ![alt](target): keep the text.
                let open = character == "!" ? line.index(after: index) : index
                if open < line.endIndex, line[open] == "[", let close = line[open...].firstIndex(of: "]"),
                    line.index(after: close) < line.endIndex, line[line.index(after: close)] == "(",
                    let end = line[close...].firstIndex(of: ")")
                {
                    result += inline(line[line.index(after: open)..<close])
                    index = line.index(after: end)
                    continue
                }
            }
            if character == "*" || character == "_" || character == "`" {
                // Emphasis and code marks go; an underscore inside a word stays.
                let before = index > line.startIndex ? line[line.index(before: index)] : " "
                let afterIndex = line.index(after: index)
                let after = afterIndex < line.endIndex ? line[afterIndex] : " "
                if character != "_" || !(before.isLetter || before.isNumber) || !(after.isLetter || after.isNumber) {
                    index = afterIndex
                    continue
                }
            }
            if character == "<", line[index...].hasPrefix("<!--"), let end = line[index...].firstRange(of: "-->") {
                index = end.upperBound
                continue
            }
            result.append(character)
            index = line.index(after: index)
        }
        return result
    }

    /// HTML reduced to its text: tags dropped, `script`, `style`, `head` and comments dropped whole,
    /// block elements and `<br>` ending lines, paragraphs separated by a blank line, character
    /// references decoded, runs of spaces collapsed.
    static func reducing(html: String) -> String {
        let blocks: Set<String> = [
            "p", "div", "section", "article", "header", "footer", "aside", "main", "nav", "blockquote", "figure",
            "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tr", "pre", "hr", "dd", "dt",
            "title",
        ]
        let skipped: Set<String> = ["script", "style", "head", "noscript", "template", "svg"]
        var output = ""
        var pendingSpace = false
        var pendingBreak = 0
        var skipping: String?
        let characters = Array(html)
        var index = 0
        func emit(_ character: Character) {
            if character.isWhitespace {
                pendingSpace = true
                return
            }
            if pendingBreak > 0, !output.isEmpty {
                output += pendingBreak > 1 ? "\n\n" : "\n"
            } else if pendingSpace, !output.isEmpty, output.last != "\n" {
                output.append(" ")
            }
            pendingBreak = 0
            pendingSpace = false
            output.append(character)
        }
        while index < characters.count {
            let character = characters[index]
            if character == "<" {
                if characters[index...].starts(with: Array("<!--")) {
                    var end = index + 4
                    while end + 2 < characters.count, !(characters[end] == "-" && characters[end + 1] == "-" && characters[end + 2] == ">")
                    {
                        end += 1
                    }
                    index = end + 3
                    continue
                }
                guard let close = characters[index...].firstIndex(of: ">") else { break }
                let tag = String(characters[(index + 1)..<close])
                index = close + 1
                let isClosing = tag.hasPrefix("/")
                let name = String(tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })).lowercased()
                if let open = skipping {
                    if isClosing, name == open { skipping = nil }
                    continue
                }
                if skipped.contains(name), !isClosing, !tag.hasSuffix("/") {
                    skipping = name
                    continue
                }
                if name == "br" {
                    pendingBreak = max(pendingBreak, 1)
                } else if blocks.contains(name) {
                    pendingBreak = 2
                }
                continue
            }
            if skipping != nil {
                index += 1
                continue
            }
            if character == "&", let semicolon = characters[index...].prefix(12).firstIndex(of: ";") {
                let name = String(characters[(index + 1)..<semicolon])
                if let decoded = characterReference(name) {
                    emit(decoded)
                    index = semicolon + 1
                    continue
                }
            }
            emit(character)
            index += 1
        }
        return output
    }

    /// The character a named or numeric character reference stands for; nil for names not known.
    private static func characterReference(_ name: String) -> Character? {
        if name.hasPrefix("#") {
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
        let named: [String: Character] = [
            "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "laquo": "«", "raquo": "»",
            "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "hellip": "…", "ndash": "–", "mdash": "—",
            "eacute": "é", "egrave": "è", "ecirc": "ê", "agrave": "à", "acirc": "â", "ccedil": "ç", "ocirc": "ô",
            "ucirc": "û", "ugrave": "ù", "icirc": "î", "iuml": "ï", "euml": "ë", "oelig": "œ", "Eacute": "É",
            "Agrave": "À", "Ccedil": "Ç", "thinsp": "\u{2009}", "shy": "\u{AD}",
        ]
        return named[name]
    }
}
