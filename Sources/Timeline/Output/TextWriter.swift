/// Writes the timeline for a person at a terminal: a heading per year, the dates in an aligned
/// column, and under each title a quieter line with kind, actors, tags and id. ANSI colour only
/// when `color` is true (the CLI decides: a TTY, no `NO_COLOR`, no `--no-color`).
public struct TextWriter: EventWriter {
    public var color: Bool
    /// Width of the date column.
    static let dateWidth = 14
    private var currentYear: String??

    public init(color: Bool = false) {
        self.color = color
    }

    public mutating func writeHeader(to output: inout some TextOutputStream) {}

    public mutating func write(_ event: Event, to output: inout some TextOutputStream) {
        let year = event.date.earliest.map { String($0.year) }
        if currentYear != .some(year) {
            if currentYear != nil { output.write("\n") }
            output.write(style(year ?? "Open start", code: "1") + "\n")
            currentYear = .some(year)
        }
        let display = event.date.display
        let padding = String(repeating: " ", count: max(2, Self.dateWidth + 2 - display.count))
        output.write("  " + style(display, code: "36") + padding + event.title + "\n")

        var details: [String] = []
        if let kind = event.kind { details.append(kind) }
        if !event.actors.isEmpty { details.append(event.actors.map(\.labelWithRole).joined(separator: ", ")) }
        if !event.tags.isEmpty { details.append(event.tags.map { "#" + $0 }.joined(separator: " ")) }
        if let id = event.id { details.append(id) }
        let indent = String(repeating: " ", count: Self.dateWidth + 4)
        output.write(indent + style(details.joined(separator: " · "), code: "2") + "\n")
    }

    public mutating func writeFooter(to output: inout some TextOutputStream) {}

    private func style(_ text: String, code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension EventActor {
    /// "Google (partner)", or "Google" without a role.
    public var labelWithRole: String { role.map { "\(name) (\($0))" } ?? name }
}
