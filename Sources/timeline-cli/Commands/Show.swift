import ArgumentParser
import Timeline

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the timeline, oldest first.",
        discussion: """
            Date filters keep events whose span overlaps: --since 2019 keeps an event dated 2018/2020.
            Examples:
              timeline show --since 2019 --until 2021
              timeline show --actor "Mayo Clinic" --tag cloud --format markdown
              timeline show --on 2022-10 --format json | jq '.events[].title'
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: ArgumentHelp("Output format.", valueName: "format"))
    var format: OutputFormat = .text

    @Flag(help: "No colour, even on a terminal (also: NO_COLOR=1).")
    var noColor = false

    func run() throws {
        let store = try database.open(.read)
        var writer = format.makeWriter(color: wantsColor(noColor: noColor))
        var output = StandardOutput()
        var count = 0
        writer.writeHeader(to: &output)
        try store.forEachEvent(matching: filters.filter) { event in
            writer.write(event, to: &output)
            count += 1
        }
        writer.writeFooter(to: &output)
        output.flush()
        if count == 0 && format == .text {
            StandardError.write("no events match\n")
        }
    }
}
