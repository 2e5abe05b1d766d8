/// Writes the JSON document (version 1) event by event:
/// `{"timeline": 1, "events": [...]}`, pretty-printed, byte-stable.
public struct JSONDocumentWriter: EventWriter {
    /// The `timeline` key's value: the version of the document format.
    public static let formatVersion = 1
    private var count = 0

    public init() {}

    public mutating func writeHeader(to output: inout some TextOutputStream) {
        output.write("{\n  \"timeline\": \(Self.formatVersion),\n  \"events\": [")
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
