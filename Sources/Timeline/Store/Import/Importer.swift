/// The state of one import: what it has counted, and what it must remember to stay correct on
/// a stream (ids it made up, actors it created only because something named them).
struct Importer {
    let store: Store
    let policy: ConflictPolicy
    var report = ImportReport()
    /// Stored events this import replaced: a second record with one of their ids is a duplicate.
    /// (New events are told by their row ids, after `lastRowBefore`; memory stays flat.)
    private var replacedRows = Set<Int64>()
    /// Actors whose details are written once every actor of the input exists.
    private var pendingActorDetails: [(profile: ActorProfile, rowID: Int64, location: String)] = []
    /// The search triggers (`Store.searchTriggerNames`), set aside while the rows load: one pass
    /// over the new rows at the end costs a fraction of a trigger per row (and of the updates
    /// that links make).
    private let searchTriggers: [String]
    /// The history's insert triggers on events and the tables of their links and quotes, as
    /// they were (restored by `finish`): new events and what belongs to them are recorded as
    /// one range per table at the end, not one history row per row.
    private let historyTriggers: [(name: String, sql: String)]
    /// Whether the links' insert triggers are back, for stored events only: since the import
    /// replaced one. Until then a link insert fires no trigger, so SQLite keeps no statement
    /// journal for it (once one statement's journal passes 64 KiB, SQLite writes every later
    /// one to a temporary file until the commit; see BENCHMARKS.md).
    private var linkTriggersOfStoredEventsAreBack = false
    /// The last event row before the import: rows after it are new.
    private let lastRowBefore: Int64
    /// True once the import changed something already indexed (an event replaced, an actor's
    /// names): the whole index is then rebuilt at the end.
    private var changedIndexedRows = false

    init(store: Store, policy: ConflictPolicy) throws {
        self.store = store
        self.policy = policy
        let database = store.database
        lastRowBefore = try database.scalar("SELECT coalesce(max(id), 0) FROM events", as: Int64.self) ?? 0
        // Ids this import made up for events that had none: a later event of the same input that
        // has one of them explicitly takes it, and the earlier event gets another. On disk, as
        // an input may be any size.
        try database.executeScript(
            "CREATE TEMP TABLE IF NOT EXISTS import_generated_ids (uid TEXT PRIMARY KEY); DELETE FROM import_generated_ids")
        // Only the search triggers, by name: others (an audit log, a user's own) keep firing.
        searchTriggers = try Store.searchTriggerNames.compactMap { name in
            guard
                let sql = try database.scalar(
                    "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?", [name],
                    as: String.self)
            else { return nil }
            try database.executeScript("DROP TRIGGER \"\(name)\"")
            return sql
        }
        historyTriggers = try Store.bulkHistoryTables.compactMap { table -> (name: String, sql: String)? in
            let name = table + "_history_insert"
            guard
                let sql = try database.scalar(
                    "SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name = ?", [name], as: String.self)
            else { return nil }
            try database.executeScript("DROP TRIGGER \"\(name)\"")
            return (name, sql)
        }
        // A big page cache while the rows load; the default comes back with the next connection.
        try database.executeScript("PRAGMA cache_size = -262144")
    }

    private var database: Database { store.database }

    /// Applies one record, as readers give them: normalized.
    mutating func apply(_ record: ImportRecord) throws {
        switch record {
        case .actor(let profile): try apply(profile)
        case .source(let source): try apply(source)
        case .partnership(let partnership): try apply(partnership)
        case .event(let event, let keeping): try apply(event, keeping: keeping)
        }
    }

    /// Puts back the links' and quotes' insert triggers for the events stored before the import
    /// (one it replaces has its new links recorded row by row); new events' stay set aside.
    private mutating func recordLinksOfStoredEvents() throws {
        guard !linkTriggersOfStoredEventsAreBack else { return }
        linkTriggersOfStoredEventsAreBack = true
        for (name, sql) in historyTriggers where name != "events_history_insert" {
            guard let begin = sql.firstRange(of: "\nBEGIN") else { continue }
            var limited = sql
            limited.insert(contentsOf: "\nWHEN NEW.event_id <= \(lastRowBefore)", at: begin.lowerBound)
            try database.executeScript(limited)
        }
    }

