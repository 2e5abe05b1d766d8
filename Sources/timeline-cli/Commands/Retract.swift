import ArgumentParser
import Timeline

/// `retract` and `dispute`: an event marked, not deleted, with why and on which source.
struct Retract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retract",
        abstract: "Mark an event retracted: found wrong, kept, shown so.", usage: "timeline retract [<options>] <id> --reason <text>",
        discussion: """
            --reason says why (required); --source names the source that shows it (an id, a URL \
            or a title, as for citations). Views show the event marked; --hide-retracted on show, \
            search and export leaves it out. `timeline reinstate` takes the mark back; the history \
            keeps both.
            Example:
              timeline retract google-rochester-office \\
                --reason "the office opened in 2021" --source https://example.org/fix
            """)

    @OptionGroup var marking: MarkingOptions

    func run() throws { try marking.mark(.retracted) }
}

struct Dispute: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dispute",
        abstract: "Mark an event disputed: contested, kept, shown so.", usage: "timeline dispute [<options>] <id> --reason <text>",
        discussion: """
            As `retract`, for a claim that is contested rather than shown wrong.
            Example:
              timeline dispute biwer-whs-2022-medical-records \\
                --reason "Mayo Clinic denies the quote"
            """)

    @OptionGroup var marking: MarkingOptions

    func run() throws { try marking.mark(.disputed) }
}

struct Reinstate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reinstate",
        abstract: "Take back an event's retracted or disputed mark.",
        discussion: "Example: timeline reinstate google-rochester-office --reason \"the correction was wrong\"")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var change: ChangeOptions

    @Argument(help: "The event's id.")
    var id: String

    func run() throws {
        try database.open(.write, recording: change.description()).setStatus(nil, ofEvent: id)
    }
}

/// What `retract` and `dispute` take: the event, why (--reason, required) and on which source.
struct MarkingOptions: ParsableArguments {
    @OptionGroup var database: DatabaseOptions
    @OptionGroup var change: ChangeOptions

    @Argument(help: "The event's id.")
    var id: String

    @Option(help: ArgumentHelp("The source that shows it: a source id, a URL or a title.", valueName: "source"))
    var source: String?

    func validate() throws {
        if change.reason == nil { throw ValidationError("say why with --reason") }
    }

    func mark(_ standing: EventStatus.Standing) throws {
        let status = EventStatus(standing, reason: change.reason ?? "", source: source.map { Source(reference: $0) })
        let written = try database.open(.write, recording: change.description()).setStatus(status, ofEvent: id)
        noteCreatedRecords(written)
    }
}
