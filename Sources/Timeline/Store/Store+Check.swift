/// One thing `timeline check` found: how serious, which check, and a message naming the
/// records to fix.
public struct Finding: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        /// Health of the dataset: worth fixing, not broken.
        case warning
        /// The file or its data contradicts itself.
        case error

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
    }

    public var severity: Severity
    /// A short stable name for the check: `unsourced-event`, `similar-actors`, ...
    public var check: String
    public var message: String

    public var description: String { "\(severity.rawValue): \(check): \(message)" }
}

extension Store {
    /// How many of `integrity_check`'s problems `check()` lists, and how many it counts.
    public static let integrityProblemsShown = 20
    static let integrityProblemsCounted = 10_000

    /// Checks the file (SQLite's integrity and foreign keys) and the dataset's health, as a
    /// research team would in CI: stored dates that do not read or disagree with their bounds,
    /// partnerships with fewer than two members, loops in "part of", search columns out of step
    /// with what they are derived from (errors); events without a
    /// source, sources cited by nothing, actors whose names differ only by case, accents,
    /// punctuation or spacing or are spelt nearly alike, events on overlapping dates with nearly
    /// the same title, partnership events outside the partnership's span, quotes whose speaker is
    /// not linked to the event (warnings).
    /// A damaged file (SQLite's `integrity_check`) is reported first, at most
    /// `integrityProblemsShown` of its problems and how many more; a later check that the damage
    /// breaks is a finding of its own, and the others still run.
    public func check() throws -> [Finding] {
        try check(beforeCommit: false)
    }

