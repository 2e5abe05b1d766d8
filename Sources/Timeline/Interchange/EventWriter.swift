/// Writes a stream of events in one format: a header, each event as it comes, a footer.
/// Writers keep no events, so output of any size runs in flat memory. A writer that must see
/// every event before it can write (a chart's layout needs the date range) or that writes each
/// event twice (a page's list and its data) asks for more than one pass over the same events.
public protocol EventWriter {
    /// How many times the events are given, in the same order: 1 for most formats.
    var passes: Int { get }
    mutating func writeHeader(to output: inout some TextOutputStream)
    /// Called before each pass after the first.
    mutating func startPass(_ pass: Int, to output: inout some TextOutputStream)
    /// Whether the events of `pass` (asked after `startPass`) need their actors, tags, sources and
    /// quotes; a pass that writes only titles and dates is read much faster without them.
    func needsDetails(inPass pass: Int) -> Bool
    mutating func write(_ event: Event, to output: inout some TextOutputStream)
    mutating func writeFooter(to output: inout some TextOutputStream)
}

extension EventWriter {
    public var passes: Int { 1 }

    public mutating func startPass(_ pass: Int, to output: inout some TextOutputStream) {}

    public func needsDetails(inPass pass: Int) -> Bool { true }

    /// Writes `events` whole: header, events (as many times as the writer asks), footer.
    public mutating func write(_ events: some Collection<Event>, to output: inout some TextOutputStream) {
        writeHeader(to: &output)
        for pass in 0..<passes {
            if pass > 0 { startPass(pass, to: &output) }
            for event in events { write(event, to: &output) }
        }
        writeFooter(to: &output)
    }
}
