/// Export joins the Store to a format: the Store reads events, a format's writer writes them.
extension Store {
    /// Writes the events `filter` keeps in `format` (with the records they refer to, for the
    /// formats that carry them), streaming: a writer that asks for two passes gets the events
    /// read twice, in one read transaction, rather than kept in memory. Returns how many
    /// events it wrote.
    @discardableResult
    public func write(
        _ format: Format, matching filter: EventFilter = EventFilter(), options: OutputOptions = OutputOptions(),
        to output: inout some TextOutputStream
    ) throws -> Int {
        try read {
            try database.readTransaction {
                let records = format.needsRecords ? try records(for: filter) : TimelineDocument()
                var writer = format.writer(options: options, records: records, ranked: filter.rankedBySearch)
                var count = 0
                writer.writeHeader(to: &output)
                for pass in 0..<writer.passes {
                    if pass > 0 { writer.startPass(pass, to: &output) }
                    count = 0
                    try forEachEvent(matching: filter, shallow: !writer.needsDetails(inPass: pass)) { event in
                        writer.write(event, to: &output)
                        count += 1
                    }
                }
                writer.writeFooter(to: &output)
                return count
            }
        }
    }
}
