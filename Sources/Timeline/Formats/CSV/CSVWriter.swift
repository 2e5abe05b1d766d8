/// Writes RFC 4180 CSV: a header row, then one row per event, CRLF line ends, fields quoted when
/// they hold a comma, a quote, CR or LF. Lists share a cell as `CSVCells` describes, so that
/// `import` reads the file back. Cells a spreadsheet would run as formulas are neutralized
/// unless `neutralizeFormulas` is false; `byteOrderMark` starts the file with one (Excel then
/// reads UTF-8 right).
public struct CSVWriter: EventWriter {
    /// The columns, in order. `display_date`, `start`, `end`, `precision`, `uncertain` and
    /// `approximate` are derived from `date` (ignored on import). `status` is `retracted`,
    /// `disputed` or empty, with its `status_reason` and `status_source` (a source id).
    public static let columns = [
        "id", "date", "display_date", "start", "end", "precision", "uncertain", "approximate",
        "title", "summary", "kind", "partnership", "actors", "tags", "sources", "quotes", "status", "status_reason", "status_source",
    ]

    /// The columns written for readers and ignored on import.
    static let derivedColumns: Set<String> = ["display_date", "start", "end", "precision", "uncertain", "approximate"]

    public var neutralizeFormulas: Bool
    public var byteOrderMark: Bool

    public init(neutralizeFormulas: Bool = true, byteOrderMark: Bool = false) {
        self.neutralizeFormulas = neutralizeFormulas
        self.byteOrderMark = byteOrderMark
    }

    public mutating func writeHeader(to output: inout some TextOutputStream) {
        if byteOrderMark { output.write("\u{FEFF}") }
        Self.writeRow(Self.columns, to: &output)
    }

    public mutating func write(_ event: Event, to output: inout some TextOutputStream) {
        let date = event.date
        let fields: [String] = [
            event.id ?? "", date.edtf, date.display, date.earliest?.iso ?? "", date.latest?.iso ?? "",
            date.precision.rawValue, date.isUncertain ? "1" : "0", date.isApproximate ? "1" : "0",
            event.title, event.summary ?? "", event.kind ?? "", event.partnership ?? "",
            CSVCells.list(event.actors.map(CSVCells.actor)), CSVCells.list(event.tags.map(CSVCells.escape)),
            CSVCells.list(event.sources.map(CSVCells.citation)), CSVCells.list(event.quotes.map(CSVCells.quote)),
            event.status?.standing.rawValue ?? "", event.status?.reason ?? "",
            event.status?.source.map { $0.url ?? $0.title ?? $0.id ?? "" } ?? "",
        ]
        Self.writeRow(neutralizeFormulas ? fields.map(CSVCells.neutralizingFormula) : fields, to: &output)
    }

    public mutating func writeFooter(to output: inout some TextOutputStream) {}

    /// One row, fields quoted where RFC 4180 needs it, ended by CRLF.
    static func writeRow(_ fields: [String], to output: inout some TextOutputStream) {
        output.write(fields.map(escape).joined(separator: ","))
        output.write("\r\n")
    }

    static func escape(_ field: String) -> String {
        // Decided on the UTF-8 bytes: these ASCII characters never occur inside a multi-byte one.
        guard field.containsUTF8Byte(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return field }
        var bytes: [UInt8] = [0x22]
        for byte in field.utf8 {
            bytes.append(byte)
            if byte == 0x22 { bytes.append(0x22) }
        }
        bytes.append(0x22)
        return String(decoding: bytes, as: UTF8.self)
    }
}
