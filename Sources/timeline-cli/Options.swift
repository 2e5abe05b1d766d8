import ArgumentParser
import Timeline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the database is: --db, else $TIMELINE_DB, else ./timeline.db.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The timeline database file.", valueName: "path"))
    var db: String?

    func validate() throws {
        if db?.isEmpty == true { throw ValidationError("--db needs a file path") }
    }

    var path: String { chosenPath ?? "timeline.db" }

    /// --db, else $TIMELINE_DB when set: the database the user named, nil when neither says.
    var chosenPath: String? {
        if let db { return db }
        if let fromEnvironment = environmentVariable("TIMELINE_DB"), !fromEnvironment.isEmpty {
            return fromEnvironment
        }
        return nil
    }

    /// Opens the store, printing a warning for each migration changed since it was applied, and
    /// a note when it created the file (unless `quietly`, for `init`, which says so itself). Its
    /// writes are recorded in the history as `change` describes them.
    func open(_ access: Store.Access, recording change: ChangeDescription? = nil, quietly: Bool = false) throws -> Store {
        let store = try Store(path: path, access: access)
        if let change { store.changeDescription = change }
        if store.createdFile && !quietly {
            StandardError.write("note: created \(path.shownInMessage(limit: 200)), a new timeline database\n")
        }
        Interruption.watch(store)
        for migration in store.changedMigrations {
            StandardError.write("warning: migration \(migration.fileName) has changed since it was applied to \(path)\n")
        }
        return store
    }
}

/// Who makes a change and why, recorded with it in the history: --author (else
/// $TIMELINE_AUTHOR, else the user this runs as), --reason, and the command line.
struct ChangeOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp("Who makes this change, for the history (default: $TIMELINE_AUTHOR, else your user name).", valueName: "name"))
    var author: String?

    @Option(help: ArgumentHelp("Why, recorded with the change in the history.", valueName: "text"))
    var reason: String?

    func validate() throws { try validateChange(author: ("--author", author), reason: reason) }

    /// The change set's description; `source` is the id of the source the change rests on, if any.
    func description(source: String? = nil) -> ChangeDescription { changeDescription(author: author, reason: reason, source: source) }
}

/// `ChangeOptions` for `source add` and `source edit`, where --author is the source's author:
/// who makes the change is --changed-by.
struct SourceChangeOptions: ParsableArguments {
    @Option(
        name: .customLong("changed-by"),
        help: ArgumentHelp("Who makes this change, for the history (default: $TIMELINE_AUTHOR, else your user name).", valueName: "name"))
    var author: String?

    @Option(help: ArgumentHelp("Why, recorded with the change in the history.", valueName: "text"))
    var reason: String?

    func validate() throws { try validateChange(author: ("--changed-by", author), reason: reason) }

    func description() -> ChangeDescription { changeDescription(author: author, reason: reason, source: nil) }
}

private func validateChange(author: (option: String, value: String?), reason: String?) throws {
    for (option, value) in [author, ("--reason", reason)] {
        if let value, value.trimmingWhitespace.isEmpty { throw ValidationError("\(option) needs a value, not an empty one") }
    }
}

/// A change set's description: the author given, else $TIMELINE_AUTHOR, else the system user;
/// the command line as typed (the program named `timeline`).
private func changeDescription(author: String?, reason: String?, source: String?) -> ChangeDescription {
    let author = author ?? environmentVariable("TIMELINE_AUTHOR").flatMap { $0.trimmingWhitespace.isEmpty ? nil : $0 }
    return ChangeDescription(
        author: author?.trimmingWhitespace ?? ChangeDescription.systemUser,
        command: ChangeDescription.commandLine(["timeline"] + CommandLine.arguments.dropFirst()),
        reason: reason?.trimmingWhitespace, source: source)
}

/// The record a command names, or the error that says there is none.
func required<T>(_ record: T?, _ missing: @autoclosure () -> TimelineError) throws -> T {
    guard let record else { throw missing() }
    return record
}

/// Tells the user which actors and sources a command created because it named them, so a
/// misspelt name ("Gooogle") does not pass unseen.
func noteCreatedRecords<Value>(_ written: Written<Value>) {
    guard !written.createdByReference.isEmpty else { return }
    StandardError.write("note: created \(written.createdByReference.joined(separator: ", "))\n")
}

/// Reads a moment of the history (`--as-of`, `log --since`); a bad one is a usage error.
func parseMoment(_ text: String) throws -> HistoryMoment {
    do {
        return try HistoryMoment(parsing: text)
    } catch let error as TimelineError {
        throw ValidationError(error.description)
    }
}

/// `--as-of`: the timeline as it stood at a moment of its history (show, export, get).
struct AsOfOptions: ParsableArguments {
    @Option(
        name: .customLong("as-of"),
        help: ArgumentHelp(
            "The timeline as it stood then, rebuilt from its history: a date (to the end of that day, UTC) or a time (2026-12-01T14:30).",
            valueName: "date"), transform: parseMoment)
    var moment: HistoryMoment?

    /// `store`, or the timeline as it stood at the moment given.
    func store(_ store: Store) throws -> Store {
        guard let moment else { return store }
        let past = try store.asOf(moment)
        Interruption.watch(past)
        return past
    }
}

