/// Export joins the Store to a format: the Store reads events, a format's writer writes them.
extension Store {
    /// Writes the events `filter` keeps in `format` (with the records they refer to, for the
    /// formats that carry them), streaming; returns how many events it wrote.
    @discardableResult
    public func write(_ format: OutputFormat, matching filter: EventFilter = EventFilter(), options: OutputOptions = OutputOptions(),
                      to output: inout some TextOutputStream) throws -> Int {
        let records = format.needsRecords ? try records(for: filter) : TimelineDocument()
        var writer = options.makeWriter(format, records: records, ranked: filter.rankedBySearch)
        var count = 0
        writer.writeHeader(to: &output)
        try forEachEvent(matching: filter) { event in
            writer.write(event, to: &output)
            count += 1
        }
        writer.writeFooter(to: &output)
        return count
    }
}
