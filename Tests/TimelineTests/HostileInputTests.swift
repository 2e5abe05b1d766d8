import Foundation
import Testing

@testable import Timeline

/// What a refusal must look like, whatever the input held: the exit status, nothing on stdout,
/// and exactly one `error:` line on stderr, short, with no raw control characters.
func expectOneErrorLine(
    _ result: RunResult, status: Int32, containing text: String = "", limit: Int = 300,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(result.status == status, "\(result.stderr.prefix(300))", sourceLocation: sourceLocation)
    #expect(result.stdout == "", sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("error: "), "\(result.stderr.prefix(300))", sourceLocation: sourceLocation)
    #expect(
        result.stderr.hasSuffix("\n") && result.stderr.filter { $0 == "\n" }.count == 1,
        "one line: \(result.stderr.prefix(300))", sourceLocation: sourceLocation)
    #expect(result.stderr.count <= limit, "\(result.stderr.count) characters: \(result.stderr.prefix(300))", sourceLocation: sourceLocation)
    #expect(
        !result.stderr.dropLast().unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
        "no raw control characters", sourceLocation: sourceLocation)
    #expect(text.isEmpty || result.stderr.contains(text), "\(result.stderr.prefix(300))", sourceLocation: sourceLocation)
}

/// Errors about hostile values, end to end: one short line, whatever the value.
@Suite("bounded error messages", .serialized)
struct BoundedMessageTests {
    @Test func aCarriageReturnOnlyCSVIsReportedOnOneLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Data("title,date\rx,2019\r".utf8).write(to: folder.url.appendingPathComponent("cr.csv"))
        let result = try runTimeline(["import", "cr.csv"], in: folder)
        expectOneErrorLine(result, status: 1, containing: #"unknown column "date\rx""#)
    }

    @Test func aHugeMalformedSearchIsNotEchoed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try runTimeline(["add", "Something", "--date", "2019"], in: folder)
        let result = try runTimeline(["search", String(repeating: "(", count: 100_000)], in: folder)
        expectOneErrorLine(result, status: 1, containing: "invalid search \"((((")
    }

    @Test func aValueFullOfControlCharactersIsEscapedAndShortened() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try runTimeline(["add", "Something", "--date", "2019"], in: folder)
        let name = "evil\r\n\u{1B}[31m" + String(repeating: "x", count: 100_000)
        let result = try runTimeline(["show", "--actor", name], in: folder)
        expectOneErrorLine(result, status: 1, containing: #"no actor named "evil\r\n\u{1B}[31mxxx"#)
        #expect(result.stderr.contains("…\" (list them with `timeline actor list`)"))
    }

    @Test func aHugeBadOptionValueKeepsTheUsageErrorOneShortLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try runTimeline(["add", "x", "--date", String(repeating: "2019\n", count: 20_000)], in: folder)
        expectOneErrorLine(result, status: 64, containing: "(see `timeline help`)", limit: 520)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }
}

