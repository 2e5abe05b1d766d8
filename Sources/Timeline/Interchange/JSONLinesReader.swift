import Foundation

/// Reads JSON Lines as written by `export --format jsonl`, one line at a time: each line is an
/// object whose `type` says what it is (`actor`, `source`, `partnership`, `event`; an object
/// without `type` is an event), with the same fields as in the JSON document. Blank lines are
/// skipped. Errors name the line.
public struct JSONLinesReader: RecordReader {
    private var input: InputBytes

    public init(_ input: InputBytes) {
        self.input = input
        self.input.skipByteOrderMark()
    }

    public mutating func next() throws -> (record: ImportRecord, location: String)? {
        while true {
            let lineNumber = input.line
            guard let line = input.nextLine() else { return nil }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            let location = "line \(lineNumber)"
            do {
                let value: Any
                do {
                    value = try JSONSerialization.jsonObject(with: Data(line))
                } catch {
                    throw JSONDocumentReader.FieldError(field: nil, message: "not valid JSON (\(JSONDocumentReader.describe(error)))")
                }
                guard var fields = value as? [String: Any] else {
                    throw JSONDocumentReader.FieldError(field: nil, message: "expected an object")
                }
                let type = fields.removeValue(forKey: "type") as? String ?? "event"
                let object = try JSONDocumentReader.JSONObject(fields, path: nil, keys: nil, expected: "an object")
                switch type {
                case "event": return (.event(try JSONDocumentReader.event(object)), location + Self.id(fields["id"]))
                case "actor": return (.actor(try JSONDocumentReader.actor(object)), location)
                case "source": return (.source(try JSONDocumentReader.source(object)), location + Self.id(fields["id"]))
                case "partnership": return (.partnership(try JSONDocumentReader.partnership(object)), location + Self.id(fields["id"]))
                default:
                    throw JSONDocumentReader.FieldError(field: "type", message: "\"\(type)\" is not one of actor, source, partnership, event")
                }
            } catch let error as JSONDocumentReader.FieldError {
                throw TimelineError.importFailed(location: location + (error.field.map { ", field \"\($0)\"" } ?? ""), reason: error.message)
            }
        }
    }

    private static func id(_ value: Any?) -> String { (value as? String).map { " (id \"\($0)\")" } ?? "" }
}
