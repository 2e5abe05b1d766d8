import FoundationEssentials

/// The formats `show`, `search` and `export` write.
public enum OutputFormat: String, CaseIterable, Sendable {
    /// For people at a terminal: grouped by year, aligned, coloured when asked.
    case text
    /// The JSON document that `import` reads back.
    case json
    /// JSON Lines: one object per line (records, then events), for jq and streams.
    case jsonl
    /// RFC 4180 CSV, one row per event; `import` reads it back.
    case csv
    /// Markdown, one section per year, sources as footnotes.
    case markdown
    /// iCalendar (RFC 5545): all-day events for calendar apps.
    case ical
    /// TimelineJS's JSON, to publish with Knight Lab's TimelineJS.
    case timelinejs
    /// Timesketch's CSV.
    case timesketchCSV = "timesketch-csv"
    /// Timesketch's JSON Lines.
    case timesketchJSONL = "timesketch-jsonl"
    /// One self-contained page: an interactive chart over the list of events.
    case html

    /// The format a file name's extension suggests: `.json`, `.jsonl`/`.ndjson`, `.csv`,
    /// `.md`/`.markdown`, `.ics`, `.txt`; nil for others.
    public static func forFile(_ path: String) -> OutputFormat? {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "json": .json
        case "jsonl", "ndjson": .jsonl
        case "csv": .csv
        case "md", "markdown": .markdown
        case "ics": .ical
        case "txt": .text
        case "html", "htm": .html
        default: nil
        }
    }

    /// True for formats that carry the actors, sources and partnerships before the events.
    var needsRecords: Bool { self == .json || self == .jsonl || self == .timelinejs || self == .html }
}

/// How to write: the choices that only some formats look at.
public struct OutputOptions: Sendable {
    /// ANSI colour (text).
    public var color = false
    /// Start with a UTF-8 byte order mark, for spreadsheets (csv).
    public var byteOrderMark = false
    /// Keep spreadsheets from running cells as formulas (csv, timesketch-csv).
    public var neutralizeFormulas = true
    /// The title slide (timelinejs), the page's heading (html).
    public var title = "Timeline"
    /// The line under the page's heading (html).
    public var description: String?
    /// How the page's chart groups events (html).
    public var lanes = HTMLWriter.Lanes.partnership
    /// The day the page marks as today and derives partnership status from (html).
    public var today = Day.today()
    /// How slides are grouped (timelinejs).
    public var grouping = TimelineJSWriter.Grouping.kind
    /// The export's time, for iCalendar's DTSTAMP.
    public var now = Date()

    public init(color: Bool = false) {
        self.color = color
    }

    /// A writer for `format`; `records` are what the events refer to (json, jsonl, timelinejs),
    /// `ranked` says events come by search relevance (text).
    public func makeWriter(_ format: OutputFormat, records: TimelineDocument = TimelineDocument(), ranked: Bool = false) -> any EventWriter {
        switch format {
        case .text: TextWriter(color: color, ranked: ranked)
        case .json: JSONDocumentWriter(records: records)
        case .jsonl: JSONLinesWriter(records: records)
        case .csv: CSVWriter(neutralizeFormulas: neutralizeFormulas, byteOrderMark: byteOrderMark)
        case .markdown: MarkdownWriter()
        case .ical: ICalendarWriter(stamp: ICalendarWriter.stamp(for: now))
        case .timelinejs: TimelineJSWriter(records: records, title: title, groupBy: grouping)
        case .timesketchCSV: TimesketchWriter(layout: .csv, neutralizeFormulas: neutralizeFormulas)
        case .timesketchJSONL: TimesketchWriter(layout: .jsonLines)
        case .html: HTMLWriter(records: records, title: title, description: description, lanes: lanes, today: today)
        }
    }
}
