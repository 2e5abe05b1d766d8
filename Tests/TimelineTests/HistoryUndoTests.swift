import Foundation
import Testing

@testable import Timeline

/// `timeline undo`: a change set reverted as a new change set, exactly, or refused with the
/// conflicts named.
@Suite("History: undo")
struct HistoryUndoTests {
    /// Everything a person could see of the file: the JSON export (every event, actor, source
    /// and partnership) and every row of every table of records, derived columns included.
    static func snapshot(_ store: Store) throws -> String {
        var output = StringOutput()
        try store.write(.json, to: &output)
        var text = output.text
        for table in HistoryTable.all.map(\.name) + ["events_fts"] {
            let columns =
                table == "events_fts"
                ? "rowid, *" : "*"
            text += "\n\(table):\n"
            try store.database.makeStatement("SELECT \(columns) FROM \(table) ORDER BY 1, 2").forEachRow { row in
                text += (0..<10).map { "\(row.value(at: $0))" }.joined(separator: "|") + "\n"
            }
        }
        return text
    }

    /// A store with a bit of everything, made by an import.
    func example() throws -> Store {
        let store = try memoryStore()
        var reader = try Format.json.reader(InputBytes(data: try packageFile("examples/mayo-google.json")))
        try store.importRecords(from: &reader)
        return store
    }

