extension Store {
    /// Stores a new event and returns its id (the one it had, or one made from its title).
    @discardableResult
    public func add(_ event: Event) throws -> Written<String> {
        let event = try event.normalized()
        return try writeReporting { try insert(event) }
    }

    /// The event with this id, or nil.
    public func event(id: String) throws -> Event? {
        try read { try database.cachedStatement(Self.selectEventSQL + " WHERE e.uid = ?").first([id]) { try readEvent($0) } }
    }

    /// Replaces the stored event that has `event.id` with `event` (fields and links), keeping
    /// its creation time. Throws `eventNotFound` when there is none.
    @discardableResult
    public func update(_ event: Event) throws -> Written<Void> {
        let event = try event.normalized()
        guard let id = event.id else {
            throw TimelineError.invalidValue(field: "id", value: "", expected: "an update needs the event's id")
        }
        return try writeReporting {
            guard let rowID = try rowID(of: id) else { throw TimelineError.eventNotFound(id: id) }
            try replace(rowID: rowID, with: event)
        }
    }

    /// Reads the event with this id (or the only one whose id starts with it, as
    /// `eventID(matching:)` finds it), lets `change` modify it, and stores the result, all in one
    /// write transaction: another process's edit of the same event, made meanwhile, is never
    /// overwritten (it waits for this one, or this one for it). Throws `eventNotFound`.
    @discardableResult
    public func editEvent(id: String, _ change: (inout Event) throws -> Void) throws -> Written<Void> {
        try writeReporting {
            let uid = try eventRow(matching: id).uid
            guard var event = try event(id: uid) else { throw TimelineError.eventNotFound(id: id) }
            try change(&event)
            try update(event)
        }
    }

    /// Marks the event `id` (or a unique start of an id) retracted or disputed, with why and (if
    /// given) the source that shows it, or, with nil, standing again; the history keeps each
    /// mark. The change set that records it names the source too.
    @discardableResult
    public func setStatus(_ status: EventStatus?, ofEvent id: String) throws -> Written<Void> {
        try writeReporting {
            var event = try event(matching: id)
            event.status = status
            try update(event)
            if let changeSet = currentChangeSet {
                let source = try database.scalar(
                    "SELECT s.uid FROM events e JOIN sources s ON s.id = e.status_source_id WHERE e.uid = ?", [event.id], as: String.self)
                try database.execute("UPDATE changes SET source = ? WHERE id = ?", [source, changeSet])
            }
        }
    }

    /// Deletes the events with these ids (or unique starts of ids, see `eventID(matching:)`),
    /// with their links and quotes (their actors, tags and sources stay), all or none: an
    /// unknown id deletes nothing. The change set it returns undoes it (`undo(changeSet:)`).
    @discardableResult
    public func remove(ids: [String]) throws -> Written<Void> {
        try writeReporting {
            for id in ids {
                try database.execute("DELETE FROM events WHERE id = ?", [try eventRow(matching: id).rowID])
            }
        }
    }

    /// Merges the event `merged` into the event `kept` (each named by its id or a start of it
    /// that no other id has), when the two are one event entered twice: `kept` gains what
    /// `merged` adds (see `Event.merging`), and `merged` is deleted, in one transaction. Returns
    /// the id of the event kept.
    @discardableResult
    public func mergeEvent(_ merged: String, into kept: String) throws -> Written<String> {
        try writeReporting {
            let keptRow = try eventRow(matching: kept)
            let mergedRow = try eventRow(matching: merged)
            guard keptRow.rowID != mergedRow.rowID else {
                throw TimelineError.invalidValue(field: "event", value: merged, expected: "it already is \(keptRow.uid)")
            }
            guard let keptEvent = try event(id: keptRow.uid), let mergedEvent = try event(id: mergedRow.uid) else {
                throw TimelineError.eventNotFound(id: kept)
            }
            try database.execute("DELETE FROM events WHERE id = ?", [mergedRow.rowID])
            try update(keptEvent.merging(mergedEvent))
            return keptRow.uid
        }
    }

    // MARK: - Rows

