import ArgumentParser
import Foundation
import Timeline

/// Where the database is: --db, else $TIMELINE_DB, else ./timeline.db.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The timeline database file.", valueName: "path"))
    var db: String?

    var path: String {
        if let db { return db }
        if let fromEnvironment = ProcessInfo.processInfo.environment["TIMELINE_DB"], !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return "timeline.db"
    }

    /// Opens the store, printing a warning for each migration changed since it was applied.
    func open(_ access: Store.Access) throws -> Store {
        let store = try Store(path: path, access: access)
        for migration in store.changedMigrations {
            StandardError.write("warning: migration \(migration.fileName) has changed since it was applied to \(path)\n")
        }
        return store
    }
}

/// Reads a date option; a bad date is a usage error that quotes it and lists accepted forms.
func parseDate(_ text: String) throws -> PartialDate {
    do {
        return try PartialDate(parsing: text)
    } catch {
        throw ValidationError("\(error.reason); accepted forms: \(DateParseError.acceptedForms)")
    }
}

/// The filters shared by `show` and `export`.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only events that reach this date or later.", valueName: "date"), transform: parseDate)
    var since: PartialDate?

    @Option(help: ArgumentHelp("Only events that begin by the end of this date.", valueName: "date"), transform: parseDate)
    var until: PartialDate?

    @Option(help: ArgumentHelp("Only events that overlap this date (2021-04 keeps 2021 and 2021-04-12).", valueName: "date"),
            transform: parseDate)
    var on: PartialDate?

    @Option(name: .customLong("actor"), help: ArgumentHelp("Only events involving this actor (repeat: all of them).", valueName: "name"))
    var actors: [String] = []

    @Option(help: ArgumentHelp("Only events of this kind.", valueName: "kind"))
    var kind: String?

    @Option(name: .customLong("tag"), help: ArgumentHelp("Only events with this tag (repeat: all of them).", valueName: "tag"))
    var tags: [String] = []

    @Option(help: ArgumentHelp("At most this many events.", valueName: "n"))
    var limit: Int?

    @Flag(help: "Latest first.")
    var reverse = false

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more, not \(limit)") }
    }

    var filter: EventFilter {
        EventFilter(since: since, until: until, on: on, actors: actors, kind: kind, tags: tags, limit: limit, reverse: reverse)
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension ConflictPolicy: ExpressibleByArgument {}

/// Reads `--actor NAME[:ROLE]`: the role is what follows the last colon.
func parseActor(_ text: String) throws -> EventActor {
    guard let colon = text.lastIndex(of: ":") else { return EventActor(name: text) }
    let name = String(text[..<colon]).trimmingCharacters(in: .whitespaces)
    let role = String(text[text.index(after: colon)...]).trimmingCharacters(in: .whitespaces)
    guard !name.isEmpty else { throw ValidationError("--actor \"\(text)\" has no name; use NAME or NAME:ROLE") }
    return EventActor(name: name, role: role.isEmpty ? nil : role)
}

/// True when stdout is a terminal that wants colour: no `NO_COLOR`, no `--no-color`, not dumb.
func wantsColor(noColor: Bool) -> Bool {
    let environment = ProcessInfo.processInfo.environment
    return !noColor && isatty(STDOUT_FILENO) != 0 && environment["NO_COLOR"].map(\.isEmpty) ?? true
        && environment["TERM"] != "dumb"
}