    /// Each kind of change, and undoing it: the file is as it was, to the byte.
    @Test(arguments: [
        "add", "edit", "rm", "actor add", "actor edit", "actor alias", "actor merge", "actor rm", "partnership add",
        "partnership edit", "partnership rm", "quote add", "quote rm", "source add", "source edit", "source rm", "import",
    ])
    func undoingAChangePutsEverythingBackExactly(change: String) throws {
        let store = try example()
        let before = try Self.snapshot(store)
        let written: Int64?
        switch change {
        case "add":
            written = try store.add(
                Event(
                    title: "New", date: date("2023-01"), summary: "S", actors: [ActorRole(name: "New actor", role: "host")],
                    tags: ["new tag"],
                    sources: [Citation(Source(url: "https://example.org/new"))])
            ).changeSet
        case "edit":
            written = try store.editEvent(id: "mayo-google-partnership") {
                $0.title = "Changed"
                $0.summary = nil
                $0.kind = "Partnership"
                $0.date = date("2019~")
                $0.partnership = nil
                $0.actors.removeFirst()
                $0.actors.append(ActorRole(name: "YouTube", role: "new"))
                $0.tags = ["other"]
                $0.sources = []
                $0.quotes.removeAll()
            }.changeSet
        case "rm": written = try store.remove(ids: ["pichai-statement-2019", "mayo-google-partnership"]).changeSet
        case "actor add":
            written = try store.addActor(
                ActorProfile(
                    name: "Thomas Kurian", kind: .person, aliases: ["TK"],
                    affiliations: [Affiliation(organization: "Google Cloud", role: "CEO")])
            ).changeSet
        case "actor edit":
            written = try store.editActor(named: "Molly Biwer") {
                $0.name = "Molly A. Biwer"
                $0.kind = .other
                $0.partOf = "Mayo Clinic"
                $0.affiliations = [Affiliation(organization: "Google", role: "adviser", date: date("2023"))]
            }.changeSet
        case "actor alias": written = try store.editActor(named: "Google") { $0.aliases = ["Alphabet's Google", "google llc"] }.changeSet
        case "actor merge": written = try store.mergeActor("Google Cloud", into: "Google").changeSet
        case "actor rm": written = try store.removeActor(named: "Sundar Pichai", force: true).changeSet
        case "partnership add":
            written = try store.addPartnership(
                Partnership(id: "p", name: "P", members: [ActorRole(name: "Google"), ActorRole(name: "Somebody new")], terms: ["one"])
            ).changeSet
        case "partnership edit":
            written = try store.editPartnership(id: "mayo-google-cloud") {
                $0.name = "Renamed"
                $0.term = nil
                $0.members.removeLast()
                $0.terms = ["only one"]
                $0.sources = []
            }.changeSet
        case "partnership rm": written = try store.removePartnership(id: "mayo-google-cloud").changeSet
        case "quote add":
            written = try store.addQuote(Quote(speaker: "Google", text: "Bonjour", language: "fr"), toEvent: "mayo-clinic-platform-launch")
                .changeSet
        case "quote rm": written = try store.removeQuote(number: 1, fromEvent: "pichai-statement-2019").changeSet
        case "source add": written = try store.addSource(Source(title: "T", url: "https://example.org/t")).changeSet
        case "source edit":
            written = try store.editSource(id: "mayo-google-perspective") {
                $0.title = "Retitled"
                $0.language = nil
                $0.author = "Someone"
            }.changeSet
        case "source rm": written = try store.removeSource(id: "mayo-google-perspective", force: true).changeSet
        case "import":
            var document = TimelineDocument(events: try store.events())
            document.events[0].title = "Imported over"
            document.events.append(Event(id: "imported", title: "Imported", date: date("2024"), tags: ["cloud"]))
            try store.importDocument(document, onConflict: .update)
            written = try store.lastChangeSet()
        default:
            Issue.record("unknown change \(change)")
            return
        }
        let changeSet = try #require(written)
        #expect(try Self.snapshot(store) != before, "the change changed something")
        let undo = try #require(try store.undo(changeSet: changeSet).value)
        #expect(try Self.snapshot(store) == before)
        try store.database.execute("INSERT INTO events_fts (events_fts) VALUES ('integrity-check')")
        #expect(try store.check().filter { $0.severity == .error }.isEmpty)
        // The undo is a change set like any other: undoing it makes the change again.
        let after = try store.undo(changeSet: undo).value
        #expect(after != nil)
        try store.undo(changeSet: try #require(after))
        #expect(try Self.snapshot(store) == before)
    }

    @Test func undoingAnImportTakesOutTheActorsAndTagsItAddedWithTheEventsThatNameThem() throws {
        let store = try memoryStore()
        try store.add(Event(id: "before", title: "Before", date: date("2018")))
        let before = try Self.snapshot(store)
        var reader = try Format.json.reader(InputBytes(data: try packageFile("examples/mayo-google.json")))
        try store.importRecords(from: &reader)
        try store.undo(changeSet: try #require(try store.lastChangeSet()))
        #expect(try Self.snapshot(store) == before)
    }

    @Test func aHandEditIsUndoneLikeACommand() throws {
        let store = try example()
        let before = try Self.snapshot(store)
        try store.database.execute("UPDATE events SET summary = NULL, kind = 'x' WHERE uid <> 'mayo-google-partnership'")
        let hand = try #require(try store.lastChangeSet())
        #expect(try store.database.scalar("SELECT command FROM changes WHERE id = ?", [hand], as: String.self) == "sqlite3")
        try store.undo(changeSet: hand)
        #expect(try Self.snapshot(store) == before)
    }

    @Test func aLaterChangeToTheSameFieldIsAConflictUnlessForced() throws {
        let store = try example()
        store.changeDescription = ChangeDescription(author: "alice", command: "edit 1")
        let first = try #require(try store.editEvent(id: "mayo-google-partnership") { $0.title = "First" }.changeSet)
        store.changeDescription = ChangeDescription(author: "bob", command: "edit 2")
        let second = try #require(try store.editEvent(id: "mayo-google-partnership") { $0.title = "Second" }.changeSet)
        #expect(
            throws: TimelineError.undoConflict(
                changeSet: first, conflicts: ["event mayo-google-partnership: title (change \(second) by bob)"])
        ) {
            try store.undo(changeSet: first)
        }
        #expect(try store.event(id: "mayo-google-partnership")?.title == "Second", "nothing was changed")
        try store.undo(changeSet: first, force: true)
        #expect(
            try store.event(id: "mayo-google-partnership")?.title == "Mayo Clinic announces a ten-year strategic partnership with Google")
    }

    @Test func aLaterChangeSinceUndoneIsNoConflict() throws {
        let store = try example()
        let before = try Self.snapshot(store)
        let first = try #require(try store.editEvent(id: "mayo-google-partnership") { $0.title = "First" }.changeSet)
        let second = try #require(try store.editEvent(id: "mayo-google-partnership") { $0.title = "Second" }.changeSet)
        try store.undo(changeSet: second)
        try store.undo(changeSet: first)
        #expect(try Self.snapshot(store) == before)
    }

    @Test func laterChangesToOtherFieldsAreKept() throws {
        let store = try example()
        try store.database.execute("UPDATE events SET updated_at = '2020-01-01T00:00:00Z' WHERE uid = 'mayo-google-partnership'")
        let title = try #require(try store.editEvent(id: "mayo-google-partnership") { $0.title = "New title" }.changeSet)
        // A later change of another field, which also says when the event last changed.
        try store.database.execute(
            "UPDATE events SET summary = 'by hand', updated_at = '2030-01-01T00:00:00Z' WHERE uid = 'mayo-google-partnership'")
        try store.undo(changeSet: title)
        let event = try #require(try store.event(id: "mayo-google-partnership"))
        #expect(event.title == "Mayo Clinic announces a ten-year strategic partnership with Google" && event.summary == "by hand")
        #expect(event.updatedAt == "2030-01-01T00:00:00Z", "when it last changed is the later change's")
    }

