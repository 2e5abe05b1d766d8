/// Reads JSON Lines as written by `export --format jsonl`, one line at a time: each line is an
/// object whose `type` says what it is (`actor`, `source`, `partnership`, `event`; an object
/// without `type` is an event), with the same fields as in the JSON document. Blank lines are
/// skipped. Errors name the line.
public struct JSONLinesReader: RecordReader {
    private var input: InputBytes

    public init(_ input: InputBytes) {
        self.input = input
    }

    public mutating func next() throws -> (record: ImportRecord, location: String)? {
        while true {
            let lineNumber = input.line
            guard let line = try input.nextLine() else { return nil }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let location = "line \(lineNumber)"
            var named = location
            do {
                let value: JSONValue
                do {
                    value = try JSONParser.parse(line)
                } catch {
                    throw JSONDocumentReader.FieldError(field: nil, message: "not valid JSON (\(error))")
                }
                guard case .object(var members) = value else {
                    throw JSONDocumentReader.FieldError(field: nil, message: "expected an object")
                }
                var type = "event"
                if let index = members.firstIndex(where: { $0.key == "type" }) {
                    guard case .string(let name) = members.remove(at: index).value else {
                        throw JSONDocumentReader.FieldError(field: "type", message: "expected a string")
                    }
                    type = name
                }
                let object = try JSONDocumentReader.JSONObject(.object(members), path: nil, keys: nil, expected: "an object")
                if case .string(let id)? = object.values["id"] { named += " (id \"\(id.shownInMessage())\")" }
                switch type {
                case "event": return (.event(try JSONDocumentReader.event(object)), named)
                case "actor": return (.actor(try JSONDocumentReader.actor(object)), location)
                case "source": return (.source(try JSONDocumentReader.source(object)), named)
                case "partnership": return (.partnership(try JSONDocumentReader.partnership(object)), named)
                default:
                    throw JSONDocumentReader.FieldError(
                        field: "type", message: "\"\(type.shownInMessage())\" is not one of actor, source, partnership, event")
                }
            } catch let error as JSONDocumentReader.FieldError {
                throw TimelineError.importFailed(
                    location: named + (error.field.map { ", field \"\($0.shownInMessage())\"" } ?? ""), reason: error.message)
            }
        }
    }
}
