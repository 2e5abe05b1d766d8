extension Store {
    /// Adds a quote to the end of an event's quotes (the event named by its id or the start of
    /// it, see `eventID(matching:)`); returns its number (from 1).
    @discardableResult
    public func addQuote(_ quote: Quote, toEvent eventID: String) throws -> Written<Int> {
        let quote = try quote.normalized()
        return try writeReporting {
            let rowID = try eventRow(matching: eventID).rowID
            let position =
                try database.scalar("SELECT coalesce(max(position) + 1, 0) FROM quotes WHERE event_id = ?", [rowID], as: Int.self) ?? 0
            try insertQuote(quote, eventRowID: rowID, position: position)
            return position + 1
        }
    }

    /// Changes quote `number` (from 1, as listed) of an event (named as for `addQuote`) in place:
    /// reads it, lets `change` modify it, and stores the result in one write transaction (see
    /// `editEvent`), so the quote keeps its number. Throws `eventNotFound`, or `invalidValue`
    /// naming a number the event does not have.
    @discardableResult
    public func editQuote(number: Int, ofEvent eventID: String, _ change: (inout Quote) throws -> Void) throws -> Written<Void> {
        try writeReporting {
            let rowID = try quoteRowID(number: number, ofEvent: eventID)
            var quote = try database.cachedStatement(Self.selectQuoteSQL + " WHERE q.id = ?").first([rowID]) { try readQuote($0) }!
            try change(&quote)
            let values = try quoteValues(try quote.normalized())
            try database.execute(
                """
                UPDATE quotes SET speaker_id = ?, text = ?, language = ?, translation = ?, translation_language = ?,
                    source_id = ?, locator = ? WHERE id = ?
                """, values + [rowID])
        }
    }

    /// Deletes the quote numbered `number` (from 1, as listed) of an event (named as for `addQuote`).
    @discardableResult
    public func removeQuote(number: Int, fromEvent eventID: String) throws -> Written<Void> {
        try writeReporting {
            try database.execute("DELETE FROM quotes WHERE id = ?", [try quoteRowID(number: number, ofEvent: eventID)])
        }
    }

    /// Every quote in timeline order, or those of one speaker (and, unless `exact`, of the
    /// actors that are part of it: an organization's people are not its parts, its divisions are).
    public func quotes(speaker: String? = nil, exact: Bool = false) throws -> [QuoteListing] {
        try read {
            var speakers: [Int64]?
            if let speaker {
                let rowID = try existingActorRowID(named: speaker)
                speakers = exact ? [rowID] : try familyRowIDs(of: rowID)
            }
            var listings: [QuoteListing] = []
            try database.cachedStatement(
                """
                SELECT e.id, e.uid, e.title, e.date FROM events e
                WHERE EXISTS (SELECT 1 FROM quotes q WHERE q.event_id = e.id)
                ORDER BY e.start, e.precision DESC, e.id
                """
            ).forEachRow { row in
                let uid: String = row[1]
                guard let date = try storedDate(row[3], what: "event \"\(uid)\"") else { return }
                for (offset, quote) in try quotes(ofEventRowID: row[0], at: date).enumerated() {
                    if let speakers, let id = try actorDirectory.rowID(of: quote.speaker, in: database), !speakers.contains(id) { continue }
                    listings.append(QuoteListing(eventID: uid, eventTitle: row[2], date: date, number: offset + 1, quote: quote))
                }
            }
            return listings
        }
    }

    // MARK: - Internals

    /// The row id of quote `number` (from 1, in order) of an event; an error that names the
    /// number and the event when it has no such quote.
    private func quoteRowID(number: Int, ofEvent eventID: String) throws -> Int64 {
        let event = try eventRow(matching: eventID)
        let ids = try database.cachedStatement("SELECT id FROM quotes WHERE event_id = ? ORDER BY position").map([event.rowID]) {
            $0[0] as Int64
        }
        guard number >= 1, number <= ids.count else {
            let has =
                switch ids.count {
                case 0: "has no quotes"
                case 1: "has only quote 1"
                default: "has quotes 1 to \(ids.count)"
                }
            throw TimelineError.invalidValue(
                field: "quote number", value: String(number), expected: "event \"\(event.uid)\" \(has)")
        }
        return ids[number - 1]
    }

    /// The quote columns `readQuote` reads.
    static let selectQuoteSQL = """
        SELECT q.speaker_id, a.name, q.text, q.language, q.translation, q.translation_language, q.locator,
               s.uid, s.title, s.url, s.publisher, s.author, s.published, s.accessed, s.archived_url, s.language
        FROM quotes q JOIN actors a ON a.id = q.speaker_id LEFT JOIN sources s ON s.id = q.source_id
        """

    /// Reads one row of `selectQuoteSQL` (without the speaker's role).
    private func readQuote(_ row: Row) throws -> Quote {
        let sourceID: String? = row[7]
        var source: Citation?
        if sourceID != nil { source = Citation(try readSource(row, from: 7), locator: row[6]) }
        return Quote(
            speaker: row[1], text: row[2], language: row[3], translation: row[4], translationLanguage: row[5], source: source)
    }

    /// An event's quotes in order, each with the role its speaker held at `date`.
    func quotes(ofEventRowID rowID: Int64, at date: PartialDate) throws -> [Quote] {
        try database.cachedStatement(Self.selectQuoteSQL + " WHERE q.event_id = ? ORDER BY q.position").map([rowID]) { row -> Quote in
            var quote = try readQuote(row)
            quote.speakerRole = try role(ofActorRowID: row[0], at: date)
            return quote
        }
    }

    /// Writes `quote` at `position` of the event's quotes, over the one there if any (none when
    /// the event `isNew`: a plain insert, see `insertLinks`).
    func insertQuote(_ quote: Quote, eventRowID: Int64, position: Int, isNew: Bool = false) throws {
        try database.execute(
            isNew ? Self.insertQuoteSQL : Self.upsertQuoteSQL,
            [try newRowID(in: "quotes"), eventRowID, position] + (try quoteValues(quote)))
    }

    private static let insertQuoteSQL = """
        INSERT INTO quotes (id, event_id, position, speaker_id, text, language, translation, translation_language, source_id, locator)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """
    private static let upsertQuoteSQL =
        insertQuoteSQL + """

            ON CONFLICT (event_id, position) DO UPDATE SET speaker_id = excluded.speaker_id, text = excluded.text,
                language = excluded.language, translation = excluded.translation,
                translation_language = excluded.translation_language, source_id = excluded.source_id, locator = excluded.locator
            WHERE (speaker_id, text, language, translation, translation_language, source_id, locator) IS NOT
                (excluded.speaker_id, excluded.text, excluded.language, excluded.translation, excluded.translation_language,
                 excluded.source_id, excluded.locator)
            """

    /// The values of a normalized quote's columns, from `speaker_id` to `locator`, creating its
    /// speaker and source when they are new.
    private func quoteValues(_ quote: Quote) throws -> [any DatabaseValueConvertible] {
        var sourceRowID: Int64?
        if let citation = quote.source { sourceRowID = try self.sourceRowID(for: citation.source) }
        return [
            try actorRowID(named: quote.speaker)!, quote.text, quote.language, quote.translation, quote.translationLanguage, sourceRowID,
            quote.source?.locator,
        ]
    }
}
