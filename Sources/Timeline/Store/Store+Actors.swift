extension Store {
    // MARK: - Reading

    /// Every actor, sorted by name (case-insensitively), optionally of one kind.
    public func actors(kind: ActorKind? = nil) throws -> [ActorProfile] {
        try read {
            try database.cachedStatement("SELECT id FROM actors WHERE ?1 IS NULL OR kind = ?1 ORDER BY name COLLATE NOCASE, name")
                .map([kind?.rawValue]) { $0[0] as Int64 }
                .map { try profile(ofRowID: $0) }
        }
    }

    /// The actor that `name` names (its name or an alias, case and accents ignored), or nil.
    public func actor(named name: String) throws -> ActorProfile? {
        try read {
            try actorDirectory.rowID(of: name.collapsingWhitespace, in: database).map { try profile(ofRowID: $0) }
        }
    }

    /// How many events, partnerships, quotes and affiliations involve the actor.
    public struct ActorUsage: Equatable, Sendable {
        public var events = 0, partnerships = 0, quotes = 0, affiliations = 0, parts = 0
        public var isEmpty: Bool { events + partnerships + quotes + affiliations + parts == 0 }
    }

    public func usage(ofActorNamed name: String) throws -> ActorUsage {
        try read {
            let rowID = try existingActorRowID(named: name)
            var usage = ActorUsage()
            usage.events =
                try database.scalar("SELECT count(DISTINCT event_id) FROM event_actors WHERE actor_id = ?", [rowID], as: Int.self) ?? 0
            usage.partnerships =
                try database.scalar(
                    "SELECT count(DISTINCT partnership_id) FROM partnership_members WHERE actor_id = ?", [rowID], as: Int.self) ?? 0
            usage.quotes = try database.scalar("SELECT count(*) FROM quotes WHERE speaker_id = ?", [rowID], as: Int.self) ?? 0
            usage.affiliations =
                try database.scalar("SELECT count(*) FROM affiliations WHERE organization_id = ?", [rowID], as: Int.self) ?? 0
            usage.parts = try database.scalar("SELECT count(*) FROM actors WHERE part_of = ?", [rowID], as: Int.self) ?? 0
            return usage
        }
    }

    func profile(ofRowID rowID: Int64) throws -> ActorProfile {
        guard
            let base = try database.cachedStatement(
                """
                SELECT a.name, a.kind, p.name FROM actors a LEFT JOIN actors p ON p.id = a.part_of WHERE a.id = ?
                """
            ).first([rowID], { row in (name: row[0] as String, kind: row[1] as String, partOf: row[2] as String?) })
        else { throw TimelineError.invalidValue(field: "actor", value: "#\(rowID)", expected: "no such actor") }
        let aliases = try database.cachedStatement(
            "SELECT alias FROM actor_aliases WHERE actor_id = ? ORDER BY alias COLLATE NOCASE, alias"
        )
        .map([rowID]) { $0[0] as String }
        let affiliations = try storedAffiliations(ofActorRowID: rowID).map { affiliation in
            Affiliation(
                organization: affiliation.organization, role: affiliation.role,
                date: try storedDate(affiliation.date, what: "an affiliation of \"\(base.name)\""))
        }
        return ActorProfile(
            name: base.name, kind: ActorKind(rawValue: base.kind) ?? .other, aliases: aliases,
            partOf: base.partOf, affiliations: affiliations)
    }

    /// The role(s) a speaker held at `date`, from their affiliations: "CEO, Google".
    func role(ofActorRowID rowID: Int64, at date: PartialDate) throws -> String? {
        // A role whose stored date does not read counts as undated here; `check` reports it.
        let affiliations = try storedAffiliations(ofActorRowID: rowID).map { affiliation in
            Affiliation(
                organization: affiliation.organization, role: affiliation.role,
                date: affiliation.date.flatMap { try? PartialDate(parsing: $0) })
        }.filter { $0.overlaps(date) }
        // A dated role that fits beats an undated one.
        let dated = affiliations.filter { $0.date != nil }
        let chosen = dated.isEmpty ? affiliations : dated
        return chosen.isEmpty ? nil : chosen.map(\.label).joined(separator: "; ")
    }

    /// An actor's affiliations as stored, dates still as text, earliest first.
    private func storedAffiliations(ofActorRowID rowID: Int64) throws -> [(organization: String, role: String?, date: String?)] {
        try database.cachedStatement(
            """
            SELECT o.name, f.role, f.date FROM affiliations f JOIN actors o ON o.id = f.organization_id
            WHERE f.person_id = ? ORDER BY f.start IS NULL, f.start, f.id
            """
        ).map([rowID]) { row in (row[0], row[1], row[2]) }
    }

    /// The actor and every actor that is part of it, recursively: Google, Google Cloud, YouTube.
    func familyRowIDs(of rowID: Int64) throws -> [Int64] {
        try database.cachedStatement(
            """
            WITH RECURSIVE family(id) AS (SELECT ? UNION SELECT a.id FROM actors a JOIN family f ON a.part_of = f.id)
            SELECT id FROM family
            """
        ).map([rowID]) { $0[0] as Int64 }
    }

    // MARK: - Writing

    /// Stores a new actor. Throws when its name or an alias already names an actor.
    @discardableResult
    public func addActor(_ profile: ActorProfile) throws -> Written<Void> {
        let profile = try profile.normalized()
        return try writeReporting {
            if try actorDirectory.rowID(of: profile.name, in: database) != nil {
                throw TimelineError.invalidValue(
                    field: "actor name", value: profile.name,
                    expected: "an actor with this name already exists (edit it, or merge)")
            }
            let rowID = try insertActor(named: profile.name, kind: profile.kind)
            try writeDetails(of: profile, rowID: rowID)
        }
    }

    /// Replaces the actor `name` names with `profile` (which may rename it; the old name does not
    /// become an alias unless `profile.aliases` says so).
    @discardableResult
    public func updateActor(named name: String, to profile: ActorProfile) throws -> Written<Void> {
        let profile = try profile.normalized()
        return try writeReporting {
            let rowID = try existingActorRowID(named: name)
            if let other = try actorDirectory.rowID(of: profile.name, in: database), other != rowID {
                throw TimelineError.invalidValue(
                    field: "actor name", value: profile.name,
                    expected: "another actor has this name (merge them with `timeline actor merge`)")
            }
            try database.execute("UPDATE actors SET name = ?, kind = ? WHERE id = ?", [profile.name, profile.kind.rawValue, rowID])
            actorDirectory.reset()
            try writeDetails(of: profile, rowID: rowID)
        }
    }

    /// Reads the actor `name` names, lets `change` modify it (its name too), and stores the
    /// result, in one write transaction (see `editEvent`). Throws `actorNotFound`.
    @discardableResult
    public func editActor(named name: String, _ change: (inout ActorProfile) throws -> Void) throws -> Written<Void> {
        try writeReporting {
            guard var profile = try actor(named: name) else { throw TimelineError.actorNotFound(name: name) }
            let storedName = profile.name
            try change(&profile)
            try updateActor(named: storedName, to: profile)
        }
    }

    /// Adds other names for an actor.
    @discardableResult
    public func addAliases(_ aliases: [String], toActorNamed name: String) throws -> Written<Void> {
        try editActor(named: name) { $0.aliases += aliases }
    }

    /// Moves every link of `merged` (events, partnerships, quotes, affiliations, parts, aliases)
    /// onto `kept`, keeps `merged`'s name as an alias of `kept`, and deletes `merged`: one
    /// transaction, nothing lost, nothing duplicated.
    @discardableResult
    public func mergeActor(_ merged: String, into kept: String) throws -> Written<Void> {
        try writeReporting {
            let keptID = try existingActorRowID(named: kept)
            let mergedID = try existingActorRowID(named: merged)
            guard keptID != mergedID else {
                throw TimelineError.invalidValue(field: "actor", value: merged, expected: "it already is \(kept)")
            }
            let mergedName = try database.scalar("SELECT name FROM actors WHERE id = ?", [mergedID], as: String.self) ?? merged
            let ids: [any DatabaseValueConvertible] = [keptID, mergedID]
            // Links that would repeat one the kept actor already has are dropped, the others moved.
            for table in ["event_actors": "event_id", "partnership_members": "partnership_id"] {
                try database.execute(
                    """
                    DELETE FROM \(table.key) WHERE actor_id = ?2 AND EXISTS (
                        SELECT 1 FROM \(table.key) AS kept WHERE kept.\(table.value) = \(table.key).\(table.value)
                        AND kept.actor_id = ?1 AND (kept.role IS \(table.key).role OR \(table.key).role IS NULL))
                    """, ids)
                try database.execute("UPDATE \(table.key) SET actor_id = ?1 WHERE actor_id = ?2", ids)
            }
            try database.execute("UPDATE quotes SET speaker_id = ?1 WHERE speaker_id = ?2", ids)
            try database.execute("UPDATE affiliations SET person_id = ?1 WHERE person_id = ?2", ids)
            try database.execute("UPDATE affiliations SET organization_id = ?1 WHERE organization_id = ?2", ids)
            try database.execute("DELETE FROM affiliations WHERE person_id = organization_id")
            try database.execute(
                "UPDATE actors SET part_of = (SELECT part_of FROM actors WHERE id = ?2) WHERE id = ?1 AND part_of = ?2", ids)
            try database.execute("UPDATE actors SET part_of = ?1 WHERE part_of = ?2", ids)
            try database.execute("UPDATE actors SET part_of = NULL WHERE id = ?1 AND part_of = ?1", [keptID])
            try database.execute("UPDATE actor_aliases SET actor_id = ?1 WHERE actor_id = ?2", ids)
            try database.execute("DELETE FROM actors WHERE id = ?", [mergedID])
            let keptName = try database.scalar("SELECT name FROM actors WHERE id = ?", [keptID], as: String.self) ?? kept
            if mergedName.matchKey != keptName.matchKey {
                try database.execute("INSERT OR IGNORE INTO actor_aliases (alias, actor_id) VALUES (?, ?)", [mergedName, keptID])
            }
            actorDirectory.reset()
        }
    }

    /// Deletes an actor. Refused while anything involves it, unless `force`, which also removes
    /// it from events and partnerships and deletes its quotes and affiliations.
    @discardableResult
    public func removeActor(named name: String, force: Bool = false) throws -> Written<Void> {
        try writeReporting {
            let rowID = try existingActorRowID(named: name)
            let usage = try self.usage(ofActorNamed: name)
            if !usage.isEmpty && !force {
                throw TimelineError.inUse(
                    what: "actor \"\(name)\"",
                    by: [
                        (usage.events, "event"), (usage.partnerships, "partnership"), (usage.quotes, "quote"),
                        (usage.affiliations, "affiliation"), (usage.parts, "part"),
                    ].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)\($0.0 == 1 ? "" : "s")" }.joined(separator: ", "))
            }
            for sql in [
                "DELETE FROM event_actors WHERE actor_id = ?", "DELETE FROM partnership_members WHERE actor_id = ?",
                "DELETE FROM quotes WHERE speaker_id = ?", "DELETE FROM affiliations WHERE organization_id = ?",
                "UPDATE actors SET part_of = NULL WHERE part_of = ?", "DELETE FROM actors WHERE id = ?",
            ] {
                try database.execute(sql, [rowID])
            }
        }
    }

    // MARK: - Internals

    /// The row id of the actor `name` names; when none, a new organization (or nil if not `create`).
    func actorRowID(named name: String, create: Bool = true) throws -> Int64? {
        if let rowID = try actorDirectory.rowID(of: name, in: database) { return rowID }
        guard create else { return nil }
        let rowID = try insertActor(named: name)
        actorsCreatedByReference.insert(rowID)
        createdByReference.append("actor \"\(name)\"")
        return rowID
    }

    /// Inserts a new actor and returns its row id.
    func insertActor(named name: String, kind: ActorKind = .organization) throws -> Int64 {
        let rowID = try nameRowID(in: "actors", for: name)
        try database.execute("INSERT INTO actors (id, name, kind) VALUES (?, ?, ?)", [rowID, name, kind.rawValue])
        actorDirectory.register(name, rowID: rowID)
        return rowID
    }

    func existingActorRowID(named name: String) throws -> Int64 {
        guard let rowID = try actorDirectory.rowID(of: name.collapsingWhitespace, in: database) else {
            throw TimelineError.actorNotFound(name: name)
        }
        return rowID
    }

    /// Writes aliases, parent and affiliations of the actor at `rowID` over what it had, changing
    /// only what differs.
    func writeDetails(of profile: ActorProfile, rowID: Int64) throws {
        // SQLite's NOCASE, which the alias column compares with, folds ASCII letters only.
        func folded(_ text: String) -> String {
            String(decoding: text.utf8.map { (65...90).contains($0) ? $0 + 32 : $0 }, as: UTF8.self)
        }
        let kept = Set(profile.aliases.map(folded))
        for alias in try database.cachedStatement("SELECT alias FROM actor_aliases WHERE actor_id = ?").map([rowID], { $0[0] as String })
        where !kept.contains(folded(alias)) {
            try database.execute("DELETE FROM actor_aliases WHERE alias = ?", [alias])
        }
        for alias in profile.aliases {
            if let other = try actorDirectory.rowID(of: alias, in: database), other != rowID {
                let owner = try database.scalar("SELECT name FROM actors WHERE id = ?", [other], as: String.self) ?? "another actor"
                throw TimelineError.invalidValue(field: "alias", value: alias, expected: "it already names \(owner)")
            }
            // An alias kept in other letter case is written as now given; one kept as it was is left alone.
            try database.execute(
                """
                INSERT INTO actor_aliases (alias, actor_id) VALUES (?, ?)
                ON CONFLICT (alias) DO UPDATE SET alias = excluded.alias WHERE alias IS NOT excluded.alias COLLATE BINARY
                """, [alias, rowID])
            actorDirectory.register(alias, rowID: rowID)
        }
        var parentID: Int64?
        if let parent = profile.partOf {
            let id = try actorRowID(named: parent)!
            if try familyRowIDs(of: rowID).contains(id) {
                throw TimelineError.invalidValue(field: "part of", value: parent, expected: "\(parent) is already part of \(profile.name)")
            }
            parentID = id
        }
        try database.execute("UPDATE actors SET part_of = ?1 WHERE id = ?2 AND part_of IS NOT ?1", [parentID, rowID])
        // Affiliations stored as given are kept (with their ids); the others deleted or added.
        var stored = try database.cachedStatement(
            "SELECT id, organization_id, role, date FROM affiliations WHERE person_id = ? ORDER BY id"
        )
        .map([rowID]) { row in (id: row[0] as Int64, organization: row[1] as Int64, role: row[2] as String?, date: row[3] as String?) }
        var added: [(organization: Int64, affiliation: Affiliation)] = []
        for affiliation in profile.affiliations {
            let organizationID = try actorRowID(named: affiliation.organization)!
            if let index = stored.firstIndex(where: {
                $0.organization == organizationID && $0.role == affiliation.role && $0.date == affiliation.date?.edtf
            }) {
                stored.remove(at: index)
            } else {
                added.append((organizationID, affiliation))
            }
        }
        for gone in stored { try database.execute("DELETE FROM affiliations WHERE id = ?", [gone.id]) }
        for (organizationID, affiliation) in added {
            let date = affiliation.date
            try database.execute(
                "INSERT INTO affiliations (id, person_id, organization_id, role, date, start, end) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    try newRowID(in: "affiliations"), rowID, organizationID, affiliation.role, date?.edtf, date?.earliest?.iso,
                    date?.latest?.iso,
                ])
        }
    }
}

extension Store {
    /// The names of the actors directly part of the actor `name` names ("Google" → Google Cloud, YouTube).
    public func parts(ofActorNamed name: String) throws -> [String] {
        try read {
            try database.cachedStatement("SELECT name FROM actors WHERE part_of = ? ORDER BY name COLLATE NOCASE")
                .map([try existingActorRowID(named: name)]) { $0[0] as String }
        }
    }

    /// The partnerships that the actor (or, unless `exact`, an actor part of it) is a member of.
    public func partnerships(involving name: String, exact: Bool = false) throws -> [Partnership] {
        let members = try read {
            let rowID = try existingActorRowID(named: name)
            return Set(try (exact ? [rowID] : familyRowIDs(of: rowID)).map { try profile(ofRowID: $0).name })
        }
        return try partnerships().filter { $0.members.contains { members.contains($0.name) } }
    }
}
