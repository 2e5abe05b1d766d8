import Foundation
import Testing

@testable import Timeline

/// `--as-of`: the timeline as it stood at a moment, rebuilt from the history, through every
/// filter and format.
@Suite("History: as of a moment")
struct HistoryAsOfTests {
    /// A scripted history of ten change sets of every kind, one a day from 2026-01-01: after
    /// each, a copy of the file as it was then.
    struct Script {
        let folder: TemporaryFolder
        let store: Store
        /// The file as it was at the end of each day, 1 to 10.
        var copies: [String] = []

        init() throws {
            folder = try TemporaryFolder()
            store = try Store(path: folder.path("t.db"), access: .create)
            let steps: [(Store) throws -> Void] = [
                { store in
                    var reader = try Format.json.reader(InputBytes(data: try packageFile("examples/mayo-google.json")))
                    try store.importRecords(from: &reader)
                },
                {
                    try $0.add(
                        Event(id: "new", title: "A new event", date: date("2023-05"), actors: [ActorRole(name: "Google")], tags: ["cloud"]))
                },
                {
                    try $0.editEvent(id: "new") {
                        $0.summary = "With a summary"
                        $0.tags = ["ai"]
                    }
                },
                { try $0.remove(ids: ["google-rochester-office"]) },
                {
                    try $0.editActor(named: "Google") {
                        $0.name = "Google LLC"
                        $0.aliases = ["Google"]
                    }
                },
                { try $0.database.execute("UPDATE events SET title = 'Typed by hand' WHERE uid = 'new'") },
                { try $0.removePartnership(id: "mayo-google-cloud") },
                { try $0.addQuote(Quote(speaker: "Google LLC", text: "Bonjour", language: "fr"), toEvent: "new") },
                { try $0.undo(changeSet: 5) },
                { try $0.mergeActor("YouTube", into: "Google") },
            ]
            for (day, step) in steps.enumerated() {
                try step(store)
                let stamp = "2026-01-\(String(format: "%02d", day + 1))T12:00:00.000Z"
                try store.database.execute("UPDATE changes SET at = ? WHERE id = (SELECT max(id) FROM changes)", [stamp])
                let copy = folder.path("day\(day + 1).db")
                _ = try store.database.copy(to: copy)
                copies.append(copy)
            }
        }
    }

    /// What a format writes of the events a filter keeps (at one export time: iCalendar writes it).
    static func written(_ store: Store, _ format: Format, _ filter: EventFilter) throws -> String {
        var output = StringOutput()
        try store.write(format, matching: filter, options: options, to: &output)
        return output.text
    }

    static let options = OutputOptions()

    @Test func theTimelineAtTenMomentsIsWhatItWasThen() throws {
        let script = try Script()
        defer { script.folder.remove() }
        #expect(try script.store.changeSets().count == 10)
        for day in 1...10 {
            let past = try script.store.asOf(HistoryMoment(parsing: "2026-01-\(String(format: "%02d", day))"))
            let then = try Store(path: script.copies[day - 1], access: .read)
            #expect(try Self.written(past, .json, EventFilter()) == Self.written(then, .json, EventFilter()), "day \(day)")
            #expect(try past.actors() == then.actors() && past.sources() == then.sources(), "day \(day)")
            #expect(try past.partnerships() == then.partnerships(), "day \(day)")
        }
        // Before the first change set, the file was empty; at the end of the last, as it is now.
        #expect(try script.store.asOf(HistoryMoment(parsing: "2025-12-31")).eventCount() == 0)
        #expect(try script.store.asOf(HistoryMoment(parsing: "2026-02-01")) === script.store)
    }

    @Test func everyFormatAndFilterWorksAsOfAMoment() throws {
        let script = try Script()
        defer { script.folder.remove() }
        let past = try script.store.asOf(HistoryMoment(parsing: "2026-01-05"))
        let then = try Store(path: script.copies[4], access: .read)
        let filters = [
            EventFilter(), EventFilter(since: date("2019"), until: date("2021")), EventFilter(actors: ["Google"]),
            EventFilter(tags: ["ai"]), EventFilter(kind: "partnership"), EventFilter(partnership: "mayo-google-cloud"),
            EventFilter(search: "Mayo", rankedBySearch: true), EventFilter(limit: 2, reverse: true),
        ]
        for format in Format.all where format.canWrite {
            for filter in filters {
                #expect(try Self.written(past, format, filter) == Self.written(then, format, filter), "\(format) \(filter)")
            }
        }
        try past.database.execute("INSERT INTO events_fts (events_fts) VALUES ('integrity-check')")
    }

    @Test func aMomentBeforeAnUpgradedFilesHistoryIsRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("old.db")
        do {
            let database = try Database(path: path)
            try Migrator(migrations: Array(Migration.embedded.prefix { $0.name != "history" })).migrate(database)
            try database.execute(
                "INSERT INTO events (uid, title, date, start, end, precision) VALUES ('a', 'A', '2019', '2019-01-01', '2019-12-31', 'year')"
            )
        }
        let store = try Store(path: path, access: .write)
        #expect {
            try store.asOf(HistoryMoment(parsing: "2020-01-01"))
        } throws: { error in
            guard case .beforeHistory(moment: "2020-01-01T23:59:59.999Z", _) = error as? TimelineError else { return false }
            return true
        }
    }

    @Test func theCommandsTakeAsOfAndLeaveNothingBehind() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let temporary = folder.path("tmp")
        try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        let environment = ["TIMELINE_DB": "t.db", "TMPDIR": temporary]
        func run(_ arguments: [String]) throws -> RunResult { try runTimeline(arguments, in: folder, environment: environment) }
        #expect(try run(["add", "Before", "--date", "2019", "--id", "before"]).status == 0)
        try Store(path: folder.path("t.db"), access: .write).database.execute("UPDATE changes SET at = '2026-01-01T12:00:00.000Z'")
        #expect(try run(["edit", "before", "--title", "After"]).status == 0)
        #expect(try run(["add", "Later", "--date", "2020"]).status == 0)
        let show = try run(["show", "--as-of", "2026-01-01", "--format", "jsonl"])
        #expect(show.status == 0 && show.stdout.contains("\"title\":\"Before\"") && !show.stdout.contains("Later"), "\(show.stderr)")
        #expect(try run(["get", "before", "--as-of", "2026-01-01T12:00"]).stdout.hasPrefix("Before\n"))
        let missing = try run(["get", "later", "--as-of", "2026-01-01"])
        #expect(missing.status == 1 && missing.stderr.contains("no event with id \"later\""))
        #expect(try run(["export", "--as-of", "2026-01-01", "--format", "csv", "-o", "then.csv"]).status == 0)
        #expect(try String(contentsOfFile: folder.path("then.csv"), encoding: .utf8).contains("Before"))
        let bad = try run(["show", "--as-of", "someday"])
        #expect(bad.status == 64 && bad.stderr.contains("invalid moment \"someday\""))
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary).isEmpty, "the copy is removed")
    }
}
