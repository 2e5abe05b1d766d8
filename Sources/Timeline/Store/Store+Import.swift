/// What to do when an imported record has the id (or, for actors, the name) of a stored one
/// with different content.
public enum ConflictPolicy: String, CaseIterable, Sendable {
    /// Stop, and import nothing.
    case fail
    /// Keep the stored record.
    case skip
    /// Replace the stored record with the imported one.
    case update
}

/// What an import did, per kind of record.
public struct ImportReport: Equatable, Sendable, CustomStringConvertible {
    /// What happened to the records of one kind.
    public struct Counts: Equatable, Sendable {
        public var added = 0
        public var updated = 0
        /// Records already stored exactly as imported.
        public var unchanged = 0
        /// Conflicting records kept as stored (`--on-conflict skip`).
        public var skipped = 0
        public var total: Int { added + updated + unchanged + skipped }
    }

    public var events = Counts()
    public var actors = Counts()
    public var sources = Counts()
    public var partnerships = Counts()

    public init() {}

    public var description: String {
        func line(_ counts: Counts, _ noun: String) -> String {
            "\(counts.total) \(noun)\(counts.total == 1 ? "" : "s"): \(counts.added) added, \(counts.updated) updated, "
                + "\(counts.unchanged) unchanged, \(counts.skipped) skipped"
        }
        var parts = [line(events, "event")]
        for (counts, noun) in [(actors, "actor"), (sources, "source"), (partnerships, "partnership")] where counts.total > 0 {
            parts.append(line(counts, noun))
        }
        return parts.joined(separator: "; ")
    }
}

extension Store {
    /// Imports events alone (a version-1 document, or events built in code).
    @discardableResult
    public func importEvents(_ events: some Sequence<Event>, onConflict policy: ConflictPolicy = .fail) throws -> ImportReport {
        try importDocument(TimelineDocument(events: Array(events)), onConflict: policy)
    }

    /// Imports a document all-or-nothing, in one transaction with reused statements: actors,
    /// then sources, partnerships and events. Records are matched on id (actors on name or
    /// alias); one stored with the same content is left alone (so importing a file twice adds
    /// nothing); one with different content follows `policy`. A bad record stops the import with
    /// `TimelineError.importFailed` naming it (1-based position and id).
    @discardableResult
    public func importDocument(_ document: TimelineDocument, onConflict policy: ConflictPolicy = .fail) throws -> ImportReport {
        try write {
            var report = ImportReport()
            try importActors(document.actors, policy: policy, counts: &report.actors)
            for (offset, incoming) in document.sources.enumerated() {
                try reporting("source \(offset + 1)", id: incoming.id) {
                    let source = try incoming.normalized()
                    guard let id = source.id else {
                        _ = try insertSource(source)
                        report.sources.added += 1
                        return
                    }
                    guard let rowID = try sourceRowID(uid: id) else {
                        _ = try insertSource(source)
                        report.sources.added += 1
                        return
                    }
                    let stored = try database.cachedStatement(Self.selectSourceSQL + " WHERE s.id = ?").first([rowID]) { try readSource($0) }
                    try resolve(stored == source, id: id, policy: policy, counts: &report.sources) { try replaceSource(rowID: rowID, with: source) }
                }
            }
            for (offset, incoming) in document.partnerships.enumerated() {
                try reporting("partnership \(offset + 1)", id: incoming.id) {
                    let partnership = try incoming.normalized()
                    guard let id = partnership.id, let rowID = try partnershipRowID(uid: id) else {
                        _ = try insertPartnership(partnership)
                        report.partnerships.added += 1
                        return
                    }
                    let stored = try database.cachedStatement(Self.selectPartnershipSQL + " WHERE p.id = ?").first([rowID]) { try readPartnership($0) }
                    let same = try stored.map { try comparable($0.content) } == (try comparable(partnership))
                    try resolve(same, id: id, policy: policy, counts: &report.partnerships) { try replacePartnership(rowID: rowID, with: partnership) }
                }
            }
            var seenIDs = Set<String>()
            // Ids made for events without one must not take an id that a later event has.
            let explicitIDs = Set(document.events.compactMap(\.id))
            for (offset, incoming) in document.events.enumerated() {
                try reporting("event \(offset + 1)", id: incoming.id) {
                    let event = try incoming.normalized()
                    guard let id = event.id else {
                        _ = try insert(event, reserved: explicitIDs)
                        report.events.added += 1
                        return
                    }
                    guard seenIDs.insert(id).inserted else {
                        throw TimelineError.invalidValue(field: "id", value: id, expected: "it appears twice in the input")
                    }
                    guard let rowID = try rowID(of: id) else {
                        _ = try insert(event)
                        report.events.added += 1
                        return
                    }
                    let stored = try database.cachedStatement(Self.selectEventSQL + " WHERE e.id = ?").first([rowID]) { try readEvent($0) }
                    let same = try stored.map { try comparable($0.normalized().content) } == (try comparable(event.content))
                    try resolve(same, id: id, policy: policy, counts: &report.events) { try replace(rowID: rowID, with: event) }
                }
            }
            return report
        }
    }

