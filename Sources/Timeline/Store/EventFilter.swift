/// Which events to show or export, and in what order.
///
/// Date filters keep every event whose span overlaps the filter's span: `since: 2019` keeps an
/// event dated `2018/2020`; `until: 2021` keeps all of 2021; `on: 2021-04` keeps `2021` and
/// `2021-04-12`. Open and unknown ends of an event count as reaching as far as they might.
/// Several actors or tags narrow the result: an event must have all of them.
public struct EventFilter: Sendable {
    /// Keep events that reach this date's first day or later.
    public var since: PartialDate?
    /// Keep events that begin by this date's last day.
    public var until: PartialDate?
    /// Keep events that overlap this date's span.
    public var on: PartialDate?
    /// Keep events involving every one of these actors (names, case-insensitive).
    public var actors: [String]
    /// Keep events of this kind (case-insensitive).
    public var kind: String?
    /// Keep events with every one of these tags (case-insensitive).
    public var tags: [String]
    /// At most this many events.
    public var limit: Int?
    /// Latest first instead of earliest first.
    public var reverse: Bool

    public init(since: PartialDate? = nil, until: PartialDate? = nil, on: PartialDate? = nil, actors: [String] = [],
                kind: String? = nil, tags: [String] = [], limit: Int? = nil, reverse: Bool = false) {
        self.since = since
        self.until = until
        self.on = on
        self.actors = actors
        self.kind = kind
        self.tags = tags
        self.limit = limit
        self.reverse = reverse
    }

    /// The first day an event must reach, if any: the later of `since` and `on`.
    var lowerBound: Day? {
        [since?.earliest, on?.earliest].compactMap { $0 }.max()
    }

    /// The last day an event may start on, if any: the earlier of `until` and `on`.
    var upperBound: Day? {
        [until?.latest, on?.latest].compactMap { $0 }.min()
    }

    /// The SQL after `FROM events e` and its arguments. Only fixed fragments go into the text;
    /// every value the user gave is bound.
    func sqlClauses() -> (sql: String, arguments: [any DatabaseValueConvertible]) {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let lowerBound {
            conditions.append("(e.end IS NULL OR e.end >= ?)")
            arguments.append(lowerBound.iso)
        }
        if let upperBound {
            conditions.append("(e.start IS NULL OR e.start <= ?)")
            arguments.append(upperBound.iso)
        }
        if let kind = kind?.nonBlank {
            conditions.append("e.kind = ?")
            arguments.append(kind)
        }
        for actor in actors {
            conditions.append("""
                e.id IN (SELECT ea.event_id FROM event_actors ea WHERE ea.actor_id = (SELECT id FROM actors WHERE name = ?))
                """)
            arguments.append(actor.collapsingWhitespace)
        }
        for tag in tags {
            conditions.append("""
                e.id IN (SELECT et.event_id FROM event_tags et WHERE et.tag_id = (SELECT id FROM tags WHERE name = ?))
                """)
            arguments.append(tag.collapsingWhitespace)
        }
        var sql = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        sql += reverse ? " ORDER BY e.start DESC, e.precision ASC, e.id DESC" : " ORDER BY e.start, e.precision DESC, e.id"
        if let limit {
            sql += " LIMIT ?"
            arguments.append(limit)
        }
        return (sql, arguments)
    }
}
