/// Writes change sets for a person (`timeline log`): a heading per change set with its number,
/// author and time, its command and reason, then each record it changed with its fields, old → new,
/// each line fitted to `options.columns` (continued under its text).
///
///     change 12 by camille at 2026-12-02T13:41:39Z
///       timeline edit launch --summary 'Opens to partners.'
///       event launch
///         summary: (none) → "Opens to partners."
public struct ChangeLogWriter {
    public var options: OutputOptions

    public init(options: OutputOptions = OutputOptions()) {
        self.options = options
    }

    private var color: Bool { options.color }

    public func write(_ changeSets: [ChangeSet], to output: inout some TextOutputStream) {
        for (index, set) in changeSets.enumerated() {
            if index > 0 { output.write("\n") }
            write(set, to: &output)
        }
    }

    public func write(_ set: ChangeSet, to output: inout some TextOutputStream) {
        output.write(Style.bold.apply("change \(set.id)", if: color) + " by \(set.author ?? "(unknown)") at \(set.time)\n")
        line(2, Style.dim.apply(set.command == "sqlite3" ? "SQL typed by hand (sqlite3)" : set.command, if: color), to: &output)
        if let undoes = set.undoes { line(2, "undoes change \(undoes)", to: &output) }
        if let reason = set.reason { line(2, "reason: \(reason)", hanging: 8, to: &output) }
        if let source = set.source { line(2, "source: \(source)", hanging: 8, to: &output) }
        for record in set.records {
            var heading = "\(record.kind.rawValue) \(record.id)"
            if record.count != 1 {
                heading = "\(record.count) \(record.kind.rawValue)s \(record.id)"
            }
            if record.operation != .changed { heading += " (\(record.operation.rawValue))" }
            line(2, heading, to: &output)
            for field in record.fields {
                line(4, text(of: field, in: record), hanging: field.field.count + 2, to: &output)
            }
        }
    }

    /// One line of the log at `indent`, continued `hanging` columns further in.
    private func line(_ indent: Int, _ text: String, hanging: Int = 0, to output: inout some TextOutputStream) {
        let wrapped = LineWrapper(columns: options.columns).wrap(text, from: indent, indent: indent + hanging)
        output.write(String(repeating: " ", count: indent) + wrapped + "\n")
    }

    /// `title: "Old" → "New"`, `summary: (none) → "Text"`; a field of a record added or deleted
    /// with its one value; a link `actor: + Google (partner)`, `tag: − cloud`, `actor: A → B`.
    private func text(of field: FieldChange, in record: RecordChange) -> String {
        let label = field.field + ": "
        if field.isLink {
            switch (field.old, field.new) {
            case (nil, let new?): return label + "+ " + new
            case (let old?, nil): return label + "− " + old
            default: return label + (field.old ?? "(none)") + " → " + (field.new ?? "(none)")
            }
        }
        switch (record.operation, field.old, field.new) {
        case (.added, nil, let new?): return label + Self.quoted(new)
        case (.deleted, let old?, nil): return label + Self.quoted(old)
        default: return label + (field.old.map(Self.quoted) ?? "(none)") + " → " + (field.new.map(Self.quoted) ?? "(none)")
        }
    }

    /// A value as written in a line: in double quotes when it has a space (a title, a summary).
    static func quoted(_ value: String) -> String {
        value.contains(where: \.isWhitespace) || value.isEmpty ? "\"" + value + "\"" : value
    }
}
