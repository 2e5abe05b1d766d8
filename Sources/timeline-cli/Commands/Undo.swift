import ArgumentParser
import Timeline

struct Undo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: "Undo a change set, as a new change set.", usage: "timeline undo [<options>] [<change>] [--last]",
        discussion: """
            What the change inserted is deleted, the values it changed are put back, what it deleted \
            comes back with the ids it had. When a later change touched the same fields (or the \
            undo would change more than the change did), it refuses and names each conflict; \
            --force undoes it anyway, over the later changes.
            Examples:
              timeline undo 12
              timeline undo --last --reason "added by mistake"
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var change: ChangeOptions

    @Argument(help: ArgumentHelp("The number of the change set to undo (see `timeline log`).", valueName: "change"))
    var changeSet: Int64?

    @Flag(help: "Undo the latest change set.")
    var last = false

    @Flag(help: "Undo it even over later changes to the same fields.")
    var force = false

    func validate() throws {
        if (changeSet == nil) == !last { throw ValidationError("give the number of a change set, or --last") }
    }

    func run() throws {
        let store = try database.open(.write, recording: change.description())
        let id = try changeSet ?? required(try store.lastChangeSet(), .changeSetNotFound(0))
        guard let undo = try store.undo(changeSet: id, force: force).value else {
            StandardError.write("change \(id) left nothing to undo\n")
            return
        }
        let again = ["timeline", "undo", String(undo)] + (database.db.map { ["--db", $0] } ?? [])
        StandardError.write(
            "undid change \(id) (change \(undo)); to undo that: \(ChangeDescription.commandLine(again).shownInMessage(limit: 300))\n")
    }
}
