extension Store {
    /// Calls `body` with each event that `filter` keeps, in timeline order, reading rows as they
    /// come: memory stays flat however many events there are. An actor, partnership, tag or kind
    /// the filter names that does not exist is an error (with the closest names), so a typo does
    /// not look like "no events".
    public func forEachEvent(matching filter: EventFilter = EventFilter(), shallow: Bool = false, _ body: (Event) throws -> Void) throws {
        try read {
            let query = try eventQuery(for: filter)
            do {
                try database.cachedStatement(query.sql).forEachRow(query.arguments) { row in
                    try body(try readEvent(row, shallow: shallow))
                }
            } catch let error as DatabaseError where filter.search != nil && error.isSQLError {
                // SQLITE_ERROR from MATCH: the query is not FTS5 syntax ("unbalanced, a lone AND).
                throw TimelineError.invalidValue(
                    field: "search", value: filter.search ?? "",
                    expected: "\(error.message.shownInMessage(limit: 120)); "
                        + "use words, \"exact phrases\" (also for words with hyphens: \"health-data\"), prefix*, AND, OR, NOT and parentheses"
                )
            }
        }
    }

    /// How SQLite will answer `filter`: the details of `EXPLAIN QUERY PLAN`, one per step
    /// ("SCAN e USING INDEX events_by_start"). For checking that filters use indexes.
    public func queryPlan(for filter: EventFilter) throws -> [String] {
        try read {
            let query = try eventQuery(for: filter)
            return try database.makeStatement("EXPLAIN QUERY PLAN " + query.sql).map(query.arguments) { $0[3] as String }
        }
    }

    /// The SQL and arguments of the events `filter` keeps. An actor, partnership, tag or kind
    /// that does not exist is an error, so a typo does not look like "no events"; so is a search
    /// over the limits of `EventFilter.maxSearchTerms` and `maxSearchBytes`.
    private func eventQuery(for filter: EventFilter) throws -> (sql: String, arguments: [any DatabaseValueConvertible]) {
        try filter.checkSearchSize()
        var links = try filter.actors.map { name in
            let rowID = try existingActorRowID(named: name)
            return EventFilter.LinkCondition(
                table: "event_actors", column: "actor_id",
                rowIDs: filter.exactActors ? [rowID] : try familyRowIDs(of: rowID), isCommon: false)
        }
        links += try filter.tags.map { tag in
            EventFilter.LinkCondition(table: "event_tags", column: "tag_id", rowIDs: try tagRowIDs(matching: tag), isCommon: false)
        }
        if filter.limit != nil && !filter.rankedBySearch {
            for index in links.indices {
                let placeholders = Array(repeating: "?", count: links[index].rowIDs.count).joined(separator: ", ")
                let count =
                    try database.scalar(
                        """
                        SELECT count(*) FROM (SELECT 1 FROM \(links[index].table) WHERE \(links[index].column) IN (\(placeholders)) LIMIT 10000)
                        """, links[index].rowIDs.map { $0 as any DatabaseValueConvertible }, as: Int.self) ?? 0
                links[index].isCommon = count >= 10_000
            }
        }
        var partnership: Int64?
        if let id = filter.partnership {
            guard let rowID = try partnershipRowID(uid: id) else { throw TimelineError.partnershipNotFound(id: id) }
            partnership = rowID
        }
        let kinds = try filter.kind?.nonBlank.map(storedSpellings(ofKind:)) ?? []
        let clauses = filter.sqlClauses(links: links, kinds: kinds, partnershipRowID: partnership)
        return (Self.selectEventColumnsSQL + clauses.sql, clauses.arguments)
    }

    /// The events that `filter` keeps, in timeline order.
    public func events(matching filter: EventFilter = EventFilter()) throws -> [Event] {
        var events: [Event] = []
        try forEachEvent(matching: filter) { events.append($0) }
        return events
    }

    /// How many events the file holds.
    public func eventCount() throws -> Int {
        try read { try database.scalar("SELECT count(*) FROM events", as: Int.self) ?? 0 }
    }

    /// The actors, sources and partnerships that the events `filter` keeps refer to (directly,
    /// or through parts, affiliations and partnership members), or all of them when the filter
    /// keeps everything: what a JSON document needs before its events.
    public func records(for filter: EventFilter = EventFilter()) throws -> TimelineDocument {
        if filter.keepsEverything {
            return TimelineDocument(actors: try actors(), sources: try sources(), partnerships: try partnerships())
        }
        var references = References()
        try forEachEvent(matching: filter) { references.add($0) }
        return try records(for: references)
    }

    /// The records that `events` refer to, for a document holding just them.
    public func records(for events: [Event]) throws -> TimelineDocument {
        var references = References()
        for event in events { references.add(event) }
        return try records(for: references)
    }

    /// Names and ids that a set of events refers to.
    private struct References {
        var actorNames = Set<String>(), sourceIDs = Set<String>(), partnershipIDs = Set<String>()

        mutating func add(_ event: Event) {
            actorNames.formUnion(event.actors.map(\.name) + event.quotes.map(\.speaker))
            sourceIDs.formUnion((event.sources + event.quotes.compactMap(\.source)).compactMap(\.source.id))
            if let partnership = event.partnership { partnershipIDs.insert(partnership) }
        }
    }

    private func records(for references: References) throws -> TimelineDocument {
        var references = references
        let partnerships = try self.partnerships().filter { $0.id.map(references.partnershipIDs.contains) ?? false }
        for partnership in partnerships {
            references.actorNames.formUnion(partnership.members.map(\.name))
            references.sourceIDs.formUnion(partnership.sources.compactMap(\.source.id))
        }
        // Parents and organizations are needed to read the actors back as they are.
        let allActors = try actors()
        let byName = Dictionary(allActors.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        var pending = Array(references.actorNames)
        while let name = pending.popLast() {
            guard let profile = byName[name] else { continue }
            for related in [profile.partOf].compactMap({ $0 }) + profile.affiliations.map(\.organization)
            where references.actorNames.insert(related).inserted {
                pending.append(related)
            }
        }
        return TimelineDocument(
            actors: allActors.filter { references.actorNames.contains($0.name) },
            sources: try sources().filter { $0.id.map(references.sourceIDs.contains) ?? false },
            partnerships: partnerships)
    }
}