    /// `check()`, or with `beforeCommit` what a write must pass before it commits: the errors
    /// alone (not the warnings, which read the whole dataset for its health), without the replay
    /// of the history on a copy (which reads the file as committed).
    func check(beforeCommit: Bool) throws -> [Finding] {
        try read {
            var findings: [Finding] = []
            func add(_ severity: Finding.Severity, _ check: String, _ message: String) {
                findings.append(Finding(severity: severity, check: check, message: message))
            }

            // A damaged file is the finding this command exists for: each later step that the
            // damage breaks becomes a finding too, and the others still run.
            func step(_ what: String, _ body: () throws -> Void) {
                do {
                    try body()
                } catch let error as DatabaseError {
                    add(.error, "integrity", "could not check \(what): \(error.message.shownInMessage(limit: 200))")
                } catch {
                    add(.error, "integrity", "could not check \(what): \(String(describing: error).shownInMessage(limit: 200))")
                }
            }

            step("the file's integrity") {
                var problems: [String] = []
                try database.makeStatement("PRAGMA integrity_check(\(Self.integrityProblemsCounted))").forEachRow { row in
                    // One row can hold several problems, a line each, under a heading per schema.
                    let message: String = row[0]
                    problems += message.split(whereSeparator: \.isNewline).map(String.init)
                        .filter { $0 != "ok" && !$0.hasPrefix("*** in database") }
                }
                for problem in problems.prefix(Self.integrityProblemsShown) { add(.error, "integrity", problem.shownInMessage(limit: 300)) }
                if problems.count > Self.integrityProblemsShown {
                    let more = problems.count - Self.integrityProblemsShown
                    let atLeast = problems.count >= Self.integrityProblemsCounted ? "at least " : ""
                    add(
                        .error, "integrity",
                        "and \(atLeast)\(more) more problem\(more == 1 ? "" : "s") (see `sqlite3 FILE 'PRAGMA integrity_check'`)")
                }
            }
            step("foreign keys") {
                try database.makeStatement("PRAGMA foreign_key_check").forEachRow { row in
                    let table: String = row[0]
                    let rowID: Int64? = row[1]
                    let parent: String = row[2]
                    add(.error, "foreign-key", "\(rowID.map { "row \($0) of" } ?? "a row of") \(table) refers to a missing \(parent) row")
                }
            }
            step("stored dates") {
                try forEachStaleDate { stale in
                    guard let text = stale.text, stale.date == nil else {
                        return add(.error, "date-bounds", stale.problem + "; `timeline reindex` recomputes them from the date")
                    }
                    add(
                        .error, "bad-date",
                        "\(stale.owner): date \"\(text.shownInMessage())\" does not read as a date; fix it in SQL, then run `timeline reindex`"
                    )
                }
            }
            step("partnerships' members") {
                try database.makeStatement(
                    """
                    SELECT p.uid, count(DISTINCT m.actor_id) FROM partnerships p LEFT JOIN partnership_members m ON m.partnership_id = p.id
                    GROUP BY p.id HAVING count(DISTINCT m.actor_id) < 2 ORDER BY p.uid
                    """
                ).forEachRow { row in
                    add(
                        .error, "lonely-partnership",
                        "partnership \"\(row[0] as String)\" has \(row[1] as Int) member(s); a partnership needs two or more")
                }
            }
            step("\"part of\" loops") {
                try database.makeStatement(
                    """
                    WITH RECURSIVE up(start, id, depth) AS (
                        SELECT id, part_of, 1 FROM actors WHERE part_of IS NOT NULL
                        UNION ALL SELECT up.start, a.part_of, depth + 1 FROM up JOIN actors a ON a.id = up.id
                        WHERE a.part_of IS NOT NULL AND up.id <> up.start AND depth < 100)
                    SELECT DISTINCT a.name FROM up JOIN actors a ON a.id = up.start WHERE up.id = up.start ORDER BY a.name
                    """
                ).forEachRow { row in
                    add(.error, "part-of-loop", "actor \"\(row[0] as String)\" is, through \"part of\", part of itself")
                }
            }
            step("search columns") {
                try database.makeStatement(
                    """
                    SELECT e.uid FROM events e JOIN event_search_text s ON s.event_id = e.id
                    WHERE e.actors_text IS NOT s.actors_text OR e.tags_text IS NOT s.tags_text OR e.quotes_text IS NOT s.quotes_text
                    ORDER BY e.id
                    """
                ).forEachRow { row in
                    add(
                        .error, "stale-search",
                        "event \"\(row[0] as String)\": its search columns do not match its actors, tags and quotes "
                            + "(written by hand?); run `timeline reindex`")
                }
            }
            /// A step whose findings are warnings: left out before a commit.
            func warningStep(_ what: String, _ body: () throws -> Void) {
                if !beforeCommit { step(what, body) }
            }
            warningStep("events' sources") {
                try database.makeStatement(
                    """
                    SELECT e.uid FROM events e WHERE NOT EXISTS (SELECT 1 FROM event_sources s WHERE s.event_id = e.id)
                    ORDER BY e.start, e.id
                    """
                ).forEachRow { row in
                    add(.warning, "unsourced-event", "event \"\(row[0] as String)\" cites no source")
                }
            }
            warningStep("sources' use") {
                try database.makeStatement(
                    """
                    SELECT s.uid FROM sources s WHERE NOT EXISTS (SELECT 1 FROM event_sources c WHERE c.source_id = s.id)
                    AND NOT EXISTS (SELECT 1 FROM partnership_sources c WHERE c.source_id = s.id)
                    AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.source_id = s.id) ORDER BY s.uid
                    """
                ).forEachRow { row in
                    add(.warning, "unused-source", "source \"\(row[0] as String)\" is cited by nothing")
                }
            }
            warningStep("actors' names") {
                var actorsByKey: [String: [String]] = [:]
                var names: [String] = []
                var rank: [String: (links: Int, entered: Int64, rowID: Int64)] = [:]
                // When each was entered: its insert in the history (0: before the history began).
                // Row ids do not say it: an actor's is made from its name.
                try database.makeStatement(
                    """
                    SELECT name, id, (SELECT count(*) FROM event_actors WHERE actor_id = a.id)
                        + (SELECT count(*) FROM partnership_members WHERE actor_id = a.id)
                        + (SELECT count(*) FROM quotes WHERE speaker_id = a.id),
                        coalesce((SELECT min(h.id) FROM history h WHERE h.table_name = 'actors' AND h.row_key = a.id), 0)
                    FROM actors a ORDER BY name
                    """
                ).forEachRow { row in
                    let name: String = row[0]
                    actorsByKey[name.similarityKey, default: []].append(name)
                    names.append(name)
                    rank[name] = (row[2], row[3], row[1])
                }
                /// The commands that merge `names` into the one most events, partnerships and
                /// quotes name, else the one entered first (a slip is rarer, and later).
                func merges(_ names: [String]) -> String {
                    func isBefore(_ a: String, _ b: String) -> Bool {
                        guard let a = rank[a], let b = rank[b] else { return false }
                        return (-a.links, a.entered, a.rowID) < (-b.links, b.entered, b.rowID)
                    }
                    let kept = names.min(by: isBefore) ?? names[0]
                    return names.filter { $0 != kept }.map { "`timeline actor merge \(kept.shellQuoted) \($0.shellQuoted)`" }
                        .joined(separator: ", ")
                }
                for names in actorsByKey.values.filter({ $0.count > 1 }).sorted(by: { $0[0] < $1[0] }) {
                    add(
                        .warning, "similar-actors",
                        "actors " + names.map { "\"\($0)\"" }.joined(separator: ", ")
                            + " differ only by case, accents, punctuation or spacing (merge them with \(merges(names)))")
                }
                for (a, b) in NearDuplicates.alikeNames(names) {
                    add(
                        .warning, "similar-actors",
                        "actors \"\(a)\" and \"\(b)\" are spelt nearly alike (if they are one, merge them with \(merges([a, b])))")
                }
            }
            warningStep("events' titles") {
                var window = NearDuplicates.EventWindow()
                try database.makeStatement(
                    "SELECT uid, id, precision, title, start, end FROM events WHERE start IS NOT NULL ORDER BY start, precision DESC, id"
                ).forEachRow { row in
                    guard let precision = DatePrecision(rawValue: row[2]), let start = Day(iso: row[4])?.daysSince1970 else { return }
                    let event = NearDuplicates.EventWindow.Entry(
                        id: row[0], rowID: row[1], precision: precision, title: row[3], start: start,
                        end: (row[5] as String?).flatMap(Day.init(iso:))?.daysSince1970)
                    for earlier in window.add(event) {
                        let (kept, merged) = event.isBetterKept(than: earlier) ? (event, earlier) : (earlier, event)
                        add(
                            .warning, "similar-events",
                            "events \"\(earlier.id)\" and \"\(event.id)\" have nearly the same title and overlapping dates "
                                + "(if they are one, merge them with `timeline merge \(kept.id) \(merged.id)`)")
                    }
                }
            }
            warningStep("events within their partnerships") {
                try database.makeStatement(
                    """
                    SELECT e.uid, e.date, p.uid, p.date FROM events e JOIN partnerships p ON p.id = e.partnership_id
                    WHERE p.date IS NOT NULL AND ((p.start IS NOT NULL AND e.end IS NOT NULL AND e.end < p.start)
                       OR (p.end IS NOT NULL AND e.start IS NOT NULL AND e.start > p.end))
                    ORDER BY e.start, e.id
                    """
                ).forEachRow { row in
                    add(
                        .warning, "outside-partnership",
                        "event \"\(row[0] as String)\" (\(row[1] as String)) lies outside its partnership \"\(row[2] as String)\" (\(row[3] as String))"
                    )
                }
            }
            warningStep("quotes' speakers") {
                try database.makeStatement(
                    """
                    SELECT e.uid, q.position + 1, a.name FROM quotes q JOIN events e ON e.id = q.event_id JOIN actors a ON a.id = q.speaker_id
                    WHERE NOT EXISTS (SELECT 1 FROM event_actors ea WHERE ea.event_id = q.event_id AND ea.actor_id = q.speaker_id)
                    ORDER BY e.start, e.id, q.position
                    """
                ).forEachRow { row in
                    add(
                        .warning, "unlinked-speaker",
                        "quote \(row[1] as Int) of event \"\(row[0] as String)\": its speaker \"\(row[2] as String)\" is not one of the event's actors"
                    )
                }
            }
            step("the history") { findings += try historyFindings(replaying: !beforeCommit) }
            return findings
        }
    }
}
