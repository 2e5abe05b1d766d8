import Foundation
import Testing

@testable import Timeline

/// What the history records: one change set per write, with its description, and one entry per
/// row changed, with the row's previous values.
@Suite("History: recording")
struct HistoryRecordingTests {
    /// One history entry as tests compare it: the key as `row_key[/row_key2][..last_row_key]`.
    struct Entry: Equatable, CustomStringConvertible {
        var table: String
        var key: String
        var operation: String
        var old: String?
        var description: String { "\(operation) \(table) \(key)" + (old.map { " \($0)" } ?? "") }
    }

    /// The entries of change set `change`, in order.
    static func entries(_ store: Store, change: Int64) throws -> [Entry] {
        try store.database.makeStatement(
            """
            SELECT table_name, row_key || coalesce('/' || row_key2, '') || coalesce('..' || last_row_key, ''), operation, old
            FROM history WHERE change_id = ? ORDER BY id
            """
        ).map([change]) { Entry(table: $0[0], key: $0[1], operation: $0[2], old: $0[3]) }
    }

    /// The row id of the row of `table` whose `column` is `value` (ids are made from the time
    /// and at random, or from a name: tests look them up).
    static func rowID(_ store: Store, _ table: String, _ value: String, by column: String = "uid") throws -> Int64 {
        try #require(try store.database.scalar("SELECT id FROM \(table) WHERE \(column) = ?", [value], as: Int64.self))
    }

    /// The change sets, oldest first: id, author, command, reason.
    static func changeSets(_ store: Store) throws -> [(id: Int64, author: String?, command: String, reason: String?, open: Int64?)] {
        try store.database.makeStatement("SELECT id, author, command, reason, open FROM changes ORDER BY id").map([]) {
            ($0[0], $0[1], $0[2], $0[3], $0[4])
        }
    }

    func store(as author: String = "alice", command: String = "test") throws -> Store {
        let store = try memoryStore()
        store.changeDescription = ChangeDescription(author: author, command: command)
        return store
    }

