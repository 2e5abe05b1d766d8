import Foundation
import Testing

@testable import Timeline

@Suite("Full-text search")
struct SearchTests {
    func exampleStore() throws -> Store {
        let store = try memoryStore()
        try store.importDocument(try JSONDocumentReader.document(from: try packageFile("examples/mayo-google.json")))
        return store
    }

    func ids(_ store: Store, _ query: String, ranked: Bool = true, filter: EventFilter = EventFilter()) throws -> [String] {
        var filter = filter
        filter.search = query
        filter.rankedBySearch = ranked
        return try store.events(matching: filter).compactMap(\.id)
    }

    @Test(arguments: [
        ("sante", ["pichai-statement-2019"]),  // "santé" in a quote, accent-free query
        ("SANTÉ", ["pichai-statement-2019"]),
        ("dossiers medicaux", ["biwer-whs-2022-medical-records"]),  // both words, in the French quote
        ("\"medical records\"", ["biwer-whs-2022-medical-records"]),  // a phrase
        ("\"records medical\"", []),
        ("vaccin*", ["our-shot-2-save-lives"]),  // a prefix
        ("rochester OR youtube", ["google-rochester-office", "biwer-whs-2022-youtube"]),
        ("youtube NOT summit", []),
        ("\"clinique mayo\" office", ["google-rochester-office"]),  // an alias of an actor
        ("\"world-health-summit\"", ["biwer-whs-2022-medical-records", "biwer-whs-2022-youtube"]),  // a tag
    ])
    func queriesFindWhatTheyShould(query: String, expected: [String]) throws {
        #expect(Set(try ids(try exampleStore(), query)) == Set(expected))
    }

    @Test func resultsAreRankedWithTitlesFirstAndFilteredLikeShow() throws {
        let store = try exampleStore()
        #expect(try ids(store, "youtube").first == "biwer-whs-2022-youtube", "the word in the title ranks first")
        #expect(try ids(store, "google", filter: EventFilter(since: date("2021"))) == ["biwer-whs-2022-youtube"])
        #expect(
            try ids(store, "mayo", ranked: false, filter: EventFilter(limit: 2)) == [
                "mayo-clinic-platform-launch", "pichai-statement-2019",
            ])
        let snippet = try #require(try store.events(matching: EventFilter(search: "cornerstone")).first?.snippet)
        #expect(snippet.marked().contains("the [cornerstone] of its digital transformation"))
        #expect(snippet.marked(open: "<b>", close: "</b>").contains("<b>cornerstone</b>"))
    }

    @Test func rowsWrittenInSQLAreFoundToo() throws {
        let store = try exampleStore()
        try store.database.executeScript(
            """
            INSERT INTO events (uid, title, date, start, end, precision) VALUES ('typed', 'Accord de confidentialité', '2023', '2023-01-01', '2023-12-31', 'year');
            INSERT INTO tags (name) VALUES ('zeitgeist');
            INSERT INTO event_tags VALUES ((SELECT id FROM events WHERE uid = 'typed'), (SELECT id FROM tags WHERE name = 'zeitgeist'));
            INSERT INTO actor_aliases VALUES ('Alphabet', (SELECT id FROM actors WHERE name = 'Google'));
            UPDATE actors SET name = 'Weltgesundheitsgipfel' WHERE name = 'World Health Summit';
            UPDATE quotes SET translation = 'Vaccines work in Zanzibar.' WHERE event_id = (SELECT id FROM events WHERE uid = 'our-shot-2-save-lives');
            DELETE FROM events WHERE uid = 'google-rochester-office';
            """)
        #expect(try ids(store, "confidentialite") == ["typed"])
        #expect(try ids(store, "zeitgeist") == ["typed"])
        #expect(Set(try ids(store, "alphabet")) == ["mayo-google-partnership", "pichai-statement-2019"])
        #expect(Set(try ids(store, "weltgesundheitsgipfel")) == ["biwer-whs-2022-medical-records", "biwer-whs-2022-youtube"])
        #expect(try ids(store, "zanzibar") == ["our-shot-2-save-lives"])
        #expect(try ids(store, "encourage") == [], "the old translation is gone from the index")
        #expect(try ids(store, "rochester") == [])
        try store.database.execute("INSERT INTO events_fts (events_fts) VALUES ('integrity-check')")
    }

    /// What once was FTS5 syntax errors is read as words; only a query with no word is refused.
    @Test func queriesPeopleTypeAreNotSyntaxErrors() throws {
        let store = try exampleStore()
        #expect(try ids(store, "world-health").count == 2)
        #expect(try ids(store, "(open") == ids(store, "open"))
        #expect(try ids(store, "\"cornerstone") == ids(store, "cornerstone"))
        #expect { try ids(store, "( )") } throws: { error in
            guard case .invalidValue(field: "search", let value, let expected) = error as? TimelineError else { return false }
            return value == "( )" && expected == "it holds no word to search for"
        }
    }

    @Test func datasetteRecognisesTheIndex() throws {
        let store = try memoryStore()
        let sql = try store.database.scalar("SELECT sql FROM sqlite_schema WHERE name = 'events_fts'", as: String.self) ?? ""
        #expect(sql.contains("content=\"events\""))
        #expect(sql.contains("remove_diacritics 2"))
    }
}

