/// Writes the JSON document event by event: `{"timeline": 2, "actors": [...], "sources": [...],
/// "partnerships": [...], "events": [...]}`, pretty-printed, byte-stable. The records before
/// the events are given up front; the events stream.
public struct JSONDocumentWriter: EventWriter {
    /// The `timeline` key's value: the version of the document format written.
    public static let formatVersion = 2
    /// The records written before the events (their `events` are ignored).
    public var records: TimelineDocument
    private var count = 0

    public init(records: TimelineDocument = TimelineDocument()) {
        self.records = records
    }

    public mutating func writeHeader(to output: inout some TextOutputStream) {
        output.write("{\n  \"timeline\": \(Self.formatVersion),")
        for (key, values) in [
            ("actors", records.actors.map(\.jsonValue)), ("sources", records.sources.map(\.jsonValue)),
            ("partnerships", records.partnerships.map(\.jsonValue)),
        ] where !values.isEmpty {
            output.write("\n  ")
            JSONValue.writeString(key, to: &output)
            output.write(": ")
            JSONValue.array(values).write(to: &output, indent: 1)
            output.write(",")
        }
        output.write("\n  \"events\": [")
    }

    public mutating func write(_ event: Event, to output: inout some TextOutputStream) {
        output.write(count == 0 ? "\n    " : ",\n    ")
        event.jsonValue.write(to: &output, indent: 2)
        count += 1
    }

    public mutating func writeFooter(to output: inout some TextOutputStream) {
        output.write(count == 0 ? "]\n}\n" : "\n  ]\n}\n")
    }
}
