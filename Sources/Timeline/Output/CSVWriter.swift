/// Writes RFC 4180 CSV: a header row, then one row per event, CRLF line ends, fields quoted when
/// they hold a comma, a quote, CR or LF. Several actors, tags or sources share one cell,
/// separated by "; ", actors with their role in parentheses: "Mayo Clinic (partner); Google".
public struct CSVWriter: EventWriter {
    /// The columns, in order.
    public static let columns = [
        "id", "date", "display_date", "start", "end", "precision", "uncertain", "approximate",
        "title", "summary", "kind", "partnership", "actors", "tags", "sources", "quotes",
    ]

    public init() {}

    public mutating func writeHeader(to output: inout some TextOutputStream) {
        writeRow(Self.columns, to: &output)
    }

    public mutating func write(_ event: Event, to output: inout some TextOutputStream) {
        let date = event.date
        let actors: String = event.actors.map(\.labelWithRole).joined(separator: "; ")
        let sources: String = event.sources.map { $0.source.url ?? $0.source.label }.joined(separator: "; ")
        let quotes: String = event.quotes.map { "\($0.speaker): \($0.text)" }.joined(separator: "; ")
        let fields: [String] = [
            event.id ?? "", date.edtf, date.display, date.earliest?.iso ?? "", date.latest?.iso ?? "",
            date.precision.rawValue, date.isUncertain ? "1" : "0", date.isApproximate ? "1" : "0",
            event.title, event.summary ?? "", event.kind ?? "", event.partnership ?? "",
            actors, event.tags.joined(separator: "; "), sources, quotes,
        ]
        writeRow(fields, to: &output)
    }

    public mutating func writeFooter(to output: inout some TextOutputStream) {}

    private func writeRow(_ fields: [String], to output: inout some TextOutputStream) {
        output.write(fields.map(Self.escape).joined(separator: ","))
        output.write("\r\n")
    }

    static func escape(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0.isNewline }) else { return field }
        return "\"" + field.replacingAll(["\"": "\"\""]) + "\""
    }
}
