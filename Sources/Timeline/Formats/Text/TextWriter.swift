/// Writes the timeline for a person at a terminal: a heading per year, the dates in an aligned
/// column, and under each title a quieter line with kind, actors, tags, partnership and id, then
/// the matching passage of a search and the event's quotes. Search results in ranked order
/// get neither year headings nor quotes. ANSI colour only when `options.color` is true (the
/// CLI decides: a TTY, no `NO_COLOR`, no `--no-color`); lines fit `options.columns`, each
/// continued under the text it continues.
public struct TextWriter: EventWriter {
    public var options: OutputOptions
    /// Events come by relevance, not by date.
    public var ranked: Bool
    /// Width of the date column; a longer date puts its title on the next line.
    static let dateWidth = 14
    private var years = YearGrouping()

    public init(options: OutputOptions = OutputOptions(), ranked: Bool = false) {
        self.options = options
        self.ranked = ranked
    }

    public mutating func writeHeader(to output: inout some TextOutputStream) {}

    public mutating func write(_ event: Event, to output: inout some TextOutputStream) {
        let color = options.color
        let wrapper = LineWrapper(columns: options.columns)
        let column = Self.dateWidth + 4
        func wrapped(_ text: String, hanging: Int = 0) -> String { wrapper.wrap(text, from: column, indent: column + hanging) }
        if !ranked, let heading = years.heading(for: event) {
            if !years.isFirst { output.write("\n") }
            output.write(Style.bold.apply(heading, if: color) + "\n")
        }
        let display = event.date.display
        let indent = String(repeating: " ", count: column)
        output.write("  " + Style.cyan.apply(display, if: color))
        if display.count > Self.dateWidth {
            output.write("\n" + indent)
        } else {
            output.write(String(repeating: " ", count: Self.dateWidth + 2 - display.count))
        }
        output.write(wrapped(event.markedTitle) + "\n")

        var details: [String] = []
        if let kind = event.kind { details.append(kind) }
        if !event.actors.isEmpty { details.append(event.actors.map(\.labelWithRole).joined(separator: ", ")) }
        if !event.tags.isEmpty { details.append(event.tags.map { "#" + $0 }.joined(separator: " ")) }
        if let partnership = event.partnership { details.append("partnership " + partnership) }
        if let id = event.id { details.append(id) }
        output.write(indent + Style.dim.apply(wrapped(details.joined(separator: " · ")), if: color) + "\n")
        if let status = event.status {
            let source = status.source.map { " (source " + ($0.id ?? $0.label) + ")" } ?? ""
            output.write(indent + wrapped(status.standing.rawValue + ": " + status.reason + source) + "\n")
        }
        if let snippet = event.snippet {
            let open = color ? "\u{1B}[1;33m" : "["
            let close = color ? "\u{1B}[0m" : "]"
            output.write(indent + wrapped(snippet.marked(open: open, close: close)) + "\n")
        }
        for quote in event.quotes where !ranked {
            // Continuation lines hang under the words, past the opening quotation mark.
            output.write(indent + wrapped("“" + quote.text.collapsingWhitespace + "” — " + quote.attribution, hanging: 1) + "\n")
            if let translation = quote.translation {
                let text = "“" + translation.collapsingWhitespace + "” (" + (quote.translationLanguage ?? "") + ")"
                output.write(indent + Style.dim.apply("  " + wrapper.wrap(text, from: column + 2, indent: column + 3), if: color) + "\n")
            }
        }
    }

    public mutating func writeFooter(to output: inout some TextOutputStream) {}
}

/// ANSI styles for terminal output.
enum Style: String {
    case bold = "1"
    case dim = "2"
    case cyan = "36"

    func apply(_ text: String, if enabled: Bool) -> String {
        enabled ? "\u{1B}[\(rawValue)m\(text)\u{1B}[0m" : text
    }
}

/// Tells when a stream of events in timeline order enters a new year (by start).
struct YearGrouping {
    private var current: String??
    private(set) var isFirst = true

    /// The heading to write before `event`, or nil when it is in the same year as the last.
    mutating func heading(for event: Event) -> String? {
        let year = event.date.earliest.map { String($0.year) }
        guard current != .some(year) else { return nil }
        isFirst = current == nil
        current = .some(year)
        return year ?? "Start unknown"
    }
}
