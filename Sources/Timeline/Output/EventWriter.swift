/// Writes a stream of events in one format: a header, each event as it comes, a footer.
/// Writers keep no events, so output of any size runs in flat memory.
public protocol EventWriter {
    mutating func writeHeader(to output: inout some TextOutputStream)
    mutating func write(_ event: Event, to output: inout some TextOutputStream)
    mutating func writeFooter(to output: inout some TextOutputStream)
}

/// The formats `show` and `export` write.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// For people at a terminal: grouped by year, aligned, coloured when asked.
    case text
    /// The JSON document (version 1) that `import` reads back.
    case json
    /// RFC 4180 CSV, one row per event.
    case csv
    /// Markdown, one section per year.
    case markdown

    /// A writer for this format. `color` and `ranked` (search results by relevance) only
    /// affect `text`.
    public func makeWriter(color: Bool = false, ranked: Bool = false) -> any EventWriter {
        switch self {
        case .text: TextWriter(color: color, ranked: ranked)
        case .json: JSONDocumentWriter()
        case .csv: CSVWriter()
        case .markdown: MarkdownWriter()
        }
    }
}

extension EventWriter {
    /// Writes `events` whole: header, events, footer.
    public mutating func write(_ events: some Sequence<Event>, to output: inout some TextOutputStream) {
        writeHeader(to: &output)
        for event in events { write(event, to: &output) }
        writeFooter(to: &output)
    }
}
