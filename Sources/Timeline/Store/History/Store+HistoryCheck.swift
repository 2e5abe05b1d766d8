extension Store {
    /// What `check` finds about the history: a missing trigger (changes to that table are not
    /// recorded), a change set left open by SQL typed by hand, and, replaying the whole history
    /// backwards on a copy, every step that does not match the rows (a row the history says was
    /// added that is not there, a value it says changed that did not, a row it says was deleted
    /// that is there) and every row the history does not account for. Replaying it from the
    /// first change set must give today's rows: this checks that it does.
    func historyFindings(replaying: Bool = true) throws -> [Finding] {
        var findings: [Finding] = []
        let present = Set(try database.makeStatement("SELECT name FROM sqlite_schema WHERE type = 'trigger'").map([]) { $0[0] as String })
        for table in HistoryTable.all {
            for operation in ["insert", "update", "delete"] where !present.contains("\(table.name)_history_\(operation)") {
                findings.append(
                    Finding(
                        severity: .error, check: "history-trigger",
                        message: "the trigger \(table.name)_history_\(operation) is missing: changes to \(table.name) are not recorded"))
            }
        }
        try database.makeStatement("SELECT id FROM changes WHERE open = 1 ORDER BY id").forEachRow { row in
            findings.append(
                Finding(
                    severity: .warning, check: "open-change-set",
                    message:
                        "change set \(row[0] as Int64) is still open (opened by SQL typed by hand?): the next hand edits are recorded in it; "
                        + "close it with UPDATE changes SET open = NULL WHERE open = 1"))
        }
        let problems = replaying ? try replayProblems() : []
        for problem in problems.prefix(Self.integrityProblemsShown) {
            findings.append(Finding(severity: .error, check: "history", message: problem))
        }
        if problems.count > Self.integrityProblemsShown {
            let more = problems.count - Self.integrityProblemsShown
            findings.append(
                Finding(severity: .error, check: "history", message: "and \(more) more problem\(more == 1 ? "" : "s") with the history"))
        }
        return findings
    }

    /// Undoes the whole history on a copy of the file, newest first, checking each step against
    /// the rows; then every table must be empty. Returns what did not match, as messages.
    private func replayProblems() throws -> [String] {
        let file = TemporaryFile(
            beside: FileSystem.temporaryFolder + "/timeline-check.db", serial: Self.temporaryCopies.add(1, ordering: .relaxed).newValue)
        file.remove()
        defer { file.remove() }
        _ = try database.copy(to: file.path)
        let copy = try Store(path: file.path, access: .write)
        var problems: [String] = []
        do {
            try copy.database.transaction {
                problems = try copy.replayProblemsInPlace()
                throw RolledBack()
            }
        } catch is RolledBack {}
        return problems
    }

    /// Undoes the whole history of this store's file (a copy), checking each step; then every
    /// table must be empty. Call inside a transaction that is rolled back.
    private func replayProblemsInPlace() throws -> [String] {
        // Neither the history nor the search index of the copy matter here.
        for name in try database.makeStatement("SELECT name FROM sqlite_schema WHERE type = 'trigger'").map([], { $0[0] as String }) {
            try database.executeScript("DROP TRIGGER \"\(name)\"")
        }
        try database.executeScript("PRAGMA defer_foreign_keys = ON")
        var problems: [String] = []
        try database.makeStatement("SELECT \(HistoryEntry.columnsSQL) FROM history h \(Self.revertOrderSQL)").forEachRow { row in
            guard let entry = HistoryEntry(row: row) else {
                problems.append("history row \(row[0] as Int64) names a table or an operation the history does not know")
                return
            }
            if let problem = try check(entry) { problems.append(problem) }
        }
        for table in HistoryTable.all {
            let count = try database.scalar("SELECT count(*) FROM \"\(table.name)\"", as: Int.self) ?? 0
            if count > 0 {
                problems.append(
                    "\(count) row\(count == 1 ? "" : "s") of \(table.name) \(count == 1 ? "is" : "are") not in the history "
                        + "(written with its triggers off?): the history does not give today's rows")
            }
        }
        return problems
    }

    /// Undoes one entry after checking it matches the rows as the later entries left them (the
    /// values it says it left are there); returns what did not match, if anything.
    private func check(_ entry: HistoryEntry) throws -> String? {
        let row = "\(entry.table.name) row \(entry.key.map(\.shownInHistory).joined(separator: "/"))"
        let change = "change set \(entry.changeSet)"
        if entry.operation != .delete && entry.lastRowKey == nil {
            let new = try entry.newValues(in: database)
            let list = new.map { "\"\($0.column)\"" }.joined(separator: ", ")
            var current: [DatabaseValue]?
            try database.makeStatement("SELECT \(list) FROM \"\(entry.table.name)\" WHERE \(entry.table.keyCondition())").first(entry.key) {
                row in current = (0..<new.count).map { row.value(at: $0) }
            }
            guard let current else {
                return
                    "\(change) \(entry.operation == .insert ? "added" : "changed") \(row), which is not there as the later changes leave it"
            }
            if let differing = zip(new, current).first(where: { $0.0.value != $0.1 }) {
                // Undone all the same, so that the steps before it are checked against what it left.
                try revert(entry)
                return "\(change) set \(differing.0.column) of \(row) to \(differing.0.value.shownInHistory), but the later changes leave "
                    + "\(differing.1.shownInHistory) there (changed without the history?)"
            }
        }
        do {
            try revert(entry)
        } catch let error as DatabaseError where error.isConstraintViolation && entry.operation == .delete {
            return "\(change) deleted \(row), which is there as the later changes leave it (\(error.message.shownInMessage(limit: 80)))"
        }
        return nil
    }
}

/// Thrown to roll a transaction back once its work is done.
private struct RolledBack: Error {}

extension DatabaseValue {
    /// A value as a history message shows it: text in quotes, NULL as NULL.
    var shownInHistory: String {
        switch self {
        case .null: "NULL"
        case .integer(let number): String(number)
        case .real(let number): String(number)
        case .text(let text): "\"\(text.shownInMessage())\""
        case .blob: "(binary)"
        }
    }
}
