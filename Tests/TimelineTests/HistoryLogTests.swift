import Foundation
import Testing

@testable import Timeline

/// `timeline log`: change sets newest first, what they changed field by field, filtered by
/// record, date, author and number.
@Suite("History: log")
struct HistoryLogTests {
    /// A store with a short scripted history by two authors.
    func scripted() throws -> Store {
        let store = try memoryStore()
        store.changeDescription = ChangeDescription(author: "alice", command: "timeline add launch …")
        try store.add(
            Event(
                id: "launch", title: "Platform launch", date: date("2019"), actors: [ActorRole(name: "Mayo Clinic", role: "partner")],
                tags: ["cloud"]))
        store.changeDescription = ChangeDescription(author: "bob", command: "timeline edit launch …", reason: "the article says so")
        try store.editEvent(id: "launch") {
            $0.summary = "Opens to partners."
            $0.date = date("2019-07")
            $0.tags = ["platform"]
            $0.actors.append(ActorRole(name: "Google"))
        }
        store.changeDescription = ChangeDescription(author: "alice", command: "timeline edit launch --summary ''")
        try store.editEvent(id: "launch") { $0.summary = nil }
        store.changeDescription = ChangeDescription(author: "alice", command: "timeline actor edit Google …")
        try store.editActor(named: "Google") { $0.aliases = ["Google LLC"] }
        return store
    }

