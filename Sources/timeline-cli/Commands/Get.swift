import ArgumentParser
import Timeline

struct Get: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "get",
        abstract: "Show one event in full, with its quotes and sources.", usage: "timeline get [<options>] <id>",
        discussion: "Example: timeline get mayo-google-partnership --format json")

    enum Layout: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The event's id, or a start of it that no other id has.")
    var id: String

    @OptionGroup var asOf: AsOfOptions

    @Option(help: ArgumentHelp("Output format.", valueName: "format"))
    var format: Layout = .text

    @OptionGroup var colors: ColorOptions

    func run() throws {
        let store = try asOf.store(try database.open(.read))
        let event = try store.event(matching: id)
        try printing { output in
            switch format {
            case .text:
                EventDetails(options: colors.textOptions).write(event, to: &output)
            case .json:
                var writer = JSONDocumentWriter(records: try store.records(for: [event]))
                writer.write([event], to: &output)
            }
        }
    }
}
