import Foundation
import Testing

@testable import Timeline

/// Names as people remember them, through the library: kinds and tags whatever their case and
/// accents, ids that keep their letters, ids named by their start, "did you mean", and the
/// near-duplicates `check` finds.
@Suite("Names as people remember them")
struct NamesTests {
    @Test(arguments: [
        ("DONNÉES DE SANTÉ", "données de santé"), ("reseaux sociaux", "réseaux sociaux"), ("STRASSE", "Straße"),
        ("ΟΔΟΣ", "οδός"), ("İstanbul", "istanbul"), ("ДЕКЛАРАЦИЯ", "декларация"), ("  déclaration ", "Déclaration"),
    ])
    func namesMatchWhateverTheirCaseAndAccents(typed: String, stored: String) {
        #expect(typed.matchKey == stored.matchKey)
    }

    @Test(arguments: [
        ("Ærø clinic", "aero-clinic"), ("Straße survey", "strasse-survey"), ("Łódź hospital", "lodz-hospital"),
        ("Œuvre de santé", "oeuvre-de-sante"), ("Москва: новая больница", "moskva-novaya-bolnitsa"),
        ("Львів і Одеса", "lviv-i-odesa"), ("Αθήνα, νοσοκομείο", "athina-nosokomeio"), ("Þingvellir ǅemal", "thingvellir-dzemal"),
        ("Ｇｏｏｇｌｅ ２０１９", "google-2019"), ("Report ٢٠٢١", "report-2021"), ("-5% on Monday", "5-on-monday"),
        ("Déclaration à l'OMS", "declaration-a-l-oms"),
    ])
    func idsFromTitlesKeepTheirLetters(title: String, id: String) {
        #expect(Identifier.slug(from: title, fallback: "event") == id)
    }

    /// A title with a letter no table here spells in ASCII gets no id from its words (never one
    /// with words missing): `event-` and its date, readable and the same for the same date.
    @Test(arguments: [
        ("世界", "2023", "event-2023"), ("Alibaba 阿里巴巴 deal", "2019-09-10?", "event-2019-09-10"), ("שלום", "../2022", "event-2022"),
    ])
    func titlesInOtherScriptsGetTheirDate(title: String, edtf: String, id: String) throws {
        let store = try memoryStore()
        #expect(try store.add(Event(title: title, date: date(edtf))).value == id)
        #expect(try store.add(Event(title: title, date: date(edtf))).value == id + "-2")
    }

    @Test func closestNamesAreFewAndNear() {
        let names = ["show", "search", "source", "get", "edit"]
        #expect(ClosestNames.closest(to: "shwo", among: names) == ["show"])
        #expect(ClosestNames.closest(to: "serch", among: names) == ["search"])
        #expect(ClosestNames.closest(to: "xyzzy", among: names).isEmpty)
        #expect(ClosestNames.closest(to: "Clevland Clinic", among: ["Mayo Clinic", "Cleveland Clinic"]) == ["Cleveland Clinic"])
        #expect(ClosestNames.closest(to: "cardio", among: ["oncology", "cardiology"]) == ["cardiology"], "a start is close")
        #expect(ClosestNames.closest(to: "health data", among: ["health-data"]) == ["health-data"], "punctuation aside, the same")
        let many = (1...50).map { "tag\($0)" }
        #expect(ClosestNames.closest(to: "tag", among: many).count == 3, "a bounded list")
    }

    // MARK: - Kinds and tags

    @Test func kindsAndTagsKeepTheirFirstSpelling() throws {
        let store = try memoryStore()
        try store.add(Event(id: "a", title: "A", date: date("2020"), kind: "Déclaration", tags: ["données de santé"]))
        try store.add(Event(id: "b", title: "B", date: date("2021"), kind: "DÉCLARATION", tags: ["DONNÉES DE SANTÉ", "donnees de sante"]))
        #expect(try store.event(id: "b")?.kind == "Déclaration")
        #expect(try store.event(id: "b")?.tags == ["données de santé"])
        #expect(try store.database.scalar("SELECT count(*) FROM tags", as: Int.self) == 1)
        func ids(_ filter: EventFilter) throws -> [String] { try store.events(matching: filter).compactMap(\.id) }
        #expect(try ids(EventFilter(kind: "declaration")) == ["a", "b"])
        #expect(try ids(EventFilter(tags: ["DONNEES DE SANTE"])) == ["a", "b"])
        try store.editEvent(id: "a") { $0.tags = ["réseaux sociaux"] }
        #expect(try ids(EventFilter(tags: ["reseaux sociaux"])) == ["a"])
    }