    @Test func anAddIsOneChangeSetWithItsDescriptionAndEveryRowItInserted() throws {
        let store = try store()
        store.changeDescription = ChangeDescription(author: "alice", command: "timeline add …", reason: "from the press release")
        let written = try store.add(
            Event(
                id: "launch", title: "Launch", date: date("2019-09"), actors: [ActorRole(name: "Google", role: "partner")],
                tags: ["cloud"], sources: [Citation(Source(url: "https://example.org/a"))]))
        let change = try #require(written.changeSet)
        let (event, actor) = (try Self.rowID(store, "events", "launch"), try Self.rowID(store, "actors", "Google", by: "name"))
        let (tag, source) = (
            try Self.rowID(store, "tags", "cloud", by: "name"), try Self.rowID(store, "sources", "https://example.org/a", by: "url")
        )
        let sets = try Self.changeSets(store)
        #expect(sets.count == 1)
        #expect(sets[0].id == change && sets[0].author == "alice" && sets[0].command == "timeline add …")
        #expect(sets[0].reason == "from the press release" && sets[0].open == nil, "closed before the commit")
        #expect(
            Set(try Self.entries(store, change: change).map(\.description)) == [
                "insert actors \(actor)", "insert tags \(tag)", "insert sources \(source)", "insert events \(event)",
                "insert event_actors \(event)/0", "insert event_tags \(event)/\(tag)", "insert event_sources \(event)/0",
            ])
    }

    @Test func anEditRecordsOnlyTheFieldsItChangedWithTheirOldValuesIncludingNulls() throws {
        let store = try store()
        try store.add(
            Event(id: "e", title: "Old title", date: date("2019"), kind: "Partnership", actors: [ActorRole(name: "Google")], tags: ["a"]))
        let toValues = try #require(
            try store.editEvent(id: "e") {
                $0.summary = "Now with a summary"
                $0.title = "old title"  // a change of letter case is a change
                $0.tags.append("b")
            }.changeSet)
        let entries = try Self.entries(store, change: toValues)
        let (event, b) = (try Self.rowID(store, "events", "e"), try Self.rowID(store, "tags", "b", by: "name"))
        let update = try #require(entries.first { $0.table == "events" })
        #expect(update.operation == "update" && update.key == "\(event)")
        let old = try #require(update.old.flatMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] })
        #expect(Set(old.keys) == ["title", "summary", "updated_at"] || Set(old.keys) == ["title", "summary"])
        #expect(old["summary"] is NSNull, "a change from NULL keeps the NULL")
        #expect(old["title"] as? String == "Old title")
        #expect(entries.filter { $0.table != "events" }.map(\.description) == ["insert tags \(b)", "insert event_tags \(event)/\(b)"])

        let toNull = try #require(try store.editEvent(id: "e") { $0.summary = nil }.changeSet)
        let cleared = try #require(try Self.entries(store, change: toNull).first { $0.table == "events" })
        #expect(cleared.old?.contains(#""summary":"Now with a summary""#) == true, "a change to NULL keeps the old value")
        #expect(try Self.entries(store, change: toNull).count == 1, "the links that stayed are not rewritten")
    }

    @Test func aWriteThatChangesNothingLeavesNoChangeSet() throws {
        let store = try store()
        try store.add(Event(id: "e", title: "T", date: date("2019"), actors: [ActorRole(name: "Google")]))
        let before = try Self.changeSets(store).count
        try store.updateActor(named: "Google", to: ActorProfile(name: "Google"))
        try store.rebuildSearchIndex()
        #expect(try Self.changeSets(store).count == before)
    }

    @Test func removingAnEventRecordsItAndEverythingThatWentWithIt() throws {
        let store = try store()
        try store.add(
            Event(
                id: "e", title: "T", date: date("2019"), actors: [ActorRole(name: "Google")], tags: ["t"],
                quotes: [Quote(speaker: "Google", text: "Bonjour", language: "fr")]))
        let change = try #require(try store.remove(ids: ["e"]).changeSet)
        let entries = try Self.entries(store, change: change)
        #expect(Set(entries.map(\.table)) == ["events", "event_actors", "event_tags", "quotes"])
        #expect(entries.allSatisfy { $0.operation == "delete" && $0.old != nil })
        let event = try #require(entries.first { $0.table == "events" }?.old)
        #expect(event.contains(#""uid":"e""#) && event.contains(#""summary":null"#), "every column, NULLs as null")
        #expect(!event.contains("actors_text"), "the derived search columns are not history")
    }

    @Test func aDeletedRowsIDIsNeverGivenToAnother() throws {
        let store = try store()
        try store.add(Event(id: "a", title: "A", date: date("2019")))
        try store.add(Event(id: "b", title: "B", date: date("2019")))
        let b = try Self.rowID(store, "events", "b")
        try store.remove(ids: ["b"])
        try store.add(Event(id: "c", title: "C", date: date("2019")))
        #expect(try Self.rowID(store, "events", "c") > b)
    }

    @Test func importRecordsOneChangeSetWithRangesForNewEventsAndRowsForReplacedOnes() throws {
        let store = try store()
        try store.add(Event(id: "kept", title: "Kept", date: date("2019"), tags: ["old"]))
        let document = TimelineDocument(events: [
            Event(id: "kept", title: "Kept, renamed", date: date("2019"), tags: ["new"]),
            Event(id: "n1", title: "New 1", date: date("2020"), actors: [ActorRole(name: "Google")], tags: ["new"]),
            Event(id: "n2", title: "New 2", date: date("2021"), quotes: [Quote(speaker: "Google", text: "Hi", language: "en")]),
        ])
        try store.importDocument(document, onConflict: .update)
        let change = try #require(try Self.changeSets(store).last?.id)
        #expect(try Self.changeSets(store).count == 2)
        let entries = try Self.entries(store, change: change).map(\.description)
        let (kept, n1, n2) = (
            try Self.rowID(store, "events", "kept"), try Self.rowID(store, "events", "n1"), try Self.rowID(store, "events", "n2")
        )
        let (old, new) = (try Self.rowID(store, "tags", "old", by: "name"), try Self.rowID(store, "tags", "new", by: "name"))
        #expect(n2 == n1 + 1, "the new events of one write have consecutive ids")
        #expect(entries.contains { $0.hasPrefix("update events \(kept) ") && $0.contains("Kept") }, "\(entries)")
        #expect(entries.contains("delete event_tags \(kept)/\(old) {\"event_id\":\(kept),\"tag_id\":\(old)}"), "\(entries)")
        #expect(entries.contains("insert event_tags \(kept)/\(new)"), "a replaced event's new links are recorded row by row: \(entries)")
        #expect(entries.contains("insert events \(n1)..\(n2)"), "\(entries)")
        #expect(entries.contains("insert event_actors \(n1)..\(n1)") && entries.contains("insert event_tags \(n1)..\(n1)"), "\(entries)")
        #expect(entries.contains("insert quotes \(n2)..\(n2)"), "\(entries)")
        #expect(!entries.contains { $0.hasPrefix("insert events \(n1)") && !$0.contains("..") }, "no row-by-row entries for new events")
        // The triggers are back as they were.
        let triggers = try store.database.makeStatement(
            "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%_history_insert' ORDER BY name"
        ).map([]) { ($0[0] as String, $0[1] as String) }
        #expect(triggers.count == 14)
        #expect(triggers.allSatisfy { !$0.1.contains("WHEN NEW.event_id") })
    }

    /// New events' links load with no trigger at all (the import records them as ranges), so the
    /// triggers that record a replaced event's links come back when the first one is replaced,
    /// wherever it is in the input.
    @Test func aStoredEventReplacedAfterNewOnesHasItsNewLinksRecordedRowByRow() throws {
        let store = try store()
        try store.add(Event(id: "kept", title: "Kept", date: date("2019")))
        let document = TimelineDocument(events: [
            Event(id: "n1", title: "New 1", date: date("2020"), actors: [ActorRole(name: "Google")], tags: ["new"]),
            Event(id: "kept", title: "Kept", date: date("2019"), actors: [ActorRole(name: "Mayo Clinic")], tags: ["new"]),
            Event(id: "n2", title: "New 2", date: date("2021"), actors: [ActorRole(name: "Google")], tags: ["new"]),
        ])
        try store.importDocument(document, onConflict: .update)
        let change = try #require(try Self.changeSets(store).last?.id)
        let entries = try Self.entries(store, change: change).map(\.description)
        let (kept, n1, n2) = (
            try Self.rowID(store, "events", "kept"), try Self.rowID(store, "events", "n1"), try Self.rowID(store, "events", "n2")
        )
        let new = try Self.rowID(store, "tags", "new", by: "name")
        #expect(entries.contains("insert event_tags \(kept)/\(new)"), "\(entries)")
        #expect(entries.contains("insert event_actors \(kept)/0"), "\(entries)")
        #expect(entries.contains("insert event_actors \(n1)..\(n2)") && entries.contains("insert event_tags \(n1)..\(n2)"), "\(entries)")
        #expect(!entries.contains { $0.hasPrefix("insert event_tags \(n2)/") }, "new events' links are not recorded one by one: \(entries)")
        try store.undo(changeSet: change)
        #expect(try store.events().map(\.id) == ["kept"])
        #expect(try store.event(id: "kept")?.actors.isEmpty == true)
    }
}

