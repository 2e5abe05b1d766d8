import Foundation
import Testing

@testable import Timeline

@Suite("Actors, partnerships, quotes, sources and check")
struct PartnershipModelTests {
    @Test func aVersion1DatabaseWithDataUpgradesInPlace() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("v1.db")
        do {
            let database = try Database(path: path)
            try Migrator(migrations: [Migration.embedded[0]]).migrate(database)
            try database.executeScript(
                """
                INSERT INTO events (uid, title, kind, date, start, end, precision) VALUES
                    ('mayo-google', 'Mayo Clinic and Google sign', 'partnership', '2019-09-10', '2019-09-10', '2019-09-10', 'day'),
                    ('summit', 'Summit', NULL, '2022-10-17?', '2022-10-17', '2022-10-17', 'day');
                UPDATE events SET uncertain = 1 WHERE uid = 'summit';
                INSERT INTO actors (name) VALUES ('Mayo Clinic'), ('Google');
                INSERT INTO event_actors VALUES (1, 0, 1, 'partner'), (1, 1, 2, 'partner'), (2, 0, 1, NULL);
                INSERT INTO tags (name) VALUES ('cloud');
                INSERT INTO event_tags VALUES (1, 1);
                INSERT INTO sources (title, url, language) VALUES ('Article', 'https://example.org/a', 'fr');
                INSERT INTO event_sources VALUES (1, 0, 1, 'paragraph 3');
                """)
        }
        let store = try Store(path: path, access: .write)
        #expect(store.appliedMigrations.map(\.version) == Array(2...Migrator().latestVersion))
        let event = try #require(try store.event(id: "mayo-google"))
        #expect(event.actors == [ActorRole(name: "Mayo Clinic", role: "partner"), ActorRole(name: "Google", role: "partner")])
        #expect(event.tags == ["cloud"])
        #expect(
            event.sources == [
                Citation(
                    Source(id: "source-1", title: "Article", url: "https://example.org/a", language: "fr"),
                    locator: "paragraph 3")
            ])
        #expect(try store.events().map(\.id) == ["mayo-google", "summit"])
        #expect(try store.actors().map(\.kind) == [.organization, .organization])
        #expect(try store.database.scalar("SELECT count(*) FROM timeline WHERE partnership IS NULL", as: Int.self) == 2)
        #expect(try store.check().filter { $0.severity == .error }.isEmpty)
    }

    @Test func actorsMatchByAliasIgnoringCaseAndAccents() throws {
        let store = try memoryStore()
        try store.addActor(ActorProfile(name: "Société Générale", aliases: ["SocGen"]))
        try store.add(Event(id: "a", title: "A", date: date("2020"), actors: [ActorRole(name: "societe   GENERALE", role: "lender")]))
        try store.add(Event(id: "b", title: "B", date: date("2021"), actors: [ActorRole(name: "socgen")]))
        #expect(try store.actors().map(\.name) == ["Société Générale"])
        #expect(try store.event(id: "a")?.actors == [ActorRole(name: "Société Générale", role: "lender")])
        #expect(try store.events(matching: EventFilter(actors: ["SOCIÉTÉ générale"])).map(\.id) == ["a", "b"])
        #expect(try store.actor(named: "Socgen")?.name == "Société Générale")
        #expect { try store.addActor(ActorProfile(name: "SOCGEN")) } throws: { "\($0)".contains("already exists") }
        #expect { try store.addActor(ActorProfile(name: "Other", aliases: ["socgen"])) } throws: {
            "\($0)".contains("already names Société Générale")
        }
    }

    @Test(arguments: [
        ("Clínica Mayo", "clinica mayo"),
        ("Cle\u{301}veland  Clinic", "cleveland clinic"),  // decomposed accent, doubled space
        ("Việt Nam", "viet nam"),  // two accents on one letter
        ("Łódź", "łodz"),  // Ł is a letter of its own
        ("Ærø", "ærø"),
        ("أحمد", "أحمد"),  // hamza forms are letters, kept
        ("がん研究会", "がん研究会"),  // so are kana with dakuten
        ("सेन", "सेन"), ("सन", "सन"),  // vowel signs tell names apart
        ("ಕೀರ್ತಿ", "ಕೀರ್ತಿ"), ("ﾊﾟﾘ", "ﾊﾟﾘ"), ("שָׁלוֹם", "שָׁלוֹם"),
        ("Ἀθῆναι", "αθηναι"), ("Москва́", "москва"),  // Greek and Cyrillic lose accents
    ])
    func matchKeysIgnoreCaseAccentsAndSpacing(name: String, key: String) {
        #expect(name.matchKey == key)
    }

    @Test func anActorIncludesItsPartsUnlessExact() throws {
        let store = try memoryStore()
        try store.addActor(ActorProfile(name: "Google"))
        try store.addActor(ActorProfile(name: "Google Cloud", partOf: "Google"))
        try store.addActor(ActorProfile(name: "Vertex AI", partOf: "Google Cloud"))
        try store.addActor(ActorProfile(name: "YouTube", partOf: "Google"))
        for (id, actor) in [("g", "Google"), ("gc", "Google Cloud"), ("v", "Vertex AI"), ("yt", "YouTube"), ("m", "Mayo Clinic")] {
            try store.add(Event(id: id, title: id, date: date("2020"), actors: [ActorRole(name: actor)]))
        }
        #expect(try store.events(matching: EventFilter(actors: ["google"])).map(\.id) == ["g", "gc", "v", "yt"])
        #expect(try store.events(matching: EventFilter(actors: ["Google Cloud"])).map(\.id) == ["gc", "v"])
        #expect(try store.events(matching: EventFilter(actors: ["Google"], exactActors: true)).map(\.id) == ["g"])
        #expect(try store.parts(ofActorNamed: "Google") == ["Google Cloud", "YouTube"])
        var google = try #require(try store.actor(named: "Google"))
        google.partOf = "Vertex AI"
        #expect { try store.updateActor(named: "Google", to: google) } throws: { "\($0)".contains("already part of") }
    }

    /// A database where actor B ("Google Inc") has every kind of link, some shared with A.
    func storeWithTwoActorsToMerge() throws -> Store {
        let store = try memoryStore()
        try store.addActor(ActorProfile(name: "Google", aliases: ["Google LLC"]))
        try store.addActor(ActorProfile(name: "Google Inc", aliases: ["Google Incorporated"]))
        try store.addActor(ActorProfile(name: "Gmail", partOf: "Google Inc"))
        try store.addActor(
            ActorProfile(name: "Sundar Pichai", kind: .person, affiliations: [Affiliation(organization: "Google Inc", role: "CEO")]))
        try store.addPartnership(
            Partnership(id: "p", name: "P", members: [ActorRole(name: "Mayo Clinic"), ActorRole(name: "Google Inc", role: "partner")]))
        try store.add(
            Event(
                id: "both", title: "Both", date: date("2019"), actors: [ActorRole(name: "Google"), ActorRole(name: "Google Inc")],
                quotes: [Quote(speaker: "Google Inc", text: "Bonjour", language: "fr")]))
        try store.add(Event(id: "only-b", title: "Only B", date: date("2020"), actors: [ActorRole(name: "Google Inc", role: "host")]))
        return store
    }

    @Test func mergeMovesEveryLinkAndKeepsTheNameAsAnAlias() throws {
        let store = try storeWithTwoActorsToMerge()
        try store.mergeActor("google inc", into: "Google")
        #expect(try store.actor(named: "Google Inc")?.name == "Google")
        #expect(try store.actor(named: "Google")?.aliases == ["Google Inc", "Google Incorporated", "Google LLC"])
        #expect(try store.event(id: "both")?.actors == [ActorRole(name: "Google")], "no duplicate link")
        #expect(try store.event(id: "both")?.quotes.map(\.speaker) == ["Google"])
        #expect(try store.event(id: "only-b")?.actors == [ActorRole(name: "Google", role: "host")])
        #expect(try store.partnership(id: "p")?.members == [ActorRole(name: "Mayo Clinic"), ActorRole(name: "Google", role: "partner")])
        #expect(try store.actor(named: "Gmail")?.partOf == "Google")
        #expect(try store.actor(named: "Sundar Pichai")?.affiliations == [Affiliation(organization: "Google", role: "CEO")])
        #expect(try store.actors().map(\.name) == ["Gmail", "Google", "Mayo Clinic", "Sundar Pichai"])
        #expect(try store.check().isEmpty || store.check().allSatisfy { $0.severity == .warning })
    }

    @Test func aFailedMergeChangesNothing() throws {
        let store = try storeWithTwoActorsToMerge()
        let before = try store.records(for: EventFilter())
        #expect(throws: TimelineError.actorNotFound(name: "Nobody")) { try store.mergeActor("Google Inc", into: "Nobody") }
        #expect(throws: TimelineError.self) { try store.mergeActor("Google", into: "google llc") }
        #expect(try store.records(for: EventFilter()) == before)
    }

    @Test func removingAnActorInUseNeedsForce() throws {
        let store = try storeWithTwoActorsToMerge()
        #expect { try store.removeActor(named: "Google Inc") } throws: {
            "\($0)".contains("2 events, 1 partnership, 1 quote, 1 affiliation, 1 part")
        }
        try store.removeActor(named: "Google Inc", force: true)
        #expect(try store.actor(named: "Google Inc") == nil)
        #expect(try store.event(id: "both")?.quotes == [])
        #expect(try store.actor(named: "Gmail")?.partOf == nil)
    }

    @Test(arguments: [
        ("2019-09-10/2029-09", "2018-01-01", PartnershipStatus.planned),
        ("2019-09-10/2029-09", "2019-09-10", .active),
        ("2019-09-10/2029-09", "2029-09-30", .active),
        ("2019-09-10/2029-09", "2029-10-01", .ended),
        ("2019-09-10/..", "2040-01-01", .active),
        ("2019-09-10/", "2020-01-01", .unknown),
        ("2019-09-10/", "2019-01-01", .planned),
        ("../2022", "2021-06-01", .active),
        ("../2022", "2023-01-01", .ended),
        ("2019", "2020-01-01", .unknown),
    ])
    func partnershipStatusFollowsItsSpan(span: String, day: String, status: PartnershipStatus) throws {
        let partnership = Partnership(name: "P", members: [ActorRole(name: "A"), ActorRole(name: "B")], date: date(span))
        #expect(partnership.status(on: Day(iso: day)!) == status)
        #expect(Partnership(name: "P").status(on: Day(iso: day)!) == .unknown)
    }

    @Test func partnershipsNeedTwoMembersAndLinkEvents() throws {
        let store = try memoryStore()
        #expect { try store.addPartnership(Partnership(name: "Solo", members: [ActorRole(name: "A"), ActorRole(name: "a")])) } throws: {
            "\($0)".contains("at least two different members")
        }
        let id = try store.addPartnership(
            Partnership(
                name: "Mayo Clinic – Google",
                members: [ActorRole(name: "Mayo Clinic", role: "partner"), ActorRole(name: "Google", role: "partner")],
                date: date("2019-09-10/2029-09"), term: "ten years", terms: ["Google Cloud stores the data", "Mayo keeps control"])
        ).value
        #expect(id == "mayo-clinic-google")
        try store.add(Event(id: "e", title: "Signed", date: date("2019-09-10"), partnership: id))
        try store.add(Event(id: "other", title: "Other", date: date("2019-09-10")))
        #expect(try store.events(matching: EventFilter(partnership: id)).map(\.id) == ["e"])
        #expect(try store.partnership(id: id)?.terms == ["Google Cloud stores the data", "Mayo keeps control"])
        #expect(throws: TimelineError.partnershipNotFound(id: "nope")) {
            try store.add(Event(title: "x", date: date("2020"), partnership: "nope"))
        }
        try store.removePartnership(id: id)
        #expect(try store.event(id: "e")?.partnership == nil, "its events stay, unlinked")
    }

    @Test func quotesShowTheRoleTheSpeakerHeldThen() throws {
        let store = try memoryStore()
        try store.addActor(
            ActorProfile(
                name: "Sundar Pichai", kind: .person,
                affiliations: [
                    Affiliation(organization: "Google", role: "product chief", date: date("2004/2015-08")),
                    Affiliation(organization: "Google", role: "CEO", date: date("2015-08/..")),
                ]))
        try store.add(Event(id: "old", title: "Old", date: date("2010"), actors: [ActorRole(name: "Sundar Pichai")]))
        try store.add(Event(id: "new", title: "New", date: date("2019-09"), actors: [ActorRole(name: "Sundar Pichai")]))
        try store.addQuote(
            Quote(
                speaker: "sundar pichai", text: "Nous sommes fiers", language: "FR", translation: "We are proud",
                translationLanguage: "en", source: Citation(Source(title: "Article"), locator: "§4")), toEvent: "new")
        try store.addQuote(Quote(speaker: "Sundar Pichai", text: "Search", language: "en"), toEvent: "old")
        let quote = try #require(try store.event(id: "new")?.quotes.first)
        #expect(quote.speaker == "Sundar Pichai" && quote.language == "fr")
        #expect(quote.speakerRole == "CEO, Google")
        #expect(quote.source?.source.id == "article" && quote.source?.locator == "§4")
        #expect(try store.event(id: "old")?.quotes.first?.speakerRole == "product chief, Google")
        #expect(try store.quotes(speaker: "SUNDAR PICHAI").map(\.eventID) == ["old", "new"])
        #expect { try store.addQuote(Quote(speaker: "X", text: "t", language: "fr", translation: "t"), toEvent: "new") } throws: {
            "\($0)".contains("go together")
        }
        try store.removeQuote(number: 1, fromEvent: "new")
        #expect(try store.event(id: "new")?.quotes == [])
    }

    @Test func sourcesAreRecordsThatCannotBeRemovedWhileCited() throws {
        let store = try memoryStore()
        let id = try store.addSource(
            Source(
                title: "La Mayo Clinic a conclu un partenariat", url: "https://example.org/a",
                publisher: "Example", author: "A. Writer", published: date("2022-10~"),
                accessed: date("2026-11-30"), archivedURL: "https://web.archive.org/x", language: "fr")
        ).value
        #expect(id == "la-mayo-clinic-a-conclu-un-partenariat")
        try store.add(Event(id: "e", title: "E", date: date("2019"), sources: [Citation(Source(reference: id), locator: "p. 1")]))
        try store.add(Event(id: "f", title: "F", date: date("2019"), sources: [Citation(Source(reference: "https://example.org/a"))]))
        #expect(try store.sources().count == 1)
        #expect(try store.citations(ofSource: id) == ["e", "f"])
        #expect { try store.removeSource(id: id) } throws: { "\($0)".contains("still used by e, f") }
        try store.removeSource(id: id, force: true)
        #expect(try store.event(id: "e")?.sources == [])
        #expect(throws: TimelineError.sourceNotFound(id: "gone")) {
            try store.add(Event(title: "x", date: date("2020"), sources: [Citation(Source(id: "gone"))]))
        }
    }

    @Test func checkFindsEachProblem() throws {
        let store = try memoryStore()
        try store.addActor(ActorProfile(name: "Google Inc."))
        try store.addPartnership(
            Partnership(id: "p", name: "P", members: [ActorRole(name: "A"), ActorRole(name: "B")], date: date("2019/2020")))
        try store.add(
            Event(
                id: "fine", title: "Fine", date: date("2019-05"), partnership: "p", actors: [ActorRole(name: "A")],
                sources: [Citation(Source(title: "Article"))], quotes: [Quote(speaker: "A", text: "Oui", language: "fr")]))
        try store.add(
            Event(
                id: "late", title: "Late", date: date("2023"), partnership: "p", sources: [Citation(Source(reference: "article"))],
                quotes: [Quote(speaker: "B", text: "Non", language: "fr")]))
        #expect(try store.check().map(\.check) == ["outside-partnership", "unlinked-speaker"])
        // What a user might type in the sqlite3 shell:
        try store.database.executeScript(
            """
            INSERT INTO actors (name) VALUES ('google inc');
            INSERT INTO sources (uid, title) VALUES ('unused', 'Never cited');
            INSERT INTO events (uid, title, date, start, end, precision) VALUES ('typed', 'Typed', '2021-04', '2021-01-01', '2021-12-31', 'month');
            INSERT INTO events (uid, title, date, start, end, precision) VALUES ('garbled', 'Garbled', 'soonish', '2021-01-01', '2021-12-31', 'year');
            INSERT INTO partnerships (uid, name) VALUES ('lonely', 'Lonely');
            UPDATE actors SET part_of = (SELECT id FROM actors WHERE name = 'B') WHERE name = 'A';
            UPDATE actors SET part_of = (SELECT id FROM actors WHERE name = 'A') WHERE name = 'B';
            PRAGMA foreign_keys = OFF;
            INSERT INTO event_tags VALUES (999, 999);
            PRAGMA foreign_keys = ON;
            """)
        let findings = try store.check()
        func has(_ severity: Finding.Severity, _ check: String, _ text: String) -> Bool {
            findings.contains { $0.severity == severity && $0.check == check && $0.message.contains(text) }
        }
        #expect(has(.error, "foreign-key", "a row of event_tags refers to a missing tags row"))
        #expect(has(.error, "bad-date", "event \"garbled\": date \"soonish\""))
        #expect(has(.error, "date-bounds", "event \"typed\""))
        #expect(has(.error, "lonely-partnership", "\"lonely\" has 0 member"))
        #expect(has(.error, "part-of-loop", "\"A\""))
        #expect(has(.warning, "unsourced-event", "\"typed\""))
        #expect(has(.warning, "unused-source", "\"unused\""))
        #expect(has(.warning, "similar-actors", "\"google inc\", \"Google Inc.\""))
        #expect(has(.warning, "outside-partnership", "event \"late\" (2023)"))
        #expect(has(.warning, "unlinked-speaker", "quote 1 of event \"late\": its speaker \"B\""))
        #expect(!findings.contains { $0.message.contains("\"fine\"") })
    }

    @Test func aVersion1DocumentStillImports() throws {
        let store = try memoryStore()
        let v1 = #"""
            {"timeline": 1, "events": [{"id": "a", "title": "A", "date": "2019",
             "sources": [{"title": "Article", "url": "https://example.org/a", "language": "fr", "locator": "p. 2"}]}]}
            """#
        try store.importDocument(try JSONDocumentReader.document(from: Data(v1.utf8)))
        #expect(
            try store.event(id: "a")?.sources == [
                Citation(Source(id: "article", title: "Article", url: "https://example.org/a", language: "fr"), locator: "p. 2")
            ])
        let again = try store.importDocument(try JSONDocumentReader.document(from: Data(v1.utf8)))
        #expect(again.events.unchanged == 1, "inline sources compare by the source they mean")
    }

    @Test func aFileThatUsesAliasesReimportsUnchanged() throws {
        let store = try memoryStore()
        try store.addActor(ActorProfile(name: "Google", aliases: ["Google LLC"]))
        let document = TimelineDocument(events: [
            Event(id: "a", title: "A", date: date("2019"), actors: [ActorRole(name: "google llc", role: "partner")])
        ])
        #expect(try store.importDocument(document).events.added == 1)
        #expect(try store.importDocument(document).events.unchanged == 1)
    }

    @Test func generatedIDsNeverTakeAnIDTheFileUsesLater() throws {
        let store = try memoryStore()
        let events = [Event(title: "Foo", date: date("2019")), Event(id: "foo", title: "Other", date: date("2020"))]
        try store.importEvents(events, onConflict: .update)
        #expect(try store.events().map(\.id) == ["foo-2", "foo"])
        #expect(try store.event(id: "foo")?.title == "Other")
    }

    @Test func markdownCitesSourcesAsFootnotesAndQuotesAsBlockQuotes() throws {
        let store = try memoryStore()
        try store.importDocument(try JSONDocumentReader.document(from: try packageFile("examples/mayo-google.json")))
        var output = StringOutput()
        try store.write(.markdown, matching: EventFilter(on: date("2022")), to: &output)
        let markdown = output.text
        #expect(
            markdown.contains(
                "— Molly Biwer says Mayo Clinic hopes to gather the medical records of every person in the world *(statement)*[^1] ("))
        #expect(markdown.contains("  > “Nous espérons recueillir les dossiers médicaux"))
        #expect(markdown.contains("  > — Molly Biwer (president of marketing, brand strategy and advertising, Mayo Clinic)[^1]"))
        #expect(markdown.contains("  > *“We hope to collect the medical records"))
        #expect(
            markdown.hasSuffix(
                "\n[^1]: La Mayo Clinic a conclu un partenariat stratégique de dix ans avec Google en 2019 : Perspective (fr)\n"))
        #expect(markdown.components(separatedBy: "[^1]:").count == 2, "each source defined once")
    }

    @Test func aFilteredDocumentCarriesTheRecordsItsEventsNeed() throws {
        let store = try memoryStore()
        try store.importDocument(try JSONDocumentReader.document(from: try packageFile("examples/mayo-google.json")))
        let records = try store.records(for: EventFilter(on: date("2022")))
        // Google Cloud is there as a member of the partnership, Google as YouTube's parent.
        #expect(records.actors.map(\.name) == ["Google", "Google Cloud", "Mayo Clinic", "Molly Biwer", "World Health Summit", "YouTube"])
        #expect(records.partnerships.map(\.id) == ["mayo-google-cloud"])
        #expect(records.sources.map(\.id) == ["mayo-google-perspective"])
    }
}