    /// The event columns `readEvent` reads, then a snippet column, then `fromSQL`.
    static let selectEventSQL = selectEventColumnsSQL + ", NULL" + EventFilter.fromSQL
    /// The event's columns; the tenth says whether it has quotes (its derived search text of
    /// quotes is not NULL), so most events need no query for them; then its status.
    static let selectEventColumnsSQL = """
        SELECT e.id, e.uid, e.title, e.date, e.summary, e.kind, p.uid, e.created_at, e.updated_at, e.quotes_text IS NOT NULL,
            e.status, e.status_reason, e.status_source_id
        """

    /// Reads one row of `selectEventSQL`, with its actors, tags, sources and quotes.
    /// The event of `row`; `shallow` leaves out its actors, tags, sources and quotes (three or
    /// four queries an event fewer, for a writer that only needs the title and the date).
    func readEvent(_ row: Row, shallow: Bool = false) throws -> Event {
        let rowID: Int64 = row[0]
        let uid: String = row[1]
        let date = try storedDate(row[3], what: "event \"\(uid)\"")!
        var event = Event(
            id: uid, title: row[2], date: date, summary: row[4], kind: row[5], partnership: row[6],
            actors: shallow ? [] : try actors(ofRowID: rowID), tags: shallow ? [] : try tags(ofRowID: rowID),
            sources: shallow ? [] : try citations(in: "event_sources", owner: "event_id", rowID: rowID),
            quotes: row[9] && !shallow ? try quotes(ofEventRowID: rowID, at: date) : [], createdAt: row[7], updatedAt: row[8])
        if let standing = (row[10] as String?).flatMap(EventStatus.Standing.init(rawValue:)) {
            event.status = EventStatus(
                standing, reason: row[11] ?? "", source: try (row[12] as Int64?).map { try source(rowID: $0) })
        }
        event.snippet = (row[13] as String?).map(SearchSnippet.init(marked:))
        return event
    }

    private func actors(ofRowID rowID: Int64) throws -> [ActorRole] {
        try database.cachedStatement(
            """
            SELECT a.name, ea.role FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
            WHERE ea.event_id = ? ORDER BY ea.position
            """
        ).map([rowID]) { ActorRole(name: $0[0], role: $0[1]) }
    }

    private func tags(ofRowID rowID: Int64) throws -> [String] {
        try database.cachedStatement(
            """
            SELECT t.name FROM event_tags et JOIN tags t ON t.id = et.tag_id
            WHERE et.event_id = ? ORDER BY t.name COLLATE NOCASE, t.name
            """
        ).map([rowID]) { $0[0] }
    }

    func rowID(of uid: String) throws -> Int64? {
        try database.scalar("SELECT id FROM events WHERE uid = ?", [uid], as: Int64.self)
    }

