import Foundation
import Testing

@testable import Timeline

@Suite("JSON document, CSV and Markdown")
struct InterchangeTests {
    func export(_ store: Store, format: Format = .json, filter: EventFilter = EventFilter()) throws -> String {
        var output = StringOutput()
        try store.write(format, matching: filter, to: &output)
        return output.text
    }

    func document(_ events: String) -> Data {
        Data("{\"timeline\": 1, \"events\": [\(events)]}".utf8)
    }

    @Test func exportImportExportIsByteIdentical() throws {
        let example = try packageFile("examples/mayo-google.json")
        let first = try memoryStore()
        try first.importDocument(try JSONDocumentReader.document(from: example))
        let exported = try export(first)
        #expect(exported == String(decoding: example, as: UTF8.self), "the example is kept in export form")
        let second = try memoryStore()
        try second.importDocument(try JSONDocumentReader.document(from: Data(exported.utf8)))
        #expect(try export(second) == exported)
        #expect(try second.eventCount() == 7)
    }

    @Test func theDocumentHasTheDocumentedShape() throws {
        let store = try memoryStore()
        try store.add(
            Event(
                id: "mayo-google", title: "Mayo Clinic & Google: “ten years”", date: date("2019-09-10"),
                actors: [ActorRole(name: "Mayo Clinic", role: "partner"), ActorRole(name: "Google")],
                tags: ["cloud"], sources: [Citation(Source(title: "Le partenariat", url: "https://example.org/a/b", language: "fr"))]))
        #expect(
            try export(store) == """
                {
                  "timeline": 2,
                  "actors": [
                    {
                      "name": "Google",
                      "kind": "organization"
                    },
                    {
                      "name": "Mayo Clinic",
                      "kind": "organization"
                    }
                  ],
                  "sources": [
                    {
                      "id": "le-partenariat",
                      "title": "Le partenariat",
                      "url": "https://example.org/a/b",
                      "language": "fr"
                    }
                  ],
                  "events": [
                    {
                      "id": "mayo-google",
                      "date": "2019-09-10",
                      "start": "2019-09-10",
                      "end": "2019-09-10",
                      "precision": "day",
                      "title": "Mayo Clinic & Google: “ten years”",
                      "actors": [
                        {
                          "name": "Mayo Clinic",
                          "role": "partner"
                        },
                        {
                          "name": "Google"
                        }
                      ],
                      "tags": [
                        "cloud"
                      ],
                      "sources": [
                        {
                          "source": "le-partenariat"
                        }
                      ]
                    }
                  ]
                }

                """)
        #expect(try export(memoryStore()) == "{\n  \"timeline\": 2,\n  \"events\": []\n}\n")
    }

    @Test func stringsAreEscapedOnlyWhereJSONRequires() {
        var output = StringOutput()
        JSONValue.string("a\"b\\c\nd\te\u{1}é✓/").write(to: &output)
        #expect(output.text == #""a\"b\\c\nd\te\u0001é✓/""#)
    }

    @Test func openEndsAreLeftOutAndDerivedKeysIgnoredOnImport() throws {
        let events = try JSONDocumentReader.events(
            from: document(
                """
                {"id": "x", "title": "Ongoing", "date": "2019-09-10/..", "start": "1900-01-01", "precision": "year"}
                """))
        #expect(events.first?.date.edtf == "2019-09-10/..")
        let store = try memoryStore()
        try store.importEvents(events)
        let text = try export(store)
        #expect(text.contains("\"start\": \"2019-09-10\""))
        #expect(!text.contains("\"end\""))
    }

    @Test(arguments: [
        ("{\"timeline\": 1, \"events\": [", "the document", "not valid JSON"),
        ("[]", "the document", "expected an object"),
        ("{\"timeline\": 3, \"events\": []}", "the document", "field \"timeline\": must be the format version, 1 or 2"),
        ("{\"timeline\": true, \"events\": []}", "the document", "field \"timeline\": must be the format version"),
        ("{\"timeline\": 1}", "the document", "field \"events\": missing"),
        ("{\"timeline\": 1, \"events\": {}}", "the document", "field \"events\": expected an array"),
        ("{\"timeline\": 1, \"events\": [], \"extra\": 1}", "the document", "field \"extra\": unknown key"),
    ])
    func malformedDocumentsAreRefused(json: String, location: String, reason: String) {
        #expect { try JSONDocumentReader.events(from: Data(json.utf8)) } throws: { error in
            guard case .importFailed(let at, let why) = error as? TimelineError else { return false }
            return at == location && why.contains(reason)
        }
    }

    @Test(arguments: [
        (#"{"id": "b", "title": "x", "date": "2019-02-30"}"#, #"event 2 (id "b"), field "date""#, "February 2019 has 28 days"),
        (#"{"title": "x"}"#, #"event 2, field "date""#, "missing"),
        (#"{"id": "b", "date": "2019"}"#, #"event 2 (id "b"), field "title""#, "missing"),
        (#"{"id": "b", "title": "x", "date": "2019", "summry": "typo"}"#, #"event 2 (id "b"), field "summry""#, "unknown key"),
        (
            #"{"id": "b", "title": "x", "date": "2019", "actors": [{"role": "host"}]}"#, #"event 2 (id "b"), field "actors[0].name""#,
            "missing"
        ),
        (#"{"id": "b", "title": "x", "date": "2019", "tags": "ai"}"#, #"event 2 (id "b"), field "tags""#, "expected an array"),
        (#"{"id": "B!", "title": "x", "date": "2019"}"#, #"event 2 (id "B!"), field "id""#, "lowercase"),
        (
            #"{"id": "b", "title": "x", "date": "2019", "sources": [{"url": "https://x", "language": "French"}]}"#,
            #"event 2 (id "b"), field "sources[0] (source language)""#, "ISO 639-1"
        ),
        ("42", "event 2", "expected an object"),
    ])
    func aBadEventNamesItsPositionIdAndField(event: String, location: String, reason: String) {
        let data = document(#"{"id": "a", "title": "fine", "date": "2019"}, "# + event)
        #expect { try JSONDocumentReader.events(from: data) } throws: { error in
            guard case .importFailed(let at, let why) = error as? TimelineError else { return false }
            return at == location && why.contains(reason)
        }
    }

    /// An import sets aside only the search triggers: a trigger of the user's own (or a future
    /// audit log's) fires for every imported row, and is still there afterwards.
    @Test func importKeepsOtherTriggersFiring() throws {
        let store = try memoryStore()
        try store.database.executeScript(
            """
            CREATE TABLE audit (uid TEXT);
            CREATE TRIGGER audit_events AFTER INSERT ON events BEGIN INSERT INTO audit VALUES (new.uid); END;
            """)
        try store.importDocument(try JSONDocumentReader.document(from: try packageFile("examples/mayo-google.json")))
        #expect(try store.database.scalar("SELECT count(*) FROM audit", as: Int.self) == 7)
        #expect(try store.database.scalar("SELECT count(*) FROM sqlite_schema WHERE name = 'audit_events'", as: Int.self) == 1)
        #expect(try store.events(matching: EventFilter(search: "vaccination")).count == 1, "the search index still covers the import")
    }

    /// The list the importer sets aside is exactly the triggers that maintain search: a new
    /// migration's search trigger must be added to it, and no other trigger may be.
    @Test func searchTriggersAreNamed() throws {
        let store = try memoryStore()
        let triggers = try store.database.makeStatement("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'")
            .map([]) { ($0[0] as String, $0[1] as String) }
        let maintainSearch = triggers.filter { _, sql in
            ["events_fts", "actors_text", "tags_text", "quotes_text"].contains { sql.contains($0) }
        }.map(\.0)
        #expect(Set(maintainSearch) == Set(Store.searchTriggerNames))
    }

    @Test func importIsAllOrNothing() throws {
        let store = try memoryStore()
        let events = [
            Event(id: "a", title: "fine", date: date("2019")),
            Event(id: "b", title: "also fine", date: date("2020"), actors: [ActorRole(name: "New Actor")]),
            Event(id: "a", title: "same id again", date: date("2021")),
        ]
        #expect { try store.importEvents(events) } throws: { error in
            guard case .importFailed(let location, let reason) = error as? TimelineError else { return false }
            return location == #"event 3 (id "a")"# && reason.contains("appears twice")
        }
        #expect(try store.eventCount() == 0)
        #expect(try store.database.scalar("SELECT count(*) FROM actors", as: Int.self) == 0)
    }

    @Test func importingTwiceAddsNothingAndConflictsFollowThePolicy() throws {
        let store = try memoryStore()
        let original = [Event(id: "a", title: "A", date: date("2019"), tags: ["x"]), Event(title: "No id", date: date("2020"))]
        #expect(try store.importEvents(original).events.added == 2)
        let again = try store.importEvents([original[0]])
        #expect(again.events.unchanged == 1 && again.events.added == 0)

        let changed = [Event(id: "a", title: "A, corrected", date: date("2019-05"))]
        #expect { try store.importEvents(changed) } throws: { "\($0)".contains("--on-conflict") }
        #expect(try store.event(id: "a")?.title == "A")
        #expect(try store.importEvents(changed, onConflict: .skip).events.skipped == 1)
        #expect(try store.event(id: "a")?.title == "A")
        #expect(try store.importEvents(changed, onConflict: .update).events.updated == 1)
        #expect(try store.event(id: "a")?.content == Event(id: "a", title: "A, corrected", date: date("2019-05")))
        #expect(try store.eventCount() == 2)
    }

    @Test func csvFollowsRFC4180() throws {
        let store = try memoryStore()
        try store.add(
            Event(
                id: "q", title: "Says \"hello\", then leaves", date: date("c. 2021"), summary: "line one\nline two",
                actors: [ActorRole(name: "Mayo Clinic", role: "partner"), ActorRole(name: "Google")], tags: ["a", "b"]))
        let csv = try export(store, format: .csv)
        let lines = csv.components(separatedBy: "\r\n")
        #expect(lines[0] == CSVWriter.columns.joined(separator: ","))
        #expect(
            lines[1]
                == "q,2021~,c. 2021,2021-01-01,2021-12-31,year,0,1,\"Says \"\"hello\"\", then leaves\",\"line one\nline two\",,,Mayo Clinic (partner); Google,a; b,,,,,"
        )
        #expect(csv.hasSuffix("\r\n"))
    }

    @Test func markdownGroupsByYearAndEscapesMarkup() throws {
        let store = try memoryStore()
        try store.add(
            Event(
                id: "m", title: "A *bold* claim", date: date("2019-09"), kind: "statement",
                sources: [Citation(Source(title: "Article", url: "https://example.org/x"))]))
        let markdown = try export(store, format: .markdown)
        #expect(markdown.contains("## 2019\n"))
        #expect(markdown.contains("- **Sep 2019** — A \\*bold\\* claim *(statement)*[^1]"))
        #expect(markdown.hasSuffix("\n[^1]: [Article](<https://example.org/x>)\n"))
    }

    @Test func textGroupsByYearAndColoursOnlyWhenAsked() throws {
        let store = try memoryStore()
        try store.add(
            Event(id: "a", title: "First", date: date("2019-09-10"), actors: [ActorRole(name: "Google", role: "partner")], tags: ["ai"]))
        try store.add(Event(id: "b", title: "Second", date: date("2022-10-17?")))
        let plain = try export(store, format: .text)
        #expect(
            plain == """
                2019
                  10 Sep 2019     First
                                  Google (partner) · #ai · a

                2022
                  17 Oct 2022?    Second
                                  b

                """)
        var colored = StringOutput()
        var writer = Format.text.writer(options: OutputOptions(color: true))
        writer.write(try store.events(), to: &colored)
        #expect(colored.text.contains("\u{1B}[1m2019\u{1B}[0m"))
    }
}
