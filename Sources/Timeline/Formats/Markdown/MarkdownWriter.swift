/// Writes Markdown: a `##` section per year, one list item per event with its date in bold,
/// its summary, actors and tags, quotes as block quotes with their translation, and sources as
/// numbered footnotes (defined once each, at the end).
public struct MarkdownWriter: EventWriter {
    private var years = YearGrouping()
    private var footnotes: [String: Int] = [:]
    private var footnoteTexts: [String] = []

    public init() {}

    public mutating func writeHeader(to output: inout some TextOutputStream) {
        output.write("# Timeline\n")
    }

    public mutating func write(_ event: Event, to output: inout some TextOutputStream) {
        if let heading = years.heading(for: event) {
            output.write("\n## \(heading)\n\n")
        }
        var line = "- **\(Self.escape(event.date.display))** — "
        if let status = event.status {
            let title = status.standing == .retracted ? "~~\(Self.escape(event.title))~~" : Self.escape(event.title)
            line += "\(title) **\(status.standing.rawValue.capitalized):** \(Self.escape(status.reason))"
        } else {
            line += Self.escape(event.title)
        }
        if let kind = event.kind { line += " *(\(Self.escape(kind)))*" }
        line += event.sources.map { reference(to: $0) }.joined()
        var details: [String] = []
        if let summary = event.summary { details.append(Self.escape(summary)) }
        if !event.actors.isEmpty { details.append("Actors: " + event.actors.map { Self.escape($0.labelWithRole) }.joined(separator: ", ")) }
        if !event.tags.isEmpty { details.append("Tags: " + event.tags.map { Self.escape($0) }.joined(separator: ", ")) }
        if let partnership = event.partnership { details.append("Partnership: `\(partnership)`") }
        if let id = event.id { details.append("id `\(id)`") }
        output.write(line + (details.isEmpty ? "\n" : "  \n"))
        for detail in details {
            output.write("  " + detail.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "  \n  ") + "  \n")
        }
        for quote in event.quotes {
            output.write("\n")
            let text = quote.text.split(whereSeparator: \.isNewline).map { Self.escape(String($0)) }.joined(separator: "\n  > ")
            output.write("  > “\(text)”\n  > — \(Self.escape(quote.attribution))" + (quote.source.map { reference(to: $0) } ?? "") + "\n")
            if let translation = quote.translation {
                output.write(
                    "  >\n  > *“\(Self.escape(translation.collapsingWhitespace))”* (translation, \(quote.translationLanguage ?? ""))\n")
            }
        }
    }

    public mutating func writeFooter(to output: inout some TextOutputStream) {
        guard !footnoteTexts.isEmpty else { return }
        output.write("\n")
        for (index, text) in footnoteTexts.enumerated() {
            output.write("[^\(index + 1)]: \(text)\n")
        }
    }

    /// `[^n]`, with the citation's locator after it; defines the footnote on first use.
    private mutating func reference(to citation: Citation) -> String {
        let key = citation.source.id ?? citation.source.label
        let number: Int
        if let existing = footnotes[key] {
            number = existing
        } else {
            footnoteTexts.append(Self.footnote(for: citation.source))
            number = footnoteTexts.count
            footnotes[key] = number
        }
        return "[^\(number)]" + (citation.locator.map { " (\(Self.escape($0)))" } ?? "")
    }

    private static func footnote(for source: Source) -> String {
        var parts = [source.url.map { "[\(escape(source.label))](\(destination($0)))" } ?? escape(source.label)]
        if let author = source.author { parts.append(escape(author)) }
        if let publisher = source.publisher { parts.append(escape(publisher)) }
        if let published = source.published { parts.append(published.display) }
        if let archived = source.archivedURL { parts.append("[archived](\(destination(archived)))") }
        return parts.joined(separator: ", ") + (source.language.map { " (\($0))" } ?? "")
    }

    /// A link destination that no URL can break out of: `<...>` with `<`, `>` and spaces encoded.
    static func destination(_ url: String) -> String {
        "<" + url.replacingAll(["<": "%3C", ">": "%3E", " ": "%20"]) + ">"
    }

    /// Backslash-escapes the characters that would turn plain text into Markdown markup.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\`*_[]<>#|&~".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        // A line that starts like a list item, a heading rule or a numbered item stays text.
        if let first = escaped.first, "-+=".contains(first) { escaped.insert("\\", at: escaped.startIndex) }
        if let dot = escaped.firstIndex(of: "."), escaped[..<dot].allSatisfy(\.isNumber), dot != escaped.startIndex {
            escaped.insert("\\", at: dot)
        }
        return escaped
    }
}
