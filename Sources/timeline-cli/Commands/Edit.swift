import ArgumentParser
import Timeline

struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Change an event.",
        discussion: """
            Options replace a field (an empty --summary or --kind clears it); --actor, --tag and \
            --source add links, --remove-actor, --remove-tag and --remove-source take them away.
            Example:
              timeline edit mayo-platform --date 2019 --tag platform --remove-tag misc
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The event's id.")
    var id: String

    @Option(help: ArgumentHelp("A new title.", valueName: "title"))
    var title: String?

    @Option(help: ArgumentHelp("A new date.", valueName: "date"), transform: parseDate)
    var date: PartialDate?

    @OptionGroup var fields: EventFieldOptions

    @Option(name: .customLong("remove-actor"), help: ArgumentHelp("Remove this actor (repeatable).", valueName: "name"))
    var removedActors: [String] = []

    @Option(name: .customLong("remove-tag"), help: ArgumentHelp("Remove this tag (repeatable).", valueName: "tag"))
    var removedTags: [String] = []

    @Option(name: .customLong("remove-source"), help: ArgumentHelp("Remove the source with this URL or title (repeatable).", valueName: "url|title"))
    var removedSources: [String] = []

    func validate() throws {
        if title == nil && date == nil && fields.isEmpty && removedActors.isEmpty && removedTags.isEmpty && removedSources.isEmpty {
            throw ValidationError("nothing to change: give at least one option such as --title, --date or --tag")
        }
    }

    func run() throws {
        let store = try database.open(.write)
        guard var event = try store.event(id: id) else { throw TimelineError.eventNotFound(id: id) }
        if let title { event.title = title }
        if let date { event.date = date }
        event.actors.removeAll { actor in removedActors.contains { $0.caseInsensitiveCompare(actor.name) == .orderedSame } }
        event.tags.removeAll { tag in removedTags.contains { $0.caseInsensitiveCompare(tag) == .orderedSame } }
        event.sources.removeAll { source in removedSources.contains { $0 == source.url || $0 == source.title } }
        fields.apply(to: &event)
        try store.update(event)
    }
}
