import Foundation
import Testing

@testable import Timeline

@Suite("Store")
struct StoreTests {
    @Test func addThenGetGivesTheEventBackNormalized() throws {
        let store = try memoryStore()
        let written = try store.add(
            Event(
                title: "  Mayo Clinic and Google sign  ", date: date("10 September 2019"), summary: " ", kind: "partnership",
                actors: [
                    ActorRole(name: "Mayo  Clinic", role: "partner"), ActorRole(name: "Google", role: " partner "),
                    ActorRole(name: "mayo clinic", role: "PARTNER"),
                ],
                tags: ["cloud", "AI", "ai", " Cloud "],
                sources: [Citation(Source(title: "Article", url: "https://example.org/a", language: "FR"), locator: "§2")]))
        let id = written.value
        #expect(id == "mayo-clinic-and-google-sign")
        #expect(
            written.createdByReference == ["actor \"Mayo Clinic\"", "actor \"Google\"", "source \"article\""],
            "what the write created because it was named is returned with it")
        let event = try #require(try store.event(id: id))
        #expect(event.title == "Mayo Clinic and Google sign")
        #expect(event.summary == nil)
        #expect(event.date.edtf == "2019-09-10")
        #expect(event.actors == [ActorRole(name: "Mayo Clinic", role: "partner"), ActorRole(name: "Google", role: "partner")])
        #expect(event.tags == ["AI", "cloud"])
        #expect(
            event.sources == [
                Citation(Source(id: "article", title: "Article", url: "https://example.org/a", language: "fr"), locator: "§2")
            ])
        #expect(event.createdAt != nil)
    }

    @Test func generatedIDsAreReadableAndUnique() throws {
        let store = try memoryStore()
        #expect(try store.add(Event(title: "Déclaration à l'OMS", date: date("2022"))).value == "declaration-a-l-oms")
        #expect(try store.add(Event(title: "Déclaration à l'OMS", date: date("2023"))).value == "declaration-a-l-oms-2")
        #expect(try store.add(Event(title: "世界", date: date("2023"))).value == "event-2023")
        #expect(try store.add(Event(id: "custom.id_1", title: "x", date: date("2023"))).value == "custom.id_1")
        let long = String(repeating: "a", count: 60)
        #expect(try store.add(Event(title: long + " b", date: date("2023"))).value == String(repeating: "a", count: 48))
        let multiline = try store.add(Event(title: "Two\nlines", date: date("2023"))).value
        #expect(try store.event(id: multiline)?.title == "Two lines")
    }

    @Test func badIDsAndDuplicatesAreRefused() throws {
        let store = try memoryStore()
        try store.add(Event(id: "taken", title: "x", date: date("2019")))
        #expect(throws: TimelineError.duplicateEventID("taken")) { try store.add(Event(id: "taken", title: "y", date: date("2019"))) }
        for bad in ["Upper", "with space", "-dash-first", ""] {
            #expect { try store.add(Event(id: bad, title: "x", date: date("2019"))) } throws: { error in
                guard case .invalidValue(field: "id", _, _) = error as? TimelineError else { return false }
                return true
            }
        }
        #expect(try store.eventCount() == 1)
    }

    @Test func updateReplacesFieldsAndLinks() throws {
        let store = try memoryStore()
        let id = try store.add(Event(title: "Old", date: date("2019"), actors: [ActorRole(name: "A")], tags: ["t1"])).value
        var event = try #require(try store.event(id: id))
        event.title = "New"
        event.date = date("2019-09")
        event.actors = [ActorRole(name: "B", role: "host")]
        event.tags = ["t2"]
        try store.update(event)
        let updated = try #require(try store.event(id: id))
        #expect(
            updated.content
                == Event(id: id, title: "New", date: date("2019-09"), actors: [ActorRole(name: "B", role: "host")], tags: ["t2"]))
        #expect(updated.createdAt == event.createdAt)
        #expect(throws: TimelineError.eventNotFound(id: "nope")) { try store.update(Event(id: "nope", title: "x", date: date("2019"))) }
    }

    @Test func removeIsAllOrNothing() throws {
        let store = try memoryStore()
        try store.add(Event(id: "a", title: "A", date: date("2019"), actors: [ActorRole(name: "X")]))
        try store.add(Event(id: "b", title: "B", date: date("2020")))
        #expect(throws: TimelineError.eventNotFound(id: "zzz")) { try store.remove(ids: ["a", "zzz"]) }
        #expect(try store.eventCount() == 2)
        try store.remove(ids: ["a"])
        #expect(try store.events().map(\.id) == ["b"])
        #expect(try store.database.scalar("SELECT count(*) FROM event_actors", as: Int.self) == 0)
    }

    @Test func timelineOrderIsStartThenCoarserFirstThenInsertion() throws {
        let store = try memoryStore()
        for (id, text) in [
            ("day", "2019-01-01"), ("month", "2019-01"), ("year", "2019"), ("later", "2019-01-02"),
            ("year-again", "2019"), ("open", "../2018"), ("next", "2020"),
        ] {
            try store.add(Event(id: id, title: id, date: date(text)))
        }
        #expect(try store.events().map(\.id) == ["open", "year", "year-again", "month", "day", "later", "next"])
        #expect(
            try store.events(matching: EventFilter(reverse: true)).map(\.id) == [
                "next", "later", "day", "month", "year-again", "year", "open",
            ])
        #expect(try store.events(matching: EventFilter(limit: 2)).map(\.id) == ["open", "year"])
    }

    static let spans: [(id: String, date: String)] = [
        ("2018-2020", "2018/2020"), ("y2021", "2021"), ("apr12", "2021-04-12"), ("may2021", "2021-05"),
        ("ongoing", "2019-09-10/.."), ("unknown-end", "2022-01-01/"), ("open-start", "../2017"),
        ("decade", "201X"), ("y2017", "2017~"), ("y2023", "2023?"),
    ]

    @Test(arguments: [
        (EventFilter(since: date("2019")), ["2018-2020", "decade", "ongoing", "y2021", "apr12", "may2021", "unknown-end", "y2023"]),
        (EventFilter(until: date("2021")), ["open-start", "decade", "y2017", "2018-2020", "ongoing", "y2021", "apr12", "may2021"]),
        (EventFilter(on: date("2021-04")), ["ongoing", "y2021", "apr12"]),
        (EventFilter(since: date("2020-06"), until: date("2020-07")), ["2018-2020", "ongoing"]),
        (EventFilter(on: date("2017-06-01")), ["open-start", "decade", "y2017"]),
        (EventFilter(since: date("2030")), ["ongoing", "unknown-end"]),
        (
            EventFilter(since: date("2019-09-10/..")),
            ["2018-2020", "decade", "ongoing", "y2021", "apr12", "may2021", "unknown-end", "y2023"]
        ),
    ])
    func dateFiltersKeepEveryOverlappingEvent(filter: EventFilter, expected: [String]) throws {
        let store = try memoryStore()
        for span in Self.spans { try store.add(Event(id: span.id, title: span.id, date: date(span.date))) }
        #expect(Set(try store.events(matching: filter).compactMap(\.id)) == Set(expected))
    }

    @Test func actorTagAndKindFiltersNarrow() throws {
        let store = try memoryStore()
        try store.add(
            Event(
                id: "both", title: "x", date: date("2019"), kind: "Partnership",
                actors: [ActorRole(name: "Mayo Clinic"), ActorRole(name: "Google")], tags: ["cloud", "ai"]))
        try store.add(
            Event(id: "mayo", title: "x", date: date("2020"), kind: "statement", actors: [ActorRole(name: "Mayo Clinic")], tags: ["ai"]))
        try store.add(Event(id: "none", title: "x", date: date("2021")))
        func ids(_ filter: EventFilter) throws -> [String] { try store.events(matching: filter).compactMap(\.id) }
        #expect(try ids(EventFilter(actors: ["mayo clinic"])) == ["both", "mayo"])
        #expect(try ids(EventFilter(actors: ["Mayo Clinic", "GOOGLE"])) == ["both"])
        #expect(throws: TimelineError.actorNotFound(name: "Nobody")) { try ids(EventFilter(actors: ["Nobody"])) }
        #expect(try ids(EventFilter(tags: ["AI"])) == ["both", "mayo"])
        #expect(try ids(EventFilter(tags: ["ai", "cloud"])) == ["both"])
        #expect(try ids(EventFilter(kind: "partnership")) == ["both"])
        #expect(try ids(EventFilter(actors: ["Mayo Clinic"], tags: ["ai"], reverse: true)) == ["mayo", "both"])
    }

    @Test func sourcesAreSharedByURLAndCompletedNotDuplicated() throws {
        let store = try memoryStore()
        try store.add(Event(title: "a", date: date("2019"), sources: [Citation(Source(url: "https://example.org/a"))]))
        try store.add(
            Event(
                title: "b", date: date("2019"), sources: [Citation(Source(title: "Article", url: "https://example.org/a"), locator: "p. 2")]
            ))
        #expect(try store.database.scalar("SELECT count(*) FROM sources", as: Int.self) == 1)
        #expect(try store.database.scalar("SELECT title FROM sources", as: String.self) == "Article")
    }

    @Test(arguments: [
        "INSERT INTO events (uid, title, date, start, end, precision) VALUES ('x', 't', '2019', '2019-9-1', '2019-12-31', 'year')",
        "INSERT INTO events (uid, title, date, start, end, precision) VALUES ('x', 't', '2019', '2019-02-30', '2019-12-31', 'year')",
        "INSERT INTO events (uid, title, date, start, end, precision) VALUES ('x', 't', '2019', '2019-12-31', '2019-01-01', 'year')",
        "INSERT INTO events (uid, title, date, start, end, precision) VALUES ('x', 't', '2019', '2019-01-01', '2019-12-31', 'week')",
        "INSERT INTO events (uid, title, date, start, end, precision) VALUES ('Has Space', 't', '2019', '2019-01-01', '2019-12-31', 'year')",
        "INSERT INTO events (uid, title, date, start, end, precision) VALUES ('x', '  ', '2019', '2019-01-01', '2019-12-31', 'year')",
        "INSERT INTO events (uid, title, date, start, end, precision) VALUES ('x', 't', '2019', 20190101, '2019-12-31', 'year')",
        "INSERT INTO events (uid, title, date, start, end, precision, uncertain) VALUES ('x', 't', '2019', '2019-01-01', '2019-12-31', 'year', 2)",
        "INSERT INTO actors (name, kind) VALUES ('Acme', 'company')",
        "INSERT INTO sources (publisher) VALUES ('Nobody')",
        "INSERT INTO sources (title, language) VALUES ('x', 'French')",
        "INSERT INTO event_tags (event_id, tag_id) VALUES (999, 999)",
    ])
    func malformedRowsTypedInTheShellAreRefused(sql: String) throws {
        let store = try memoryStore()
        #expect { try store.database.execute(sql) } throws: { ($0 as? DatabaseError)?.isConstraintViolation == true }
    }

    @Test func theTimelineViewFoldsActorsTagsAndSources() throws {
        let store = try memoryStore()
        try store.add(
            Event(id: "late", title: "Later", date: date("2022-10-17?"), actors: [ActorRole(name: "Molly Biwer", role: "speaker")]))
        try store.add(
            Event(
                id: "early", title: "Earlier", date: date("2019-09-10"),
                actors: [ActorRole(name: "Mayo Clinic", role: "partner"), ActorRole(name: "Google")],
                tags: ["cloud", "ai"], sources: [Citation(Source(title: "Article"))]))
        let rows = try store.database.makeStatement("SELECT uid, date, actors, tags, sources FROM timeline WHERE start >= '2019'").map {
            row in
            [row[0], row[1], row[2], row[3], row[4]] as [String?]
        }
        #expect(
            rows == [
                ["early", "2019-09-10", "Mayo Clinic (partner); Google", "ai, cloud", "Article"],
                ["late", "2022-10-17?", "Molly Biwer (speaker)", nil, nil],
            ])
    }

    @Test func readOnlyAccessNeverCreatesAFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("missing.db")
        #expect(throws: TimelineError.databaseNotFound(path: path)) { try Store(path: path, access: .read) }
        #expect(throws: TimelineError.databaseNotFound(path: path)) { try Store(path: path, access: .write) }
        #expect(!FileManager.default.fileExists(atPath: path))
        let nowhere = folder.path("no/such/folder.db")
        #expect(throws: TimelineError.directoryNotFound(path: nowhere)) { try Store(path: nowhere, access: .create) }
        #expect { try Store(path: folder.url.path, access: .read) } throws: { error in
            guard case .notATimelineDatabase(_, let reason) = error as? TimelineError else { return false }
            return reason.contains("folder")
        }
    }

    @Test func theDateColumnIsTheTruthWhenReadBack() throws {
        let store = try memoryStore()
        try store.database.execute(
            "INSERT INTO events (uid, title, date, start, end, precision) VALUES ('typed', 'By hand', '2021-04', '2021-04-01', '2021-04-30', 'month')"
        )
        #expect(try store.event(id: "typed")?.date.display == "Apr 2021")
        try store.database.execute(
            "INSERT INTO events (uid, title, date, start, end, precision) VALUES ('bad', 'By hand', 'soonish', '2021-04-01', '2021-04-30', 'month')"
        )
        #expect { try store.event(id: "bad") } throws: { "\($0)".contains("soonish") && "\($0)".contains("bad") }
    }
}
