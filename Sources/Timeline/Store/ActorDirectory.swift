/// Finds actors by any of their names the way people type them: case, accents and spacing
/// ignored, aliases included ("google llc" → Google). Exact matches come from an index; the
/// first miss loads every name and alias once, so a bulk import pays for it once.
struct ActorDirectory {
    private var rowIDByKey: [String: Int64]?
    /// Names already looked up, exactly as given: the common case, answered without SQL.
    private var rowIDByName: [String: Int64] = [:]

    /// The row id of the actor that `name` names, or nil.
    mutating func rowID(of name: String, in database: Database) throws -> Int64? {
        if let id = rowIDByName[name] { return id }
        if let id = try exactRowID(of: name, in: database) {
            rowIDByName[name] = id
            return id
        }
        return try rowIDByMatchKey(of: name, in: database)
    }

    private func exactRowID(of name: String, in database: Database) throws -> Int64? {
        if let id = try database.scalar("SELECT id FROM actors WHERE name = ?", [name], as: Int64.self) { return id }
        return try database.scalar("SELECT actor_id FROM actor_aliases WHERE alias = ?", [name], as: Int64.self)
    }

    private mutating func rowIDByMatchKey(of name: String, in database: Database) throws -> Int64? {
        if rowIDByKey == nil {
            var keys: [String: Int64] = [:]
            try database.cachedStatement("SELECT name, id FROM actors UNION ALL SELECT alias, actor_id FROM actor_aliases")
                .forEachRow { row in
                    let name: String = row[0]
                    keys[name.matchKey] = keys[name.matchKey] ?? row[1]
                }
            rowIDByKey = keys
        }
        return rowIDByKey?[name.matchKey]
    }

    /// Records a new name for `rowID` (a new actor, a new alias, a rename).
    mutating func register(_ name: String, rowID: Int64) {
        rowIDByKey?[name.matchKey] = rowID
        rowIDByName[name] = rowID
    }

    /// Forgets everything loaded (after a merge, a removal or a rename).
    mutating func reset() {
        rowIDByKey = nil
        rowIDByName = [:]
    }
}
