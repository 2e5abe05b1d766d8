import ArgumentParser
import Timeline

struct QuoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quote",
        abstract: "Record and list who said what, in which language.",
        discussion: """
            Example:
              timeline quote add biwer-whs-2022-medical-records \\
                --speaker "Molly Biwer" --language fr \\
                --text "Nous espérons recueillir les dossiers médicaux…" \\
                --translation "We hope to collect the medical records…" \\
                --translation-language en --source mayo-google-perspective
            """,
        subcommands: [Add.self, Edit.self, List.self, Remove.self])
}

extension QuoteCommand {
    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "add", abstract: "Add a quote to an event; prints its number.",
            usage: "timeline quote add [<options>] <event>\n  --speaker <name> --text <text> --language <code>")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var change: ChangeOptions

        @Argument(help: "The event's id, or a start of it that no other id has.")
        var event: String

        @Option(help: ArgumentHelp("Who said it (an actor's name or alias).", valueName: "name"))
        var speaker: String

        @Option(help: ArgumentHelp("The words, in their original language.", valueName: "text"))
        var text: String

        @Option(help: ArgumentHelp("The ISO 639-1 code of the words: fr, en, de, ...", valueName: "code"))
        var language: String

        @Option(help: ArgumentHelp("A translation.", valueName: "text"))
        var translation: String?

        @Option(name: .customLong("translation-language"), help: ArgumentHelp("The ISO 639-1 code of the translation.", valueName: "code"))
        var translationLanguage: String?

        @Option(help: ArgumentHelp("Where it was reported: a source id, URL or title.", valueName: "source"))
        var source: String?

        @Option(help: ArgumentHelp("Where in the source: page, paragraph, passage.", valueName: "text"))
        var locator: String?

        func validate() throws {
            if (translation == nil) != (translationLanguage == nil) {
                throw ValidationError("--translation and --translation-language go together")
            }
            if locator != nil && source == nil { throw ValidationError("--locator needs --source") }
        }

        func run() throws {
            let quote = Quote(
                speaker: speaker, text: text, language: language, translation: translation,
                translationLanguage: translationLanguage,
                source: source.map { Citation(Source(reference: $0), locator: locator) })
            let written = try database.open(.write, recording: change.description()).addQuote(quote, toEvent: event)
            print(written.value)
            noteCreatedRecords(written)
        }
    }
}

extension QuoteCommand {
    struct Edit: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "edit", abstract: "Change a quote; it keeps its number.",
            usage: "timeline quote edit [<options>] <event> <number>",
            discussion: """
                Options replace a field. An empty --translation clears the translation and its \
                language, an empty --source the source and its locator, an empty --locator the \
                locator. A new --source drops the old locator unless --locator is given too.
                Example:
                  timeline quote edit signed 1 --locator "p. 4" --translation ""
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var change: ChangeOptions

        @Argument(help: "The event's id, or a start of it that no other id has.")
        var event: String

        @Argument(help: "The quote's number in the event, from 1.")
        var number: Int

        @Option(help: ArgumentHelp("Who said it (an actor's name or alias).", valueName: "name"))
        var speaker: String?

        @Option(help: ArgumentHelp("The words, in their original language.", valueName: "text"))
        var text: String?

        @Option(help: ArgumentHelp("The ISO 639-1 code of the words.", valueName: "code"))
        var language: String?

        @Option(help: ArgumentHelp("A translation (\"\": none).", valueName: "text"))
        var translation: String?

        @Option(name: .customLong("translation-language"), help: ArgumentHelp("The translation's language.", valueName: "code"))
        var translationLanguage: String?

        @Option(help: ArgumentHelp("Where it was reported: id, URL or title (\"\": none).", valueName: "source"))
        var source: String?

        @Option(help: ArgumentHelp("Where in the source (\"\": none).", valueName: "text"))
        var locator: String?

        func validate() throws {
            if [speaker, text, language, translation, translationLanguage, source, locator].allSatisfy({ $0 == nil }) {
                throw ValidationError("nothing to change: give at least one option such as --text, --translation or --locator")
            }
            if translation?.isEmpty == true && translationLanguage?.isEmpty == false {
                throw ValidationError("--translation \"\" clears the translation; it takes no --translation-language")
            }
            if source?.isEmpty == true && locator?.isEmpty == false {
                throw ValidationError("--source \"\" clears the source; it takes no --locator")
            }
        }

        func run() throws {
            let written = try database.open(.write, recording: change.description()).editQuote(number: number, ofEvent: event) { quote in
                if let speaker { quote.speaker = speaker }
                if let text { quote.text = text }
                if let language { quote.language = language }
                if let translation {
                    quote.translation = translation.isEmpty ? nil : translation
                    if translation.isEmpty { quote.translationLanguage = nil }
                }
                if let translationLanguage { quote.translationLanguage = translationLanguage }
                if let source { quote.source = source.isEmpty ? nil : Citation(Source(reference: source)) }
                if let locator {
                    guard quote.source != nil else {
                        throw CLIError(
                            description:
                                "quote \(number) of event \"\(event.shownInMessage())\" has no source for --locator; give --source too")
                    }
                    quote.source?.locator = locator.isEmpty ? nil : locator
                }
            }
            noteCreatedRecords(written)
        }
    }
}

extension QuoteCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "List quotes in timeline order.", usage: "timeline quote list [<options>]")

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("Only this speaker's quotes (and those of the actors part of it).", valueName: "name"))
        var speaker: String?

        @Flag(name: .customLong("exact"), help: "With --speaker: only that actor, not the actors part of it.")
        var exact = false

        @OptionGroup var colors: ColorOptions

        func run() throws {
            let quotes = try database.open(.read).quotes(speaker: speaker, exact: exact)
            printing { output in
                RecordDetails(options: colors.textOptions).writeList(quotes, to: &output)
                if quotes.isEmpty { StandardError.write("no quotes match\n") }
            }
        }
    }
}

extension QuoteCommand {
    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "rm",
            abstract: "Delete a quote (its number as `quote list` shows it).", usage: "timeline quote rm [<options>] <event> <number>")

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var change: ChangeOptions

        @Argument(help: "The event's id, or a start of it that no other id has.")
        var event: String

        @Argument(help: "The quote's number in the event, from 1.")
        var number: Int

        func run() throws {
            try database.open(.write, recording: change.description()).removeQuote(number: number, fromEvent: event)
        }
    }
}
