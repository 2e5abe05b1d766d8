import ArgumentParser
import Timeline

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Copy the database safely, even while it is in use.",
        discussion: """
            The copy is one self-contained SQLite file holding everything (events, actors, \
            partnerships, quotes, sources, the search index), as of one moment, checked with \
            SQLite's integrity check before it is put in place. The database itself is only \
            read. An existing FILE is refused unless --force. To restore, copy the backup over \
            the database while no timeline process runs, and remove the database's -wal and \
            -shm files if any.
            Examples:
              timeline backup ~/backups/timeline-2026-12-02.db
              timeline backup --db research.db latest.db --force
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("The file to write.", valueName: "file"))
    var file: String

    @Flag(help: "Replace FILE if it exists.")
    var force = false

    func validate() throws {
        if file.isEmpty { throw ValidationError("FILE needs a file path") }
    }

    func run() throws {
        let backup = try Store.backUp(databaseAt: database.path, to: file, replacing: force)
        let events = "\(backup.events) event\(backup.events == 1 ? "" : "s")"
        StandardError.write("backed up \(events) to \(backup.path) (schema version \(backup.schemaVersion))\n")
    }
}
