extension Store {
    static let selectSourceSQL = """
        SELECT s.uid, s.title, s.url, s.publisher, s.author, s.published, s.accessed, s.archived_url, s.language FROM sources s
        """

    /// Reads one row of `selectSourceSQL` (from column `offset` on).
    func readSource(_ row: Row, from offset: Int = 0) throws -> Source {
        let id: String = row[offset]
        return Source(
            id: id, title: row[offset + 1], url: row[offset + 2], publisher: row[offset + 3], author: row[offset + 4],
            published: try storedDate(row[offset + 5], what: "source \(id) (published)"),
            accessed: try storedDate(row[offset + 6], what: "source \(id) (accessed)"),
            archivedURL: row[offset + 7], language: row[offset + 8])
    }

    /// Every source, by id.
    public func sources() throws -> [Source] {
        try read { try database.cachedStatement(Self.selectSourceSQL + " ORDER BY s.uid").map([]) { try readSource($0) } }
    }

    /// The source with this id, or nil.
    public func source(id: String) throws -> Source? {
        try read { try database.cachedStatement(Self.selectSourceSQL + " WHERE s.uid = ?").first([id]) { try readSource($0) } }
    }

    /// The ids of the events, partnerships and quotes (as "event#n") that cite a source.
    public func citations(ofSource id: String) throws -> [String] {
        try read {
            guard let rowID = try sourceRowID(uid: id) else { throw TimelineError.sourceNotFound(id: id) }
            return try database.cachedStatement(
                """
                SELECT e.uid FROM event_sources es JOIN events e ON e.id = es.event_id WHERE es.source_id = ?1
                UNION SELECT 'partnership ' || p.uid FROM partnership_sources ps JOIN partnerships p ON p.id = ps.partnership_id WHERE ps.source_id = ?1
                UNION SELECT 'quote in ' || e.uid FROM quotes q JOIN events e ON e.id = q.event_id WHERE q.source_id = ?1
                UNION SELECT 'status of ' || e.uid FROM events e WHERE e.status_source_id = ?1
                ORDER BY 1
                """
            ).map([rowID]) { $0[0] as String }
        }
    }

    /// Stores a new source; returns its id (given, or made from its title or URL).
    @discardableResult
    public func addSource(_ source: Source) throws -> Written<String> {
        let source = try source.normalized()
        return try writeReporting {
            if let id = source.id, try sourceRowID(uid: id) != nil {
                throw TimelineError.invalidValue(field: "source id", value: id, expected: "a source with this id already exists")
            }
            if let url = source.url, let other = try database.scalar("SELECT uid FROM sources WHERE url = ?", [url], as: String.self) {
                throw TimelineError.invalidValue(field: "url", value: url, expected: "source \"\(other)\" already has this URL")
            }
            return try insertSource(source).uid
        }
    }

    /// Replaces the fields of the stored source with `source.id`.
    @discardableResult
    public func updateSource(_ source: Source) throws -> Written<Void> {
        let source = try source.normalized()
        guard let id = source.id else {
            throw TimelineError.invalidValue(field: "source id", value: "", expected: "an update needs the source's id")
        }
        return try writeReporting {
            guard let rowID = try sourceRowID(uid: id) else { throw TimelineError.sourceNotFound(id: id) }
            try replaceSource(rowID: rowID, with: source)
        }
    }

    /// Reads the source with this id, lets `change` modify it, and stores the result, in one
    /// write transaction (see `editEvent`). Throws `sourceNotFound`.
    @discardableResult
    public func editSource(id: String, _ change: (inout Source) throws -> Void) throws -> Written<Void> {
        try writeReporting {
            guard var source = try source(id: id) else { throw TimelineError.sourceNotFound(id: id) }
            try change(&source)
            try updateSource(source)
        }
    }

    /// Deletes a source. Refused while cited, unless `force`, which also removes the citations
    /// (quotes and the marks of retracted or disputed events lose their source, they are kept).
    @discardableResult
    public func removeSource(id: String, force: Bool = false) throws -> Written<Void> {
        try writeReporting {
            guard let rowID = try sourceRowID(uid: id) else { throw TimelineError.sourceNotFound(id: id) }
            let citing = try citations(ofSource: id)
            if !citing.isEmpty && !force {
                throw TimelineError.inUse(what: "source \"\(id)\"", by: citing.joined(separator: ", "))
            }
            try database.execute("DELETE FROM event_sources WHERE source_id = ?", [rowID])
            try database.execute("DELETE FROM partnership_sources WHERE source_id = ?", [rowID])
            try database.execute("UPDATE quotes SET source_id = NULL, locator = NULL WHERE source_id = ?", [rowID])
            try database.execute("UPDATE events SET status_source_id = NULL WHERE status_source_id = ?", [rowID])
            try database.execute("DELETE FROM sources WHERE id = ?", [rowID])
        }
    }

    // MARK: - Internals

    func sourceRowID(uid: String) throws -> Int64? {
        try database.scalar("SELECT id FROM sources WHERE uid = ?", [uid], as: Int64.self)
    }

