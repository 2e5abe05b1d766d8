import ArgumentParser
import Timeline

struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change an event.",
        discussion: """
            Options replace a field (an empty --summary, --kind or --partnership clears it); \
            --actor, --tag and --source add links, --remove-actor, --remove-tag and \
            --remove-source take them away; --locator SOURCE=WHERE sets where in a source \
            (SOURCE= clears it).
            Example:
              timeline edit mayo-clinic-platform-launch --date 2019~ \\
                --tag platform --remove-tag ai
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var change: ChangeOptions

    @Argument(help: "The event's id, or a start of it that no other id has.")
    var id: String

    @Option(help: ArgumentHelp("A new title.", valueName: "title"))
    var title: String?

    @Option(help: ArgumentHelp("A new date.", valueName: "date"))
    var date: String?

    @OptionGroup var dates: DateReadingOptions

    @OptionGroup var fields: EventFieldOptions

    @Option(name: .customLong("remove-actor"), help: ArgumentHelp("Remove this actor (repeatable).", valueName: "name"))
    var removedActors: [String] = []

    @Option(name: .customLong("remove-tag"), help: ArgumentHelp("Remove this tag (repeatable).", valueName: "tag"))
    var removedTags: [String] = []

    @Option(
        name: .customLong("remove-source"),
        help: ArgumentHelp("Remove the source with this id, URL or title (repeatable).", valueName: "source"))
    var removedSources: [String] = []

    func validate() throws {
        if title == nil && date == nil && fields.isEmpty && removedActors.isEmpty && removedTags.isEmpty && removedSources.isEmpty {
            throw ValidationError("nothing to change: give at least one option such as --title, --date or --tag")
        }
        _ = try date.map { try dates.read($0, option: "--date") }
    }

    func run() throws {
        let newDate = try date.map { try dates.read($0, option: "--date") }
        let store = try database.open(.write, recording: change.description())
        let written = try store.editEvent(id: id) { event in
            if let title { event.title = title }
            if let newDate { event.date = newDate }
            let removedActorNames = try removedActors.map { try store.actor(named: $0)?.name ?? $0 }
            try remove(removedActorNames, from: &event.actors, what: "actor") { [$0.name] }
            try remove(removedTags, from: &event.tags, what: "tag") { [$0] }
            try remove(removedSources, from: &event.sources, what: "source") { $0.references }
            try fields.apply(to: &event)
        }
        noteCreatedRecords(written)
    }
}
