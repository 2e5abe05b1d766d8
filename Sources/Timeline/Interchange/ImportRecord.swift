/// One record read from an input, in the order an import applies them: the records events
/// refer to come before the events.
public enum ImportRecord: Hashable, Sendable {
    case actor(ActorProfile)
    case source(Source)
    case partnership(Partnership)
    /// An event; `keeping` names the fields the input does not carry (a CSV without some
    /// columns), which a stored event with the same id keeps.
    case event(Event, keeping: Set<EventField> = [])
}

/// The fields of an event that an input may leave out.
public enum EventField: String, CaseIterable, Hashable, Sendable {
    case summary, kind, partnership, actors, tags, sources, quotes, status
}

/// Reads records one at a time, each with where it was read ("line 12", "event 3 (id \"x\")"),
/// so that an import can stream an input of any size and name the place of an error. Records
/// come normalized (`normalized()`), with a reader's error for one that cannot be.
public protocol RecordReader {
    mutating func next() throws -> (record: ImportRecord, location: String)?
}

/// The records of a document already read whole.
public struct DocumentRecordReader: RecordReader {
    private var records: [(ImportRecord, String)] = []
    private var index = 0

    public init(_ document: TimelineDocument) {
        records += document.actors.enumerated().map { (.actor($1), "actor \($0 + 1) (\"\($1.name.shownInMessage())\")") }
        records += document.sources.enumerated().map { (.source($1), "source \($0 + 1)" + Self.id($1.id)) }
        records += document.partnerships.enumerated().map { (.partnership($1), "partnership \($0 + 1)" + Self.id($1.id)) }
        records += document.events.enumerated().map { (.event($1), "event \($0 + 1)" + Self.id($1.id)) }
    }

    private static func id(_ id: String?) -> String { id.map { " (id \"\($0.shownInMessage())\")" } ?? "" }

    public mutating func next() throws -> (record: ImportRecord, location: String)? {
        guard index < records.count else { return nil }
        defer { index += 1 }
        let (record, location) = records[index]
        do {
            switch record {
            case .actor(let profile): return (.actor(try profile.normalized()), location)
            case .source(let source): return (.source(try source.normalized()), location)
            case .partnership(let partnership): return (.partnership(try partnership.normalized()), location)
            case .event(let event, let keeping): return (.event(try event.normalized(), keeping: keeping), location)
            }
        } catch let error as TimelineError {
            throw TimelineError.importFailed(location: location, reason: error.description)
        }
    }
}
