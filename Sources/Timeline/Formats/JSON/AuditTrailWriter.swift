/// Writes the history as JSON Lines (`export --format history`), the audit trail to archive with
/// a publication: a line per change set (`type` change: its number, time, author, command,
/// reason, source, the change set it undid), then a line per row it changed (`type` row: table,
/// key, operation, the values before and after), or per range of rows inserted in bulk (`type`
/// rows: table, from, to). Keys without a value are left out.
///
///     {"type":"change","id":2,"at":"2026-12-02T13:45:10.123Z","author":"camille","command":"timeline edit …"}
///     {"type":"row","change":2,"table":"events","key":[7],"operation":"update","old":{"summary":null},"new":{"summary":"…"}}
public struct AuditTrailWriter {
    public init() {}

    public func write(_ item: AuditTrailItem, to output: inout some TextOutputStream) {
        var members: [(key: String, value: JSONValue)]
        switch item {
        case .changeSet(let set):
            members = [("type", .string("change")), ("id", .integer(Int(set.id))), ("at", .string(set.at))]
            if let author = set.author { members.append(("author", .string(author))) }
            members.append(("command", .string(set.command)))
            if let reason = set.reason { members.append(("reason", .string(reason))) }
            if let source = set.source { members.append(("source", .string(source))) }
            if let undoes = set.undoes { members.append(("undoes", .integer(Int(undoes)))) }
        case .row(let row):
            members = [
                ("type", .string(row.lastKey == nil ? "row" : "rows")), ("change", .integer(Int(row.changeSet))),
                ("table", .string(row.table)),
            ]
            if let last = row.lastKey {
                members += [("from", Self.json(row.key[0])), ("to", Self.json(last))]
            } else {
                members.append(("key", .array(row.key.map(Self.json))))
            }
            members.append(("operation", .string(row.operation)))
            if !row.old.isEmpty { members.append(("old", .object(row.old.map { ($0.column, Self.json($0.value)) }))) }
            if !row.new.isEmpty { members.append(("new", .object(row.new.map { ($0.column, Self.json($0.value)) }))) }
        }
        JSONValue.object(members).writeCompact(to: &output)
        output.write("\n")
    }

    static func json(_ value: DatabaseValue) -> JSONValue {
        switch value {
        case .null, .blob: .null
        case .integer(let number): .integer(Int(number))
        case .real(let number): .double(number)
        case .text(let text): .string(text)
        }
    }
}
