import ArgumentParser
import Timeline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import a JSON, JSON Lines, CSV or TimelineJS file.",
        usage: "timeline import [<options>] <file>",
        discussion: """
            Formats:
            \(Format.helpLines(writable: false))
            The format comes from --format, else the file's extension and first bytes. JSON Lines \
            and CSV stream, so a file of any size imports in flat memory, in one transaction: all or nothing. \
            Records are matched on id (actors on name or alias): one already stored as it is in \
            the file is left alone, so importing a file twice adds nothing. --on-conflict says \
            what to do when a stored record with the same id differs. --dry-run reports what \
            would be added, updated and skipped, and writes nothing.
            Examples:
              timeline import examples/mayo-google.json
              timeline import events.csv --dry-run
              cat timeline.jsonl | timeline import - --on-conflict update
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var change: ChangeOptions

    @Argument(help: ArgumentHelp("The file to read, or - for standard input.", valueName: "file"))
    var file: String

    @Option(help: ArgumentHelp("The input's format (default: detected).", valueName: "format"))
    var format: ReadableFormat?

    @Option(name: .customLong("on-conflict"), help: ArgumentHelp("When a stored record with the same id differs.", valueName: "policy"))
    var onConflict: ConflictPolicy = .fail

    @Flag(name: .customLong("dry-run"), help: "Check everything and report what would change; write nothing.")
    var dryRun = false

    func run() throws {
        var input = try InputBytes.opening(file)
        let format = try format?.format ?? Format.detect(path: file == "-" ? nil : file, input: &input)
        var reader = InterruptibleReader(base: try format.reader(input))
        let showProgress = isatty(STDERR_FILENO) != 0
        let run = { (store: Store) in
            try store.importRecords(from: &reader, onConflict: onConflict, dryRun: dryRun) { count in
                if showProgress { StandardError.write("\rimporting… \(count) records") }
            }
        }
        // A dry run never creates the database; a real one may.
        let report =
            if dryRun && FileSystem.entry(at: database.path) == .missing {
                try run(try Store(path: ":memory:", access: .create))
            } else {
                try run(try database.open(.create, recording: change.description()))
            }
        if showProgress { StandardError.write("\r\u{1B}[K") }
        StandardError.write((dryRun ? "dry run, nothing written: would import " : "imported ") + "\(report)\n")
    }
}