/// Inputs that used to import nothing and succeed, or be changed without a word: each is now
/// an error that names the input, and nothing is written.
@Suite("hostile inputs refused", .serialized)
struct RefusedInputTests {
    @Test func aDocumentWithNullEventsIsRefused() throws {
        #expect(
            throws: TimelineError.importFailed(
                location: "the document",
                reason: "field \"events\": null; a document has an events array ([] when it has none)")
        ) {
            try JSONDocumentReader.document(from: Data(#"{"timeline": 2, "events": null}"#.utf8))
        }
        #expect(try JSONDocumentReader.document(from: Data(#"{"timeline": 2, "events": []}"#.utf8)).events.isEmpty)
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try runTimeline(["import", "-", "--db", "new.db"], in: folder, stdin: #"{"timeline":2,"events":null}"#)
        expectOneErrorLine(result, status: 1, containing: "field \"events\": null")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    @Test(arguments: ["csv", "timelinejs-csv"])
    func nulBytesAreNotCSV(format: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Data(count: 5_000_000).write(to: folder.url.appendingPathComponent("zeros.csv"))
        let result = try runTimeline(["import", "zeros.csv", "--format", format, "--db", "new.db"], in: folder)
        expectOneErrorLine(result, status: 1, containing: "a NUL byte: this is not a text file")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["zeros.csv"])
    }

    @Test func aTimelineJSSheetNeedsTheTemplatesHeader() throws {
        #expect(throws: TimelineError.self) { try TimelineJSReader.document(fromSpreadsheetRows: [["a", "b"], ["", ""]]) }
        let dataAsHeader = ["2019", "9", "10", "", "", "", "", "", "", "A headline"]
        #expect(throws: TimelineError.self) { try TimelineJSReader.document(fromSpreadsheetRows: [dataAsHeader, dataAsHeader]) }
        #expect(throws: TimelineError.self) { try TimelineJSReader.document(fromSpreadsheetRows: []) }
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try runTimeline(
            ["import", "-", "--format", "timelinejs-csv", "--db", "new.db"], in: folder,
            stdin: "id,title,date\r\n,,\r\n")
        expectOneErrorLine(
            result, status: 1,
            containing:
                #"column 10: expected the header of TimelineJS's template (Year, Month, Day, … Headline in column 10, …), found "id,title,date""#
        )
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    @Test func anArgumentThatIsNotUTF8IsAUsageError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try runTimeline(["add", "Café", "--date", "2019"], in: folder)
        let before = try Data(contentsOf: folder.url.appendingPathComponent("timeline.db"))
        // Process takes Strings; the shell passes the Latin-1 byte as it is.
        let result = try runShell(#""$0" add "$(printf 'Caf\351 \001')" --date 2019"#, in: folder)
        expectOneErrorLine(result, status: 64, containing: #"argument 2 is not UTF-8 text: "Caf\xE9 \u{1}""#)
        #expect(try Data(contentsOf: folder.url.appendingPathComponent("timeline.db")) == before)
    }
}

/// Runs `script` with `sh -c`, `$0` being the `timeline` binary, in `folder`.
func runShell(_ script: String, in folder: TemporaryFolder) throws -> RunResult {
    try runTimeline([], in: folder, executable: URL(fileURLWithPath: "/bin/sh"), prefix: ["-c", script, timelineBinary.path])
}

/// A search's size is bounded before FTS5 sees it, whose work grows with the square of its terms.
@Suite("search limits", .serialized)
struct SearchLimitTests {
    @Test func aSearchOverTheLimitsIsRefusedEverywhere() throws {
        let store = try memoryStore()
        _ = try store.add(Event(title: "Mayo Clinic", date: date("2019")))
        let words = { (count: Int) in Array(repeating: "mayo", count: count).joined(separator: " ") }
        #expect(try store.events(matching: EventFilter(search: words(EventFilter.maxSearchTerms))).count == 1)
        #expect(throws: TimelineError.self) { try store.events(matching: EventFilter(search: words(EventFilter.maxSearchTerms + 1))) }
        #expect(throws: TimelineError.self) { try store.events(matching: EventFilter(search: String(repeating: "a", count: 1_001))) }

        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try runTimeline(["add", "Mayo Clinic", "--date", "2019"], in: folder)
        let started = Date()
        let pasted = try runTimeline(["search", words(20_000)], in: folder)
        #expect(Date().timeIntervalSince(started) < 5)
        expectOneErrorLine(pasted, status: 1, containing: "it is 99999 bytes long; a search has at most 1000 bytes and 64 words")
        for command in [["show", "--search"], ["export", "--search"], ["search"]] {
            let result = try runTimeline(command + [words(65)], in: folder)
            expectOneErrorLine(result, status: 1, containing: "it has 65 words; a search has at most 64 words")
        }
    }
}

/// `check` on a damaged file reports the damage, bounded, and goes on with what can be checked.
@Suite("check on a damaged file", .serialized)
struct DamagedFileCheckTests {
    @Test func checkReportsCorruptionAndGoesOn() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.path("timeline.db")
        let rootPage: Int
        do {
            let store = try Store(path: path, access: .create)
            for number in 1...300 {
                _ = try store.add(Event(title: "Event \(number)", date: date("2019"), actors: [ActorRole(name: "Actor \(number)")]))
            }
            rootPage = try #require(
                try store.database.scalar("SELECT rootpage FROM sqlite_schema WHERE name = 'sqlite_autoindex_actors_1'", as: Int.self))
            _ = try store.database.scalar("PRAGMA wal_checkpoint(TRUNCATE)", as: Int.self)
        }
        // Overwrite the index of actors' names, past its page header.
        let file = try FileHandle(forUpdating: URL(fileURLWithPath: path))
        try file.seek(toOffset: UInt64((rootPage - 1) * 4096 + 12))
        file.write(Data(repeating: 0x5A, count: 4_000))
        try file.close()

        let result = try runTimeline(["check"], in: folder)
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        let integrity = lines.filter { $0.hasPrefix("error: integrity: ") }
        #expect(integrity.count >= 2 && integrity.count <= Store.integrityProblemsShown + 2, "bounded: \(integrity.count) lines")
        #expect(!integrity.contains { $0.contains("*** in database") })
        #expect(lines.contains("error: integrity: could not check actors' names: database disk image is malformed"))
        #expect(lines.contains("warning: unsourced-event: event \"event-300\" cites no source"), "later checks still ran")
        #expect(lines.allSatisfy { $0.count <= 400 })
        #expect(result.stderr.hasSuffix(" errors, 300 warnings\n") && result.stderr.filter { $0 == "\n" }.count == 1)
    }
}

/// A corpus of hostile inputs, generated here (the large ones would be megabytes in the
/// repository): each import is refused with one short error line, and the database and the
/// folder are left exactly as they were.
@Suite("hostile input corpus", .serialized)
struct HostileCorpusTests {
    static let megabyte = 1 << 20

    /// Name, format option (if any), and the bytes.
    static let corpus: [(name: String, format: String?, bytes: [UInt8])] = [
        ("truncated.json", nil, Array(#"{"timeline": 2, "events": [{"id": "x", "title": "#.utf8)),
        ("null-events.json", nil, Array(#"{"timeline":2,"events":null}"#.utf8)),
        ("no-events.json", "json", Array(#"{"timeline":2}"#.utf8)),
        ("nested.json", "json", Array(repeating: UInt8(ascii: "["), count: 100_000)),
        (
            "huge-title.json", nil,
            Array(
                (#"{"timeline":2,"events":[{"id":"x","title":""# + String(repeating: "a", count: 5 * megabyte)
                    + #"","date":"2019","extra\u0000key":1}]}"#).utf8)
        ),
        ("latin1.json", "json", Array(#"{"timeline":2,"events":[{"title":"Caf"#.utf8) + [0xE9] + Array(#"","date":"2019"}]}"#.utf8)),
        ("nul.json", "json", [UInt8](repeating: 0, count: megabyte)),
        ("empty.json", "json", []),
        ("broken.jsonl", nil, Array("{\"type\":\"event\",\"title\":\"ok\",\"date\":\"2019\"}\n{\"type\":\"event\"\n".utf8)),
        ("long-line.jsonl", nil, Array(("{\"type\":\"" + String(repeating: "\u{1B}", count: megabyte) + "\"}\n").utf8)),
        ("nul.csv", nil, [UInt8](repeating: 0, count: 5 * megabyte)),
        ("cr-only.csv", nil, Array("title,date\rx,2019\r".utf8)),
        ("unclosed.csv", nil, Array("title,date\r\n\"never closed,2019\r\n".utf8)),
        ("long-header.csv", nil, Array((String(repeating: "\r\u{7}", count: megabyte / 2) + ",date\r\n").utf8)),
        ("latin1.csv", nil, Array("title,date\r\nCaf".utf8) + [0xE9] + Array(",2019\r\n".utf8)),
        ("not-a-sheet.csv", "timelinejs-csv", Array("a,b\r\n1,2\r\n".utf8)),
        ("nul-sheet.csv", "timelinejs-csv", [UInt8](repeating: 0, count: megabyte)),
        ("null.timelinejs.json", "timelinejs", Array(#"{"events": null}"#.utf8)),
        (
            "bad-slide.timelinejs.json", "timelinejs",
            Array(#"{"events": [{"start_date": {"year": "\u0000\r\n"}, "text": {"headline": "x"}}]}"#.utf8)
        ),
    ]

    @Test(arguments: corpus.map(\.name))
    func importIsRefusedAndChangesNothing(name: String) throws {
        let entry = try #require(Self.corpus.first { $0.name == name })
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try runTimeline(["add", "Existing", "--date", "2019"], in: folder).status == 0)
        try Data(entry.bytes).write(to: folder.url.appendingPathComponent(name))
        let before = try Data(contentsOf: folder.url.appendingPathComponent("timeline.db"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()

        let result = try runTimeline(["import", name] + (entry.format.map { ["--format", $0] } ?? []), in: folder)
        expectOneErrorLine(result, status: 1)
        #expect(try Data(contentsOf: folder.url.appendingPathComponent("timeline.db")) == before, "the database is unchanged")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == files, "no file left behind")
    }

    @Test func specialFilesAsTheDatabaseAreRefused() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(mkfifo(folder.path("fifo"), 0o644) == 0)
        try FileManager.default.createDirectory(atPath: folder.path("folder"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: folder.path("loop-a"), withDestinationPath: "loop-b")
        try FileManager.default.createSymbolicLink(atPath: folder.path("loop-b"), withDestinationPath: "loop-a")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
        for database in ["fifo", "/dev/null", "folder", "loop-a"] {
            let result = try runTimeline(["show", "--db", database], in: folder)
            expectOneErrorLine(result, status: 1)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == files)
    }
}
