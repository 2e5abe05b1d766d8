/// Writes a stream of events in one format: a header, each event as it comes, a footer.
/// Writers keep no events, so output of any size runs in flat memory.
public protocol EventWriter {
    mutating func writeHeader(to output: inout some TextOutputStream)
    mutating func write(_ event: Event, to output: inout some TextOutputStream)
    mutating func writeFooter(to output: inout some TextOutputStream)
}

extension EventWriter {
    /// Writes `events` whole: header, events, footer.
    public mutating func write(_ events: some Sequence<Event>, to output: inout some TextOutputStream) {
        writeHeader(to: &output)
        for event in events { write(event, to: &output) }
        writeFooter(to: &output)
    }
}

