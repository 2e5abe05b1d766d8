import Foundation

extension Store {
    /// Stores a new event and returns its id (the one it had, or one made from its title).
    @discardableResult
    public func add(_ event: Event) throws -> String {
        let event = try event.normalized()
        return try write { try insert(event) }
    }

    /// The event with this id, or nil.
    public func event(id: String) throws -> Event? {
        do {
            return try database.cachedStatement(Self.selectEventSQL + " WHERE e.uid = ?").first([id]) { try readEvent($0) }
        } catch let error as DatabaseError {
            throw TimelineError.database(error)
        }
    }

    /// Replaces the stored event that has `event.id` with `event` (fields and links), keeping
    /// its creation time. Throws `eventNotFound` when there is none.
    public func update(_ event: Event) throws {
        let event = try event.normalized()
        guard let id = event.id else { throw TimelineError.invalidValue(field: "id", value: "", expected: "an update needs the event's id") }
        try write {
            guard let rowID = try rowID(of: id) else { throw TimelineError.eventNotFound(id: id) }
            try replace(rowID: rowID, with: event)
        }
    }

    /// Deletes the events with these ids and their links (their actors, tags and sources stay),
    /// all or none: an unknown id deletes nothing.
    public func remove(ids: [String]) throws {
        try write {
            for id in ids {
                try database.execute("DELETE FROM events WHERE uid = ?", [id])
                guard database.changes > 0 else { throw TimelineError.eventNotFound(id: id) }
            }
        }
    }

    // MARK: - Rows

    static let selectEventSQL = """
        SELECT e.id, e.uid, e.title, e.date, e.summary, e.kind, e.created_at, e.updated_at FROM events e
        """

    /// Reads one row of `selectEventSQL`, with its actors, tags and sources.
    func readEvent(_ row: Row) throws -> Event {
        let rowID: Int64 = row[0]
        let uid: String = row[1]
        let dateText: String = row[3]
        let date: PartialDate
        do {
            date = try PartialDate(parsing: dateText)
        } catch {
            throw TimelineError.invalidValue(field: "date of event \"\(uid)\" in the database", value: dateText,
                                             expected: "fix it in SQL with a date such as 2019-09-10 or 2019-09")
        }
        return Event(id: uid, title: row[2], date: date, summary: row[4], kind: row[5],
                     actors: try actors(ofRowID: rowID), tags: try tags(ofRowID: rowID),
                     sources: try sources(ofRowID: rowID), createdAt: row[6], updatedAt: row[7])
    }

    private func actors(ofRowID rowID: Int64) throws -> [EventActor] {
        try database.cachedStatement("""
            SELECT a.name, ea.role FROM event_actors ea JOIN actors a ON a.id = ea.actor_id
            WHERE ea.event_id = ? ORDER BY ea.position
            """).map([rowID]) { EventActor(name: $0[0], role: $0[1]) }
    }

    private func tags(ofRowID rowID: Int64) throws -> [String] {
        try database.cachedStatement("""
            SELECT t.name FROM event_tags et JOIN tags t ON t.id = et.tag_id
            WHERE et.event_id = ? ORDER BY t.name COLLATE NOCASE, t.name
            """).map([rowID]) { $0[0] }
    }

    private func sources(ofRowID rowID: Int64) throws -> [EventSource] {
        try database.cachedStatement("""
            SELECT s.title, s.url, s.publisher, s.published, s.language, es.locator
            FROM event_sources es JOIN sources s ON s.id = es.source_id
            WHERE es.event_id = ? ORDER BY es.position
            """).map([rowID]) { row in
            let published: String? = row[3]
            return EventSource(title: row[0], url: row[1], publisher: row[2],
                               published: published.flatMap { try? PartialDate(parsing: $0) },
                               language: row[4], locator: row[5])
        }
    }

    func rowID(of uid: String) throws -> Int64? {
        try database.scalar("SELECT id FROM events WHERE uid = ?", [uid], as: Int64.self)
    }

