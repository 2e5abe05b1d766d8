import ArgumentParser
import Timeline

struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Record an event; prints its id.",
        usage: "timeline add [<options>] <title> --date <date>",
        discussion: """
            Examples:
              timeline add "Mayo Clinic and Google sign a ten-year partnership" \\
                --date 2019-09-10 --kind partnership --partnership mayo-google-cloud \\
                --actor "Mayo Clinic:partner" --actor Google:partner \\
                --tag cloud --source https://example.org/article
              timeline add "Statement at the World Health Summit" --date "2022-10-17?"
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var change: ChangeOptions

    @Argument(help: "What happened, in one line.")
    var title: String

    @Option(
        help: ArgumentHelp(
            "When: 2019-09-10, 2019-09, 2019, 2022-10-17?, 2021~, 2019-09-10/.., \"10 septembre 2019\", yesterday.",
            valueName: "date"))
    var date: String

    @OptionGroup var dates: DateReadingOptions

    @OptionGroup var fields: EventFieldOptions

    @Option(help: ArgumentHelp("The event's id (default: made from the title).", valueName: "id"))
    var id: String?

    func validate() throws {
        _ = try dates.read(date, option: "--date")
    }

    func run() throws {
        var event = Event(id: id, title: title, date: try dates.read(date, option: "--date"))
        try fields.apply(to: &event)
        let normalized = try event.normalized()  // refuse bad input before touching the file
        let written = try database.open(.create, recording: change.description()).add(normalized)
        print(written.value)
        noteCreatedRecords(written)
    }
}

/// The event fields `add` and `edit` share.
struct EventFieldOptions: ParsableArguments {
    @Option(help: ArgumentHelp("A longer description.", valueName: "text"))
    var summary: String?

    @Option(help: ArgumentHelp("The kind of event: partnership, statement, campaign, ...", valueName: "kind"))
    var kind: String?

    @Option(help: ArgumentHelp("The partnership the event belongs to.", valueName: "id"))
    var partnership: String?

    @Option(
        name: .customLong("actor"), help: ArgumentHelp("Who took part, with an optional role (repeatable).", valueName: "name[:role]"),
        transform: parseActorRole)
    var actors: [ActorRole] = []

    @Option(name: .customLong("tag"), help: ArgumentHelp("A tag (repeatable).", valueName: "tag"))
    var tags: [String] = []

    @Option(
        name: .customLong("source"),
        help: ArgumentHelp("Where it was reported: a source id, a URL or a title (repeatable).", valueName: "source"))
    var sources: [String] = []

    @Option(
        name: .customLong("locator"),
        help: ArgumentHelp("Where in a source: \"p. 4\", or SOURCE=\"p. 4\" (repeatable).", valueName: "[source=]where"))
    var locators: [String] = []

    var isEmpty: Bool {
        summary == nil && kind == nil && partnership == nil && actors.isEmpty && tags.isEmpty && sources.isEmpty && locators.isEmpty
    }

    /// Sets the given scalar fields (an empty string clears one), appends the given links, then
    /// sets the given locators.
    func apply(to event: inout Event) throws {
        if let summary { event.summary = summary.isEmpty ? nil : summary }
        if let kind { event.kind = kind.isEmpty ? nil : kind }
        if let partnership { event.partnership = partnership.isEmpty ? nil : partnership }
        event.actors += actors
        event.tags += tags
        event.sources += sources.map { Citation(Source(reference: $0)) }
        try applyLocators(locators, to: &event.sources, of: "event")
    }
}
