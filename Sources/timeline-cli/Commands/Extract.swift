import ArgumentParser
import Timeline

struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Propose dated events from an article, for review.",
        usage: "timeline extract [<options>] <file>",
        discussion: """
            Reads an article in French or English: plain text, Markdown or HTML (by extension or \
            content), or - for standard input, \
            and writes a JSON document that `timeline import` reads: one proposed event per dated \
            fact, tagged `extracted`, with the sentence, the actors named (those of --db or \
            $TIMELINE_DB when given), the quotes and the article as source. Nothing is written to a database. --mentions lists the time \
            expressions found instead, one JSON object per line.
            Examples:
              timeline extract article.txt --published 2022-10-19 \\
                --url https://example.org/a
              timeline extract article.html --published 2022-10-19 \\
                --db newsroom.db > proposed.json
              timeline import proposed.json --db newsroom.db --dry-run
              timeline extract article.txt --mentions --published 2022-10-19
            """)

    @Argument(help: ArgumentHelp("The article to read, or - for standard input.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The day it was published, YYYY-MM-DD: relative dates count from it.", valueName: "day"))
    var published: String?

    @Option(help: ArgumentHelp("The article's language (default: auto).", valueName: "language"))
    var language: ExtractionLanguageOption = .auto

    @Option(help: ArgumentHelp("The article's address, for its source.", valueName: "url"))
    var url: String?

    @Option(help: ArgumentHelp("The article's title, for its source.", valueName: "title"))
    var title: String?

    @Option(help: ArgumentHelp("Who published it, for its source.", valueName: "publisher"))
    var publisher: String?

    /// The database (--db or $TIMELINE_DB) whose actors and aliases are recognised in the text.
    @OptionGroup var database: DatabaseOptions

    @Option(help: ArgumentHelp("json (a document, the default) or jsonl.", valueName: "format"))
    var format: ExtractionFormat = .json

    @Flag(help: "List every time expression found, one JSON object per line, instead of events.")
    var mentions = false

    func validate() throws {
        if let published, Day(iso: published) == nil {
            throw ValidationError("--published \(published.shownInMessage(limit: 40)) is not a day: give YYYY-MM-DD")
        }
    }

    func run() throws {
        let (content, name) = try readArticle()
        let article = ArticleText(content, markup: ArticleText.markup(forName: name, content: content))
        let publishedDay = published.flatMap(Day.init(iso:))
        let finder = TimeExpressionFinder(published: publishedDay)
        if mentions {
            let found = finder.mentions(in: article)
            if publishedDay == nil, let first = found.first(where: { $0.value == nil }) {
                let count = found.filter { $0.value == nil }.count
                StandardError.write(
                    "warning: \(count == 1 ? "1 relative date has" : "\(count) relative dates have") no value without --published"
                        + " (the first: \"\(first.text.shownInMessage(limit: 60))\")\n")
            }
            printing { output in
                for mention in found { print(mention.jsonLine, to: &output) }
            }
            return
        }
        let source = Source(title: title, url: url, publisher: publisher, language: language == .auto ? nil : language.rawValue)
        let knownActors = database.chosenPath == nil ? [] : try database.open(.read).actors()
        let extractor = ArticleExtractor(
            source: source, published: publishedDay, language: language == .auto ? nil : language.rawValue,
            knownActors: knownActors)
        let document = extractor.document(for: article)
        if document.events.isEmpty { StandardError.write("note: no dated facts found\n") }
        printing { output in
            switch format {
            case .json:
                var writer = JSONDocumentWriter(records: document)
                writer.write(document.events, to: &output)
            case .jsonl:
                var writer = JSONLinesWriter(records: document)
                writer.write(document.events, to: &output)
            }
        }
    }

    /// The article's text and the name that hints at its markup.
    private func readArticle() throws -> (String, String) {
        var input = try InputBytes.opening(file)
        guard let text = String(validating: try input.readAll(), as: UTF8.self) else {
            throw CLIError(description: "\(file == "-" ? "standard input" : file.shownInMessage(limit: 200)) is not UTF-8 text")
        }
        return (text, file)
    }
}

enum ExtractionLanguageOption: String, ExpressibleByArgument, CaseIterable {
    case auto, fr, en
}

enum ExtractionFormat: String, ExpressibleByArgument, CaseIterable {
    case json, jsonl
}