@Suite("Search index repair")
struct SearchRepairTests {
    @Test func checkFindsAStaleIndexAndReindexMendsIt() throws {
        let store = try memoryStore()
        try store.add(Event(id: "a", title: "A", date: date("2020"), actors: [ActorRole(name: "Mayo Clinic")]))
        try store.database.execute("UPDATE events SET actors_text = 'nonsense' WHERE uid = 'a'")
        #expect(try store.check().contains { $0.check == "stale-search" && $0.severity == .error })
        #expect(try store.events(matching: EventFilter(search: "nonsense")).map(\.id) == ["a"])
        try store.rebuildSearchIndex()
        #expect(try store.check().allSatisfy { $0.check != "stale-search" })
        #expect(try store.events(matching: EventFilter(search: "nonsense")).isEmpty)
        #expect(try store.events(matching: EventFilter(search: "mayo")).map(\.id) == ["a"])
    }
}

@Suite("Query plans")
struct QueryPlanTests {
    /// Every filter of `show` with a limit is answered through an index: no full scan of events.
    @Test func queryPlansUseIndexes() throws {
        let store = try memoryStore()
        try store.importDocument(try JSONDocumentReader.document(from: try packageFile("examples/mayo-google.json")))
        try store.database.executeScript("ANALYZE")
        let filters = [
            EventFilter(since: date("2019"), until: date("2019"), limit: 50),
            EventFilter(actors: ["Mayo Clinic"], limit: 50),
            EventFilter(actors: ["Google"], exactActors: true, limit: 50),
            EventFilter(tags: ["cloud"], limit: 50),
            EventFilter(partnership: "mayo-google-cloud", limit: 50),
            EventFilter(kind: "statement", limit: 50),
            EventFilter(search: "google", rankedBySearch: true, limit: 20),
        ]
        for filter in filters {
            let plan = try store.queryPlan(for: filter)
            let fullScans = plan.filter { ($0 == "SCAN e" || $0.hasPrefix("SCAN e ")) && !$0.contains("USING") }
            #expect(fullScans.isEmpty, "\(filter): \(plan)")
            #expect(!plan.isEmpty)
        }
    }

    /// Every reference from one record to another is the first column of an index, so that
    /// deleting or renumbering the row it points to (`source delete`, and `check` and `--as-of`,
    /// which undo the history on a copy) finds the rows that refer to it without reading their
    /// whole table. events.status_source_id had none until migration 0007: `check` on 1,000,000
    /// events read the events table once per source.
    @Test func referencesBetweenRecordsAreIndexed() throws {
        let store = try memoryStore()
        let records = String(decoding: try JSONEncoder().encode(HistoryTable.all.map(\.name)), as: UTF8.self)
        let unindexed = try store.database.makeStatement(
            """
            SELECT t.name || '.' || f."from" || ' -> ' || f."table"
            FROM sqlite_schema t JOIN pragma_foreign_key_list(t.name) f
            WHERE t.type = 'table' AND t.name IN (SELECT value FROM json_each(?))
              AND NOT EXISTS (
                SELECT 1 FROM pragma_index_list(t.name) i JOIN pragma_index_info(i.name) c
                WHERE c.seqno = 0 AND c.name = f."from")
            ORDER BY 1
            """
        ).map([records]) { $0[0] as String }
        #expect(unindexed.isEmpty, "references without an index: \(unindexed)")
        let references = try store.database.makeStatement(
            "SELECT count(*) FROM sqlite_schema t JOIN pragma_foreign_key_list(t.name) f WHERE t.name IN (SELECT value FROM json_each(?))"
        ).map([records]) { $0[0] as Int }
        #expect(references.first ?? 0 > 15)
    }

