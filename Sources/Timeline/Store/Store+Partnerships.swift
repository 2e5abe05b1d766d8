extension Store {
    static let selectPartnershipSQL = """
        SELECT p.id, p.uid, p.name, p.date, p.term, p.summary, p.created_at, p.updated_at FROM partnerships p
        """

    /// Every partnership, by start (an open start first, as for events; undated ones last), then name.
    public func partnerships() throws -> [Partnership] {
        try read {
            try database.cachedStatement(Self.selectPartnershipSQL + " ORDER BY p.date IS NULL, p.start, p.name COLLATE NOCASE, p.id")
                .map([]) { try readPartnership($0) }
        }
    }

    /// The partnership with this id, or nil.
    public func partnership(id: String) throws -> Partnership? {
        try read { try database.cachedStatement(Self.selectPartnershipSQL + " WHERE p.uid = ?").first([id]) { try readPartnership($0) } }
    }

    func readPartnership(_ row: Row) throws -> Partnership {
        let rowID: Int64 = row[0]
        let uid: String = row[1]
        let members = try database.cachedStatement(
            """
            SELECT a.name, m.role FROM partnership_members m JOIN actors a ON a.id = m.actor_id
            WHERE m.partnership_id = ? ORDER BY m.position
            """
        ).map([rowID]) { ActorRole(name: $0[0], role: $0[1]) }
        let terms = try database.cachedStatement("SELECT clause FROM partnership_terms WHERE partnership_id = ? ORDER BY position")
            .map([rowID]) { $0[0] as String }
        return Partnership(
            id: uid, name: row[2], members: members, date: try storedDate(row[3], what: "partnership \(uid)"),
            term: row[4], summary: row[5], terms: terms,
            sources: try citations(in: "partnership_sources", owner: "partnership_id", rowID: rowID),
            createdAt: row[6], updatedAt: row[7])
    }

    /// Stores a new partnership; returns its id (given, or made from its name).
    @discardableResult
    public func addPartnership(_ partnership: Partnership) throws -> Written<String> {
        let partnership = try partnership.normalized()
        return try writeReporting { try insertPartnership(partnership) }
    }

    /// Replaces the stored partnership with `partnership.id`.
    @discardableResult
    public func updatePartnership(_ partnership: Partnership) throws -> Written<Void> {
        let partnership = try partnership.normalized()
        guard let id = partnership.id else {
            throw TimelineError.invalidValue(field: "partnership id", value: "", expected: "an update needs the partnership's id")
        }
        return try writeReporting {
            guard let rowID = try partnershipRowID(uid: id) else { throw TimelineError.partnershipNotFound(id: id) }
            try replacePartnership(rowID: rowID, with: partnership)
        }
    }

    /// Reads the partnership with this id, lets `change` modify it, and stores the result, in one
    /// write transaction (see `editEvent`). Throws `partnershipNotFound`.
    @discardableResult
    public func editPartnership(id: String, _ change: (inout Partnership) throws -> Void) throws -> Written<Void> {
        try writeReporting {
            guard var partnership = try partnership(id: id) else { throw TimelineError.partnershipNotFound(id: id) }
            try change(&partnership)
            try updatePartnership(partnership)
        }
    }

    /// Deletes a partnership; its events stay, unlinked.
    @discardableResult
    public func removePartnership(id: String) throws -> Written<Void> {
        try writeReporting {
            try database.execute("DELETE FROM partnerships WHERE uid = ?", [id])
            guard database.changes > 0 else { throw TimelineError.partnershipNotFound(id: id) }
        }
    }

    // MARK: - Internals

    func partnershipRowID(uid: String) throws -> Int64? {
        try database.scalar("SELECT id FROM partnerships WHERE uid = ?", [uid], as: Int64.self)
    }

    func insertPartnership(_ partnership: Partnership) throws -> String {
        let uid: String
        if let id = partnership.id {
            guard try partnershipRowID(uid: id) == nil else {
                throw TimelineError.invalidValue(field: "partnership id", value: id, expected: "a partnership with this id already exists")
            }
            uid = id
        } else {
            uid = try unusedID(base: Identifier.slug(from: partnership.name, fallback: "partnership"), in: "partnerships")
        }
        let date = partnership.date
        let rowID = try newRowID(in: "partnerships")
        try database.execute(
            """
            INSERT INTO partnerships (id, uid, name, date, start, end, term, summary) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [rowID, uid, partnership.name, date?.edtf, date?.earliest?.iso, date?.latest?.iso, partnership.term, partnership.summary])
        try writeLinks(of: partnership, rowID: rowID)
        return uid
    }

    func replacePartnership(rowID: Int64, with partnership: Partnership) throws {
        let date = partnership.date
        try database.execute(
            """
            UPDATE partnerships SET name = ?, date = ?, start = ?, end = ?, term = ?, summary = ?,
                updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?
            """, [partnership.name, date?.edtf, date?.earliest?.iso, date?.latest?.iso, partnership.term, partnership.summary, rowID])
        try writeLinks(of: partnership, rowID: rowID)
    }

    /// Writes the partnership's members, terms and sources over those it had, changing only
    /// the rows that differ.
    private func writeLinks(of partnership: Partnership, rowID: Int64) throws {
        for (position, member) in partnership.members.enumerated() {
            try database.execute(
                """
                INSERT INTO partnership_members (partnership_id, position, actor_id, role) VALUES (?, ?, ?, ?)
                ON CONFLICT (partnership_id, position) DO UPDATE SET actor_id = excluded.actor_id, role = excluded.role
                WHERE actor_id IS NOT excluded.actor_id OR role IS NOT excluded.role
                """, [rowID, position, try actorRowID(named: member.name)!, member.role])
        }
        try database.execute(
            "DELETE FROM partnership_members WHERE partnership_id = ? AND position >= ?", [rowID, partnership.members.count])
        for (position, clause) in partnership.terms.enumerated() {
            try database.execute(
                """
                INSERT INTO partnership_terms (partnership_id, position, clause) VALUES (?, ?, ?)
                ON CONFLICT (partnership_id, position) DO UPDATE SET clause = excluded.clause WHERE clause IS NOT excluded.clause
                """, [rowID, position, clause])
        }
        try database.execute("DELETE FROM partnership_terms WHERE partnership_id = ? AND position >= ?", [rowID, partnership.terms.count])
        try insertCitations(partnership.sources, in: "partnership_sources", owner: "partnership_id", rowID: rowID)
    }
}
