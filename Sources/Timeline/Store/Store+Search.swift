extension Store {
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
        try database.execute("""
            UPDATE events SET
                actors_text = (SELECT s.actors_text FROM event_search_text s WHERE s.event_id = events.id),
                tags_text = (SELECT s.tags_text FROM event_search_text s WHERE s.event_id = events.id),
                quotes_text = (SELECT s.quotes_text FROM event_search_text s WHERE s.event_id = events.id)
            WHERE id > ?
            """, [firstRow])
    }
}