    /// Inserts a normalized event and its links; returns its id. Call inside a transaction.
    func insert(_ event: Event) throws -> String {
        let uid: String
        if let id = event.id {
            guard try rowID(of: id) == nil else { throw TimelineError.duplicateEventID(id) }
            uid = id
        } else {
            uid = try unusedID(for: event.title)
        }
        let date = event.date
        try database.execute("""
            INSERT INTO events (uid, title, summary, kind, date, start, end, precision, uncertain, approximate)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, [uid, event.title, event.summary, event.kind, date.edtf, date.earliest?.iso, date.latest?.iso,
                  date.precision.rawValue, date.isUncertain, date.isApproximate])
        try insertLinks(of: event, rowID: database.lastInsertedRowID)
        return uid
    }

    /// Overwrites the row `rowID` and its links with a normalized event. Call inside a transaction.
    func replace(rowID: Int64, with event: Event) throws {
        let date = event.date
        try database.execute("""
            UPDATE events SET title = ?, summary = ?, kind = ?, date = ?, start = ?, end = ?, precision = ?,
                uncertain = ?, approximate = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')
            WHERE id = ?
            """, [event.title, event.summary, event.kind, date.edtf, date.earliest?.iso, date.latest?.iso,
                  date.precision.rawValue, date.isUncertain, date.isApproximate, rowID])
        try database.execute("DELETE FROM event_actors WHERE event_id = ?", [rowID])
        try database.execute("DELETE FROM event_tags WHERE event_id = ?", [rowID])
        try database.execute("DELETE FROM event_sources WHERE event_id = ?", [rowID])
        try insertLinks(of: event, rowID: rowID)
    }

    private func insertLinks(of event: Event, rowID: Int64) throws {
        for (position, actor) in event.actors.enumerated() {
            try database.execute("INSERT INTO event_actors (event_id, position, actor_id, role) VALUES (?, ?, ?, ?)",
                                 [rowID, position, try actorID(named: actor.name), actor.role])
        }
        for tag in event.tags {
            try database.execute("INSERT OR IGNORE INTO event_tags (event_id, tag_id) VALUES (?, ?)",
                                 [rowID, try tagID(named: tag)])
        }
        for (position, source) in event.sources.enumerated() {
            try database.execute("INSERT INTO event_sources (event_id, position, source_id, locator) VALUES (?, ?, ?, ?)",
                                 [rowID, position, try sourceID(for: source), source.locator])
        }
    }

    /// The id of the actor with this name (case-insensitively), created when new.
    private func actorID(named name: String) throws -> Int64 {
        if let id = try database.scalar("SELECT id FROM actors WHERE name = ?", [name], as: Int64.self) { return id }
        try database.execute("INSERT INTO actors (name) VALUES (?)", [name])
        return database.lastInsertedRowID
    }

    private func tagID(named name: String) throws -> Int64 {
        if let id = try database.scalar("SELECT id FROM tags WHERE name = ?", [name], as: Int64.self) { return id }
        try database.execute("INSERT INTO tags (name) VALUES (?)", [name])
        return database.lastInsertedRowID
    }

    /// The id of the source with this URL (or, without one, this title), created when new;
    /// fields the stored source lacks are filled in from `source`.
    private func sourceID(for source: EventSource) throws -> Int64 {
        let existing: Int64?
        if let url = source.url {
            existing = try database.scalar("SELECT id FROM sources WHERE url = ?", [url], as: Int64.self)
        } else {
            existing = try database.scalar("SELECT id FROM sources WHERE url IS NULL AND title = ?", [source.title], as: Int64.self)
        }
        let values: [any DatabaseValueConvertible] = [source.title, source.publisher, source.published?.edtf, source.language]
        if let existing {
            try database.execute("""
                UPDATE sources SET title = coalesce(title, ?), publisher = coalesce(publisher, ?),
                    published = coalesce(published, ?), language = coalesce(language, ?)
                WHERE id = ?
                """, values + [existing])
            return existing
        }
        try database.execute("INSERT INTO sources (title, publisher, published, language, url) VALUES (?, ?, ?, ?, ?)",
                             values + [source.url])
        return database.lastInsertedRowID
    }

    /// An id made from the title ("Mayo Clinic signs with Google" → `mayo-clinic-signs-with-google`),
    /// with `-2`, `-3`, ... appended when it is taken.
    private func unusedID(for title: String) throws -> String {
        let base = Event.slug(from: title)
        var candidate = base
        var counter = 1
        while try rowID(of: candidate) != nil {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        return candidate
    }
}

extension Event {
    /// A readable id from a title: ASCII lowercase words joined by `-`, accents dropped, at most
    /// about 48 characters cut at a word boundary; "event" when nothing is left.
    static func slug(from title: String) -> String {
        let folded = title.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var words: [String] = []
        var length = 0
        for word in folded.split(whereSeparator: { !($0.isASCII && ($0.isLetter || $0.isNumber)) }) {
            let word = word.lowercased()
            if length + word.count + (words.isEmpty ? 0 : 1) > 48 {
                if words.isEmpty { words.append(String(word.prefix(48))) }
                break
            }
            words.append(word)
            length += word.count + (words.count > 1 ? 1 : 0)
        }
        return words.isEmpty ? "event" : words.joined(separator: "-")
    }
}