    @Test func undoingWhatLaterRecordsNeedIsRefusedEvenWithForce() throws {
        let store = try example()
        let actor = try #require(try store.addActor(ActorProfile(name: "Newcomer")).changeSet)
        try store.add(Event(id: "uses", title: "Uses the newcomer", date: date("2024"), actors: [ActorRole(name: "Newcomer")]))
        #expect(throws: TimelineError.self) { try store.undo(changeSet: actor) }
        #expect {
            try store.undo(changeSet: actor, force: true)
        } throws: { error in
            guard case .undoBlocked(actor, "actor Newcomer", _) = error as? TimelineError else { return false }
            return true
        }
        #expect(try store.actor(named: "Newcomer") != nil)
    }

    @Test func puttingBackARecordThatRefersToOneDeletedSinceIsRefused() throws {
        let store = try example()
        let removed = try #require(try store.remove(ids: ["google-rochester-office"]).changeSet)
        let partnership = try #require(try store.removePartnership(id: "mayo-google-cloud").changeSet)
        #expect(
            throws: TimelineError.undoBlocked(
                changeSet: removed, record: "event google-rochester-office",
                reason: "it refers to a record deleted since; undo that deletion first")
        ) { try store.undo(changeSet: removed, force: true) }
        try store.undo(changeSet: partnership)
        try store.undo(changeSet: removed)
        #expect(try store.event(id: "google-rochester-office")?.partnership == "mayo-google-cloud")
    }

    @Test func undoingWhatWouldAlsoChangeOtherRecordsIsAConflict() throws {
        let store = try example()
        let partnership = try #require(
            try store.addPartnership(Partnership(id: "p", name: "P", members: [ActorRole(name: "Google"), ActorRole(name: "YouTube")]))
                .changeSet)
        try store.database.execute(
            "UPDATE events SET partnership_id = (SELECT id FROM partnerships WHERE uid = 'p') WHERE uid = 'google-rochester-office'")
        #expect(
            throws: TimelineError.undoConflict(changeSet: partnership, conflicts: ["event google-rochester-office: changed along with it"])
        ) {
            try store.undo(changeSet: partnership)
        }
        try store.undo(changeSet: partnership, force: true)
        #expect(try store.partnership(id: "p") == nil && store.event(id: "google-rochester-office")?.partnership == nil)
    }

    @Test func theUndoCommandSaysWhatItDidAndRefusesConflicts() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let environment = ["TIMELINE_AUTHOR": "alice", "TIMELINE_DB": "t.db"]
        func run(_ arguments: [String]) throws -> RunResult { try runTimeline(arguments, in: folder, environment: environment) }
        #expect(try run(["add", "A", "--date", "2019", "--id", "a"]).status == 0)
        let removed = try run(["rm", "a"])
        #expect(removed.stderr == "deleted 1 event (change 2); to undo it: timeline undo 2\n")
        let undone = try run(["undo", "2", "--reason", "deleted by mistake"])
        #expect(undone.status == 0 && undone.stdout.isEmpty)
        #expect(undone.stderr == "undid change 2 (change 3); to undo that: timeline undo 3\n")
        #expect(try run(["get", "a"]).status == 0)
        #expect(try run(["edit", "a", "--title", "B"]).status == 0)
        let conflict = try run(["undo", "1"])
        #expect(conflict.status == 1)
        #expect(
            conflict.stderr
                == "error: cannot undo change 1: later changes touched what it changed: event a: title (change 4 by alice) "
                + "(undo those first, or give --force to undo it over them)\n")
        let last = try run(["undo", "--last"])
        #expect(last.stderr == "undid change 4 (change 5); to undo that: timeline undo 5\n")
        #expect(try run(["undo", "99"]).stderr == "error: no change set 99 in the history (list them with `timeline log`)\n")
        #expect(try run(["undo"]).status == 64)
        #expect(try run(["undo", "1", "--last"]).status == 64)
        let log = try run(["log", "--limit", "1"])
        #expect(log.stdout.contains("  undoes change 4\n"))
    }
}
