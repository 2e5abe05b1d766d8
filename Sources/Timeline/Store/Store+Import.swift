/// What to do when an imported event has the id of a stored event with different content.
public enum ConflictPolicy: String, CaseIterable, Sendable {
    /// Stop, and import nothing.
    case fail
    /// Keep the stored event.
    case skip
    /// Replace the stored event with the imported one.
    case update
}

/// What an import did.
public struct ImportReport: Equatable, Sendable, CustomStringConvertible {
    public var added = 0
    public var updated = 0
    /// Conflicting events kept as stored (`--on-conflict skip`).
    public var skipped = 0
    /// Events already stored exactly as imported.
    public var unchanged = 0

    public init() {}

    public var total: Int { added + updated + skipped + unchanged }

    public var description: String {
        "\(total) event\(total == 1 ? "" : "s"): \(added) added, \(updated) updated, \(unchanged) unchanged, \(skipped) skipped"
    }
}

extension Store {
    /// Imports events all-or-nothing, in one transaction with reused statements. Events are
    /// matched on id: one stored with the same content is left alone (so importing a file twice
    /// adds nothing); one with different content follows `policy`. Any bad event stops the
    /// import with `TimelineError.importFailed` naming its position (1-based) and id.
    @discardableResult
    public func importEvents(_ events: some Sequence<Event>, onConflict policy: ConflictPolicy = .fail) throws -> ImportReport {
        try write {
            var report = ImportReport()
            var seenIDs = Set<String>()
            for (offset, incoming) in events.enumerated() {
                let location = "event \(offset + 1)" + (incoming.id.map { " (id \"\($0)\")" } ?? "")
                do {
                    let event = try incoming.normalized()
                    guard let id = event.id else {
                        _ = try insert(event)
                        report.added += 1
                        continue
                    }
                    guard seenIDs.insert(id).inserted else {
                        throw TimelineError.invalidValue(field: "id", value: id, expected: "it appears twice in the input")
                    }
                    guard let rowID = try rowID(of: id) else {
                        _ = try insert(event)
                        report.added += 1
                        continue
                    }
                    let stored = try self.event(id: id).map { try $0.normalized().content }
                    if stored == event.content {
                        report.unchanged += 1
                        continue
                    }
                    switch policy {
                    case .fail:
                        throw TimelineError.invalidValue(field: "id", value: id,
                            expected: "a different event with this id is already stored; choose --on-conflict skip or update")
                    case .skip:
                        report.skipped += 1
                    case .update:
                        try replace(rowID: rowID, with: event)
                        report.updated += 1
                    }
                } catch let error as TimelineError {
                    if case .importFailed = error { throw error }
                    throw TimelineError.importFailed(location: location, reason: error.description)
                } catch let error as DatabaseError {
                    throw TimelineError.importFailed(location: location, reason: error.description)
                }
            }
            return report
        }
    }
}
