import ArgumentParser
import Timeline

struct Remove: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rm",
        abstract: "Delete events (all of them or none).",
        discussion: """
            It says which change of the history deleted them: `timeline undo` with that number puts them back.
            Example: timeline rm google-rochester-office
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var change: ChangeOptions

    @Argument(help: "The ids of the events to delete (or starts of them that no other id has).")
    var ids: [String]

    func validate() throws {
        if ids.isEmpty { throw ValidationError("give the id of at least one event") }
    }

    func run() throws {
        let written = try database.open(.write, recording: change.description()).remove(ids: ids)
        guard let changeSet = written.changeSet else { return }
        let undo = ["timeline", "undo", String(changeSet)] + (database.db.map { ["--db", $0] } ?? [])
        StandardError.write(
            "deleted \(ids.count) event\(ids.count == 1 ? "" : "s") (change \(changeSet)); "
                + "to undo it: \(ChangeDescription.commandLine(undo).shownInMessage(limit: 300))\n")
    }
}
