extension Store {
    /// Imports events alone (a version-1 document, or events built in code).
    @discardableResult
    public func importEvents(_ events: some Sequence<Event>, onConflict policy: ConflictPolicy = .fail) throws -> ImportReport {
        try importDocument(TimelineDocument(events: Array(events)), onConflict: policy)
    }

    /// Imports a document read whole: actors, then sources, partnerships and events.
    @discardableResult
    public func importDocument(_ document: TimelineDocument, onConflict policy: ConflictPolicy = .fail) throws -> ImportReport {
        var reader = DocumentRecordReader(document)
        return try importRecords(from: &reader, onConflict: policy)
    }

    /// Imports records as `reader` reads them, all-or-nothing: one transaction with reused
    /// statements, so an input of any size streams through. Records are matched on id (actors
    /// on name or alias); one stored with the same content is left alone (so importing a file
    /// twice adds nothing); one with different content follows `policy`. A bad record stops the
    /// import with `TimelineError.importFailed` naming where it was read. With `dryRun`
    /// everything is checked and counted, then rolled back. `progress` hears the number of
    /// records read, every 1,000.
    @discardableResult
    public func importRecords(
        from reader: inout some RecordReader, onConflict policy: ConflictPolicy = .fail,
        dryRun: Bool = false, progress: (Int) -> Void = { _ in }
    ) throws -> ImportReport {
        do {
            return try write {
                var importer = try Importer(store: self, policy: policy)
                var count = 0
                while let (record, location) = try reader.next() {
                    try importer.reporting(location) { try importer.apply(record) }
                    count += 1
                    if count.isMultiple(of: 1_000) { progress(count) }
                }
                try importer.finish()
                if dryRun { throw DryRun(report: importer.report) }
                return importer.report
            }
        } catch let dryRun as DryRun {
            return dryRun.report
        }
    }
}

/// Thrown to roll a dry run back, with what it would have done.
private struct DryRun: Error {
    let report: ImportReport
}
