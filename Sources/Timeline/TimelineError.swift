/// What can go wrong in a timeline, with the input it concerns, phrased for the person who
/// typed it. The CLI prints `description` after `error: `; the values it quotes are escaped and
/// shortened (`shownInMessage`), so that it stays one short line whatever the input held.
public enum TimelineError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A command that only reads was pointed at a file that does not exist.
    case databaseNotFound(path: String)
    /// The database's folder does not exist, so the file cannot be created.
    case directoryNotFound(path: String)
    /// The file exists but is not a timeline database.
    case notATimelineDatabase(path: String, reason: String)
    /// The file was written by a newer `timeline`, whose schema this binary does not know.
    case schemaTooNew(path: String, version: Int, supported: Int)
    /// No event has this id (nor starts with it); `closest` are ids it may have meant.
    case eventNotFound(id: String, closest: [String] = [])
    /// Several event ids start with what was given: some of them (`candidates`), and how many more.
    case ambiguousEventID(prefix: String, candidates: [String], more: Int)
    /// Another event already has this id.
    case duplicateEventID(String)
    /// No actor has this name or alias; `closest` are names it may have meant.
    case actorNotFound(name: String, closest: [String] = [])
    /// No source has this id; `closest` are ids it may have meant.
    case sourceNotFound(id: String, closest: [String] = [])
    /// No partnership has this id; `closest` are ids it may have meant.
    case partnershipNotFound(id: String, closest: [String] = [])
    /// No tag has this name; `closest` are tags it may have meant.
    case tagNotFound(name: String, closest: [String] = [])
    /// No event has this kind; `closest` are kinds it may have meant.
    case kindNotFound(name: String, closest: [String] = [])
    /// Something cannot be removed while other records use it (`by`: "2 events, 1 quote").
    case inUse(what: String, by: String)
    /// A value a user gave is not acceptable: which field, the value, and what is accepted.
    case invalidValue(field: String, value: String, expected: String)
    /// An imported record differs from the stored one with its id, and the policy is `fail`.
    case importConflict(id: String)
    /// An import stopped: where in the input (event index or id), and why. Nothing was written.
    case importFailed(location: String, reason: String)
    /// Another process holds the database's write lock for longer than the busy timeout.
    case databaseBusy(path: String)
    /// The database (or its folder) cannot be written.
    case readOnlyDatabase(path: String)
    /// A database in a folder this process cannot write, whose write-ahead log holds changes
    /// that SQLite can only read with a `-shm` file, which it cannot create there.
    case unreadableLog(path: String)
    /// A new database could not be made (a full disk, an I/O error); nothing was left behind.
    case cannotCreate(path: String, reason: String)
    /// A file of an older schema that this process may not write, so cannot upgrade to read it.
    case upgradeNeedsWriteAccess(path: String, version: Int, current: Int)
    /// A copy that `litestream restore -f` keeps up to date (its `-txid` file is beside it): a
    /// write (or an upgrade) there would be lost, and would stop the copy from following.
    case followedCopy(path: String, upgrading: Bool)
    /// The history has no change set with this number.
    case changeSetNotFound(Int64)
    /// A change set cannot be undone without undoing later changes too (each named).
    case undoConflict(changeSet: Int64, conflicts: [String])
    /// A change set cannot be undone at all as things are: `record` is why.
    case undoBlocked(changeSet: Int64, record: String, reason: String)
    /// The moment `--as-of` names is before the history begins.
    case beforeHistory(moment: String, begins: String)
    /// A file given to `timeline changes apply` that is not one `changes export` wrote.
    case invalidChangeFile(location: String, reason: String)
    /// Another copy's changes that contradict this copy's: nothing was applied.
    case unresolvedConflicts(file: String, conflicts: [ChangeConflict])
    /// SQLite refused an operation.
    case database(DatabaseError)

    public var description: String {
        switch self {
        case .databaseNotFound(let path):
            return
                "no timeline database at \(path.shownInMessage(limit: 200)) (create one with `timeline init`, or choose one with --db or $TIMELINE_DB)"
        case .directoryNotFound(let path):
            return "cannot create a database at \(path.shownInMessage(limit: 200)): its folder does not exist"
        case .notATimelineDatabase(let path, let reason):
            return "\(path.shownInMessage(limit: 200)) is not a timeline database: \(reason)"
        case .schemaTooNew(let path, let version, let supported):
            return
                "\(path.shownInMessage(limit: 200)) has schema version \(version), newer than this timeline knows (up to \(supported)); upgrade timeline to use it (the file was left untouched)"
        case .eventNotFound(let id, let closest):
            return "no event with id \"\(id.shownInMessage())\"" + Self.hint(closest, else: "list ids with `timeline show`")
        case .ambiguousEventID(let prefix, let candidates, let more):
            let listed = candidates.map { $0.shownInMessage() }.joined(separator: ", ") + (more > 0 ? " and \(more) more" : "")
            return "\"\(prefix.shownInMessage())\" is the start of \(candidates.count + more) event ids (\(listed)); give more of the id"
        case .duplicateEventID(let id):
            return "an event with id \"\(id.shownInMessage())\" already exists"
        case .actorNotFound(let name, let closest):
            return "no actor named \"\(name.shownInMessage())\"" + Self.hint(closest, else: "list them with `timeline actor list`")
        case .sourceNotFound(let id, let closest):
            return "no source with id \"\(id.shownInMessage())\"" + Self.hint(closest, else: "list them with `timeline source list`")
        case .partnershipNotFound(let id, let closest):
            return "no partnership with id \"\(id.shownInMessage())\""
                + Self.hint(closest, else: "list them with `timeline partnership list`")
        case .tagNotFound(let name, let closest):
            return "no tag named \"\(name.shownInMessage())\"" + Self.hint(closest)
        case .kindNotFound(let name, let closest):
            return "no event is of kind \"\(name.shownInMessage())\"" + Self.hint(closest)
        case .inUse(let what, let by):
            return "\(what.shownInMessage(limit: 200)) is still used by \(by); remove those links first, or use --force"
        case .invalidValue(let field, let value, let expected):
            return "invalid \(field) \"\(value.shownInMessage())\": \(expected)"
        case .importConflict(let id):
            return
                "\"\(id.shownInMessage())\" is already stored with different content; choose --on-conflict skip (keep it) or update (replace it)"
        case .importFailed(let location, let reason):
            return "import failed at \(location.shownInMessage(limit: 200)): \(reason); nothing was imported"
        case .databaseBusy(let path):
            return
                "\(path.shownInMessage(limit: 200)) is busy: another program has been writing to it for over 5 seconds; try again when it is done"
        case .readOnlyDatabase(let path):
            return "cannot write \(path.shownInMessage(limit: 200)): the file or its folder is read-only"
        case .unreadableLog(let path):
            let shown = path.shownInMessage(limit: 200)
            return "cannot read \(shown): its log \(shown)-wal holds recent changes, and reading them needs \(shown)-shm, "
                + "which cannot be created in its read-only folder (copy the files to a folder you can write, or ask the owner for a `timeline backup`)"
        case .cannotCreate(let path, let reason):
            return "cannot create a database at \(path.shownInMessage(limit: 200)): \(reason)"
        case .upgradeNeedsWriteAccess(let path, let version, let current):
            return "\(path.shownInMessage(limit: 200)) has schema version \(version) and this timeline reads version \(current): "
                + "upgrading it needs write access (run `timeline init --db \(path.shownInMessage(limit: 200))` as someone who may write the file and its folder)"
        case .followedCopy(let path, let upgrading):
            let shown = path.shownInMessage(limit: 200)
            let instead =
                upgrading
                ? "upgrade the original with `timeline init`"
                : "write to the original, or make a copy of your own with `timeline backup`"
            return "cannot \(upgrading ? "upgrade" : "write") \(shown): it is a copy that `litestream restore -f` keeps up to date "
                + "(\(shown)-txid is beside it), so it is only read; \(instead)"
        case .changeSetNotFound(let id):
            return "no change set \(id) in the history (list them with `timeline log`)"
        case .undoConflict(let changeSet, let conflicts):
            let shown = conflicts.prefix(5).map { $0.shownInMessage(limit: 120) }.joined(separator: "; ")
            let more = conflicts.count > 5 ? "; and \(conflicts.count - 5) more" : ""
            return "cannot undo change \(changeSet): later changes touched what it changed: \(shown)\(more) "
                + "(undo those first, or give --force to undo it over them)"
        case .undoBlocked(let changeSet, let record, let reason):
            return "cannot undo change \(changeSet): \(record.shownInMessage(limit: 120)): \(reason)"
        case .invalidChangeFile(let location, let reason):
            return "cannot apply the changes: \(location.shownInMessage(limit: 200)): \(reason); nothing was applied"
        case .unresolvedConflicts(let file, let conflicts):
            let count = conflicts.count == 1 ? "1 conflict" : "\(conflicts.count) conflicts"
            return "\(file.shownInMessage(limit: 200)) has \(count) with this copy (listed above); nothing was applied: "
                + "choose with --take ours or --take theirs, for all or for one (--take NAME=theirs)"
        case .beforeHistory(let moment, let begins):
            return "\(moment.shownInMessage()) is before the history of this file begins (\(begins)): "
                + "what it held before then was not recorded"
        case .database(let error):
            return error.description
        }
    }

    /// "; did you mean "a", "b" or "c"?" for the closest names, else ` (where to look)`.
    private static func hint(_ closest: [String], else pointer: String? = nil) -> String {
        guard let last = closest.last else { return pointer.map { " (\($0))" } ?? "" }
        let quoted = closest.map { "\"\($0.shownInMessage())\"" }
        let names = closest.count == 1 ? quoted[0] : quoted.dropLast().joined(separator: ", ") + " or \"\(last.shownInMessage())\""
        return "; did you mean \(names)?"
    }
}
