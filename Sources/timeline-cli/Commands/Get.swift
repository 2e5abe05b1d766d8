import ArgumentParser
import Timeline

struct Get: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show one event in full, with its quotes and sources.",
        discussion: "Example: timeline get mayo-google-partnership --format json")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The event's id.")
    var id: String

    @Option(help: ArgumentHelp("Output format.", valueName: "format"))
    var format: Format = .text

    @Flag(help: "No colour, even on a terminal (also: NO_COLOR=1).")
    var noColor = false

    func run() throws {
        let store = try database.open(.read)
        guard let event = try store.event(id: id) else { throw TimelineError.eventNotFound(id: id) }
        var output = StandardOutput()
        defer { output.flush() }
        switch format {
        case .text:
            EventDetails(color: wantsColor(noColor: noColor)).write(event, to: &output)
        case .json:
            var writer = JSONDocumentWriter(records: try store.records(for: [event]))
            writer.write([event], to: &output)
        }
    }
}
