/// Names as people remember them: tags and kinds matched whatever their case, accents and
/// spacing; an event named by the start of its id; and, for a name that matches nothing, the
/// closest names that exist, in the error.
extension Store {
    // MARK: - Tags and kinds

    /// The tag stored under `name`'s key ("DONNÉES DE SANTÉ" finds "données de santé"), or nil.
    func storedTag(_ name: String) throws -> (rowID: Int64, name: String)? {
        try tagsByKey.value(of: name) {
            try database.cachedStatement("SELECT name, id FROM tags ORDER BY id").map { row in
                (spelling: row[0], value: (rowID: row[1], name: row[0]))
            }
        }
    }

    /// The spelling of `kind` that the events have ("declaration" finds "Déclaration"), or nil.
    func storedKind(_ kind: String) throws -> String? {
        try kindsByKey.value(of: kind) { try distinctKinds().map { (spelling: $0, value: $0) } }
    }

    /// Every kind the events have, one spelling per group that `NOCASE` makes one, read from
    /// the index on kinds a step each (there are few kinds, however many events).
    func distinctKinds() throws -> [String] {
        try database.cachedStatement(
            """
            WITH RECURSIVE kinds(kind) AS (
                SELECT min(kind) FROM events
                UNION ALL SELECT (SELECT min(kind) FROM events WHERE kind > kinds.kind) FROM kinds WHERE kinds.kind IS NOT NULL)
            SELECT kind FROM kinds WHERE kind IS NOT NULL
            """
        ).map { $0[0] as String }
    }

    /// The row ids of the tags that `name` names: one, unless rows written by hand spell one
    /// tag twice. Throws `tagNotFound` when there is none.
    func tagRowIDs(matching name: String) throws -> [Int64] {
        let key = name.matchKey
        let rowIDs = try database.cachedStatement("SELECT id, name FROM tags ORDER BY id").map { row in
            (row[1] as String).matchKey == key ? row[0] as Int64 : nil
        }.compactMap { $0 }
        guard !rowIDs.isEmpty else { throw TimelineError.tagNotFound(name: name) }
        return rowIDs
    }

    /// The stored spellings of the kind that `kind` names: one, unless rows written by hand
    /// spell it twice. Throws `kindNotFound` when no event has it.
    func storedSpellings(ofKind kind: String) throws -> [String] {
        let key = kind.matchKey
        let spellings = try distinctKinds().filter { $0.matchKey == key }
        guard !spellings.isEmpty else { throw TimelineError.kindNotFound(name: kind) }
        return spellings
    }

    // MARK: - Event ids

    /// The id of the event that `typed` names: the event with exactly that id, else the only
    /// one whose id starts with it (`mayo-google-p` for `mayo-google-partnership`). Throws
    /// `eventNotFound`, with the closest ids, or `ambiguousEventID`, with some of the candidates.
    public func eventID(matching typed: String) throws -> String {
        try read { try eventRow(matching: typed).uid }
    }

    /// The event that `typed` names, as `eventID(matching:)` finds it.
    public func event(matching typed: String) throws -> Event {
        try read {
            let uid = try eventRow(matching: typed).uid
            guard let event = try event(id: uid) else { throw TimelineError.eventNotFound(id: typed) }
            return event
        }
    }

    /// How many ids an ambiguous prefix lists.
    static let ambiguousCandidatesShown = 10