/// The filters shared by `show`, `search` and `export`.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only events that reach this date or later.", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only events that begin by the end of this date.", valueName: "date"))
    var until: String?

    @Option(help: ArgumentHelp("Only events that overlap this date (2021-04 keeps 2021 and 2021-04-12).", valueName: "date"))
    var on: String?

    @OptionGroup var dates: DateReadingOptions

    @Option(
        name: .customLong("actor"),
        help: ArgumentHelp("Only events involving this actor or its parts (repeat: all of them).", valueName: "name"))
    var actors: [String] = []

    @Flag(name: .customLong("exact"), help: "With --actor: only the named actors, not the actors that are part of them.")
    var exactActors = false

    @Option(help: ArgumentHelp("Only events linked to this partnership.", valueName: "id"))
    var partnership: String?

    @Option(help: ArgumentHelp("Only events of this kind.", valueName: "kind"))
    var kind: String?

    @Option(name: .customLong("tag"), help: ArgumentHelp("Only events with this tag (repeat: all of them).", valueName: "tag"))
    var tags: [String] = []

    @Option(
        help: ArgumentHelp(
            "Only events matching this full-text query: words, \"phrases\", prefix*, AND, OR, NOT.",
            valueName: "query"))
    var search: String?

    @Option(help: ArgumentHelp("At most this many events.", valueName: "n"))
    var limit: Int?

    @Flag(help: "Latest first.")
    var reverse = false

    @Flag(name: .customLong("hide-retracted"), help: "Leave out retracted events (by default they are shown, marked).")
    var hideRetracted = false

    func validate() throws {
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more, not \(limit)") }
        _ = try filter()
    }

    /// True when no filter was given.
    var isEmpty: Bool {
        since == nil && until == nil && on == nil && actors.isEmpty && !exactActors && partnership == nil && kind == nil && tags.isEmpty
            && search == nil && limit == nil && !reverse && !hideRetracted
    }

    /// The filter the options describe, its dates read as `dates` says.
    func filter() throws -> EventFilter {
        func read(_ text: String?, _ option: String) throws -> PartialDate? { try text.map { try dates.read($0, option: option) } }
        return EventFilter(
            since: try read(since, "--since"), until: try read(until, "--until"), on: try read(on, "--on"), actors: actors,
            exactActors: exactActors, partnership: partnership, kind: kind, tags: tags, search: search, limit: limit,
            reverse: reverse, hideRetracted: hideRetracted)
    }
}

extension ConflictPolicy: ExpressibleByArgument {}
extension ActorKind: ExpressibleByArgument {}

/// Reads `NAME[:ROLE]`: the role is what follows the last colon; end with a colon (`Acme: Inc:`)
/// to keep a colon in the name.
func parseActorRole(_ text: String) throws -> ActorRole {
    guard let colon = text.lastIndex(of: ":") else { return ActorRole(name: text) }
    let name = String(text[..<colon]).trimmingWhitespace
    let role = String(text[text.index(after: colon)...]).trimmingWhitespace
    guard !name.isEmpty else { throw ValidationError("\"\(text.shownInMessage())\" has no name; use NAME or NAME:ROLE") }
    return ActorRole(name: name, role: role.isEmpty ? nil : role)
}

/// `ORGANIZATION[:ROLE][@DATE]` as typed ("Google:CEO@2015/.."); its date is read later, with
/// the command's `DateReadingOptions`.
struct AffiliationArgument {
    let organization: ActorRole
    let date: String?

    func affiliation(_ dates: DateReadingOptions) throws -> Affiliation {
        Affiliation(
            organization: organization.name, role: organization.role,
            date: try date.map { try dates.read($0, option: "--affiliation") })
    }
}

/// Reads `ORGANIZATION[:ROLE][@DATE]`; the date is what follows the last "@".
func parseAffiliation(_ text: String) throws -> AffiliationArgument {
    guard let at = text.lastIndex(of: "@") else { return AffiliationArgument(organization: try parseActorRole(text), date: nil) }
    return AffiliationArgument(organization: try parseActorRole(String(text[..<at])), date: String(text[text.index(after: at)...]))
}

/// True when stdout is a terminal that wants colour: no `NO_COLOR`, no `--no-color`, not dumb.
func wantsColor(noColor: Bool) -> Bool {
    !noColor && isatty(STDOUT_FILENO) != 0 && environmentVariable("NO_COLOR").map(\.isEmpty) ?? true
        && environmentVariable("TERM") != "dumb"
}

/// The value of an environment variable, if set.
func environmentVariable(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
}

/// Removes from `values` each element that `removals` names (by `key`, case and accents
/// ignored); a removal that names nothing is an error, so a typo is not silently ignored.
func remove<T>(_ removals: [String], from values: inout [T], what: String, key: (T) -> [String]) throws {
    for removal in removals {
        let before = values.count
        values.removeAll { key($0).contains { $0.matchKey == removal.matchKey } }
        if values.count == before { throw CLIError(description: "there is no \(what) \"\(removal.shownInMessage())\" to remove") }
    }
}