    // MARK: - Internals

    private func importActors(_ actors: [ActorProfile], policy: ConflictPolicy, counts: inout ImportReport.Counts) throws {
        // First every actor exists, so that parents and organizations named later are found;
        // then the details of the new and updated ones are written.
        var toWrite: [(profile: ActorProfile, rowID: Int64, location: String)] = []
        for (offset, incoming) in actors.enumerated() {
            let location = "actor \(offset + 1) (\"\(incoming.name)\")"
            try reporting(location, id: nil) {
                let profile = try incoming.normalized()
                if let rowID = try actorDirectory.rowID(of: profile.name, in: database) {
                    let stored = try self.profile(ofRowID: rowID)
                    try resolve(try comparable(stored) == (try comparable(profile)), id: profile.name, policy: policy, counts: &counts) {
                        try database.execute("UPDATE actors SET name = ?, kind = ? WHERE id = ?", [profile.name, profile.kind.rawValue, rowID])
                        toWrite.append((profile, rowID, location))
                    }
                } else {
                    try database.execute("INSERT INTO actors (name, kind) VALUES (?, ?)", [profile.name, profile.kind.rawValue])
                    let rowID = database.lastInsertedRowID
                    actorDirectory.register(profile.name, rowID: rowID)
                    toWrite.append((profile, rowID, location))
                    counts.added += 1
                }
            }
        }
        for item in toWrite {
            try reporting(item.location, id: nil) { try writeDetails(of: item.profile, rowID: item.rowID) }
        }
    }

    /// Applies `policy` to a stored record that has the incoming record's id.
    private func resolve(_ same: Bool, id: String, policy: ConflictPolicy, counts: inout ImportReport.Counts,
                         update: () throws -> Void) throws {
        if same {
            counts.unchanged += 1
            return
        }
        switch policy {
        case .fail: throw TimelineError.importConflict(id: id)
        case .skip: counts.skipped += 1
        case .update:
            try update()
            counts.updated += 1
        }
    }

    /// Runs `body`, turning any error into `importFailed` naming `location`.
    private func reporting(_ location: String, id: String?, _ body: () throws -> Void) throws {
        let location = location + (id.map { " (id \"\($0)\")" } ?? "")
        do {
            try body()
        } catch let error as TimelineError {
            if case .importFailed = error { throw error }
            throw TimelineError.importFailed(location: location, reason: error.description)
        } catch let error as DatabaseError {
            throw TimelineError.importFailed(location: location, reason: error.description)
        }
    }

    /// The stored name of the actor `name` names, or `name` when it names none yet.
    private func canonicalName(_ name: String) throws -> String {
        guard let rowID = try actorDirectory.rowID(of: name, in: database) else { return name }
        return try database.scalar("SELECT name FROM actors WHERE id = ?", [rowID], as: String.self) ?? name
    }

    /// A citation as it compares between imports: the id of the source it means (the source's
    /// fields belong to the source record) and the locator.
    private func comparable(_ citation: Citation) throws -> Citation {
        var id = citation.source.id
        if id == nil, let url = citation.source.url {
            id = try database.scalar("SELECT uid FROM sources WHERE url = ?", [url], as: String.self)
        } else if id == nil, let title = citation.source.title {
            id = try database.scalar("SELECT uid FROM sources WHERE uid = ?1 OR (url IS NULL AND title = ?1) ORDER BY uid <> ?1, id",
                                     [title], as: String.self)
        }
        return Citation(id.map { Source(id: $0) } ?? citation.source, locator: citation.locator)
    }

    private func comparable(_ event: Event) throws -> Event {
        var event = event
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