    /// The row of the event that `typed` names (see `eventID(matching:)`).
    func eventRow(matching typed: String) throws -> (rowID: Int64, uid: String) {
        if let rowID = try rowID(of: typed) { return (rowID, typed) }
        // Ids are in lowercase: "MAYO" is the start of "mayo-google-partnership".
        let start = typed.lowercased()
        if start != typed, let rowID = try rowID(of: start) { return (rowID, start) }
        guard !start.isEmpty else { throw TimelineError.eventNotFound(id: typed) }
        // Ids are ASCII below U+007F, so those that start with `start` sort between it and it + U+007F.
        let shown = Self.ambiguousCandidatesShown
        let candidates = try database.cachedStatement(
            "SELECT id, uid FROM events WHERE uid > ?1 AND uid < ?1 || char(127) ORDER BY uid LIMIT ?2"
        )
        .map([start, shown + 1]) { (rowID: $0[0] as Int64, uid: $0[1] as String) }
        guard let first = candidates.first else { throw TimelineError.eventNotFound(id: typed) }
        guard candidates.count > 1 else { return first }
        let count = try database.scalar("SELECT count(*) FROM events WHERE uid > ?1 AND uid < ?1 || char(127)", [start], as: Int.self) ?? 0
        throw TimelineError.ambiguousEventID(
            prefix: typed, candidates: candidates.prefix(shown).map(\.uid), more: count - min(count, shown))
    }

    // MARK: - Did you mean

    /// `error` with the names closest to the one it names, when it is one of the "not found"
    /// errors: the ids, names, tags or kinds that exist and are spelt nearly alike.
    public func withClosestNames(_ missing: TimelineError) -> TimelineError {
        do {
            return try read {
                switch missing {
                case .eventNotFound(let id, []): return .eventNotFound(id: id, closest: try closestEventIDs(to: id))
                case .actorNotFound(let name, []):
                    let names = try database.cachedStatement("SELECT name FROM actors UNION ALL SELECT alias FROM actor_aliases").map {
                        $0[0] as String
                    }
                    return .actorNotFound(name: name, closest: ClosestNames.closest(to: name, among: names))
                case .partnershipNotFound(let id, []):
                    let ids = try database.cachedStatement("SELECT uid FROM partnerships ORDER BY id").map { $0[0] as String }
                    return .partnershipNotFound(id: id, closest: ClosestNames.closest(to: id, among: ids))
                case .sourceNotFound(let id, []):
                    let ids = try database.cachedStatement("SELECT uid FROM sources ORDER BY id").map { $0[0] as String }
                    return .sourceNotFound(id: id, closest: ClosestNames.closest(to: id, among: ids))
                case .tagNotFound(let name, []):
                    let tags = try database.cachedStatement("SELECT name FROM tags ORDER BY id").map { $0[0] as String }
                    return .tagNotFound(name: name, closest: ClosestNames.closest(to: name, among: tags))
                case .kindNotFound(let name, []):
                    return .kindNotFound(name: name, closest: ClosestNames.closest(to: name, among: try distinctKinds()))
                default:
                    return missing
                }
            }
        } catch {
            return missing  // the names could not be read: the error as it was
        }
    }

    /// The ids closest to `typed` among a short list, so that it stays quick on a million
    /// events: the ids beside it in sorted order (a slip near the end), and the ids of events
    /// whose titles have one of its words (a slip near the start), a few hundred at most.
    func closestEventIDs(to typed: String) throws -> [String] {
        var shortlist = try database.cachedStatement("SELECT uid FROM events WHERE uid < ? ORDER BY uid DESC LIMIT 50").map([typed]) {
            $0[0] as String
        }
        shortlist += try database.cachedStatement("SELECT uid FROM events WHERE uid > ? ORDER BY uid LIMIT 50").map([typed]) {
            $0[0] as String
        }
        let words = typed.split { !($0.isLetter || $0.isNumber) }.filter { $0.count >= 3 }.prefix(8)
        if !words.isEmpty {
            let query = "title : (" + words.map { "\"\($0)\"" }.joined(separator: " OR ") + ")"
            shortlist += try database.cachedStatement(
                "SELECT e.uid FROM events_fts JOIN events e ON e.id = events_fts.rowid WHERE events_fts MATCH ? LIMIT 300"
            ).map([query]) { $0[0] as String }
        }
        return ClosestNames.closest(to: typed, among: shortlist)
    }
}
