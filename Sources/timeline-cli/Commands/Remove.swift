import ArgumentParser
import Timeline

struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Delete events (all of them or none).",
        discussion: "Example: timeline rm google-rochester-office")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var change: ChangeOptions

    @Argument(help: "The ids of the events to delete (or starts of them that no other id has).")
    var ids: [String]

    func validate() throws {
        if ids.isEmpty { throw ValidationError("give the id of at least one event") }
    }

    func run() throws {
        try database.open(.write, recording: change.description()).remove(ids: ids)
    }
}
