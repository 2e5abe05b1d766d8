import Foundation
import Testing

@testable import Timeline

/// Copies of one timeline exchanging their changes (`timeline changes export` and `apply`):
/// what each adds and edits reaches the others, nothing is applied twice, and a contradiction is
/// never settled silently.
@Suite("Changes between copies")
struct ChangeExchangeTests {
    /// Copies of one file, each opened as a store, in a folder removed at the end.
    final class Copies {
        let folder: TemporaryFolder
        var stores: [String: Store] = [:]

        init() throws {
            folder = try TemporaryFolder()
        }

        deinit { folder.remove() }

        /// A new file `name`, with `setUp` written in it.
        func make(_ name: String, as author: String = "base", _ setUp: (Store) throws -> Void = { _ in }) throws -> Store {
            let store = try Store(path: folder.path(name + ".db"), access: .create)
            store.changeDescription = ChangeDescription(author: author, command: "test")
            try setUp(store)
            stores[name] = store
            return store
        }

        /// A copy of `original`'s file named `name`, written by `author`.
        func copy(_ original: Store, as name: String, author: String) throws -> Store {
            _ = try original.database.copy(to: folder.path(name + ".db"))
            let store = try Store(path: folder.path(name + ".db"), access: .write)
            store.changeDescription = ChangeDescription(author: author, command: "test")
            stores[name] = store
            return store
        }
    }

    /// `store`'s change sets (after `since`), as `changes export` writes them.
    static func exported(_ store: Store, since: String? = nil) throws -> String {
        var output = StringOutput()
        let writer = ChangeFileWriter()
        let after = try since.map(store.changeSetNumber) ?? 0
        writer.writeHeader(to: &output)
        try store.forEachExchangeItem(after: after) { writer.write($0, to: &output) }
        return output.text
    }

    /// Applies `changes` (a file's text) to `store`.
    @discardableResult
    static func apply(_ changes: String, to store: Store, choosing choices: ConflictChoices = ConflictChoices()) throws -> ChangesApplied {
        var reader = ChangeFileReader(InputBytes(data: Data(changes.utf8)))
        return try store.applyChanges(from: "changes.jsonl", choosing: choices) { try reader.next() }
    }

    /// The timeline as the JSON document export writes it.
    static func json(_ store: Store) throws -> String {
        var output = StringOutput()
        try store.write(.json, to: &output)
        return output.text
    }

    static func changeCount(_ store: Store) throws -> Int {
        try store.database.scalar("SELECT count(*) FROM changes", as: Int.self) ?? 0
    }

    static func errors(_ store: Store) throws -> [String] {
        try store.check().filter { $0.severity == .error }.map(\.description)
    }

    static let launch = Event(
        id: "launch", title: "Mayo Clinic signs with Google Cloud", date: date("2019-09-10"),
        actors: [ActorRole(name: "Mayo Clinic"), ActorRole(name: "Google Cloud")], tags: ["cloud"])

    @Test func copiesThatEachAddAndEditEndTheSame() throws {
        let copies = try Copies()
        let base = try copies.make("base") { try $0.add(Self.launch) }
        let alice = try copies.copy(base, as: "alice", author: "alice")
        let bob = try copies.copy(base, as: "bob", author: "bob")
        // The same new actor and tag on both sides, an edit of different fields of one event.
        try alice.add(
            Event(
                id: "office", title: "Google opens an office in Rochester", date: date("2021"), actors: [ActorRole(name: "WHO")],
                tags: ["office"]))
        try alice.editEvent(id: "launch") { $0.summary = "Ten years." }
        try bob.add(
            Event(
                id: "vaccination", title: "Vaccination campaign", date: date("2021-04"), actors: [ActorRole(name: "WHO")], tags: ["office"],
                quotes: [Quote(speaker: "WHO", text: "On vaccine", language: "en")]))
        try bob.editEvent(id: "launch") { $0.title = "Mayo Clinic signs a ten-year partnership with Google Cloud" }
        let fromAlice = try Self.exported(alice)
        let fromBob = try Self.exported(bob)

        let toAlice = try Self.apply(fromBob, to: alice)
        #expect(toAlice.applied == 2 && toAlice.alreadyHere == 1 && toAlice.resolved.isEmpty)
        try Self.apply(fromAlice, to: bob)
        #expect(try Self.json(alice) == Self.json(bob))
        let event = try #require(try alice.event(id: "launch"))
        #expect(event.title == "Mayo Clinic signs a ten-year partnership with Google Cloud" && event.summary == "Ten years.")
        #expect(
            try alice.database.scalar("SELECT count(*) FROM actors WHERE name = 'WHO'", as: Int.self) == 1, "one WHO, made on both sides")
        #expect(try Self.errors(alice).isEmpty && Self.errors(bob).isEmpty, "check, with the history replayed, finds nothing")
        try alice.database.execute("INSERT INTO events_fts (events_fts) VALUES ('integrity-check')")
        #expect(try alice.events(matching: EventFilter(search: "vaccine")).map(\.id) == ["vaccination"], "the index has what was applied")

