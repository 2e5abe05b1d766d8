/// Applying another copy's changes: all or nothing, every conflict shown.
extension Store {
    /// Applies the change sets `next` gives (a `ChangeFileReader`'s, from `file`) in one
    /// transaction: each as a change set of this copy's history, with its author, time and
    /// reason; those this copy already has are passed over, so applying a file twice changes
    /// nothing. A conflict takes the side `choices` gives it; if any has none, nothing is applied
    /// and `TimelineError.unresolvedConflicts` lists every one, in the order of their names. The
    /// sides taken are recorded (table `change_conflicts`) in the change set of this apply.
    /// Before the commit the file is checked (foreign keys, the search index, `check`'s errors):
    /// a failure rolls it all back.
    public func applyChanges(from file: String, choosing choices: ConflictChoices, next: () throws -> ExchangeItem?) throws
        -> ChangesApplied
    {
        try write {
            try database.executeScript("PRAGMA defer_foreign_keys = ON")
            var applier = ChangeApplier(store: self, choices: choices)
            while let item = try next() {
                switch item {
                case .changeSet(let set): try applier.begin(set)
                case .range(let table, let first, let last): try applier.beginRange(table, first, last)
                case .row(let row): try applier.apply(row)
                }
            }
            try applier.finish()
            if !applier.unresolved.isEmpty {
                throw TimelineError.unresolvedConflicts(file: file, conflicts: applier.unresolved.sorted { $0.name < $1.name })
            }
            let report = applier.report
            for (conflict, side) in report.resolved {
                try database.execute(
                    """
                    INSERT INTO change_conflicts (change_id, conflict, what, ours, theirs, their_change, taken)
                    VALUES ((SELECT max(id) FROM changes WHERE open = 1), ?, ?, json_quote(?), json_quote(?), ?, ?)
                    """, [conflict.name, conflict.kind.rawValue, conflict.ours, conflict.theirs, conflict.theirChange, side.rawValue])
            }
            try checkApplied(file)
            return report
        }
    }

    /// What must hold before an apply commits: no row refers to a missing one, the search index
    /// agrees with the events, and `check` finds no error.
    private func checkApplied(_ file: String) throws {
        if let problem = try database.makeStatement("PRAGMA foreign_key_check").first(
            [], { "a row of \($0[0] as String) refers to a missing \($0[2] as String) row" })
        {
            throw TimelineError.invalidChangeFile(location: file, reason: "applying it would leave \(problem)")
        }
        try database.execute("INSERT INTO events_fts (events_fts) VALUES ('integrity-check')")
        if let error = try check(beforeCommit: true).first(where: { $0.severity == .error }) {
            throw TimelineError.invalidChangeFile(location: file, reason: "applying it would leave the file wrong: \(error.description)")
        }
    }
}
