import ArgumentParser
import Timeline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A format `--format` names that the command can write (show, search, export); the choices
/// come from `Format.all`.
struct WritableFormat: ExpressibleByArgument {
    let format: Format

    init(_ format: Format) { self.format = format }

    init?(argument: String) {
        guard let format = Format.named(argument), format.canWrite else { return nil }
        self.format = format
    }

    var defaultValueDescription: String { format.name }
    static var allValueStrings: [String] { Format.all.filter(\.canWrite).map(\.name) }
}

extension Format {
    /// "  name  what it is for", one line per format that can be written (or read), for the help.
    /// `more` are lines of other choices, (name, what it is for), listed after the formats.
    static func helpLines(writable: Bool, more: [(name: String, summary: String)] = []) -> String {
        let lines = all.filter { writable ? $0.canWrite : $0.canRead }.map { ($0.name, $0.summary) } + more
        let width = lines.map(\.0.count).max() ?? 0
        return lines.map { "  " + $0.0 + String(repeating: " ", count: width - $0.0.count) + "  " + $0.1 }.joined(separator: "\n")
    }
}

/// A format `import --format` names: one that can be read.
struct ReadableFormat: ExpressibleByArgument {
    let format: Format

    init?(argument: String) {
        guard let format = Format.named(argument), format.canRead else { return nil }
        self.format = format
    }

    static var allValueStrings: [String] { Format.all.filter(\.canRead).map(\.name) }
}

/// `--no-color`, for the commands that print for people.
struct ColorOptions: ParsableArguments {
    @Flag(help: "No colour, even on a terminal (also: NO_COLOR=1).")
    var noColor = false

    /// True when stdout is a terminal that wants colour: no `NO_COLOR`, no `--no-color`, not dumb.
    var color: Bool { wantsColor(noColor: noColor) }

    /// How text for people is written to stdout: coloured or not, fit to the terminal's width.
    var textOptions: OutputOptions {
        var options = OutputOptions(color: color)
        options.columns = terminalColumns()
        return options
    }

    /// Prints a record's details, a blank line, then the timeline of the events `filter` keeps:
    /// what `actor show` and `partnership show` print.
    func printDetails(
        _ details: (RecordDetails, inout StandardOutput) throws -> Void, thenEventsOf store: Store,
        matching filter: EventFilter
    ) throws {
        let options = textOptions
        try printing { output in
            try details(RecordDetails(options: options), &output)
            output.write("\n")
            try store.write(.text, matching: filter, options: options, to: &output)
        }
    }
}

/// `--format` and `--no-color` of the commands that print the timeline (show, search).
struct ListingOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Output format.", valueName: "format"))
    var format = WritableFormat(.text)

    @OptionGroup var colors: ColorOptions

    /// Prints the events `filter` keeps in the chosen format, saying so when none does (text).
    func printEvents(of store: Store, matching filter: EventFilter) throws {
        let options = colors.textOptions
        let count = try printing { output in
            try store.write(format.format, matching: filter, options: options, to: &output)
        }
        if count == 0 && (format.format == .text || format.format == .chart) {
            StandardError.write("no events match\n")
        }
    }
}

/// The width text output and `--format chart` fit: `COLUMNS` when it is a number from 40 to
/// 1000; else, when stdout is a terminal (and `measuringStandardOutput`), the terminal's own
/// width (at least 40); else (piped, redirected, a file) 80.
func terminalColumns(measuringStandardOutput: Bool = true) -> Int {
    if let text = environmentVariable("COLUMNS"), let columns = Int(text), (40...1000).contains(columns) { return columns }
    var size = winsize()
    guard measuringStandardOutput, isatty(STDOUT_FILENO) != 0, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0
    else { return 80 }
    return min(max(Int(size.ws_col), 40), 1000)
}
