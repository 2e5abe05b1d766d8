import Foundation
import Testing

@testable import Timeline

/// Retracted and disputed events: kept, marked everywhere, hidden only on request.
@Suite("Retraction")
struct RetractionTests {
    func example() throws -> Store {
        let store = try memoryStore()
        var reader = try Format.json.reader(InputBytes(data: try packageFile("examples/mayo-google.json")))
        try store.importRecords(from: &reader)
        return store
    }

    static func written(_ store: Store, _ format: Format, _ filter: EventFilter = EventFilter()) throws -> String {
        var output = StringOutput()
        try store.write(format, matching: filter, options: OutputOptions(), to: &output)
        return output.text
    }

    @Test func aRetractedEventIsKeptMarkedInEveryFormatAndHiddenOnlyOnRequest() throws {
        let store = try example()
        store.changeDescription = ChangeDescription(author: "alice", command: "timeline retract …", reason: "opened in 2021")
        let change = try #require(
            try store.setStatus(
                EventStatus(.retracted, reason: " opened  in 2021 ", source: Source(id: "mayo-google-perspective")),
                ofEvent: "google-rochester-office"
            ).changeSet)
        let event = try #require(try store.event(id: "google-rochester-office"))
        #expect(event.status?.standing == .retracted && event.status?.reason == "opened in 2021")
        #expect(event.status?.source?.id == "mayo-google-perspective")
        #expect(
            try store.database.scalar("SELECT source FROM changes WHERE id = ?", [change], as: String.self) == "mayo-google-perspective",
            "the change set names the source it rests on")
        let office = EventFilter(tags: ["office"])
        for format in Format.all where format.canWrite {
            let text = try Self.written(store, format, office)
            #expect(text.contains("retracted") || text.contains("Retracted"), "\(format)")
        }
        #expect(try Self.written(store, .markdown, office).contains("~~Google says it will open an office"))
        #expect(try store.events(matching: EventFilter(tags: ["office"], hideRetracted: true)).isEmpty)
        #expect(try store.events(matching: EventFilter(hideRetracted: true)).count == 6)
        #expect(throws: TimelineError.self) { try store.removeSource(id: "mayo-google-perspective") }
        #expect(try store.citations(ofSource: "mayo-google-perspective").contains("status of google-rochester-office"))

        // The log shows the mark field by field; undoing it restores the event exactly.
        let log = try store.changeSets(matching: HistoryFilter(limit: 1))[0].records[0].fields
        #expect(log.contains(FieldChange(field: "status", old: nil, new: "retracted")))
        #expect(log.contains(FieldChange(field: "status source", old: nil, new: "mayo-google-perspective")))
        try store.undo(changeSet: change)
        #expect(try store.event(id: "google-rochester-office")?.status == nil)
    }

    @Test func theMarkReadsBackFromJSONJSONLinesAndCSV() throws {
        let store = try example()
        try store.setStatus(EventStatus(.disputed, reason: "Mayo Clinic denies it"), ofEvent: "biwer-whs-2022-medical-records")
        try store.setStatus(
            EventStatus(.retracted, reason: "wrong date", source: Source(id: "mayo-google-perspective")), ofEvent: "google-rochester-office"
        )
        for format in [Format.json, .jsonl, .csv] {
            let text = try Self.written(store, format)
            let copy = try memoryStore()
            if format == .csv {
                try copy.importDocument(try store.records())
            }
            var reader = try format.reader(InputBytes(data: Data(text.utf8)))
            try copy.importRecords(from: &reader)
            #expect(try Self.written(copy, format) == text, "\(format)")
            #expect(try copy.event(id: "biwer-whs-2022-medical-records")?.status == EventStatus(.disputed, reason: "Mayo Clinic denies it"))
        }
    }

    @Test func theCommandsMarkAndTakeBack() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let environment = ["TIMELINE_AUTHOR": "alice", "TIMELINE_DB": "t.db"]
        func run(_ arguments: [String]) throws -> RunResult { try runTimeline(arguments, in: folder, environment: environment) }
        #expect(try run(["add", "A claim", "--date", "2019", "--id", "a"]).status == 0)
        let noReason = try run(["retract", "a"])
        #expect(noReason.status == 64 && noReason.stderr.contains("say why with --reason"))
        let retracted = try run(["retract", "a", "--reason", "shown wrong", "--source", "https://example.org/correction"])
        #expect(retracted.status == 0 && retracted.stderr == "note: created source \"https-example-org-correction\"\n")
        let show = try run(["show"])
        #expect(show.stdout.contains("[retracted] A claim") && show.stdout.contains("retracted: shown wrong"))
        #expect(try run(["show", "--hide-retracted"]).stderr == "no events match\n")
        #expect(try run(["get", "a"]).stdout.hasPrefix("[retracted] A claim\n  retracted   shown wrong\n"))
        #expect(try run(["dispute", "a", "--reason", "contested after all"]).status == 0)
        #expect(try run(["get", "a"]).stdout.hasPrefix("[disputed] A claim\n  disputed    contested after all\n"))
        #expect(try run(["reinstate", "a"]).status == 0)
        #expect(try run(["get", "a"]).stdout.hasPrefix("A claim\n"))
        #expect(try run(["retract", "nope", "--reason", "x"]).stderr.hasPrefix("error: no event with id \"nope\""))
        let log = try run(["log", "a", "--limit", "3"])
        #expect(log.stdout.contains("status: retracted → disputed") && log.stdout.contains("source: https-example-org-correction"))
    }
}
