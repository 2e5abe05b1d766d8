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
        // Written field by field rather than through a JSONValue tree: this is the line a
        // stream of any size repeats. Same keys, order and bytes as `Event.jsonValue`.
        var line = CompactObject(type: "event")
        line.add("id", event.id)
        line.add("date", event.date.edtf)
        line.add("start", event.date.earliest?.iso)
        line.add("end", event.date.latest?.iso)
        line.add("precision", event.date.precision.rawValue)
        line.add("title", event.title)
        line.add("summary", event.summary)
        line.add("kind", event.kind)
        line.add("partnership", event.partnership)
        line.addObjects("actors", event.actors) { object, actor in
            object.add("name", actor.name)
            object.add("role", actor.role)
        }
        if !event.tags.isEmpty {
            line.key("tags")
            line.text += "["
            for (index, tag) in event.tags.enumerated() {
                if index > 0 { line.text += "," }
                JSONValue.writeString(tag, to: &line.text)
            }
            line.text += "]"
        }
        line.addObjects("sources", event.sources) { object, citation in
            guard let id = citation.source.id else { return object.addAll(citation.source.jsonValue(locator: citation.locator)) }
            object.add("source", id)
            object.add("locator", citation.locator)
        }
        line.addObjects("quotes", event.quotes) { object, quote in object.addAll(quote.jsonValue) }
        line.add("status", event.status?.standing.rawValue)
        line.add("status_reason", event.status?.reason)
        line.add("status_source", event.status?.source?.id)
        line.add("snippet", event.snippet?.marked())
        output.write(line.text + "}\n")
    }

    /// A one-line JSON object written as its keys come.
    private struct CompactObject {
        var text: String
        private var isEmpty: Bool

        init(type: String? = nil) {
            text = "{"
            isEmpty = true
            if let type { add("type", type) }
        }

        mutating func key(_ key: String) {
            if !isEmpty { text += "," }
            isEmpty = false
            JSONValue.writeString(key, to: &text)
            text += ":"
        }

        mutating func add(_ key: String, _ value: String?) {
            guard let value else { return }
            self.key(key)
            JSONValue.writeString(value, to: &text)
        }

        /// The members of an object value, in order.
        mutating func addAll(_ value: JSONValue) {
            guard case .object(let members) = value else { return }
            for member in members {
                key(member.key)
                member.value.writeCompact(to: &text)
            }
        }

        mutating func addObjects<T>(_ key: String, _ items: [T], _ fill: (inout CompactObject, T) -> Void) {
            guard !items.isEmpty else { return }
            self.key(key)
            text += "["
            for (index, item) in items.enumerated() {
                if index > 0 { text += "," }
                var object = CompactObject()
                fill(&object, item)
                text += object.text + "}"
            }
            text += "]"
        }
    }

    public mutating func writeFooter(to output: inout some TextOutputStream) {}

    private static func writeLine(_ type: String, _ value: JSONValue, to output: inout some TextOutputStream) {
        guard case .object(let members) = value else { return }
        JSONValue.object([("type", .string(type))] + members).writeCompact(to: &output)
        output.write("\n")
    }
}