        // Who made each change set stays on it.
        let authors = try alice.database.makeStatement("SELECT author FROM changes ORDER BY id").map { $0[0] as String? }
        #expect(authors == ["base", "alice", "alice", "bob", "bob"])
    }

    @Test func applyingAFileAgainChangesNothing() throws {
        let copies = try Copies()
        let base = try copies.make("base") { try $0.add(Self.launch) }
        let alice = try copies.copy(base, as: "alice", author: "alice")
        let bob = try copies.copy(base, as: "bob", author: "bob")
        try alice.editEvent(id: "launch") { $0.tags.append("partnership") }
        try alice.remove(ids: ["launch"])
        try alice.add(Event(id: "again", title: "Again", date: date("2020")))
        let changes = try Self.exported(alice)
        try Self.apply(changes, to: bob)
        let after = (try Self.json(bob), try Self.changeCount(bob))
        let again = try Self.apply(changes, to: bob)
        #expect(again.applied == 0 && again.alreadyHere == 4)
        #expect((try Self.json(bob), try Self.changeCount(bob)) == after)
        #expect(try Self.json(bob) == Self.json(alice))
        // Bob's export holds Alice's change sets too; Alice has them all.
        #expect(try Self.apply(try Self.exported(bob), to: alice).applied == 0)
        // --since: only what came after.
        let last = try #require(try alice.database.scalar("SELECT uid FROM changes ORDER BY id DESC LIMIT 1 OFFSET 1", as: String.self))
        #expect(try Self.exported(alice, since: last).components(separatedBy: "\"type\":\"change\"").count == 2)
    }

    /// An empty file, and Alice's and Bob's copies of it, where Alice then imports the example.
    static func aliceImports(_ copies: Copies) throws -> (base: Store, alice: Store, bob: Store) {
        let base = try copies.make("base")
        let alice = try copies.copy(base, as: "alice", author: "alice")
        let bob = try copies.copy(base, as: "bob", author: "bob")
        var reader = try Format.json.reader(InputBytes(data: try packageFile("examples/mayo-google.json")))
        try alice.importRecords(from: &reader)
        return (base, alice, bob)
    }

    @Test func anImportTravelsAsItLeftItsRowsThenWhatChangedThemAfter() throws {
        let copies = try Copies()
        let (_, alice, bob) = try Self.aliceImports(copies)
        // Rows the import added in bulk, changed afterwards: the export must give them as the
        // import left them, or the later change would not apply.
        let first = try #require(try alice.events().first?.id)
        try alice.editEvent(id: first) { $0.title = "Retitled after the import" }
        try alice.editEvent(id: first) { $0.title = "Retitled again" }
        try alice.mergeActor("YouTube", into: "Google")
        try Self.apply(try Self.exported(alice), to: bob)
        #expect(try Self.json(bob) == Self.json(alice))
        #expect(try Self.errors(bob).isEmpty)
    }

    @Test func anImportAppliedElsewhereIsRecordedAsTheImportWasAndUndoes() throws {
        let copies = try Copies()
        let (base, alice, bob) = try Self.aliceImports(copies)
        let entries =
            "SELECT table_name, last_row_key IS NOT NULL FROM history WHERE change_id = (SELECT max(id) FROM changes) ORDER BY 1, 2"
        try Self.apply(try Self.exported(alice), to: bob)
        #expect(try Self.json(bob) == Self.json(alice))
        let recorded = try bob.database.makeStatement(entries).map { "\($0[0] as String) \($0[1] as Bool)" }
        let original = try alice.database.makeStatement(entries).map { "\($0[0] as String) \($0[1] as Bool)" }
        #expect(recorded == original)
        #expect(recorded.contains("events true"), "the new events as one range, as the import recorded them")
        #expect(try Self.errors(bob).isEmpty)
        try bob.undo(changeSet: try #require(try bob.lastChangeSet()), force: false)
        #expect(try Self.json(bob) == Self.json(base))
    }

    @Test func aRangeThatMeetsAConflictIsRecordedRowByRowAndUndoes() throws {
        let copies = try Copies()
        let (_, alice, bob) = try Self.aliceImports(copies)
        try bob.add(Event(id: "mayo-google-partnership", title: "Bob's own", date: date("2019")))
        let before = try Self.json(bob)
        try Self.apply(try Self.exported(alice), to: bob, choosing: ConflictChoices(forAll: .theirs))
        let theirs = try alice.event(id: "mayo-google-partnership")?.title
        #expect(try bob.event(id: "mayo-google-partnership")?.title == theirs)
        #expect(try Self.errors(bob).isEmpty, "the history, replayed, gives the rows")
        try bob.undo(changeSet: try #require(try bob.lastChangeSet()), force: false)
        #expect(try Self.json(bob) == before, "undoing the apply takes their event out and puts Bob's back")
    }

    /// Alice and Bob start from one file, then contradict each other in every way there is.
    func contradicting(_ copies: Copies) throws -> (alice: Store, bob: Store) {
        let base = try copies.make("base") {
            try $0.add(Self.launch)
            try $0.add(Event(id: "office", title: "Google opens an office", date: date("2021")))
            try $0.add(Event(id: "talks", title: "Talks", date: date("2019")))
        }
        let alice = try copies.copy(base, as: "alice", author: "alice")
        let bob = try copies.copy(base, as: "bob", author: "bob")
        try alice.editEvent(id: "launch") { $0.title = "Alice's title" }
        try bob.editEvent(id: "launch") { $0.title = "Bob's title" }
        try alice.remove(ids: ["office"])
        try bob.editEvent(id: "office") { $0.summary = "In Rochester" }
        try alice.editEvent(id: "talks") { $0.kind = "meeting" }
        try bob.remove(ids: ["talks"])
        try alice.add(Event(id: "summit", title: "World Health Summit", date: date("2022-10")))
        try bob.add(Event(id: "summit", title: "World Health Summit 2022", date: date("2022-10-16")))
        return (alice, bob)
    }

    @Test func everyConflictIsListedWithBothSidesAndNothingIsApplied() throws {
        let copies = try Copies()
        let (alice, bob) = try contradicting(copies)
        let before = (try Self.json(alice), try Self.changeCount(alice))
        do {
            try Self.apply(try Self.exported(bob), to: alice)
            Issue.record("the apply went through")
        } catch TimelineError.unresolvedConflicts(let file, let conflicts) {
            #expect(file == "changes.jsonl")
            #expect(
                conflicts.map { "\($0.name): \($0.kind.rawValue)" } == [
                    "event/launch/title: changed on both sides",
                    "event/office: deleted here, changed there",
                    "event/summit: added on both sides",
                    "event/talks: changed here, deleted there",
                ])
            let title = try #require(conflicts.first)
            #expect(title.ours == "Alice's title" && title.theirs == "Bob's title")
            #expect(title.oursBy.hasPrefix("alice, ") && title.theirsBy.hasPrefix("bob, "))
            #expect(conflicts[1].theirs == "summary: In Rochester" && conflicts[1].oursBy.hasPrefix("alice"))
            #expect(
                conflicts[2].ours == "id summit, as added here" && conflicts[2].theirs == "id summit, as added there, with other content")
            #expect(conflicts[3].ours == "kind: meeting")
        }
        #expect((try Self.json(alice), try Self.changeCount(alice)) == before, "nothing applied, nothing recorded")
    }

    @Test func theSideTakenForEachConflictIsAppliedAndRecorded() throws {
        let copies = try Copies()
        let (alice, bob) = try contradicting(copies)
        let choices = ConflictChoices(
            forAll: .ours, byName: ["event/launch/title": .theirs, "event/office": .theirs, "event/summit": .theirs])
        let applied = try Self.apply(try Self.exported(bob), to: alice, choosing: choices)
        #expect(
            applied.resolved.map { "\($0.conflict.name)=\($0.taken.rawValue)" }.sorted() == [
                "event/launch/title=theirs", "event/office=theirs", "event/summit=theirs", "event/talks=ours",
            ])
        #expect(try alice.event(id: "launch")?.title == "Bob's title")
        #expect(try alice.event(id: "office")?.summary == "In Rochester", "theirs: the deleted event comes back with their change")
        #expect(try alice.event(id: "talks")?.kind == "meeting", "ours: kept")
        #expect(try alice.event(id: "summit")?.title == "World Health Summit 2022")
        #expect(try Self.errors(alice).isEmpty)
        let recorded = try alice.database.makeStatement(
            "SELECT k.conflict, k.taken, c.author, k.their_change FROM change_conflicts k JOIN changes c ON c.id = k.change_id ORDER BY k.conflict"
        ).map { "\($0[0] as String) \($0[1] as String) by \($0[2] as String)" }
        #expect(
            recorded == [
                "event/launch/title theirs by alice", "event/office theirs by alice", "event/summit theirs by alice",
                "event/talks ours by alice",
            ])
        // The title's change is Bob's in the log.
        let log = try alice.changeSets(matching: HistoryFilter(record: RecordReference(kind: .event, id: "launch")))
        #expect(log.first?.author == "bob")
    }

    @Test func aFileThatIsNotOneOfChangesSaysWhereAndWhy() throws {
        let copies = try Copies()
        let store = try copies.make("a")
        let cases: [(String, String)] = [
            ("", "line 1: the file is empty"),
            (#"{"events": []}"#, "line 1: expected {\"timeline_changes\":1}"),
            ("{\"timeline_changes\":1}\n{\"type\":\"row\",\"table\":\"events\"}", "line 2: a row before any change set"),
            (
                "{\"timeline_changes\":1}\n{\"type\":\"change\",\"uid\":\"x\",\"at\":\"2026\",\"command\":\"c\"}\n{\"type\":\"row\",\"table\":\"events_fts\",\"operation\":\"insert\",\"key\":[1]}",
                "line 3: \"events_fts\" is not a table of records"
            ),
            (
                "{\"timeline_changes\":1}\n{\"type\":\"change\",\"uid\":\"x\",\"at\":\"2026\",\"command\":\"c\"}\n{\"type\":\"row\",\"table\":\"events\",\"operation\":\"insert\",\"key\":[1],\"new\":{\"id\":1,\"nosuch\":2}}",
                "\"nosuch\" is not a column of events"
            ),
        ]
        for (text, message) in cases {
            do {
                try Self.apply(text, to: store)
                Issue.record("applied: \(text)")
            } catch let error as TimelineError {
                #expect(error.description.contains(message), "\(error.description)")
            }
        }
        #expect(try Self.changeCount(store) == 0)
    }

    /// A generator of pseudo-random numbers from a seed: the same edits on every run.
    struct SplitMix64: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// Random edits by `author` that no other copy makes: events of its own added, edited and
    /// removed; one field of the shared events that only it changes; actors and tags from a pool
    /// every copy draws from.
    static func randomEdits(_ store: Store, author: String, field: Int, seed: UInt64) throws {
        var random = SplitMix64(state: seed)
        let actors = ["WHO", "Mayo Clinic", "Google", "Cleveland Clinic", "Inserm"]
        let tags = ["cloud", "health", "données de santé", "ai"]
        var mine: [String] = []
        for step in 0..<12 {
            switch Int.random(in: 0..<5, using: &random) {
            case 0, 1:
                let id = "\(author)-\(step)"
                try store.add(
                    Event(
                        id: id, title: "\(author) event \(step)", date: date("20\(Int.random(in: 10...25, using: &random))"),
                        actors: [ActorRole(name: actors.randomElement(using: &random)!)], tags: [tags.randomElement(using: &random)!]))
                mine.append(id)
            case 2 where !mine.isEmpty:
                let id = mine.randomElement(using: &random)!
                try store.editEvent(id: id) {
                    $0.summary = "Edited at step \(step)"
                    $0.tags.append(tags.randomElement(using: &random)!)
                }
            case 3 where mine.count > 1:
                try store.remove(ids: [mine.removeLast()])
            default:
                let shared = "shared-\(Int.random(in: 0..<4, using: &random))"
                try store.editEvent(id: shared) {
                    switch field {
                    case 0: $0.title = "\(author) retitled at \(step)"
                    case 1: $0.summary = "\(author) summary at \(step)"
                    default: $0.kind = "kind \(step)"
                    }
                }
            }
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func threeCopiesEndTheSameWhateverTheOrder(seed: UInt64) throws {
        let copies = try Copies()
        let base = try copies.make("base") { store in
            for index in 0..<4 {
                try store.add(Event(id: "shared-\(index)", title: "Shared \(index)", date: date("2019-0\(index + 1)"), tags: ["cloud"]))
            }
        }
        let names = ["alice", "bob", "carol"]
        var exports: [String: String] = [:]
        for (index, name) in names.enumerated() {
            let store = try copies.copy(base, as: name, author: name)
            try Self.randomEdits(store, author: name, field: index, seed: seed &* 31 &+ UInt64(index))
            exports[name] = try Self.exported(store)
        }
        var results: Set<String> = []
        for name in names {
            let others = names.filter { $0 != name }
            for order in [others, others.reversed()] {
                let store = try copies.copy(copies.stores[name]!, as: "\(name)-\(order.joined(separator: "-"))", author: name)
                for other in order { try Self.apply(exports[other]!, to: store) }
                #expect(try Self.errors(store).isEmpty)
                results.insert(try Self.json(store))
            }
        }
        #expect(results.count == 1, "every copy, whatever the order, ends with the same timeline")

        // A conflict is reported alike whatever the order: Alice and Bob both retitle shared-0.
        try copies.stores["alice"]!.editEvent(id: "shared-0") { $0.title = "Alice's" }
        try copies.stores["bob"]!.editEvent(id: "shared-0") { $0.title = "Bob's" }
        let alice = try Self.exported(copies.stores["alice"]!)
        let bob = try Self.exported(copies.stores["bob"]!)
        var reports: Set<[String]> = []
        for order in [[alice, bob], [bob, alice]] {
            let carol = try copies.copy(copies.stores["carol"]!, as: "carol-\(reports.count)", author: "carol")
            try Self.apply(order[0], to: carol)
            do {
                try Self.apply(order[1], to: carol)
                Issue.record("no conflict")
            } catch TimelineError.unresolvedConflicts(_, let conflicts) {
                reports.insert(conflicts.map { "\($0.name): \($0.kind.rawValue)" })
            }
        }
        #expect(reports == [["event/shared-0/title: changed on both sides"]])
    }

    @Test func theCommandsSayWhatTheyDidAndRefuseWhatTheyCannot() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        func run(_ arguments: [String], as author: String = "alice") throws -> RunResult {
            try runTimeline(arguments, in: folder, environment: ["TIMELINE_AUTHOR": author])
        }
        #expect(try run(["add", "Launch", "--date", "2019-09-10", "--id", "launch", "--db", "a.db"]).status == 0)
        #expect(try run(["backup", "b.db", "--db", "a.db"]).status == 0)
        #expect(try run(["edit", "launch", "--title", "Alice's", "--db", "a.db"]).status == 0)
        #expect(try run(["edit", "launch", "--title", "Bob's", "--db", "b.db"], as: "bob").status == 0)
        let export = try run(["changes", "export", "--db", "b.db", "-o", "b.jsonl"])
        #expect(export.status == 0 && export.stdout.isEmpty && export.stderr.isEmpty)
        #expect(try String(contentsOfFile: folder.path("b.jsonl"), encoding: .utf8).hasPrefix("{\"timeline_changes\":1}\n"))

        let before = try run(["export", "--db", "a.db"]).stdout
        let refused = try run(["changes", "apply", "b.jsonl", "--db", "a.db"])
        #expect(refused.status == 1)
        #expect(refused.stdout.hasPrefix("conflict event/launch/title: changed on both sides\n  ours:   \"Alice's\" (alice, "))
        #expect(refused.stdout.contains("\n  theirs: \"Bob's\" (bob, "))
        #expect(
            refused.stderr == "error: b.jsonl has 1 conflict with this copy (listed above); nothing was applied: "
                + "choose with --take ours or --take theirs, for all or for one (--take NAME=theirs)\n")
        #expect(try run(["export", "--db", "a.db"]).stdout == before)

        let badChoice = try run(["changes", "apply", "b.jsonl", "--db", "a.db", "--take", "mine"])
        #expect(badChoice.status == 64 && badChoice.stderr.contains("--take mine: expected ours, theirs, or a conflict's name"))
        let taken = try run(["changes", "apply", "b.jsonl", "--db", "a.db", "--take", "event/launch/title=theirs"])
        #expect(taken.status == 0)
        #expect(
            taken.stderr
                == "applied 1 change set from b.jsonl (1 already here)\ntook theirs in event/launch/title (changed on both sides)\n")
        #expect(try run(["get", "launch", "--db", "a.db"]).stdout.hasPrefix("Bob's"))

        let missing = try run(["changes", "apply", "nosuch.jsonl", "--db", "a.db"])
        #expect(missing.status == 1 && missing.stderr == "error: cannot read nosuch.jsonl: no such file\n")
        #expect(try run(["export", "--db", "a.db", "-o", "doc.json"]).status == 0)
        let notChanges = try run(["changes", "apply", "doc.json", "--db", "a.db"])
        #expect(
            notChanges.status == 1
                && notChanges.stderr.hasPrefix("error: cannot apply the changes: line 1: expected {\"timeline_changes\":1}"))
        let since = try run(["changes", "export", "--db", "a.db", "--since", "nosuch"])
        #expect(since.status == 1 && since.stderr.contains("--since") && since.stdout.isEmpty)
    }
}
