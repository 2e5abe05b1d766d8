extension Store {
    /// The latest change set, or nil when the history is empty: what `undo --last` undoes.
    public func lastChangeSet() throws -> Int64? {
        try read { try database.scalar("SELECT max(id) FROM changes", as: Int64.self) }
    }

    /// Undoes change set `id` as a new change set (so the undo can be undone in turn): what it
    /// inserted is deleted, the values it changed are put back, what it deleted is inserted
    /// again with the ids it had. Returns the new change set's id (nil when there was nothing
    /// left to change).
    ///
    /// Refused, with each conflict named, when a later change touched the same fields (or
    /// deleted or re-created a row it touched), or when undoing it would also change rows it
    /// did not touch (an event deleted with a tag added since): `force` undoes it anyway, over
    /// the later changes. Refused even with `force` when later records still refer to a row it
    /// would delete (an actor it created that a later event names).
    @discardableResult
    public func undo(changeSet id: Int64, force: Bool = false) throws -> Written<Int64?> {
        try writeReporting {
            guard try database.scalar("SELECT 1 FROM changes WHERE id = ?", [id], as: Int.self) != nil else {
                throw TimelineError.changeSetNotFound(id)
            }
            let entries = try entries(of: id)
            var describer = ChangeDescriber(store: self)
            var keptLater: [Int64: Set<String>] = [:]
            if !force {
                let later = try laterChanges(to: entries, of: id, describer: &describer)
                if !later.conflicts.isEmpty { throw TimelineError.undoConflict(changeSet: id, conflicts: later.conflicts) }
                keptLater = later.bookkeeping
            }
            func blocked(_ entry: HistoryEntry, _ error: DatabaseError) throws -> TimelineError {
                let reason =
                    !error.isForeignKeyViolation
                    ? error.message.shownInMessage(limit: 200)
                    : entry.operation == .delete
                        ? "it refers to a record deleted since; undo that deletion first"
                        : "later records still refer to it; undo or change those first"
                return .undoBlocked(changeSet: id, record: try describer.label(of: entry), reason: reason)
            }
            // A row still referred to by a row undone after it (a tag an import added, which the
            // import's range of links refers to) is tried again once the others are undone.
            var postponed: [HistoryEntry] = []
            for entry in entries {
                do {
                    try revert(entry, keeping: keptLater[entry.id] ?? [])
                } catch let error as DatabaseError where error.isForeignKeyViolation {
                    postponed.append(entry)
                } catch let error as DatabaseError where error.isConstraintViolation {
                    throw try blocked(entry, error)
                }
            }
            for entry in postponed {
                do {
                    try revert(entry, keeping: keptLater[entry.id] ?? [])
                } catch let error as DatabaseError where error.isConstraintViolation {
                    throw try blocked(entry, error)
                }
            }
            guard let undo = currentChangeSet else { return nil }
            if !force {
                let collateral = try collateralChanges(of: undo, beyond: entries, describer: &describer)
                if !collateral.isEmpty { throw TimelineError.undoConflict(changeSet: id, conflicts: collateral) }
            }
            try database.execute("UPDATE changes SET undoes = ? WHERE id = ?", [id, undo])
            return undo
        }
    }

    /// The columns that record when a row last changed: a later change sets them again without
    /// conflicting, and an undo leaves them as the later change set them.
    static let bookkeepingColumns: Set<String> = ["updated_at"]

    /// What later change sets did to what `entries` (of change set `id`) changed, where it
    /// stands in the way of undoing it: a field it set that holds another value now, a row it
    /// inserted that now differs, a row it updated that is gone, a row it deleted that is back;
    /// any later change to a row of a range it inserted. Fields later changed and changed back
    /// (an edit since undone) are no conflict. One line per record and change set.
    /// `bookkeeping` are the columns of an update whose value is now another's
    /// (`bookkeepingColumns`, left as they are), by entry id.
    private func laterChanges(to entries: [HistoryEntry], of id: Int64, describer: inout ChangeDescriber) throws
        -> (conflicts: [String], bookkeeping: [Int64: Set<String>])
    {
        var conflicts: [String] = []
        var bookkeeping: [Int64: Set<String>] = [:]
        func conflict(_ entry: HistoryEntry, _ rowKey: DatabaseValue, _ fields: [String], by changeSet: Int64) throws {
            let fields = entry.table.keys == ["id"] ? fields : [describer.linkField(entry.table) + " " + fields.joined(separator: ", ")]
            guard case .integer(let rowID) = rowKey else { return }
            let record = "\(entry.table.record.rawValue) \(try describer.name(of: entry.table.record, rowID: rowID))"
            let author = try database.scalar("SELECT author FROM changes WHERE id = ?", [changeSet], as: String.self)
            let line = "\(record): \(fields.joined(separator: ", ")) (change \(changeSet)\(author.map { " by \($0)" } ?? ""))"
            if !conflicts.contains(line) { conflicts.append(line) }
        }
        for entry in entries {
            if let last = entry.lastRowKey {
                try database.cachedStatement(
                    "SELECT change_id, row_key FROM history WHERE table_name = ? AND row_key BETWEEN ? AND ? AND change_id > ? ORDER BY id"
                ).forEachRow([entry.table.name, entry.rowKey, last, id]) { row in
                    try conflict(entry, row.value(at: 1), ["changed"], by: row[0])
                }
                continue
            }
            let later = try database.cachedStatement(
                "SELECT change_id, old FROM history WHERE table_name = ? AND row_key = ? AND row_key2 IS ? AND change_id > ? ORDER BY id"
            ).map([entry.table.name, entry.rowKey, entry.rowKey2, id]) { (changeSet: $0[0] as Int64, old: $0[1] as String?) }
            guard let latest = later.last?.changeSet else { continue }
            let columns = try entry.table.columns(in: database)
            var current: [String: DatabaseValue]?
            try database.makeStatement(
                "SELECT \(columns.map { "\"\($0)\"" }.joined(separator: ", ")) FROM \"\(entry.table.name)\" WHERE \(entry.table.keyCondition())"
            ).first(entry.key) { row in
                current = Dictionary(uniqueKeysWithValues: columns.enumerated().map { ($0.element, row.value(at: $0.offset)) })
            }
            switch entry.operation {
            case .delete:
                if current != nil { try conflict(entry, entry.rowKey, ["added again"], by: latest) }
                continue
            case .update where current == nil:
                try conflict(entry, entry.rowKey, ["deleted"], by: latest)
                continue
            case .insert where current == nil:
                continue  // deleted since: there is nothing left to undo
            default: break
            }
            guard let current else { continue }
            var lastChange: [String: Int64] = [:]  // the last change set to change each field
            for next in later {
                for column in try database.cachedStatement("SELECT key FROM json_each(?)").map([next.old ?? "{}"], { $0[0] as String }) {
                    lastChange[column] = next.changeSet
                }
            }
            // Each field the change set set, and the value it left there: another value now is a conflict.
            var changed: [String] = []
            for (field, value) in try entry.newValues(in: database) where value != current[field] {
                if Self.bookkeepingColumns.contains(field) {
                    bookkeeping[entry.id, default: []].insert(field)
                } else {
                    changed.append(field)
                }
            }
            if !changed.isEmpty {
                let by = changed.compactMap { lastChange[$0] }.max() ?? latest
                try conflict(entry, entry.rowKey, columns.filter(changed.contains), by: by)
            }
        }
        return (conflicts, bookkeeping)
    }

    /// What the undo (change set `undo`) changed beyond the rows of `entries`: rows deleted or
    /// emptied with what it deleted (a tag added since to an event it removes).
    private func collateralChanges(of undo: Int64, beyond entries: [HistoryEntry], describer: inout ChangeDescriber) throws -> [String] {
        var lines: [String] = []
        var keys: [(table: String, key: [DatabaseValue])] = []
        for entry in entries where entry.lastRowKey == nil {
            keys.append((entry.table.name, entry.key))
            // A row whose key the change set changed is found by either key.
            let old = Dictionary(try entry.oldValues(in: database).map { ($0.column, $0.value) }, uniquingKeysWith: { a, _ in a })
            let previous = zip(entry.table.keys, entry.key).map { old[$0.0] ?? $0.1 }
            if previous != entry.key { keys.append((entry.table.name, previous)) }
        }
        func covered(_ made: HistoryEntry) -> Bool {
            entries.contains { $0.lastRowKey != nil && $0.covers(table: made.table.name, key: made.key) }
                || keys.contains {
                    $0.table == made.table.name && $0.key.count == made.key.count && zip($0.key, made.key).allSatisfy(Self.sameKey)
                }
        }
        for made in try self.entries(of: undo) where !covered(made) {
            guard case .integer(let rowID) = made.rowKey else { continue }
            let done = ["insert": "added", "update": "changed", "delete": "deleted"][made.operation.rawValue] ?? ""
            let field = made.table.keys == ["id"] ? done : describer.linkField(made.table) + " " + done
            let line = "\(made.table.record.rawValue) \(try describer.name(of: made.table.record, rowID: rowID)): \(field) along with it"
            if !lines.contains(line) { lines.append(line) }
        }
        return lines
    }

    /// Two key values that name the same row: equal, or equal text but for ASCII letter case
    /// (aliases are compared as SQLite's NOCASE does).
    private static func sameKey(_ a: DatabaseValue, _ b: DatabaseValue) -> Bool {
        guard case .text(let x) = a, case .text(let y) = b else { return a == b }
        func folded(_ byte: UInt8) -> UInt8 { (65...90).contains(byte) ? byte + 32 : byte }
        return x.utf8.count == y.utf8.count && zip(x.utf8, y.utf8).allSatisfy { folded($0) == folded($1) }
    }
}
