import ArgumentParser
import Timeline

struct PartnershipCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "partnership",
        abstract: "List, show and change partnerships and their terms.",
        discussion: """
            A partnership's status (planned, active, ended, unknown) comes from its span and today.
            Examples:
              timeline partnership add "Mayo Clinic – Google Cloud strategic partnership" \\
                --id mayo-google-cloud --date 2019-09-10/2029-09 --term "ten years" \\
                --member "Mayo Clinic:partner" --member "Google Cloud:partner" \\
                --clause "Google Cloud secures and stores Mayo Clinic's data"
              timeline add "Google opens an office in Rochester" --date 2019 \\
                --partnership mayo-google-cloud
              timeline partnership show mayo-google-cloud
            """,
        subcommands: [List.self, Show.self, Add.self, Edit.self, Remove.self])
}

/// The partnership fields `partnership add` and `partnership edit` share.
struct PartnershipFieldOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "When it runs: 2019-09-10/2029-09, 2019-09-10/.. (ongoing), 2019-09-10/ (end unknown).",
            valueName: "span"))
    var date: String?

    @OptionGroup var dates: DateReadingOptions

    @Option(help: ArgumentHelp("The term as announced: \"ten years\".", valueName: "text"))
    var term: String?

    @Option(help: ArgumentHelp("A longer description.", valueName: "text"))
    var summary: String?

    @Option(
        name: .customLong("member"), help: ArgumentHelp("A member with its role (repeatable).", valueName: "name[:role]"),
        transform: parseActorRole)
    var members: [ActorRole] = []

    @Option(name: .customLong("clause"), help: ArgumentHelp("One of its terms (repeatable, in order).", valueName: "text"))
    var clauses: [String] = []

    @Option(name: .customLong("source"), help: ArgumentHelp("Where it was reported: id, URL or title (repeatable).", valueName: "source"))
    var sources: [String] = []

    @Option(
        name: .customLong("locator"),
        help: ArgumentHelp("Where in a source: \"p. 4\", or SOURCE=\"p. 4\" (repeatable).", valueName: "[source=]where"))
    var locators: [String] = []

    var isEmpty: Bool {
        date == nil && term == nil && summary == nil && members.isEmpty && clauses.isEmpty && sources.isEmpty && locators.isEmpty
    }

    func validate() throws {
        _ = try span()
    }

    /// --date, read as `dates` says.
    func span() throws -> PartialDate? {
        try date.map { try dates.read($0, option: "--date") }
    }

    func apply(to partnership: inout Partnership) throws {
        if let span = try span() { partnership.date = span }
        if let term { partnership.term = term.isEmpty ? nil : term }
        if let summary { partnership.summary = summary.isEmpty ? nil : summary }
        partnership.members += members
        partnership.terms += clauses
        partnership.sources += sources.map { Citation(Source(reference: $0)) }
        try applyLocators(locators, to: &partnership.sources, of: "partnership")
    }
}

extension PartnershipCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List partnerships with span, status and members.")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let partnerships = try database.open(.read).partnerships()
            printing { output in
                RecordDetails().writeList(partnerships, to: &output)
            }
        }
    }
}

extension PartnershipCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show a partnership, then its events.")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The partnership's id.")
        var id: String

        @OptionGroup var colors: ColorOptions

        func run() throws {
            let store = try database.open(.read)
            let partnership = try required(try store.partnership(id: id), store.withClosestNames(.partnershipNotFound(id: id)))
            try colors.printDetails(
                { details, output in details.write(partnership, to: &output) },
                thenEventsOf: store, matching: EventFilter(partnership: id))
        }
    }
}

extension PartnershipCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a partnership; prints its id.", usage: "timeline partnership add [<options>] <name>")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var change: ChangeOptions

        @Argument(help: "Its name.")
        var name: String

        @Option(help: ArgumentHelp("Its id (default: made from the name).", valueName: "id"))
        var id: String?

        @OptionGroup var fields: PartnershipFieldOptions

        func run() throws {
            var partnership = Partnership(id: id, name: name)
            try fields.apply(to: &partnership)
            let normalized = try partnership.normalized()
            let written = try database.open(.create, recording: change.description()).addPartnership(normalized)
            print(written.value)
            noteCreatedRecords(written)
        }
    }
}

extension PartnershipCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "Change a partnership.",
            discussion: """
                Options replace a field (an empty --term or --summary clears it); --member, --clause \
                and --source add; --locator SOURCE=WHERE sets where in a source (SOURCE= clears it).
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var change: ChangeOptions

        @Argument(help: "The partnership's id.")
        var id: String

        @Option(help: ArgumentHelp("A new name.", valueName: "name"))
        var name: String?

        @OptionGroup var fields: PartnershipFieldOptions

        @Flag(name: .customLong("clear-date"), help: "Forget the span.")
        var clearDate = false

        @Option(name: .customLong("remove-member"), help: ArgumentHelp("Remove this member (repeatable).", valueName: "name"))
        var removedMembers: [String] = []

        @Option(name: .customLong("remove-clause"), help: ArgumentHelp("Remove the clause with this number (repeatable).", valueName: "n"))
        var removedClauses: [Int] = []

        @Option(name: .customLong("remove-source"), help: ArgumentHelp("Remove this source (repeatable).", valueName: "source"))
        var removedSources: [String] = []

        func validate() throws {
            if name == nil && fields.isEmpty && !clearDate && removedMembers.isEmpty && removedClauses.isEmpty && removedSources.isEmpty {
                throw ValidationError("nothing to change: give at least one option such as --date, --member or --clause")
            }
        }

        func run() throws {
            let written = try database.open(.write, recording: change.description()).editPartnership(id: id) { partnership in
                if let name { partnership.name = name }
                if clearDate { partnership.date = nil }
                try remove(removedMembers, from: &partnership.members, what: "member") { [$0.name] }
                for number in removedClauses.sorted(by: >) {
                    guard partnership.terms.indices.contains(number - 1) else {
                        throw CLIError(
                            description: "there is no clause \(number) to remove (the partnership has \(partnership.terms.count))")
                    }
                    partnership.terms.remove(at: number - 1)
                }
                try remove(removedSources, from: &partnership.sources, what: "source") { $0.references }
                try fields.apply(to: &partnership)
            }
            noteCreatedRecords(written)
        }
    }
}

extension PartnershipCommand {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Delete a partnership; its events stay, unlinked.", usage: "timeline partnership rm [<options>] <id>")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var change: ChangeOptions

        @Argument(help: "The partnership's id.")
        var id: String

        func run() throws {
            try database.open(.write, recording: change.description()).removePartnership(id: id)
        }
    }
}
