/// Writes the changes of a copy (`timeline changes export`) as JSON Lines: a first line that says
/// what the file is, then a line per change set (`type` change) followed by a line per row it
/// changed (`type` row), with every value as the table holds it; rows inserted in bulk follow a
/// line that gives their range (`type` rows: table, from, to). Keys without a value are left out.
///
///     {"timeline_changes":1}
///     {"type":"change","uid":"5f0c…","at":"2026-12-02T13:45:10.123Z","author":"camille","command":"timeline edit …"}
///     {"type":"row","table":"events","operation":"update","key":[7550…],"old":{"summary":null},"new":{"summary":"…"}}
public struct ChangeFileWriter {
    /// The version of the format, in the first line.
    public static let version = 1

    public init() {}

    /// The first line of the file.
    public func writeHeader(to output: inout some TextOutputStream) {
        JSONValue.object([("timeline_changes", .integer(Self.version))]).writeCompact(to: &output)
        output.write("\n")
    }

    public func write(_ item: ExchangeItem, to output: inout some TextOutputStream) {
        var members: [(key: String, value: JSONValue)]
        switch item {
        case .changeSet(let set):
            members = [("type", .string("change")), ("uid", .string(set.uid)), ("at", .string(set.at))]
            if let author = set.author { members.append(("author", .string(author))) }
            members.append(("command", .string(set.command)))
            if let reason = set.reason { members.append(("reason", .string(reason))) }
            if let source = set.source { members.append(("source", .string(source))) }
            if let undoes = set.undoes { members.append(("undoes", .string(undoes))) }
        case .range(let table, let first, let last):
            members = [("type", .string("rows")), ("table", .string(table)), ("from", .integer(Int(first))), ("to", .integer(Int(last)))]
        case .row(let row):
            members = [
                ("type", .string("row")), ("table", .string(row.table)), ("operation", .string(row.operation.rawValue)),
                ("key", .array(row.key.map(AuditTrailWriter.json))),
            ]
            if !row.old.isEmpty { members.append(("old", .object(row.old.map { ($0.column, AuditTrailWriter.json($0.value)) }))) }
            if !row.new.isEmpty { members.append(("new", .object(row.new.map { ($0.column, AuditTrailWriter.json($0.value)) }))) }
        }
        JSONValue.object(members).writeCompact(to: &output)
        output.write("\n")
    }
}