    /// Writes what waited for the whole input: actors' details, then the search columns and
    /// index of the rows the import touched, then the search triggers again, then the history
    /// of the new events and their links and quotes, and its triggers again.
    mutating func finish() throws {
        for item in pendingActorDetails {
            try reporting(item.location) { try store.writeDetails(of: item.profile, rowID: item.rowID) }
        }
        pendingActorDetails = []
        try store.refreshSearchColumns(ofRowsAfter: changedIndexedRows ? 0 : lastRowBefore)
        if changedIndexedRows {
            try database.execute("INSERT INTO events_fts (events_fts) VALUES ('rebuild')")
        } else {
            try database.execute(
                """
                INSERT INTO events_fts (rowid, title, summary, actors_text, tags_text, quotes_text)
                SELECT id, title, summary, actors_text, tags_text, quotes_text FROM events WHERE id > ?
                """, [lastRowBefore])
        }
        for sql in searchTriggers { try database.executeScript(sql) }
        for (name, sql) in historyTriggers {
            try database.executeScript("DROP TRIGGER IF EXISTS \"\(name)\"")
            try database.executeScript(sql)
        }
        if let changeSet = store.currentChangeSet {
            for table in Store.bulkHistoryTables {
                let key = table == "events" ? "id" : "event_id"
                try database.execute(
                    """
                    INSERT INTO history (change_id, table_name, row_key, last_row_key, operation)
                    SELECT ?, ?, min(\(key)), max(\(key)), 'insert' FROM \(table) WHERE \(key) > ? HAVING count(*) > 0
                    """, [changeSet, table, lastRowBefore])
            }
        }
    }

    private mutating func apply(_ profile: ActorProfile) throws {
        var profile = profile
        let location = "actor \"\(profile.name.shownInMessage())\""
        if let rowID = try store.actorDirectory.rowID(of: profile.name, in: database) {
            // Named by one of its aliases: the record describes the stored actor, keeping its name.
            let storedName = try database.scalar("SELECT name FROM actors WHERE id = ?", [rowID], as: String.self) ?? profile.name
            if storedName.matchKey != profile.name.matchKey && !store.actorsCreatedByReference.contains(rowID) {
                profile.aliases = (profile.aliases + [profile.name]).filter { $0.matchKey != storedName.matchKey }
                profile.name = storedName
                profile = try profile.normalized()
            }
            // An actor created earlier in this import only because something named it is this one.
            if store.actorsCreatedByReference.contains(rowID) {
                store.actorsCreatedByReference.remove(rowID)
                try database.execute("UPDATE actors SET name = ?, kind = ? WHERE id = ?", [profile.name, profile.kind.rawValue, rowID])
                pendingActorDetails.append((profile, rowID, location))
                report.actors.added += 1
                return
            }
            let stored = try store.profile(ofRowID: rowID)
            if try shouldReplace(same: try comparable(stored) == (try comparable(profile)), id: profile.name, counts: \.actors) {
                try database.execute("UPDATE actors SET name = ?, kind = ? WHERE id = ?", [profile.name, profile.kind.rawValue, rowID])
                pendingActorDetails.append((profile, rowID, location))
                changedIndexedRows = true
            }
        } else {
            let rowID = try store.insertActor(named: profile.name, kind: profile.kind)
            pendingActorDetails.append((profile, rowID, location))
            report.actors.added += 1
        }
    }

    private mutating func apply(_ source: Source) throws {
        guard let id = source.id, let rowID = try store.sourceRowID(uid: id) else {
            _ = try store.insertSource(source)
            report.sources.added += 1
            return
        }
        let stored = try database.cachedStatement(Store.selectSourceSQL + " WHERE s.id = ?").first([rowID]) { try store.readSource($0) }
        if try shouldReplace(same: stored == source, id: id, counts: \.sources) { try store.replaceSource(rowID: rowID, with: source) }
    }

    private mutating func apply(_ partnership: Partnership) throws {
        guard let id = partnership.id, let rowID = try store.partnershipRowID(uid: id) else {
            _ = try store.insertPartnership(partnership)
            report.partnerships.added += 1
            return
        }
        let stored = try database.cachedStatement(Store.selectPartnershipSQL + " WHERE p.id = ?").first([rowID]) {
            try store.readPartnership($0)
        }
        let same = try stored.map { try comparable($0.content) } == (try comparable(partnership))
        if try shouldReplace(same: same, id: id, counts: \.partnerships) { try store.replacePartnership(rowID: rowID, with: partnership) }
    }

