/// Writes what Timesketch ingests (its "import from JSON or CSV" guide): `message`, `datetime`
/// (ISO 8601), `timestamp` (microseconds since the epoch) and `timestamp_desc`, then our fields
/// as extra, searchable columns. Timesketch needs a moment, so an event sits at 00:00 UTC of
/// its first day (its last day when the start is open); `timestamp_desc` says how precise that
/// really is, and `date` keeps the honest EDTF.
public struct TimesketchWriter: EventWriter {
    public enum Layout: Sendable { case csv, jsonLines }

    public var layout: Layout
    public var neutralizeFormulas: Bool
    static let columns = [
        "message", "datetime", "timestamp", "timestamp_desc", "id", "date", "end", "kind", "partnership",
        "actors", "tags", "sources",
    ]

    public init(layout: Layout, neutralizeFormulas: Bool = true) {
        self.layout = layout
        self.neutralizeFormulas = neutralizeFormulas
    }

    public mutating func writeHeader(to output: inout some TextOutputStream) {
        if layout == .csv { CSVWriter.writeRow(Self.columns, to: &output) }
    }

    public mutating func write(_ event: Event, to output: inout some TextOutputStream) {
        let date = event.date
        guard let day = date.earliest ?? date.latest else { return }
        var description = date.earliest == nil ? "Event end" : "Event start"
        description += " (\(date.precision.rawValue) precision"
        if date.isUncertain { description += ", uncertain" }
        if date.isApproximate { description += ", approximate" }
        description += ")"
        let values: [String] = [
            event.markedTitle, day.iso + "T00:00:00+00:00", String(day.daysSince1970 * 86_400_000_000), description, event.id ?? "",
            date.edtf, date.latest?.iso ?? "", event.kind ?? "", event.partnership ?? "",
            CSVCells.list(event.actors.map(CSVCells.actor)), CSVCells.list(event.tags.map(CSVCells.escape)),
            CSVCells.list(event.sources.map(CSVCells.citation)),
        ]
        switch layout {
        case .csv:
            CSVWriter.writeRow(neutralizeFormulas ? values.map(CSVCells.neutralizingFormula) : values, to: &output)
        case .jsonLines:
            var members: [(key: String, value: JSONValue)] = []
            for (key, value) in zip(Self.columns, values) where !value.isEmpty {
                members.append((key, key == "timestamp" ? .integer(Int(value) ?? 0) : .string(value)))
            }
            JSONValue.object(members).writeCompact(to: &output)
            output.write("\n")
        }
    }

    public mutating func writeFooter(to output: inout some TextOutputStream) {}
}
