/// What an import did, per kind of record.
public struct ImportReport: Equatable, Sendable, CustomStringConvertible {
    /// What happened to the records of one kind.
    public struct Counts: Equatable, Sendable {
        public var added = 0
        public var updated = 0
        /// Records already stored exactly as imported.
        public var unchanged = 0
        /// Conflicting records kept as stored (`--on-conflict skip`).
        public var skipped = 0
        public var total: Int { added + updated + unchanged + skipped }
    }

    public var events = Counts()
    public var actors = Counts()
    public var sources = Counts()
    public var partnerships = Counts()

    public init() {}

    public var description: String {
        func line(_ counts: Counts, _ noun: String) -> String {
            "\(counts.total) \(noun)\(counts.total == 1 ? "" : "s"): \(counts.added) added, \(counts.updated) updated, "
                + "\(counts.unchanged) unchanged, \(counts.skipped) skipped"
        }
        var parts = [line(events, "event")]
        for (counts, noun) in [(actors, "actor"), (sources, "source"), (partnerships, "partnership")] where counts.total > 0 {
            parts.append(line(counts, noun))
        }
        return parts.joined(separator: "; ")
    }
}