    private mutating func apply(_ incoming: Event, keeping: Set<EventField>) throws {
        var event = incoming
        guard let id = event.id else {
            let id = try store.insert(event, isNew: true)
            try database.execute("INSERT INTO import_generated_ids (uid) VALUES (?)", [id])
            report.events.added += 1
            return
        }
        guard let rowID = try store.rowID(of: id) else {
            _ = try store.insert(event, isNew: true)
            report.events.added += 1
            return
        }
        if rowID > lastRowBefore {
            try database.execute("DELETE FROM import_generated_ids WHERE uid = ?", [id])
            guard database.changes > 0 else {
                throw TimelineError.invalidValue(field: "id", value: id, expected: "it appears twice in the input")
            }
            // The event this import stored with the id it made up: it gets another, made the same way.
            let base = try database.cachedStatement("SELECT title, date FROM events WHERE id = ?").first([rowID]) { row in
                Identifier.base(forEventTitled: row[0], date: try store.storedDate(row[1], what: "event \"\(id)\"")!)
            }
            let other = try store.unusedID(base: base ?? "event", in: "events", avoiding: [id])
            try database.execute("UPDATE events SET uid = ? WHERE id = ?", [other, rowID])
            try database.execute("INSERT INTO import_generated_ids (uid) VALUES (?)", [other])
            _ = try store.insert(event, isNew: true)
            report.events.added += 1
            return
        }
        if replacedRows.contains(rowID) {
            throw TimelineError.invalidValue(field: "id", value: id, expected: "it appears twice in the input")
        }
        let stored = try database.cachedStatement(Store.selectEventSQL + " WHERE e.id = ?").first([rowID]) { try store.readEvent($0) }
        if let stored {
            for field in keeping {
                switch field {
                case .summary: event.summary = stored.summary
                case .kind: event.kind = stored.kind
                case .partnership: event.partnership = stored.partnership
                case .actors: event.actors = stored.actors
                case .tags: event.tags = stored.tags
                case .sources: event.sources = stored.sources
                case .quotes: event.quotes = stored.quotes
                case .status: event.status = stored.status
                }
            }
            event = try event.normalized()
        }
        let same = try stored.map { try comparable($0.normalized().content) } == (try comparable(event.content))
        if try shouldReplace(same: same, id: id, counts: \.events) {
            try recordLinksOfStoredEvents()
            try store.replace(rowID: rowID, with: event)
            replacedRows.insert(rowID)
            changedIndexedRows = true
        }
    }

    /// Applies `policy` to a stored record that has the incoming record's id, counting what
    /// happens: true when the stored record is to be replaced.
    private mutating func shouldReplace(same: Bool, id: String, counts: WritableKeyPath<ImportReport, ImportReport.Counts>) throws -> Bool {
        if same {
            report[keyPath: counts].unchanged += 1
            return false
        }
        switch policy {
        case .fail:
            throw TimelineError.importConflict(id: id)
        case .skip:
            report[keyPath: counts].skipped += 1
            return false
        case .update:
            report[keyPath: counts].updated += 1
            return true
        }
    }

    /// Runs `body`, turning any error into `importFailed` naming `location`.
    func reporting(_ location: String, _ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as TimelineError {
            if case .importFailed = error { throw error }
            throw TimelineError.importFailed(location: location, reason: error.description)
        } catch let error as DatabaseError {
            throw TimelineError.importFailed(location: location, reason: error.description)
        }
    }

    // MARK: - Comparing

    /// The stored name of the actor `name` names, or `name` when it names none yet.
    private func canonicalName(_ name: String) throws -> String {
        guard let rowID = try store.actorDirectory.rowID(of: name, in: database) else { return name }
        return try database.scalar("SELECT name FROM actors WHERE id = ?", [rowID], as: String.self) ?? name
    }

    /// A citation as it compares between imports: the id of the source it means (the source's
    /// fields belong to the source record) and the locator.
    private func comparable(_ citation: Citation) throws -> Citation {
        var id = citation.source.id
        if id == nil, let url = citation.source.url {
            id = try database.scalar("SELECT uid FROM sources WHERE url = ?", [url], as: String.self)
        } else if id == nil, let title = citation.source.title {
            id = try database.scalar(
                "SELECT uid FROM sources WHERE uid = ?1 OR title = ?1 ORDER BY uid <> ?1, url IS NOT NULL, id",
                [title], as: String.self)
        }
        return Citation(id.map { Source(id: $0) } ?? citation.source, locator: citation.locator)
    }

    private func comparable(_ event: Event) throws -> Event {
        var event = event
        // Kinds and tags as stored: "DÉCLARATION" is the "Déclaration" already there.
        event.kind = try event.kind.map { try store.storedKind($0) ?? $0 }
        event.tags = try event.tags.map { try store.storedTag($0)?.name ?? $0 }.sorted { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
        event.actors = try event.actors.map { ActorRole(name: try canonicalName($0.name), role: $0.role) }
        event.sources = try event.sources.map(comparable)
        event.quotes = try event.quotes.map { quote in
            var quote = quote
            quote.speaker = try canonicalName(quote.speaker)
            quote.source = try quote.source.map(comparable)
            quote.speakerRole = nil
            return quote
        }
        return event
    }

    private func comparable(_ partnership: Partnership) throws -> Partnership {
        var partnership = partnership
        partnership.members = try partnership.members.map { ActorRole(name: try canonicalName($0.name), role: $0.role) }
        partnership.sources = try partnership.sources.map(comparable)
        return partnership
    }

    private func comparable(_ profile: ActorProfile) throws -> ActorProfile {
        var profile = profile
        profile.name = try canonicalName(profile.name)
        profile.partOf = try profile.partOf.map(canonicalName)
        profile.affiliations = try profile.affiliations.map { affiliation in
            var affiliation = affiliation
            affiliation.organization = try canonicalName(affiliation.organization)
            return affiliation
        }
        return profile
    }
}
