import ArgumentParser
import Timeline

struct ActorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "actor",
        abstract: "List, show and change actors: organizations, people.",
        discussion: """
            An actor is named by its name or any alias, case and accents ignored.
            Examples:
              timeline actor add "Sundar Pichai" --kind person \\
                --affiliation "Google:CEO@2015/.."
              timeline actor edit "Google Cloud" --part-of Google
              timeline actor alias Google "Google LLC" "Google Inc."
              timeline actor merge Google "Google Inc"
            """,
        subcommands: [List.self, Show.self, Add.self, Edit.self, Alias.self, Merge.self, Remove.self])
}

/// The actor fields `actor add` and `actor edit` share.
struct ActorFieldOptions: ParsableArguments {
    @Option(help: ArgumentHelp("organization, person or other.", valueName: "kind"))
    var kind: ActorKind?

    @Option(name: .customLong("part-of"), help: ArgumentHelp("The actor it is part of (\"\" for none).", valueName: "name"))
    var partOf: String?

    @Option(name: .customLong("alias"), help: ArgumentHelp("Another name it goes by (repeatable).", valueName: "name"))
    var aliases: [String] = []

    @Option(
        name: .customLong("affiliation"),
        help: ArgumentHelp(
            "A role held in an organization, and when (repeatable): \"Google:CEO@2015/..\".",
            valueName: "org[:role][@date]"),
        transform: parseAffiliation)
    var affiliations: [AffiliationArgument] = []

    @OptionGroup var dates: DateReadingOptions

    var isEmpty: Bool { kind == nil && partOf == nil && aliases.isEmpty && affiliations.isEmpty }

    func validate() throws {
        for affiliation in affiliations { _ = try affiliation.affiliation(dates) }
    }

    func apply(to profile: inout ActorProfile) throws {
        if let kind { profile.kind = kind }
        if let partOf { profile.partOf = partOf.isEmpty ? nil : partOf }
        profile.aliases += aliases
        profile.affiliations += try affiliations.map { try $0.affiliation(dates) }
    }
}

extension ActorCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List actors with their kind and number of events.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("Only actors of this kind.", valueName: "kind"))
        var kind: ActorKind?

        func run() throws {
            let store = try database.open(.read)
            let actors = try store.actors(kind: kind).map { ($0, try store.usage(ofActorNamed: $0.name).events) }
            printing { output in
                RecordDetails().writeList(actors, to: &output)
            }
        }
    }
}

extension ActorCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Show an actor, its partnerships and its events.",
            discussion: "Its events include those of the actors part of it (Google: also YouTube).")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The actor's name or alias.")
        var name: String

        @Flag(name: .customLong("exact"), help: "Only the actor's own events and partnerships, not its parts'.")
        var exact = false

        @OptionGroup var colors: ColorOptions

        func run() throws {
            let store = try database.open(.read)
            let actor = try required(try store.actor(named: name), store.withClosestNames(.actorNotFound(name: name)))
            try colors.printDetails(
                { details, output in
                    details.write(
                        actor, parts: try store.parts(ofActorNamed: actor.name),
                        partnerships: try store.partnerships(involving: actor.name, exact: exact), to: &output)
                }, thenEventsOf: store, matching: EventFilter(actors: [actor.name], exactActors: exact))
        }
    }
}

extension ActorCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add an actor.", usage: "timeline actor add [<options>] <name>",
            discussion: """
                Example:
                  timeline actor add "Molly Biwer" --kind person \\
                    --affiliation "Mayo Clinic:president of marketing@2022"
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var change: ChangeOptions

        @Argument(help: "Its name.")
        var name: String

        @OptionGroup var fields: ActorFieldOptions

        func run() throws {
            var profile = ActorProfile(name: name)
            try fields.apply(to: &profile)
            let normalized = try profile.normalized()
            noteCreatedRecords(try database.open(.create, recording: change.description()).addActor(normalized))
        }
    }
}

extension ActorCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "Change an actor: name, kind, parent, aliases, roles.",
            usage: "timeline actor edit [<options>] <name>")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var change: ChangeOptions

        @Argument(help: "The actor's name or alias.")
        var name: String

        @Option(name: .customLong("name"), help: ArgumentHelp("A new name.", valueName: "name"))
        var newName: String?

        @OptionGroup var fields: ActorFieldOptions

        @Option(name: .customLong("remove-alias"), help: ArgumentHelp("Remove this alias (repeatable).", valueName: "name"))
        var removedAliases: [String] = []

        @Option(
            name: .customLong("remove-affiliation"),
            help: ArgumentHelp("Remove the roles held in this organization (repeatable).", valueName: "org"))
        var removedAffiliations: [String] = []

        func validate() throws {
            if newName == nil && fields.isEmpty && removedAliases.isEmpty && removedAffiliations.isEmpty {
                throw ValidationError("nothing to change: give at least one option such as --kind, --alias or --part-of")
            }
        }

        func run() throws {
            let store = try database.open(.write, recording: change.description())
            let written = try store.editActor(named: name) { profile in
                if let newName { profile.name = newName }
                try remove(removedAliases, from: &profile.aliases, what: "alias") { [$0] }
                try remove(removedAffiliations, from: &profile.affiliations, what: "affiliation with") { [$0.organization] }
                try fields.apply(to: &profile)
            }
            noteCreatedRecords(written)
        }
    }
}

extension ActorCommand {
    struct Alias: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "alias", abstract: "Add other names for an actor.", usage: "timeline actor alias [<options>] <name> <aliases> ...",
            discussion: "Example: timeline actor alias Google \"Google LLC\" \"Google Inc.\"")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var change: ChangeOptions

        @Argument(help: "The actor's name.")
        var name: String

        @Argument(help: "The other names.")
        var aliases: [String]

        func validate() throws {
            if aliases.isEmpty { throw ValidationError("give at least one alias") }
        }

        func run() throws {
            try database.open(.write, recording: change.description()).addAliases(aliases, toActorNamed: name)
        }
    }
}

extension ActorCommand {
    struct Merge: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "merge",
            abstract: "Merge actor B into A; B's name becomes an alias.", usage: "timeline actor merge [<options>] <kept> <merged>",
            discussion: """
                Every link of B moves to A, and B's name becomes one of A's aliases.
                Example: timeline actor merge Google "Google Inc"
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var change: ChangeOptions

        @Argument(help: "The actor to keep.")
        var kept: String

        @Argument(help: "The actor to merge into it.")
        var merged: String

        func run() throws {
            try database.open(.write, recording: change.description()).mergeActor(merged, into: kept)
        }
    }
}

extension ActorCommand {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Delete an actor; refused while in use, unless --force.", usage: "timeline actor rm [<options>] <name>")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var change: ChangeOptions

        @Argument(help: "The actor's name or alias.")
        var name: String

        @Flag(help: "Also remove it from events and partnerships, and delete its quotes and affiliations.")
        var force = false

        func run() throws {
            try database.open(.write, recording: change.description()).removeActor(named: name, force: force)
        }
    }
}