    /// The row id of the source a citation means: by id when it has one (created with that id
    /// when new), else by URL, else by id or title typed by a user; created when none matches.
    /// Fields a matched source lacks are filled in.
    func sourceRowID(for source: Source) throws -> Int64 {
        var existing: Int64?
        if let id = source.id {
            existing = try sourceRowID(uid: id)
            if existing == nil && source.isOnlyAReference { throw TimelineError.sourceNotFound(id: id) }
            // A citation by id alone has nothing to add to the source.
            if let existing, source.isOnlyAReference { return existing }
        } else if let url = source.url {
            existing = try database.scalar("SELECT id FROM sources WHERE url = ?", [url], as: Int64.self)
        } else if let title = source.title {
            existing = try sourceRowID(uid: title)
            if existing == nil {
                // A title names the source that has it, with or without a URL.
                existing = try database.scalar(
                    "SELECT id FROM sources WHERE title = ? ORDER BY url IS NOT NULL, id", [title], as: Int64.self)
            }
        }
        guard let existing else {
            let inserted = try insertSource(source)
            createdByReference.append("source \"\(inserted.uid)\"")
            return inserted.rowID
        }
        try database.execute(
            """
            UPDATE sources SET title = coalesce(title, ?), url = coalesce(url, ?), publisher = coalesce(publisher, ?),
                author = coalesce(author, ?), published = coalesce(published, ?), accessed = coalesce(accessed, ?),
                archived_url = coalesce(archived_url, ?), language = coalesce(language, ?)
            WHERE id = ?
            """, sourceValues(source) + [existing])
        sourcesByRowID[existing] = nil
        return existing
    }

    func insertSource(_ source: Source) throws -> (rowID: Int64, uid: String) {
        let uid =
            try source.id ?? unusedID(base: Identifier.slug(from: source.title ?? source.url ?? "", fallback: "source"), in: "sources")
        let rowID = try newRowID(in: "sources")
        try database.execute(
            """
            INSERT INTO sources (title, url, publisher, author, published, accessed, archived_url, language, uid, id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, sourceValues(source) + [uid, rowID])
        return (rowID, uid)
    }

    func replaceSource(rowID: Int64, with source: Source) throws {
        try database.execute(
            """
            UPDATE sources SET title = ?, url = ?, publisher = ?, author = ?, published = ?, accessed = ?, archived_url = ?,
                language = ? WHERE id = ?
            """, sourceValues(source) + [rowID])
        sourcesByRowID[rowID] = nil
    }

    private func sourceValues(_ source: Source) -> [any DatabaseValueConvertible] {
        [
            source.title, source.url, source.publisher, source.author, source.published?.edtf, source.accessed?.edtf,
            source.archivedURL, source.language,
        ]
    }

    /// Citations of an event or a partnership: `table` is event_sources or partnership_sources.
    func citations(in table: String, owner column: String, rowID: Int64) throws -> [Citation] {
        try database.cachedStatement(
            """
            SELECT c.source_id, c.locator FROM \(table) c WHERE c.\(column) = ? ORDER BY c.position
            """
        ).map([rowID]) { row in Citation(try source(rowID: row[0]), locator: row[1]) }
    }

    /// The source at a row, read once per read or write: a timeline cites the same few
    /// sources from many events.
    func source(rowID: Int64) throws -> Source {
        if let source = sourcesByRowID[rowID] { return source }
        guard let source = try database.cachedStatement(Self.selectSourceSQL + " WHERE s.id = ?").first([rowID], { try readSource($0) })
        else {
            throw TimelineError.invalidValue(field: "source", value: "#\(rowID)", expected: "no such source")
        }
        sourcesByRowID[rowID] = source
        return source
    }

    /// Links `citations` to the row `rowID` of events or partnerships, `replacing` the ones it had
    /// (those that stay the same are left alone).
    func insertCitations(_ citations: [Citation], in table: String, owner column: String, rowID: Int64, replacing: Bool = true) throws {
        // Without `replacing`, the owner has none yet: plain inserts (see `insertLinks`).
        var insert = "INSERT INTO \(table) (\(column), position, source_id, locator) VALUES (?, ?, ?, ?)"
        if replacing {
            insert += """

                ON CONFLICT (\(column), position) DO UPDATE SET source_id = excluded.source_id, locator = excluded.locator
                WHERE source_id IS NOT excluded.source_id OR locator IS NOT excluded.locator
                """
        }
        for (position, citation) in citations.enumerated() {
            try database.execute(insert, [rowID, position, try sourceRowID(for: citation.source), citation.locator])
        }
        if replacing { try database.execute("DELETE FROM \(table) WHERE \(column) = ? AND position >= ?", [rowID, citations.count]) }
    }

    /// `base` (an id made from a title: `Identifier.slug`), or when a row of `table` has it,
    /// `base` with `-2`, `-3`, ... appended.
    func unusedID(base: String, in table: String, avoiding reserved: Set<String> = []) throws -> String {
        var candidate = base
        var counter = 1
        while try reserved.contains(candidate) || database.scalar("SELECT 1 FROM \(table) WHERE uid = ?", [candidate], as: Int.self) != nil
        {
            counter += 1
            candidate = "\(base)-\(counter)"
        }
        return candidate
    }
}
