/// Writes JSON Lines: one compact object per line, each with a `type` first — the actors,
/// sources and partnerships the events refer to (`type` actor, source, partnership), then one
/// line per event (`type` event) with the fields of the JSON document. For jq
/// (`jq 'select(.type == "event") | .title'`) and for streams of any size.
public struct JSONLinesWriter: EventWriter {
    public var records: TimelineDocument

    public init(records: TimelineDocument = TimelineDocument()) {
        self.records = records
    }

    public mutating func writeHeader(to output: inout some TextOutputStream) {
        for actor in records.actors { Self.writeLine("actor", actor.jsonValue, to: &output) }
        for source in records.sources { Self.writeLine("source", source.jsonValue, to: &output) }
        for partnership in records.partnerships { Self.writeLine("partnership", partnership.jsonValue, to: &output) }
    }

    public mutating func write(_ event: Event, to output: inout some TextOutputStream) {
        Self.writeLine("event", event.jsonValue, to: &output)
    }

    public mutating func writeFooter(to output: inout some TextOutputStream) {}

    private static func writeLine(_ type: String, _ value: JSONValue, to output: inout some TextOutputStream) {
        guard case .object(let members) = value else { return }
        JSONValue.object([("type", .string(type))] + members).writeCompact(to: &output)
        output.write("\n")
    }
}