/// The history as the command line and the sqlite3 shell write it.
@Suite("History: recording from the command line and by hand")
struct HistoryCommandLineRecordingTests {
    func changeSets(_ path: String) throws -> [(id: Int64, author: String?, command: String, reason: String?)] {
        try Database(path: path, mode: .readOnly).makeStatement("SELECT id, author, command, reason FROM changes ORDER BY id").map([]) {
            ($0[0], $0[1], $0[2], $0[3])
        }
    }

    @Test func theAuthorComesFromTheOptionThenTheEnvironmentThenTheSystemUser() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(
            try runTimeline(
                ["add", "First", "--date", "2019", "--db", "t.db", "--author", "alice", "--reason", "from the article"], in: folder
            ).status == 0)
        #expect(
            try runTimeline(["add", "Second", "--date", "2020", "--db", "t.db"], in: folder, environment: ["TIMELINE_AUTHOR": "bob"]).status
                == 0)
        #expect(
            try runTimeline(["add", "Third", "--date", "2021", "--db", "t.db"], in: folder, environment: ["TIMELINE_AUTHOR": ""]).status
                == 0)
        let source = ["source", "add", "--url", "https://example.org/a", "--author", "Jane Writer", "--changed-by", "dan", "--db", "t.db"]
        #expect(try runTimeline(source, in: folder).status == 0)
        let sets = try changeSets(folder.path("t.db"))
        #expect(sets.map(\.author) == ["alice", "bob", ChangeDescription.systemUser, "dan"], "in source add, --author is the source's")
        #expect(sets[0].reason == "from the article" && sets[1].reason == nil)
        #expect(sets[0].command == "timeline add First --date 2019 --db t.db --author alice --reason 'from the article'")
        let blank = try runTimeline(["add", "Fourth", "--date", "2021", "--db", "t.db", "--author", " "], in: folder)
        #expect(blank.status == 64 && blank.stderr.contains("--author needs a value"))
    }

    @Test func everyWritingCommandIsRecordedUnderItsCommandLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let commands: [[String]] = [
            ["add", "Launch", "--date", "2019-09", "--id", "launch", "--actor", "Google"],
            ["edit", "launch", "--summary", "A summary"],
            ["actor", "add", "Sundar Pichai", "--kind", "person", "--affiliation", "Google:CEO@2015/.."],
            ["actor", "edit", "Google", "--alias", "Google LLC"],
            ["actor", "alias", "Google", "Alphabet's Google"],
            ["source", "add", "--url", "https://example.org/a", "--title", "An article"],
            ["source", "edit", "an-article", "--publisher", "Example"],
            ["partnership", "add", "Cloud deal", "--member", "Google", "--member", "Mayo Clinic", "--id", "deal"],
            ["partnership", "edit", "deal", "--clause", "ten years"],
            ["quote", "add", "launch", "--speaker", "Google", "--text", "Bonjour", "--language", "fr"],
            ["quote", "rm", "launch", "1"],
            ["actor", "add", "Gogle"],
            ["actor", "merge", "Google", "Gogle"],
            ["partnership", "rm", "deal"],
            ["source", "rm", "an-article"],
            ["actor", "rm", "Sundar Pichai"],
            ["rm", "launch"],
        ]
        for command in commands {
            let result = try runTimeline(command + ["--db", "t.db"], in: folder, environment: ["TIMELINE_AUTHOR": "alice"])
            #expect(result.status == 0, "\(command): \(result.stderr)")
        }
        let sets = try changeSets(folder.path("t.db"))
        #expect(sets.count == commands.count, "one change set per command: \(sets.map(\.command))")
        for (set, command) in zip(sets, commands) {
            #expect(set.command.hasPrefix("timeline " + command[0..<2].joined(separator: " ")), "\(set.command)")
            #expect(set.author == "alice")
        }
        let database = try Database(path: folder.path("t.db"), mode: .readOnly)
        #expect(try database.scalar("SELECT count(*) FROM history WHERE change_id NOT IN (SELECT id FROM changes)", as: Int.self) == 0)
        #expect(
            try database.scalar(
                "SELECT count(*) FROM changes c WHERE NOT EXISTS (SELECT 1 FROM history h WHERE h.change_id = c.id)", as: Int.self) == 0)
    }

    @Test func rmSaysHowToUndoIt() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try runTimeline(["add", "A", "--date", "2019", "--id", "a", "--db", "t.db"], in: folder).status == 0)
        let removed = try runTimeline(["rm", "a", "--db", "t.db"], in: folder)
        #expect(removed.status == 0 && removed.stdout.isEmpty)
        #expect(removed.stderr == "deleted 1 event (change 2); to undo it: timeline undo 2 --db t.db\n")
    }

    @Test func handEditsInTheSQLiteShellAreRecordedOneChangeSetPerStatement() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try runTimeline(["add", "A", "--date", "2019", "--id", "a", "--tag", "x", "--db", "t.db"], in: folder).status == 0)
        #expect(try runTimeline(["add", "B", "--date", "2020", "--id", "b", "--db", "t.db"], in: folder).status == 0)
        // Typed one after the other (two statements of one script that run within the same
        // millisecond share a change set: the recorder tells statements apart by their time).
        for statement in ["UPDATE events SET summary = 'typed by hand', kind = NULL;", "DELETE FROM event_tags;"] {
            let edit = try runSQLiteShell("t.db", statement, in: folder)
            #expect(edit.status == 0, "\(edit.stderr)")
        }
        let sets = try changeSets(folder.path("t.db"))
        #expect(sets.count == 4)
        #expect(sets[2].command == "sqlite3" && sets[2].author == nil && sets[3].command == "sqlite3")
        let database = try Database(path: folder.path("t.db"), mode: .readOnly)
        let a = try #require(try database.scalar("SELECT id FROM events WHERE uid = 'a'", as: Int64.self))
        let b = try #require(try database.scalar("SELECT id FROM events WHERE uid = 'b'", as: Int64.self))
        #expect(
            try database.makeStatement("SELECT table_name, row_key, operation, old FROM history WHERE change_id = ? ORDER BY id")
                .map([sets[2].id]) { "\($0[0] as String) \($0[1] as Int64) \($0[2] as String) \($0[3] as String)" }
                == ["events \(a) update {\"summary\":null}", "events \(b) update {\"summary\":null}"])
        #expect(try database.scalar("SELECT count(*) FROM history WHERE change_id = ?", [sets[3].id], as: Int.self) == 1)

        // Signed by hand: a change set opened in SQL takes the statements until it is closed.
        let signed = try runSQLiteShell(
            "t.db",
            """
            INSERT INTO changes (at, author, command, reason, open)
            VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'carol', 'sqlite3', 'fix a title', 1);
            UPDATE events SET title = 'A, fixed' WHERE uid = 'a';
            UPDATE events SET title = 'B, fixed' WHERE uid = 'b';
            UPDATE changes SET open = NULL WHERE open = 1;
            """, in: folder)
        #expect(signed.status == 0, "\(signed.stderr)")
        let after = try changeSets(folder.path("t.db"))
        #expect(after.count == 5 && after[4].author == "carol" && after[4].reason == "fix a title")
        #expect(
            try Database(path: folder.path("t.db"), mode: .readOnly).scalar(
                "SELECT count(*) FROM history WHERE change_id = ?", [after[4].id], as: Int.self) == 2)
    }

    @Test func anOlderDatabaseUpgradesWithItsRowsAsTheFirstChangeSet() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("old.db")
        do {
            let database = try Database(path: path)
            try Migrator(migrations: Array(Migration.embedded.prefix { $0.name != "history" })).migrate(database)
            try database.executeScript(
                """
                PRAGMA foreign_keys = ON;
                INSERT INTO events (uid, title, date, start, end, precision) VALUES ('a', 'A', '2019', '2019-01-01', '2019-12-31', 'year');
                INSERT INTO events (uid, title, date, start, end, precision) VALUES ('b', 'B', '2020', '2020-01-01', '2020-12-31', 'year');
                INSERT INTO actors (name) VALUES ('Google');
                INSERT INTO event_actors (event_id, position, actor_id) VALUES (2, 0, 1);
                """)
        }
        let store = try Store(path: path, access: .write)
        let sets = try HistoryRecordingTests.changeSets(store)
        #expect(sets.count == 1 && sets[0].command == "timeline (history begins)")
        #expect(
            try HistoryRecordingTests.entries(store, change: sets[0].id).map(\.description) == [
                "insert actors 1..1", "insert events 1..2", "insert event_actors 2..2",
            ])
        let empty = try memoryStore()
        #expect(try HistoryRecordingTests.changeSets(empty).isEmpty, "a new file's history starts empty")
    }
}