    /// Inserts a normalized event and its links; returns its id (made from the title when it
    /// has none). `isNew` says the caller already knows no event has its id. Call inside a
    /// transaction.
    func insert(_ event: Event, isNew: Bool = false) throws -> String {
        let uid: String
        if let id = event.id {
            guard try isNew || rowID(of: id) == nil else { throw TimelineError.duplicateEventID(id) }
            uid = id
        } else {
            uid = try unusedID(base: Identifier.base(forEventTitled: event.title, date: event.date), in: "events")
        }
        let date = event.date
        let kind = try event.kind.map(kindToStore(_:))
        let rowID = try newRowID(in: "events")
        try database.execute(
            """
            INSERT INTO events (id, uid, title, summary, kind, date, start, end, precision, uncertain, approximate, partnership_id,
                status, status_reason, status_source_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [
                rowID, uid, event.title, event.summary, kind, date.edtf, date.earliest?.iso, date.latest?.iso,
                date.precision.rawValue, date.isUncertain, date.isApproximate, try partnershipRowID(of: event),
            ] + (try statusValues(of: event)))
        try insertLinks(of: event, rowID: rowID, isNew: true)
        return uid
    }

    /// Overwrites the row `rowID` and its links with a normalized event, changing only what
    /// differs (the history then shows what the edit changed, nothing more). Call inside a
    /// transaction.
    func replace(rowID: Int64, with event: Event) throws {
        let date = event.date
        let kind = try event.kind.map(kindToStore(_:))
        try database.execute(
            """
            UPDATE events SET title = ?, summary = ?, kind = ?, date = ?, start = ?, end = ?, precision = ?,
                uncertain = ?, approximate = ?, partnership_id = ?, status = ?, status_reason = ?, status_source_id = ?,
                updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
            WHERE id = ?
            """,
            [
                event.title, event.summary, kind, date.edtf, date.earliest?.iso, date.latest?.iso,
                date.precision.rawValue, date.isUncertain, date.isApproximate, try partnershipRowID(of: event),
            ] + (try statusValues(of: event)) + [rowID])
        try insertLinks(of: event, rowID: rowID, isNew: false)
    }

    /// The status columns of an event: standing, reason, source row (the source found or made
    /// as a citation's is).
    private func statusValues(of event: Event) throws -> [any DatabaseValueConvertible] {
        guard let status = event.status else { return [String?.none, String?.none, Int64?.none] }
        return [status.standing.rawValue, status.reason, try status.source.map { try sourceRowID(for: $0) }]
    }

    private func partnershipRowID(of event: Event) throws -> Int64? {
        guard let id = event.partnership else { return nil }
        guard let rowID = try partnershipRowID(uid: id) else { throw TimelineError.partnershipNotFound(id: id) }
        return rowID
    }

    /// Writes the event's actors, tags, sources and quotes; with `isNew` false, over those it
    /// had: rows that stay the same are left alone, the others updated, added or deleted. A new
    /// event's rows are plain inserts: an upsert (its update may fire triggers) makes SQLite
    /// keep a statement journal for each row, which an import pays for (see `Importer`).
    private func insertLinks(of event: Event, rowID: Int64, isNew: Bool) throws {
        let insertActor =
            isNew
            ? "INSERT INTO event_actors (event_id, position, actor_id, role) VALUES (?, ?, ?, ?)"
            : """
            INSERT INTO event_actors (event_id, position, actor_id, role) VALUES (?, ?, ?, ?)
            ON CONFLICT (event_id, position) DO UPDATE SET actor_id = excluded.actor_id, role = excluded.role
            WHERE actor_id IS NOT excluded.actor_id OR role IS NOT excluded.role
            """
        for (position, actor) in event.actors.enumerated() {
            try database.execute(insertActor, [rowID, position, try actorRowID(named: actor.name)!, actor.role])
        }
        let tagIDs = try event.tags.map { try tagID(named: $0) }
        if !isNew {
            try database.execute("DELETE FROM event_actors WHERE event_id = ? AND position >= ?", [rowID, event.actors.count])
            try database.execute(
                "DELETE FROM event_tags WHERE event_id = ? AND tag_id NOT IN (SELECT value FROM json_each(?))",
                [rowID, "[" + tagIDs.map(String.init).joined(separator: ",") + "]"])
        }
        for tagID in tagIDs {
            try database.execute("INSERT OR IGNORE INTO event_tags (event_id, tag_id) VALUES (?, ?)", [rowID, tagID])
        }
        try insertCitations(event.sources, in: "event_sources", owner: "event_id", rowID: rowID, replacing: !isNew)
        for (position, quote) in event.quotes.enumerated() {
            try insertQuote(quote, eventRowID: rowID, position: position, isNew: isNew)
        }
        if !isNew {
            try database.execute("DELETE FROM quotes WHERE event_id = ? AND position >= ?", [rowID, event.quotes.count])
        }
    }

    /// The row id of the tag `name` names (case, accents and spacing ignored), a new tag when none.
    private func tagID(named name: String) throws -> Int64 {
        if let tag = try storedTag(name) { return tag.rowID }
        let rowID = try nameRowID(in: "tags", for: name)
        try database.execute("INSERT INTO tags (id, name) VALUES (?, ?)", [rowID, name])
        tagsByKey.register(name, (rowID, name))
        return rowID
    }

    /// The spelling the events already have of `kind` ("DÉCLARATION" is stored as the
    /// "Déclaration" already there), or `kind` itself, the first of its spelling.
    private func kindToStore(_ kind: String) throws -> String {
        if let stored = try storedKind(kind) { return stored }
        kindsByKey.register(kind, kind)
        return kind
    }
}
