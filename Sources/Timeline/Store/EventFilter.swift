/// Which events to show or export, and in what order.
///
/// Date filters keep every event whose span overlaps the filter's span: `since: 2019` keeps an
/// event dated `2018/2020`; `until: 2021` keeps all of 2021; `on: 2021-04` keeps `2021` and
/// `2021-04-12`. Open and unknown ends of an event count as reaching as far as they might.
/// Several actors or tags narrow the result: an event must have all of them. An actor matches
/// by name or alias, case and accents ignored, and (unless `exactActors`) includes its parts:
/// `Google` also finds events of Google Cloud and YouTube.
public struct EventFilter: Sendable {
    /// Keep events that reach this date's first day or later.
    public var since: PartialDate?
    /// Keep events that begin by this date's last day.
    public var until: PartialDate?
    /// Keep events that overlap this date's span.
    public var on: PartialDate?
    /// Keep events involving every one of these actors.
    public var actors: [String]
    /// Match the actors alone, not the actors that are part of them.
    public var exactActors: Bool
    /// Keep events linked to this partnership (its id).
    public var partnership: String?
    /// Keep events of this kind (case, accents and spacing ignored).
    public var kind: String?
    /// Keep events with every one of these tags (case, accents and spacing ignored).
    public var tags: [String]
    /// Keep events that match this full-text query (FTS5 syntax: words, "phrases", prefix*,
    /// AND, OR, NOT), and give each its matching passage.
    public var search: String?
    /// Order by relevance to `search` (bm25) instead of timeline order.
    public var rankedBySearch: Bool
    /// At most this many events.
    public var limit: Int?
    /// Latest first instead of earliest first.
    public var reverse: Bool
    /// Leave out retracted events (they are kept, and shown marked, unless asked).
    public var hideRetracted: Bool

    public init(
        since: PartialDate? = nil, until: PartialDate? = nil, on: PartialDate? = nil, actors: [String] = [],
        exactActors: Bool = false, partnership: String? = nil, kind: String? = nil, tags: [String] = [],
        search: String? = nil, rankedBySearch: Bool = false, limit: Int? = nil, reverse: Bool = false, hideRetracted: Bool = false
    ) {
        self.search = search
        self.rankedBySearch = rankedBySearch
        self.since = since
        self.until = until
        self.on = on
        self.actors = actors
        self.exactActors = exactActors
        self.partnership = partnership
        self.kind = kind
        self.tags = tags
        self.limit = limit
        self.reverse = reverse
        self.hideRetracted = hideRetracted
    }

    /// The first day an event must reach, if any: the later of `since` and `on`.
    var lowerBound: Day? {
        [since?.earliest, on?.earliest].compactMap { $0 }.max()
    }

    /// The last day an event may start on, if any: the earlier of `until` and `on`.
    var upperBound: Day? {
        [until?.latest, on?.latest].compactMap { $0 }.min()
    }

    /// True when the filter keeps every event (in some order).
    var keepsEverything: Bool {
        since == nil && until == nil && on == nil && actors.isEmpty && partnership == nil && kind == nil && tags.isEmpty
            && search == nil && limit == nil && !hideRetracted
    }

    /// One actor or tag the events must have, as the store resolved it.
    struct LinkCondition {
        /// `event_actors` or `event_tags`, and its column naming the actor or tag.
        var table: String, column: String
        /// The actor (and its parts) or the tag.
        var rowIDs: [Int64]
        /// True when many events have it: the events are then read in timeline order and each
        /// checked, which finds the first few at once; a rare one is looked up by its own index.
        var isCommon: Bool
    }

    /// The SQL after the select list (which ends with the snippet, or NULL without a search)
    /// and its arguments, given the actor and tag conditions, the stored spellings of the kind
    /// (one, unless rows written by hand spell it twice) and the partnership's row id.
    /// Only fixed fragments go into the text; every value the user gave is bound.
    func sqlClauses(
        links: [LinkCondition], kinds: [String], partnershipRowID: Int64?
    ) -> (sql: String, arguments: [any DatabaseValueConvertible]) {
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        var from = Self.fromSQL
        if let search {
            // The passage comes from the summary, else the quotes, else the title, where a match
            // is; the actors' and tags' columns only when nothing else matched. U+0002 and
            // U+0003 mark the matches; SearchSnippet reads them.
            func snippet(_ column: Int) -> String { "snippet(events_fts, \(column), char(2), char(3), '…', 16)" }
            let passage = [1, 4, 0].map { "WHEN instr(\(snippet($0)), char(2)) THEN \(snippet($0))" }.joined(separator: " ")
            from = ", CASE \(passage) ELSE \(snippet(-1)) END" + from + " JOIN events_fts ON events_fts.rowid = e.id"
            conditions.append("events_fts MATCH ?")
            arguments.append(FullTextQuery(search).expression)
        } else {
            from = ", NULL" + from
        }
        if let lowerBound {
            conditions.append("(e.end IS NULL OR e.end >= ?)")
            arguments.append(lowerBound.iso)
        }
        if let upperBound {
            conditions.append("(e.start IS NULL OR e.start <= ?)")
            arguments.append(upperBound.iso)
        }
        if kinds.count == 1 {
            conditions.append("e.kind = ?")
        } else if !kinds.isEmpty {
            conditions.append("e.kind IN (\(Array(repeating: "?", count: kinds.count).joined(separator: ", ")))")
        }
        arguments += kinds.map { $0 as any DatabaseValueConvertible }
        if let partnershipRowID {
            conditions.append("e.partnership_id = ?")
            arguments.append(partnershipRowID)
        }
        if hideRetracted {
            conditions.append("e.status IS NOT 'retracted'")
        }
        for link in links {
            let placeholders = Array(repeating: "?", count: link.rowIDs.count).joined(separator: ", ")
            conditions.append(
                link.isCommon
                    ? "EXISTS (SELECT 1 FROM \(link.table) l WHERE l.event_id = e.id AND l.\(link.column) IN (\(placeholders)))"
                    : "e.id IN (SELECT l.event_id FROM \(link.table) l WHERE l.\(link.column) IN (\(placeholders)))")
            arguments += link.rowIDs.map { $0 as any DatabaseValueConvertible }
        }
        var sql = from + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
        if search != nil && rankedBySearch {
            // Title words count most, then summary, actors and tags, then quotes.
            sql += " ORDER BY bm25(events_fts, 10.0, 4.0, 3.0, 3.0, 2.0)" + (reverse ? " DESC" : "") + ", e.start, e.id"
        } else {
            sql += reverse ? " ORDER BY e.start DESC, e.precision ASC, e.id DESC" : " ORDER BY e.start, e.precision DESC, e.id"
        }
        if let limit {
            sql += " LIMIT ?"
            arguments.append(limit)
        }
        return (sql, arguments)
    }
}

extension EventFilter {
    /// The tables every event query reads, after its select list.
    static let fromSQL = " FROM events e LEFT JOIN partnerships p ON p.id = e.partnership_id"
}
