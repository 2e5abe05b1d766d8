import ArgumentParser
import Foundation
import Timeline

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the timeline (or the events the filters keep) as a JSON document, CSV or Markdown.",
        discussion: """
            The JSON document (with the actors, sources and partnerships the events refer to) is \
            what `timeline import` reads back. With --output the file is written whole or not at \
            all (a temporary file renamed at the end).
            Examples:
              timeline export --output timeline.json
              timeline export --since 2019 --format csv > 2019.csv
              timeline export --partnership mayo-google-cloud --format markdown
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: ArgumentHelp("Output format.", valueName: "format"))
    var format: OutputFormat = .json

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    func run() throws {
        let store = try database.open(.read)
        guard let output else {
            var standardOutput = StandardOutput()
            defer { standardOutput.flush() }
            try store.write(format, matching: filters.filter, to: &standardOutput)
            return
        }
        let path = database.path
        var file = try OutputFile(path: output, protecting: [path, path + "-wal", path + "-shm"])
        do {
            try store.write(format, matching: filters.filter, to: &file)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }
}