    @Test func anUnknownKindOrTagIsAnErrorWithTheClosest() throws {
        let store = try memoryStore()
        try store.add(Event(id: "a", title: "A", date: date("2020"), kind: "statement", tags: ["cardiology", "oncology"]))
        #expect(throws: TimelineError.kindNotFound(name: "statment", closest: ["statement"])) {
            try store.events(matching: EventFilter(kind: "statment"))
        }
        #expect(throws: TimelineError.tagNotFound(name: "cardio", closest: ["cardiology"])) {
            try store.events(matching: EventFilter(tags: ["cardio"]))
        }
        #expect(throws: TimelineError.tagNotFound(name: "zzz", closest: [])) { try store.events(matching: EventFilter(tags: ["zzz"])) }
    }

    /// Rows written by hand may spell one tag or kind twice: a filter finds both, from the index.
    @Test func aFilterFindsEverySpellingWrittenByHand() throws {
        let store = try memoryStore()
        try store.add(Event(id: "a", title: "A", date: date("2020"), kind: "Déclaration", tags: ["santé"]))
        try store.database.executeScript(
            """
            INSERT INTO events (uid, title, date, start, end, precision, kind) VALUES ('b', 'B', '2021', '2021-01-01', '2021-12-31', 'year', 'DÉCLARATION');
            INSERT INTO tags (name) VALUES ('SANTÉ');
            INSERT INTO event_tags (event_id, tag_id) SELECT e.id, t.id FROM events e, tags t WHERE e.uid = 'b' AND t.name = 'SANTÉ';
            """)
        #expect(try store.events(matching: EventFilter(kind: "declaration")).compactMap(\.id) == ["a", "b"])
        #expect(try store.events(matching: EventFilter(tags: ["sante"])).compactMap(\.id) == ["a", "b"])
        #expect(try store.queryPlan(for: EventFilter(kind: "declaration", limit: 5)).contains { $0.contains("events_by_kind") })
    }

    @Test func reimportingWithOtherSpellingsChangesNothing() throws {
        let store = try memoryStore()
        try store.add(Event(id: "a", title: "A", date: date("2020"), kind: "Déclaration", tags: ["données de santé"]))
        let document = TimelineDocument(events: [
            Event(id: "a", title: "A", date: date("2020"), kind: "DECLARATION", tags: ["DONNÉES DE SANTÉ"])
        ])
        let report = try store.importDocument(document)
        #expect(report.events.unchanged == 1)
    }

    /// A file of schema version 4 with a tag and a kind spelt several ways: the upgrade keeps
    /// the first spelling, and every event keeps every link, none twice.
    @Test func theUpgradeMergesSpellingsKeepingEveryLink() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("v4.db")
        do {
            let database = try Database(path: path)
            try Migrator(migrations: Array(Migration.embedded.prefix(4))).migrate(database)
            try database.executeScript(
                """
                INSERT INTO events (uid, title, date, start, end, precision, kind) VALUES
                    ('a', 'A', '2019', '2019-01-01', '2019-12-31', 'year', 'Déclaration'),
                    ('b', 'B', '2020', '2020-01-01', '2020-12-31', 'year', 'DÉCLARATION'),
                    ('c', 'C', '2021', '2021-01-01', '2021-12-31', 'year', 'declaration'),
                    ('d', 'D', '2022', '2022-01-01', '2022-12-31', 'year', 'Statement'),
                    ('e', 'E', '2023', '2023-01-01', '2023-12-31', 'year', 'statement');
                INSERT INTO tags (name) VALUES ('données de santé'), ('DONNÉES DE SANTÉ'), ('donnees  de sante'), ('cloud');
                INSERT INTO event_tags (event_id, tag_id)
                SELECT e.id, t.id FROM events e, tags t
                WHERE (e.uid = 'a' AND t.name IN ('données de santé', 'cloud')) OR (e.uid = 'b' AND t.name = 'DONNÉES DE SANTÉ')
                   OR (e.uid = 'c' AND t.name IN ('DONNÉES DE SANTÉ', 'donnees  de sante', 'données de santé'));
                """)
        }
        let store = try Store(path: path, access: .write)
        #expect(store.appliedMigrations.map(\.version) == Array(5...Migrator().latestVersion))
        #expect(
            try store.database.makeStatement("SELECT name FROM tags ORDER BY id").map { $0[0] as String } == ["données de santé", "cloud"])
        let links = try store.database.makeStatement(
            "SELECT e.uid, t.name FROM event_tags et JOIN events e ON e.id = et.event_id JOIN tags t ON t.id = et.tag_id ORDER BY 1, 2"
        ).map { "\($0[0] as String) \($0[1] as String)" }
        #expect(links == ["a cloud", "a données de santé", "b données de santé", "c données de santé"])
        #expect(
            try store.database.makeStatement("SELECT kind FROM events ORDER BY id").map { $0[0] as String }
                == ["Déclaration", "Déclaration", "Déclaration", "Statement", "Statement"])
        #expect(try store.check().filter { $0.severity == .error }.isEmpty, "search columns follow the merged tags")
        #expect(try store.events(matching: EventFilter(search: "sante")).compactMap(\.id) == ["a", "b", "c"])
    }

    // MARK: - Ids named by their start

    @Test func anEventIsNamedByTheStartOfItsID() throws {
        let store = try memoryStore()
        for id in ["mayo", "mayo-google-partnership", "mayo-google-platform", "other"] {
            try store.add(Event(id: id, title: id, date: date("2020")))
        }
        #expect(try store.eventID(matching: "mayo") == "mayo", "an exact id wins")
        #expect(try store.eventID(matching: "mayo-google-pa") == "mayo-google-partnership")
        #expect(try store.eventID(matching: "MAYO-GOOGLE-PA") == "mayo-google-partnership", "ids are in lowercase")
        #expect(try store.event(matching: "oth").id == "other")
        #expect(
            throws: TimelineError.ambiguousEventID(
                prefix: "mayo-google-p", candidates: ["mayo-google-partnership", "mayo-google-platform"], more: 0)
        ) { try store.eventID(matching: "mayo-google-p") }
        #expect(throws: TimelineError.eventNotFound(id: "mayo-gogle-partnership", closest: ["mayo-google-partnership"])) {
            try store.eventID(matching: "mayo-gogle-partnership")
        }
        try store.editEvent(id: "mayo-google-pl") { $0.title = "Platform" }
        #expect(try store.event(id: "mayo-google-platform")?.title == "Platform")
        try store.addQuote(Quote(speaker: "Mayo Clinic", text: "Oui.", language: "fr"), toEvent: "oth")
        try store.removeQuote(number: 1, fromEvent: "oth")
        try store.remove(ids: ["mayo-google-pl"])
        #expect(try store.events().compactMap(\.id) == ["mayo", "mayo-google-partnership", "other"])
    }

    @Test func anAmbiguousStartListsABoundedNumberOfIDs() throws {
        let store = try memoryStore()
        for number in 1...25 { try store.add(Event(id: "event-\(number)", title: "E", date: date("2020"))) }
        #expect { try store.eventID(matching: "ev") } throws: { error in
            guard case .ambiguousEventID(_, let candidates, let more) = error as? TimelineError else { return false }
            return candidates.count == Store.ambiguousCandidatesShown && more == 25 - Store.ambiguousCandidatesShown
        }
    }

    @Test func unknownNamesComeWithTheClosest() throws {
        let store = try memoryStore()
        try store.importDocument(try JSONDocumentReader.document(from: try packageFile("examples/mayo-google.json")))
        #expect(throws: TimelineError.actorNotFound(name: "Clevland Clinic", closest: ["Cleveland Clinic"])) {
            try store.events(matching: EventFilter(actors: ["Clevland Clinic"]))
        }
        #expect(throws: TimelineError.partnershipNotFound(id: "mayo-google-clod", closest: ["mayo-google-cloud"])) {
            try store.events(matching: EventFilter(partnership: "mayo-google-clod"))
        }
        #expect(throws: TimelineError.eventNotFound(id: "our-shot-2-sav-lives", closest: ["our-shot-2-save-lives"])) {
            try store.remove(ids: ["our-shot-2-sav-lives"])
        }
        #expect(
            store.withClosestNames(.sourceNotFound(id: "mayo-google-perspectiv"))
                == .sourceNotFound(id: "mayo-google-perspectiv", closest: ["mayo-google-perspective"]))
        #expect(
            TimelineError.eventNotFound(id: "x", closest: ["a", "b", "c"]).description
                == #"no event with id "x"; did you mean "a", "b" or "c"?"#)
    }

    // MARK: - Near-duplicates and merging

    @Test func namesSpeltNearlyAlikeArePaired() {
        let pairs = NearDuplicates.alikeNames([
            "Cleveland Clinic", "Clevland Clinic", "Mayo Clinic", "Team 1", "Team 2", "Xleveland Clinic",
        ])
        #expect(pairs.map { [$0.0, $0.1] } == [["Cleveland Clinic", "Clevland Clinic"], ["Cleveland Clinic", "Xleveland Clinic"]])
    }

    @Test func checkFindsNearDuplicatesAndTheCommandThatMergesThem() throws {
        let store = try memoryStore()
        try store.add(
            Event(
                id: "talks", title: "Mayo Clinic and Google start talks", date: date("2019-09-10"),
                actors: [ActorRole(name: "Cleveland Clinic")]))
        try store.add(
            Event(
                id: "talks-2", title: "Mayo Clinic and Gogle start talks", date: date("2019-09"),
                actors: [ActorRole(name: "Clevland Clinic")]))
        try store.add(Event(id: "talks-3", title: "Mayo Clinic and Google start talks", date: date("2019-10-01")))
        try store.add(Event(id: "phase-1", title: "Phase 1 trial", date: date("2020")))
        try store.add(Event(id: "phase-2", title: "Phase 2 trial", date: date("2020")))
        let messages = try store.check().filter { $0.check.hasPrefix("similar-") }.map(\.message)
        #expect(
            messages == [
                "actors \"Cleveland Clinic\" and \"Clevland Clinic\" are spelt nearly alike "
                    + "(if they are one, merge them with `timeline actor merge 'Cleveland Clinic' 'Clevland Clinic'`)",
                "events \"talks-2\" and \"talks\" have nearly the same title and overlapping dates "
                    + "(if they are one, merge them with `timeline merge talks talks-2`)",
            ], "not talks-3 (another day), nor the phases (other digits)")
    }

    @Test func mergingTwoEventsKeepsWhatEachHas() throws {
        let store = try memoryStore()
        try store.add(
            Event(
                id: "kept", title: "Kept", date: date("2019-09-10"), summary: "First.",
                actors: [ActorRole(name: "Mayo Clinic", role: "partner")],
                tags: ["cloud"], sources: [Citation(Source(url: "https://example.org/a"))]))
        try store.add(
            Event(
                id: "merged", title: "Merged", date: date("2019-09"), summary: "Second.", kind: "partnership",
                actors: [ActorRole(name: "mayo clinic", role: "partner"), ActorRole(name: "Google")], tags: ["CLOUD", "ai"],
                sources: [Citation(Source(url: "https://example.org/a")), Citation(Source(url: "https://example.org/b"))],
                quotes: [Quote(speaker: "Google", text: "Oui.", language: "fr")]))
        #expect(try store.mergeEvent("merged", into: "kep").value == "kept")
        let kept = try #require(try store.event(id: "kept"))
        #expect(try store.event(id: "merged") == nil)
        #expect(kept.title == "Kept" && kept.date.edtf == "2019-09-10" && kept.kind == "partnership")
        #expect(kept.summary == "First.\n\nSecond.")
        #expect(kept.actors.map(\.labelWithRole) == ["Mayo Clinic (partner)", "Google"])
        #expect(kept.tags == ["ai", "cloud"])
        #expect(kept.sources.compactMap(\.source.url) == ["https://example.org/a", "https://example.org/b"])
        #expect(kept.quotes.map(\.text) == ["Oui."])
        #expect(throws: TimelineError.invalidValue(field: "event", value: "kept", expected: "it already is kept")) {
            try store.mergeEvent("kept", into: "kept")
        }
    }

    // MARK: - Rows for facets

    @Test func theViewsGiveTheYearAndOneRowPerActor() throws {
        let store = try memoryStore()
        try store.add(
            Event(
                id: "a", title: "A", date: date("2019-09-10"),
                actors: [ActorRole(name: "Mayo Clinic", role: "partner"), ActorRole(name: "Google")]))
        try store.add(Event(id: "open", title: "Open", date: date("../2022"), actors: [ActorRole(name: "Google")]))
        #expect(
            try store.database.makeStatement("SELECT uid, year FROM timeline").map { "\($0[0] as String) \($0[1] as Int?)" } == [
                "open nil", "a Optional(2019)",
            ])
        let rows = try store.database.makeStatement(
            """
            SELECT uid || '|' || date || '|' || coalesce(start, 'NULL') || '|' || end || '|' || coalesce(year, 'NULL') || '|' || actor
                || '|' || coalesce(role, 'NULL') FROM timeline_actors
            """
        ).map { $0[0] as String }
        #expect(
            rows == [
                "open|../2022|NULL|2022-12-31|NULL|Google|NULL", "a|2019-09-10|2019-09-10|2019-09-10|2019|Mayo Clinic|partner",
                "a|2019-09-10|2019-09-10|2019-09-10|2019|Google|NULL",
            ])
    }
}
