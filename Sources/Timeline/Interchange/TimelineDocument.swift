/// Everything a JSON document holds: what `export` writes and `import` reads.
public struct TimelineDocument: Hashable, Sendable {
    public var actors: [ActorProfile]
    public var sources: [Source]
    public var partnerships: [Partnership]
    public var events: [Event]

    public init(actors: [ActorProfile] = [], sources: [Source] = [], partnerships: [Partnership] = [], events: [Event] = []) {
        self.actors = actors
        self.sources = sources
        self.partnerships = partnerships
        self.events = events
    }
}