    @Test func changeSetsComeNewestFirstWithWhatTheyChangedOldToNew() throws {
        let sets = try scripted().changeSets()
        #expect(sets.map(\.id) == [4, 3, 2, 1])
        #expect(sets.map(\.author) == ["alice", "alice", "bob", "alice"])
        #expect(sets[2].reason == "the article says so" && sets[2].command == "timeline edit launch …")
        #expect(
            Set(sets[2].records.map { "\($0.kind) \($0.id) \($0.operation)" }) == [
                "event launch changed", "actor Google added", "tag platform added",
            ])
        let edit = try #require(sets[2].records.first { $0.kind == .event })
        #expect(edit.fields.contains(FieldChange(field: "summary", old: nil, new: "Opens to partners.")), "from NULL: \(edit.fields)")
        #expect(edit.fields.contains(FieldChange(field: "date", old: "2019", new: "2019-07")))
        #expect(edit.fields.contains(FieldChange(field: "tag", old: "cloud", new: nil, isLink: true)))
        #expect(edit.fields.contains(FieldChange(field: "tag", old: nil, new: "platform", isLink: true)))
        #expect(edit.fields.contains(FieldChange(field: "actor", old: nil, new: "Google", isLink: true)))
        #expect(!edit.fields.contains { $0.field == "actor" && $0.old != nil }, "the actor that stayed is not in the change")
        #expect(
            sets[1].records == [
                RecordChange(
                    kind: .event, id: "launch", operation: .changed,
                    fields: [FieldChange(field: "summary", old: "Opens to partners.", new: nil)])
            ], "to NULL")
        #expect(
            sets[0].records == [
                RecordChange(
                    kind: .actor, id: "Google", operation: .changed,
                    fields: [FieldChange(field: "alias", old: nil, new: "Google LLC", isLink: true)])
            ])
    }

    @Test func aRecordsLogHasOnlyItsChanges() throws {
        let store = try scripted()
        let event = try store.changeSets(matching: HistoryFilter(record: RecordReference(kind: .event, id: "launch")))
        #expect(event.map(\.id) == [3, 2, 1])
        #expect(event.allSatisfy { $0.records.allSatisfy { $0.kind == .event } })
        #expect(
            event[2].records[0].operation == .added
                && event[2].records[0].fields.contains(FieldChange(field: "title", old: nil, new: "Platform launch")))
        let actor = try store.changeSets(matching: HistoryFilter(record: RecordReference(kind: .actor, id: "google llc")))
        #expect(actor.map(\.id) == [4, 2], "named by an alias")
        #expect(throws: TimelineError.eventNotFound(id: "nope")) {
            try store.changeSets(matching: HistoryFilter(record: RecordReference(kind: .event, id: "nope")))
        }
    }

    @Test func aDeletedRecordKeepsItsLog() throws {
        let store = try scripted()
        store.changeDescription = ChangeDescription(author: "carol", command: "timeline rm launch")
        try store.remove(ids: ["launch"])
        let sets = try store.changeSets(matching: HistoryFilter(record: RecordReference(kind: .event, id: "launch")))
        #expect(sets.map(\.id) == [5, 3, 2, 1])
        let deleted = try #require(sets.first?.records.first)
        #expect(deleted.operation == .deleted && deleted.id == "launch")
        #expect(deleted.fields.contains(FieldChange(field: "title", old: "Platform launch", new: nil)))
        #expect(deleted.fields.contains(FieldChange(field: "actor", old: "Mayo Clinic (partner)", new: nil, isLink: true)))
    }

    @Test func filtersByAuthorDateAndNumber() throws {
        let store = try scripted()
        #expect(try store.changeSets(matching: HistoryFilter(author: "bob")).map(\.id) == [2])
        #expect(try store.changeSets(matching: HistoryFilter(limit: 2)).map(\.id) == [4, 3])
        #expect(try store.changeSets(matching: HistoryFilter(since: HistoryMoment(parsing: "2999-01-01"))).isEmpty)
        #expect(try store.changeSets(matching: HistoryFilter(since: HistoryMoment(parsing: "2000"))).count == 4)
    }

    @Test func anImportIsOneChangeSetSummarisedAndEachEventItAddedHasItInItsLog() throws {
        let store = try memoryStore()
        try store.importEvents((1...50).map { Event(id: "ev-\($0)", title: "Event \($0)", date: date("2020")) })
        let sets = try store.changeSets()
        #expect(sets.count == 1)
        #expect(sets[0].records == [RecordChange(kind: .event, id: "ev-1 … ev-50", operation: .added, count: 50)])
        let one = try store.changeSets(matching: HistoryFilter(record: RecordReference(kind: .event, id: "ev-7")))
        #expect(one.count == 1 && one[0].records.first?.fields.contains(FieldChange(field: "title", old: nil, new: "Event 7")) == true)
    }

    @Test func momentsReadDatesAndTimes() throws {
        let day = try HistoryMoment(parsing: "2026-12-01")
        #expect(day.start == "2026-12-01T00:00:00.000Z" && day.end == "2026-12-01T23:59:59.999Z")
        let minute = try HistoryMoment(parsing: "2026-12-01T14:30")
        #expect(minute.start == "2026-12-01T14:30:00.000Z" && minute.end == "2026-12-01T14:30:59.999Z")
        let second = try HistoryMoment(parsing: "2026-12-01T14:30:05Z")
        #expect(second.start == "2026-12-01T14:30:05.000Z" && second.end == "2026-12-01T14:30:05.999Z")
        let month = try HistoryMoment(parsing: "2026-02")
        #expect(month.start == "2026-02-01T00:00:00.000Z" && month.end == "2026-02-28T23:59:59.999Z")
        for bad in ["2026-12-01T25:00", "2026-12-01T1:00", "soon", "2026-12-01T14:30:5", "2019/.."] {
            #expect(throws: TimelineError.self, "\(bad)") { try HistoryMoment(parsing: bad) }
        }
    }

    @Test func theLogCommandPrintsEachChangeFieldByField() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let environment = ["TIMELINE_AUTHOR": "alice", "TIMELINE_DB": "t.db"]
        #expect(
            try runTimeline(["add", "Launch", "--date", "2019", "--id", "launch", "--tag", "cloud"], in: folder, environment: environment)
                .status == 0)
        #expect(
            try runTimeline(
                ["edit", "launch", "--title", "Platform launch", "--remove-tag", "cloud", "--reason", "typo"], in: folder,
                environment: environment
            ).status == 0)
        let log = try runTimeline(["log", "launch"], in: folder, environment: environment)
        #expect(log.status == 0 && log.stderr.isEmpty)
        let lines = log.stdout.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.replacing(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z/, with: "<time>")
        }
        #expect(
            lines == [
                "change 2 by alice at <time>",
                "  timeline edit launch --title 'Platform launch' --remove-tag cloud --reason",
                "  typo",  // lines fit 80 columns, continued under their text
                "  reason: typo",
                "  event launch",
                "    title: Launch → \"Platform launch\"",
                "    tag: − cloud",
                "",
                "change 1 by alice at <time>",
                "  timeline add Launch --date 2019 --id launch --tag cloud",
                "  event launch (added)",
                "    title: Launch",
                "    date: 2019",
                "    tag: + cloud",
                "",
            ])
        let none = try runTimeline(["log", "--author", "nobody"], in: folder, environment: environment)
        #expect(none.status == 0 && none.stdout.isEmpty && none.stderr == "no changes match\n")
        let two = try runTimeline(["log", "launch", "--actor", "x"], in: folder, environment: environment)
        #expect(two.status == 64)
        let badDate = try runTimeline(["log", "--since", "soon"], in: folder, environment: environment)
        #expect(badDate.status == 64 && badDate.stderr.contains("invalid moment \"soon\""))
    }
}
