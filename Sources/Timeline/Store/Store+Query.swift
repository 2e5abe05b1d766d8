extension Store {
    /// Calls `body` with each event that `filter` keeps, in timeline order, reading rows as they
    /// come: memory stays flat however many events there are.
    public func forEachEvent(matching filter: EventFilter = EventFilter(), _ body: (Event) throws -> Void) throws {
        let clauses = filter.sqlClauses()
        do {
            try database.cachedStatement(Self.selectEventSQL + clauses.sql).forEachRow(clauses.arguments) { row in
                try body(try readEvent(row))
            }
        } catch let error as DatabaseError {
            throw TimelineError.database(error)
        }
    }

    /// The events that `filter` keeps, in timeline order.
    public func events(matching filter: EventFilter = EventFilter()) throws -> [Event] {
        var events: [Event] = []
        try forEachEvent(matching: filter) { events.append($0) }
        return events
    }

    /// How many events the file holds.
    public func eventCount() throws -> Int {
        try database.scalar("SELECT count(*) FROM events", as: Int.self) ?? 0
    }
}
