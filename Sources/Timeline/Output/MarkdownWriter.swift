/// Writes Markdown: a `##` section per year and one list item per event, with its date in bold,
/// its summary, actors, tags and sources as links.
public struct MarkdownWriter: EventWriter {
    private var currentYear: String??

    public init() {}

    public mutating func writeHeader(to output: inout some TextOutputStream) {
        output.write("# Timeline\n")
    }

    public mutating func write(_ event: Event, to output: inout some TextOutputStream) {
        let year = event.date.earliest.map { String($0.year) }
        if currentYear != .some(year) {
            output.write("\n## \(year ?? "Open start")\n\n")
            currentYear = .some(year)
        }
        var line = "- **\(Self.escape(event.date.display))** — \(Self.escape(event.title))"
        if let kind = event.kind { line += " *(\(Self.escape(kind)))*" }
        var details: [String] = []
        if let summary = event.summary { details.append(Self.escape(summary)) }
        if !event.actors.isEmpty { details.append("Actors: " + event.actors.map { Self.escape($0.labelWithRole) }.joined(separator: ", ")) }
        if !event.tags.isEmpty { details.append("Tags: " + event.tags.map { Self.escape($0) }.joined(separator: ", ")) }
        if !event.sources.isEmpty { details.append("Sources: " + event.sources.map(Self.link).joined(separator: "; ")) }
        if let id = event.id { details.append("id `\(id)`") }
        output.write(line + (details.isEmpty ? "\n" : "  \n"))
        for detail in details {
            output.write("  " + detail.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ") + "  \n")
        }
    }

    public mutating func writeFooter(to output: inout some TextOutputStream) {}

    private static func link(_ source: EventSource) -> String {
        var text = source.url.map { "[\(escape(source.label))](<\($0)>)" } ?? escape(source.label)
        if let locator = source.locator { text += ", " + escape(locator) }
        return text
    }

    /// Backslash-escapes the characters that would turn plain text into Markdown markup.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
