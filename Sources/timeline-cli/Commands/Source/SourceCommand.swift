import ArgumentParser
import Timeline

struct SourceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "source",
        abstract: "List, show and change the sources facts come from.",
        discussion: """
            Events, partnerships and quotes cite sources by id (or, when adding, by URL or title).
            Example:
              timeline source add --id mayo-google-perspective \\
                --title "La Mayo Clinic a conclu…" --language fr \\
                --published 2022-10~ --accessed today
            """,
        subcommands: [List.self, Show.self, Add.self, Edit.self, Remove.self])
}

/// The source fields `source add` and `source edit` share (an empty value clears one in edit).
struct SourceFieldOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Its title.", valueName: "text")) var title: String?
    @Option(help: ArgumentHelp("Where it is.", valueName: "url")) var url: String?
    @Option(help: ArgumentHelp("Who published it.", valueName: "name")) var publisher: String?
    @Option(help: ArgumentHelp("Who wrote it.", valueName: "name")) var author: String?
    @Option(help: ArgumentHelp("When it was published (may be partial: 2022-10).", valueName: "date")) var published: String?
    @Option(help: ArgumentHelp("When it was read (today works).", valueName: "date")) var accessed: String?
    @Option(name: .customLong("archived-url"), help: ArgumentHelp("A copy that will not change.", valueName: "url")) var archivedURL:
        String?
    @Option(help: ArgumentHelp("ISO 639-1 code of its language: fr, en, ...", valueName: "code")) var language: String?
    @OptionGroup var dates: DateReadingOptions

    var isEmpty: Bool {
        [title, url, publisher, author, published, accessed, archivedURL, language].allSatisfy { $0 == nil }
    }

    func validate() throws {
        var source = Source()
        try apply(to: &source)
    }

    func apply(to source: inout Source) throws {
        func set(_ value: String?, _ field: inout String?) { if let value { field = value.isEmpty ? nil : value } }
        set(title, &source.title)
        set(url, &source.url)
        set(publisher, &source.publisher)
        set(author, &source.author)
        set(archivedURL, &source.archivedURL)
        set(language, &source.language)
        if let published { source.published = published.isEmpty ? nil : try dates.read(published, option: "--published") }
        if let accessed { source.accessed = accessed.isEmpty ? nil : try dates.read(accessed, option: "--accessed") }
    }
}

extension SourceCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List sources by id.")

        @OptionGroup var database: DatabaseOptions

        func run() throws {
            let sources = try database.open(.read).sources()
            printing { output in
                RecordDetails().writeList(sources, to: &output)
            }
        }
    }
}

extension SourceCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a source and what cites it.")

        @OptionGroup var database: DatabaseOptions

        @Argument(help: "The source's id.")
        var id: String

        func run() throws {
            let store = try database.open(.read)
            let source = try required(try store.source(id: id), store.withClosestNames(.sourceNotFound(id: id)))
            var options = OutputOptions()
            options.columns = terminalColumns()
            try printing { output in
                RecordDetails(options: options).write(source, citedBy: try store.citations(ofSource: id), to: &output)
            }
        }
    }
}

extension SourceCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a source; prints its id.", usage: "timeline source add [<options>]")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var change: SourceChangeOptions

        @Option(help: ArgumentHelp("Its id (default: made from the title or URL).", valueName: "id"))
        var id: String?

        @OptionGroup var fields: SourceFieldOptions

        func validate() throws {
            if fields.title == nil && fields.url == nil { throw ValidationError("a source needs --title or --url") }
        }

        func run() throws {
            var source = Source(id: id)
            try fields.apply(to: &source)
            let normalized = try source.normalized()
            print(try database.open(.create, recording: change.description()).addSource(normalized).value)
        }
    }
}

extension SourceCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "Change a source (an empty value clears a field).",
            usage: "timeline source edit [<options>] <id>")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var change: SourceChangeOptions

        @Argument(help: "The source's id.")
        var id: String

        @OptionGroup var fields: SourceFieldOptions

        func validate() throws {
            if fields.isEmpty { throw ValidationError("nothing to change: give at least one option such as --title or --url") }
        }

        func run() throws {
            try database.open(.write, recording: change.description()).editSource(id: id) { try fields.apply(to: &$0) }
        }
    }
}

extension SourceCommand {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Delete a source; refused while cited, unless --force.", usage: "timeline source rm [<options>] <id>")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var change: ChangeOptions

        @Argument(help: "The source's id.")
        var id: String

        @Flag(help: "Also remove its citations (quotes keep their words, without a source).")
        var force = false

        func run() throws {
            try database.open(.write, recording: change.description()).removeSource(id: id, force: force)
        }
    }
}
