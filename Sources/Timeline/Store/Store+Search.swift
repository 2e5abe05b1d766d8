extension Store {
    /// The triggers of migration 0003 that keep the derived search columns and `events_fts` in
    /// step. An import sets these aside while its rows load and indexes the rows once at the end;
    /// every other trigger keeps firing.
    static let searchTriggerNames = [
        "events_ai", "events_ad", "events_au",
        "event_actors_search_ai", "event_actors_search_ad", "event_actors_search_au", "actors_search_au",
        "actor_aliases_search_ai", "actor_aliases_search_ad", "actor_aliases_search_au",
        "event_tags_search_ai", "event_tags_search_ad", "tags_search_au",
        "quotes_search_ai", "quotes_search_ad", "quotes_search_au",
    ]

    /// The tables whose history an import records as one range of new rows each (events, and
    /// the links and quotes of new events), rather than with a trigger per row: their
    /// `_history_insert` triggers are set aside while it loads.
    static let bulkHistoryTables = ["events", "event_actors", "event_tags", "event_sources", "quotes"]

    /// Recomputes every event's search columns from its actors, tags and quotes, and rebuilds
    /// the full-text index from them: the repair for an index that SQL written by hand (to the
    /// derived columns, or to `events_fts`) put out of step. One transaction.
    public func rebuildSearchIndex() throws {
        try write {
            try refreshSearchColumns(ofRowsAfter: 0)
            try database.execute("INSERT INTO events_fts (events_fts) VALUES ('rebuild')")
        }
    }

    /// Recomputes the derived search columns of the events after row `firstRow`, from the
    /// `event_search_text` view (where migration 0003 defines them). Call inside a transaction.
    func refreshSearchColumns(ofRowsAfter firstRow: Int64) throws {
        try database.execute(
            """
            UPDATE events SET
                actors_text = (SELECT s.actors_text FROM event_search_text s WHERE s.event_id = events.id),
                tags_text = (SELECT s.tags_text FROM event_search_text s WHERE s.event_id = events.id),
                quotes_text = (SELECT s.quotes_text FROM event_search_text s WHERE s.event_id = events.id)
            WHERE id > ?
            """, [firstRow])
    }
}
