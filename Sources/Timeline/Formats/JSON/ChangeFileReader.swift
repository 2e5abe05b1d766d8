/// Reads a file `ChangeFileWriter` wrote, a line at a time: the changes of another copy. Errors
/// name the line and what was expected there.
public struct ChangeFileReader {
    private var input: InputBytes
    private var sawHeader = false
    private var sawChangeSet = false

    public init(_ input: InputBytes) {
        self.input = input
    }

    /// The next change set or row; nil at the end.
    public mutating func next() throws -> ExchangeItem? {
        while true {
            let lineNumber = input.line
            guard let line = try input.nextLine() else {
                if !sawHeader { throw TimelineError.invalidChangeFile(location: "line 1", reason: "the file is empty") }
                return nil
            }
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            do {
                return try item(line)
            } catch let reason as Reason {
                throw TimelineError.invalidChangeFile(location: "line \(lineNumber)", reason: reason.text)
            }
        }
    }

    private struct Reason: Error {
        let text: String
    }

    private mutating func item(_ line: [UInt8]) throws -> ExchangeItem? {
        let parsed = try? JSONParser.parse(line)
        guard sawHeader else {
            guard case .object(let members)? = parsed, let header = members.first(where: { $0.key == "timeline_changes" }),
                case .integer(let version) = header.value
            else {
                throw Reason(text: "expected {\"timeline_changes\":1}: this is not a file `timeline changes export` wrote")
            }
            guard version == ChangeFileWriter.version else {
                throw Reason(text: "version \(version) of the format; this timeline reads version \(ChangeFileWriter.version)")
            }
            sawHeader = true
            return try next()
        }
        guard case .object(let members)? = parsed else { throw Reason(text: "expected a JSON object") }
        let fields = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        func text(_ name: String, required: Bool = false) throws -> String? {
            switch fields[name] {
            case .string(let value)?: return value
            case nil, .null?: if required { throw Reason(text: "\"\(name)\" is missing") } else { return nil }
            default: throw Reason(text: "\"\(name)\" must be a string")
            }
        }
        switch try text("type", required: true) {
        case "change":
            sawChangeSet = true
            return .changeSet(
                ExchangedChangeSet(
                    uid: try text("uid", required: true)!, at: try text("at", required: true)!, author: try text("author"),
                    command: try text("command", required: true)!, reason: try text("reason"), source: try text("source"),
                    undoes: try text("undoes")))
        case "rows":
            guard sawChangeSet else { throw Reason(text: "rows before any change set") }
            let table = try recordTable(try text("table", required: true)!)
            guard case .integer(let first)? = fields["from"], case .integer(let last)? = fields["to"], first <= last else {
                throw Reason(text: "\"from\" and \"to\" must be whole numbers, from the first to the last")
            }
            return .range(table: table.name, first: Int64(first), last: Int64(last))
        case "row":
            guard sawChangeSet else { throw Reason(text: "a row before any change set") }
            let table = try recordTable(try text("table", required: true)!)
            guard let operation = ExchangedRow.Operation(rawValue: try text("operation", required: true)!) else {
                throw Reason(text: "\"operation\" must be insert, update or delete")
            }
            guard case .array(let key)? = fields["key"], key.count == table.keys.count else {
                throw Reason(
                    text:
                        "\"key\" must be an array of \(table.keys.count) value\(table.keys.count == 1 ? "" : "s") (\(table.keys.joined(separator: ", ")))"
                )
            }
            return .row(
                ExchangedRow(
                    table: table.name, operation: operation, key: try key.map(Self.value), old: try values("old", fields),
                    new: try values("new", fields)))
        case let other:
            throw Reason(text: "\"type\" must be change, rows or row, not \"\(other?.shownInMessage() ?? "")\"")
        }
    }

    /// The table of records `name` names (never the search index's, nor the history's).
    private func recordTable(_ name: String) throws -> HistoryTable {
        guard let table = HistoryTable.byName[name] else {
            let tables = HistoryTable.all.map(\.name).joined(separator: ", ")
            throw Reason(text: "\"\(name.shownInMessage())\" is not a table of records (\(tables))")
        }
        return table
    }

    private func values(_ name: String, _ fields: [String: JSONValue]) throws -> [(column: String, value: DatabaseValue)] {
        switch fields[name] {
        case nil, .null?: return []
        case .object(let members)?: return try members.map { ($0.key, try Self.value($0.value)) }
        default: throw Reason(text: "\"\(name)\" must be an object of columns")
        }
    }

    private static func value(_ json: JSONValue) throws -> DatabaseValue {
        switch json {
        case .null: return .null
        case .integer(let number): return .integer(Int64(number))
        case .double(let number): return .real(number)
        case .string(let text): return .text(text)
        case .bool(let flag): return .integer(flag ? 1 : 0)
        case .array, .object: throw Reason(text: "a value must be a string, a number or null")
        }
    }
}
