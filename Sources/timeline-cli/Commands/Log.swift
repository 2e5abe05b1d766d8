import ArgumentParser
import Timeline

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Show who changed what, when and why, newest first.", usage: "timeline log [<options>] [<event-id>]",
        discussion: """
            Each change set is one command (or one SQL statement typed by hand), with its number \
            (what `timeline undo` takes), author, time (UTC), command line and reason, then what \
            it changed, old → new. With an event's id, --actor or --partnership: only the changes \
            to that record.
            Examples:
              timeline log --limit 5
              timeline log mayo-google-partnership
              timeline log --actor Google --since 2026-12-01
              timeline log --author camille
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("Only the changes to this event.", valueName: "event-id"))
    var event: String?

    @Option(help: ArgumentHelp("Only the changes to this actor (its name, aliases, parent, affiliations).", valueName: "name"))
    var actor: String?

    @Option(help: ArgumentHelp("Only the changes to this partnership (its members, terms, sources).", valueName: "id"))
    var partnership: String?

    @Option(
        help: ArgumentHelp("Only changes made on this date (UTC) or later: 2026-12-01, yesterday, 2026-12-01T14:30.", valueName: "date"),
        transform: parseMoment)
    var since: HistoryMoment?

    @Option(help: ArgumentHelp("Only changes by this author.", valueName: "name"))
    var author: String?

    @Option(help: ArgumentHelp("At most this many change sets.", valueName: "n"))
    var limit: Int?

    @OptionGroup var colors: ColorOptions

    func validate() throws {
        if [event, actor, partnership].compactMap({ $0 }).count > 1 {
            throw ValidationError("give one of an event id, --actor or --partnership")
        }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more, not \(limit)") }
    }

    func run() throws {
        var filter = HistoryFilter(since: since, author: author, limit: limit)
        if let event { filter.record = RecordReference(kind: .event, id: event) }
        if let actor { filter.record = RecordReference(kind: .actor, id: actor) }
        if let partnership { filter.record = RecordReference(kind: .partnership, id: partnership) }
        let changeSets = try database.open(.read).changeSets(matching: filter)
        printing { output in ChangeLogWriter(options: colors.textOptions).write(changeSets, to: &output) }
        if changeSets.isEmpty { StandardError.write("no changes match\n") }
    }
}