    /// Timeline order with a date overlap (and a kind) is read from an index that holds `end`
    /// too, so SQLite tests both bounds on the index and passes over events outside the span
    /// without reading their rows: the plan of the query the filter builds walks that index, in
    /// its order (no sorting step), and the index holds the columns the bounds read.
    @Test(arguments: [
        (EventFilter(since: date("2019"), until: date("2019"), limit: 50), "SCAN e USING INDEX events_by_start"),
        (
            EventFilter(since: date("2019"), until: date("2019"), kind: "statement", limit: 50),
            "SEARCH e USING INDEX events_by_kind (kind=?)"
        ),
        (EventFilter(since: date("2021"), limit: 50), "SCAN e USING INDEX events_by_start"),
    ])
    func dateFiltersAreAnsweredFromTheIndex(filter: EventFilter, step: String) throws {
        let store = try memoryStore()
        try store.importDocument(try JSONDocumentReader.document(from: try packageFile("examples/mayo-google.json")))
        try store.database.executeScript("ANALYZE")
        let plan = try store.queryPlan(for: filter)
        #expect(plan.first == step, "\(plan)")
        #expect(!plan.contains { $0.contains("TEMP B-TREE") }, "\(plan)")
        let index = String(step.split(separator: " ")[4])
        let columns = try store.database.makeStatement("SELECT name FROM pragma_index_info(?)").map([index]) { $0[0] as String }
        #expect(columns.contains("start") && columns.contains("end"), "\(index): \(columns)")
    }
}

/// Search as people type: ordinary text is searched as its words, operators work on purpose,
/// and nothing a user types reaches them as an FTS5 or SQL error.
@Suite("Search as people type")
struct TypedSearchTests {
    @Test(arguments: [
        ("medical records", "medical records"),
        ("d'investissement", #""d'investissement""#),
        ("d’investissement", #""d’investissement""#),
        ("covid-19 vaccins", #""covid-19" vaccins"#),
        ("health-data", #""health-data""#),
        ("Google's 10.5% a/b", #""Google's" "10.5%" "a/b""#),
        ("vaccin*", "vaccin*"),
        ("covid-1*", #""covid-1" *"#),
        (#""right information""#, #""right information""#),
        (#""right information"*"#, #""right information" *"#),
        (#""unbalanced"#, #""unbalanced""#),
        (#"say "hi"#, #"say "hi""#),
        ("youtube OR cloud", "youtube OR cloud"),
        ("google NOT cloud", "google NOT cloud"),
        ("google AND (youtube OR cloud)", "google AND ( youtube OR cloud )"),
        ("google AND", "google"),
        ("OR OR cloud", "cloud"),
        ("AND", #""AND""#),
        ("(google", "google"),
        ("google)", "google"),
        ("((youtube)", "( youtube )"),
        ("()", ""),
        ("NEAR", #""NEAR""#),
        ("title:google", "title: google"),
        ("title:covid-19", #"title: "covid-19""#),
        ("place:google", #""place:google""#),
        ("and or not", "and or not"),
    ])
    func typedTextBecomesTheQueryMeant(typed: String, query: String) {
        #expect(FullTextQuery(typed).expression == query)
    }

    @Test func punctuatedWordsFindWhatTheySay() throws {
        let store = try memoryStore()
        try store.importDocument(try JSONDocumentReader.document(from: try packageFile("examples/mayo-google.json")))
        func ids(_ query: String) throws -> Set<String> {
            Set(try store.events(matching: EventFilter(search: query)).compactMap(\.id))
        }
        #expect(try ids("d'investissement").contains("pichai-statement-2019"))
        #expect(try ids("covid-19") == ids(#""covid-19""#))
        #expect(try ids("health-data").contains("mayo-google-partnership"))
        #expect(try ids("google AND") == ids("google"))
    }

    /// Every string of these characters, up to four of them, is a query or "no word to search
    /// for", never an FTS5 or SQL error.
    @Test func noTypedTextIsASyntaxError() throws {
        let store = try memoryStore()
        try store.add(Event(title: "Covid-19 and d'investissement (AND) \"x\"", date: date("2020")))
        let pieces = ["a", "AND", "OR", "NOT", "(", ")", "\"", "*", "-", "'", ":", "^", "NEAR", " "]
        var queries = pieces.map { [$0] }
        for _ in 1..<4 { queries = queries.flatMap { query in pieces.map { query + [$0] } } }
        var failures: [String] = []
        for parts in queries {
            let query = parts.joined(separator: " ")
            do {
                _ = try store.events(matching: EventFilter(search: query))
            } catch let error as TimelineError where "\(error)".contains("holds no word") {
                continue
            } catch {
                failures.append("\(query): \(error)")
            }
        }
        #expect(failures.isEmpty, "\(failures.prefix(5))")
    }
}
