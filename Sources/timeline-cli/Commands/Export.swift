import ArgumentParser
import Timeline

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the events in a format other tools read.",
        discussion: """
            Formats:
            \(Format.helpLines(writable: true, more: [("history", "every change: the audit trail, to archive (JSON Lines)")]))
            Without --format, the extension of --output decides; stdout gets json. With --output \
            the file is written whole or not at all. Every format streams: memory stays flat.
            Examples:
              timeline export --output timeline.json
              timeline export --since 2019 --output 2019.csv --bom
              timeline export --format timelinejs --group-by partnership \\
                --title "Mayo Clinic and Google" -o tl.json
              timeline export --format ical > timeline.ics
              timeline export --format svg --width 900 -o chart.svg
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var asOf: AsOfOptions

    @Option(help: ArgumentHelp("Output format (default: from --output's extension, else json).", valueName: "format"))
    var format: ExportFormat?

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    @Flag(help: "csv: start with a UTF-8 byte order mark, so spreadsheets read accents right.")
    var bom = false

    @Flag(
        name: .customLong("no-formula-escape"),
        help:
            "csv, timesketch-csv: write cells starting with = + - @ as they are (by default an apostrophe keeps spreadsheets from running them)."
    )
    var noFormulaEscape = false

    @Option(help: ArgumentHelp("timelinejs, html, svg: the title slide's headline, the heading.", valueName: "text"))
    var title: String = "Timeline"

    @Option(help: ArgumentHelp("html, svg: a line under the heading.", valueName: "text"))
    var description: String?

    @Option(help: ArgumentHelp("html, svg: the chart's lanes: partnership, actor, kind or none.", valueName: "lanes"))
    var lanes: ChartLanes = .partnership

    @Option(help: ArgumentHelp("svg: the drawing's width in pixels (at least 480).", valueName: "pixels"))
    var width: Int = 1200

    @Option(
        name: .customLong("group-by"), help: ArgumentHelp("timelinejs: group slides by kind, partnership or none.", valueName: "grouping"))
    var grouping: TimelineJSWriter.Grouping = .kind

    /// Without --format: the format --output's extension names, else (stdout) json. An
    /// extension that names no format is an error, never a silent JSON file.
    private func outputFormat() throws -> Format {
        guard let output else { return .json }
        if let format = Format.forFile(output), format.canWrite { return format }
        let extensions = Format.all.filter(\.canWrite).flatMap(\.fileExtensions).map { "." + $0 }.joined(separator: ", ")
        throw ValidationError(
            "cannot tell the format of \(output.shownInMessage(limit: 200)) from its name: give --format, "
                + "or a file name ending in \(extensions)")
    }

    func validate() throws {
        guard width >= 480 && width <= 20_000 else { throw ValidationError("--width must be between 480 and 20000 pixels, not \(width)") }
        if format?.isHistory == true && (!filters.isEmpty || asOf.moment != nil) {
            throw ValidationError("--format history writes the whole history: it takes no filters and no --as-of")
        }
    }

    func run() throws {
        if format?.isHistory == true { return try writeHistory() }
        let format = try format?.format ?? outputFormat()
        let store = try asOf.store(try database.open(.read))
        var options = OutputOptions()
        options.byteOrderMark = bom
        options.neutralizeFormulas = !noFormulaEscape
        options.title = title
        options.grouping = grouping
        options.description = description
        options.lanes = lanes
        options.width = width
        options.columns = terminalColumns(measuringStandardOutput: output == nil)
        guard let output else {
            var standardOutput = StandardOutput()
            defer { standardOutput.flush() }
            try store.write(format, matching: try filters.filter(), options: options, to: &standardOutput)
            return
        }
        let path = database.path
        var file = try OutputFile(path: output, protecting: [path, path + "-wal", path + "-shm"])
        do {
            try store.write(format, matching: try filters.filter(), options: options, to: &file)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    /// `--format history`: the audit trail, to stdout or `--output`.
    private func writeHistory() throws {
        let store = try database.open(.read)
        let writer = AuditTrailWriter()
        guard let output else {
            var standardOutput = StandardOutput()
            defer { standardOutput.flush() }
            try store.forEachAuditTrailItem { writer.write($0, to: &standardOutput) }
            return
        }
        let path = database.path
        var file = try OutputFile(path: output, protecting: [path, path + "-wal", path + "-shm"])
        do {
            try store.forEachAuditTrailItem { writer.write($0, to: &file) }
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }
}

/// What `export --format` takes: a format of the events, or `history` (the audit trail).
struct ExportFormat: ExpressibleByArgument {
    /// The events' format; nil for the history.
    let format: Format?

    var isHistory: Bool { format == nil }

    init?(argument: String) {
        if argument.lowercased() == "history" {
            format = nil
        } else if let writable = WritableFormat(argument: argument) {
            format = writable.format
        } else {
            return nil
        }
    }

    static var allValueStrings: [String] { WritableFormat.allValueStrings + ["history"] }
}

extension TimelineJSWriter.Grouping: ExpressibleByArgument {}
extension ChartLanes: ExpressibleByArgument {}