/// `timeline check` and the history: replaying it backwards from today's rows must end with
/// nothing, each step matching the rows.
@Suite("History: check")
struct HistoryCheckTests {
    func historyFindings(_ store: Store) throws -> [String] {
        try store.check().filter { $0.check.hasPrefix("history") || $0.check == "open-change-set" }.map(\.description)
    }

    @Test func aHistoryKeptByTheTriggersIsConsistent() throws {
        let store = try memoryStore()
        var reader = try Format.json.reader(InputBytes(data: try packageFile("examples/mayo-google.json")))
        try store.importRecords(from: &reader)
        try store.editEvent(id: "mayo-google-partnership") { $0.title = "Changed" }
        try store.mergeActor("YouTube", into: "Google")
        try store.database.execute("UPDATE events SET summary = NULL")
        try store.remove(ids: ["pichai-statement-2019"])
        #expect(try historyFindings(store).isEmpty)
    }

    @Test func changesMadeWithTheTriggersOffAreFound() throws {
        let store = try memoryStore()
        try store.add(Event(id: "a", title: "A", date: date("2019"), tags: ["t"]))
        try store.editEvent(id: "a") { $0.title = "B" }
        let a = try HistoryRecordingTests.rowID(store, "events", "a")
        try store.database.executeScript(
            """
            DROP TRIGGER events_history_update; DROP TRIGGER tags_history_insert;
            UPDATE events SET title = 'Sneaky';
            INSERT INTO tags (name) VALUES ('unrecorded');
            INSERT INTO changes (at, command, open) VALUES ('2026-01-01T00:00:00.000Z', 'sqlite3', 1);
            """)
        #expect(
            try historyFindings(store) == [
                "error: history-trigger: the trigger tags_history_insert is missing: changes to tags are not recorded",
                "error: history-trigger: the trigger events_history_update is missing: changes to events are not recorded",
                "warning: open-change-set: change set 3 is still open (opened by SQL typed by hand?): the next hand edits are recorded in it; "
                    + "close it with UPDATE changes SET open = NULL WHERE open = 1",
                "error: history: change set 2 set title of events row \(a) to \"B\", but the later changes leave \"Sneaky\" there (changed without the history?)",
                "error: history: 1 row of tags is not in the history (written with its triggers off?): the history does not give today's rows",
            ])
    }
}
