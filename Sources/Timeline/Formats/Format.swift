/// A format `timeline` reads or writes, declared once in its room (`Formats/CSV/CSVFormat.swift`…)
/// and listed in `Format.all`: the `--format` choices, detection by file extension and the help
/// text all come from here, so adding a format is one room and one line below.
public struct Format: Sendable, CustomStringConvertible {
    /// The name `--format` takes: "json", "timesketch-csv".
    public let name: String
    /// Other names people use for it: "ics" for ical, "md" for markdown.
    public let aliases: [String]
    /// Lower-case file extensions that mean this format when writing (and reading) a file.
    public let fileExtensions: [String]
    /// One line for the help: what it is for.
    public let summary: String
    /// True for formats that carry the actors, sources and partnerships the events refer to.
    public let needsRecords: Bool
    let makeReader: (@Sendable (InputBytes) throws -> any RecordReader)?
    let makeWriter: (@Sendable (_ options: OutputOptions, _ records: TimelineDocument, _ ranked: Bool) -> any EventWriter)?

    init(
        name: String, aliases: [String] = [], fileExtensions: [String] = [], summary: String, needsRecords: Bool = false,
        reader: (@Sendable (InputBytes) throws -> any RecordReader)? = nil,
        writer: (@Sendable (_ options: OutputOptions, _ records: TimelineDocument, _ ranked: Bool) -> any EventWriter)? = nil
    ) {
        self.name = name
        self.aliases = aliases
        self.fileExtensions = fileExtensions
        self.summary = summary
        self.needsRecords = needsRecords
        self.makeReader = reader
        self.makeWriter = writer
    }

    /// Every format, in the order the help lists them.
    public static let all: [Format] = [
        .text, .json, .jsonl, .csv, .markdown, .ical, .html, .svg, .chart, .timelinejs, .timelinejsCSV, .timesketchCSV, .timesketchJSONL,
    ]

    public var canRead: Bool { makeReader != nil }
    public var canWrite: Bool { makeWriter != nil }
    public var description: String { name }

    /// The format with this name or alias (case ignored).
    public static func named(_ name: String) -> Format? {
        let name = name.lowercased()
        return all.first { $0.name == name || $0.aliases.contains(name) }
    }

    /// The format a file name's extension says (`.json`, `.jsonl`, `.csv`, `.md`, `.ics`, `.html`…), or nil.
    public static func forFile(_ path: String) -> Format? {
        guard let fileExtension = fileExtension(of: path) else { return nil }
        return all.first { $0.fileExtensions.contains(fileExtension) }
    }

    /// A file name's extension, lower-cased: "x/Notes.JSON" → "json"; nil for "x/.profile" or "notes".
    static func fileExtension(of path: String) -> String? {
        let fileName = path.split(separator: "/").last ?? ""
        guard let dot = fileName.dropFirst().lastIndex(of: ".") else { return nil }
        return fileName[fileName.index(after: dot)...].lowercased()
    }

    /// A reader of this format over `input` (for formats that `canRead`).
    public func reader(_ input: InputBytes) throws -> any RecordReader {
        guard let makeReader else {
            throw TimelineError.invalidValue(
                field: "format", value: name,
                expected: "it cannot be imported; import reads " + Self.all.filter(\.canRead).map(\.name).joined(separator: ", "))
        }
        return try makeReader(input)
    }

    /// A writer of this format (for formats that `canWrite`); `records` are what the events
    /// refer to (for the formats that `needsRecords`), `ranked` says events come by relevance.
    public func writer(options: OutputOptions, records: TimelineDocument = TimelineDocument(), ranked: Bool = false) -> any EventWriter {
        makeWriter!(options, records, ranked)
    }
}

extension Format: Hashable {
    public static func == (lhs: Format, rhs: Format) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
}
