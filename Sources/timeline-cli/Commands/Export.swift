import ArgumentParser
import Timeline

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write the timeline (or the events the filters keep) in a format other tools read.",
        discussion: """
            Formats: json (the document `import` reads back, with the actors, sources and \
            partnerships its events refer to), jsonl (one object per line), csv (RFC 4180, read \
            back by `import`), markdown, ical (calendar apps), timelinejs (Knight Lab's \
            TimelineJS), timesketch-csv and timesketch-jsonl. Without --format, the extension of \
            --output decides (.json .jsonl .ndjson .csv .md .markdown .ics .txt), else json. With \
            --output the file is written whole or not at all. Every format streams: memory stays flat.
            Examples:
              timeline export --output timeline.json
              timeline export --since 2019 --output 2019.csv --bom
              timeline export --format timelinejs --group-by partnership \\
                --title "Mayo Clinic and Google" -o tl.json
              timeline export --format ical > timeline.ics
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: ArgumentHelp("Output format (default: from --output's extension, else json).", valueName: "format"))
    var format: OutputFormat?

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    @Flag(help: "csv: start with a UTF-8 byte order mark, so spreadsheets read accents right.")
    var bom = false

    @Flag(name: .customLong("no-formula-escape"),
          help: "csv, timesketch-csv: write cells starting with = + - @ as they are (by default an apostrophe keeps spreadsheets from running them).")
    var noFormulaEscape = false

    @Option(help: ArgumentHelp("timelinejs, html: the title slide's headline, the page's heading.", valueName: "text"))
    var title: String = "Timeline"

    @Option(help: ArgumentHelp("html: a line under the page's heading.", valueName: "text"))
    var description: String?

    @Option(help: ArgumentHelp("html: the chart's lanes: partnership, actor, kind or none.", valueName: "lanes"))
    var lanes: HTMLWriter.Lanes = .partnership

    @Option(name: .customLong("group-by"), help: ArgumentHelp("timelinejs: group slides by kind, partnership or none.", valueName: "grouping"))
    var grouping: TimelineJSWriter.Grouping = .kind

    func run() throws {
        let store = try database.open(.read)
        let format = format ?? output.flatMap(OutputFormat.forFile) ?? .json
        var options = OutputOptions()
        options.byteOrderMark = bom
        options.neutralizeFormulas = !noFormulaEscape
        options.title = title
        options.grouping = grouping
        options.description = description
        options.lanes = lanes
        guard let output else {
            var standardOutput = StandardOutput()
            defer { standardOutput.flush() }
            try store.write(format, matching: filters.filter, options: options, to: &standardOutput)
            return
        }
        let path = database.path
        var file = try OutputFile(path: output, protecting: [path, path + "-wal", path + "-shm"])
        do {
            try store.write(format, matching: filters.filter, options: options, to: &file)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }
}

extension TimelineJSWriter.Grouping: ExpressibleByArgument {}
extension HTMLWriter.Lanes: ExpressibleByArgument {}
