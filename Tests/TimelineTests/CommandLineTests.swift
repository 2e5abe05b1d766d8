import Foundation
import Testing

@testable import Timeline

/// The built `timeline` binary, run as a user would: exit codes, stdout, stderr, and the
/// database afterwards.
@Suite("timeline command line", .serialized)
struct CommandLineTests {
    /// Events in the database at `path`, read through the library.
    func eventIDs(_ path: String) throws -> [String] {
        try Store(path: path, access: .read).events().compactMap(\.id)
    }

    @Test func addPrintsOnlyTheIDAndShowListsTheEvent() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let add = try runTimeline(
            [
                "add", "Mayo Clinic and Google announce a partnership", "--date", "10 septembre 2019",
                "--kind", "partnership", "--actor", "Mayo Clinic:partner", "--actor", "Google:partner",
                "--tag", "cloud", "--source", "https://example.org/article",
            ], in: folder)
        #expect(add.status == 0)
        #expect(add.stdout == "mayo-clinic-and-google-announce-a-partnership\n")
        #expect(
            add.stderr == "note: created timeline.db, a new timeline database\n"
                + "note: created actor \"Mayo Clinic\", actor \"Google\", source \"https-example-org-article\"\n",
            "a new file is named, so a mistyped --db does not start a second timeline unseen")
        let again = try runTimeline(
            ["add", "Second", "--date", "2020", "--actor", "mayo clinic", "--source", "https://example.org/article"], in: folder)
        #expect(again.stderr == "", "nothing new, nothing to note")
        let event = try #require(
            try Store(path: folder.path("timeline.db"), access: .read).event(id: "mayo-clinic-and-google-announce-a-partnership"))
        #expect(event.date.edtf == "2019-09-10")
        #expect(event.actors.map(\.labelWithRole) == ["Mayo Clinic (partner)", "Google (partner)"])
        #expect(event.sources.first?.source.url == "https://example.org/article")

        let show = try runTimeline(["show"], in: folder)
        #expect(show.status == 0)
        #expect(show.stdout.hasPrefix("2019\n  10 Sep 2019     Mayo Clinic and Google announce a partnership\n"))
        #expect(!show.stdout.contains("\u{1B}["), "no colour when stdout is not a terminal")
    }

    @Test func theDatabaseComesFromTheFlagThenTheEnvironment() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try runTimeline(["add", "From env", "--date", "2020"], in: folder, environment: ["TIMELINE_DB": "env.db"]).status == 0)
        #expect(
            try runTimeline(["add", "From flag", "--date", "2021", "--db", "flag.db"], in: folder, environment: ["TIMELINE_DB": "env.db"])
                .status == 0)
        #expect(try eventIDs(folder.path("env.db")) == ["from-env"])
        #expect(try eventIDs(folder.path("flag.db")) == ["from-flag"])
        #expect(!FileManager.default.fileExists(atPath: folder.path("timeline.db")))
    }

    @Test func filtersFormatsAndLimit() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let example = packageRoot.appendingPathComponent("examples/mayo-google.json").path
        let imported = try runTimeline(["import", example], in: folder)
        #expect(imported.status == 0)
        #expect(
            imported.stderr.hasPrefix(
                "note: created timeline.db, a new timeline database\nimported 7 events: 7 added, 0 updated, 0 unchanged, 0 skipped; 10 actors: 10 added"
            ))
        let json = try runTimeline(["show", "--since", "2021", "--actor", "mayo clinic", "--format", "json"], in: folder)
        let ids = try JSONDocumentReader.events(from: Data(json.stdout.utf8)).compactMap(\.id)
        #expect(ids == ["our-shot-2-save-lives", "biwer-whs-2022-medical-records", "biwer-whs-2022-youtube"])
        let csv = try runTimeline(["show", "--on", "2019-09", "--tag", "cloud", "--format", "csv"], in: folder)
        #expect(csv.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 2)
        let latest = try runTimeline(["show", "--reverse", "--limit", "1", "--kind", "statement", "--format", "json"], in: folder)
        #expect(try JSONDocumentReader.events(from: Data(latest.stdout.utf8)).map(\.id) == ["biwer-whs-2022-youtube"])
        let none = try runTimeline(["show", "--until", "1990"], in: folder)
        #expect(none.status == 0 && none.stdout == "" && none.stderr == "no events match\n")
    }

    @Test func getEditAndRemove() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try runTimeline(
            ["add", "Summit statement", "--date", "2022-10-17?", "--id", "whs", "--tag", "misc", "--actor", "Molly Biwer:speaker"],
            in: folder)
        let get = try runTimeline(["get", "whs"], in: folder)
        #expect(get.status == 0)
        #expect(get.stdout.contains("17 Oct 2022?  (2022-10-17?; day precision)"))
        let edit = try runTimeline(
            [
                "edit", "whs", "--title", "Statement at the World Health Summit", "--date", "2022-10",
                "--tag", "world-health-summit", "--remove-tag", "MISC", "--summary", "Biwer speaks.",
            ], in: folder)
        #expect(edit.status == 0 && edit.stderr == "")
        let json = try runTimeline(["get", "whs", "--format", "json"], in: folder)
        let event = try #require(try JSONDocumentReader.events(from: Data(json.stdout.utf8)).first)
        #expect(
            event.content
                == Event(
                    id: "whs", title: "Statement at the World Health Summit", date: date("2022-10"),
                    summary: "Biwer speaks.", actors: [ActorRole(name: "Molly Biwer", role: "speaker")],
                    tags: ["world-health-summit"]))
        #expect(try runTimeline(["rm", "whs"], in: folder).status == 0)
        let gone = try runTimeline(["get", "whs"], in: folder)
        #expect(gone.status == 1)
        #expect(gone.stderr == "error: no event with id \"whs\" (list ids with `timeline show`)\n")
    }

    @Test func exportToAFileAndImportBackIsByteIdentical() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let example = packageRoot.appendingPathComponent("examples/mayo-google.json").path
        _ = try runTimeline(["import", example, "--db", "a.db"], in: folder)
        #expect(try runTimeline(["export", "--db", "a.db", "--output", "a.json"], in: folder).status == 0)
        let exported = try String(contentsOfFile: folder.path("a.json"), encoding: .utf8)
        let piped = try runTimeline(["import", "-", "--db", "b.db"], in: folder, stdin: exported)
        #expect(piped.status == 0)
        #expect(try runTimeline(["export", "--db", "b.db"], in: folder).stdout == exported)
        let again = try runTimeline(["import", "a.json", "--db", "b.db"], in: folder)
        #expect(
            again.stderr.hasPrefix(
                "imported 7 events: 0 added, 0 updated, 7 unchanged, 0 skipped; 10 actors: 0 added, 0 updated, 10 unchanged"))
        #expect(try eventIDs(folder.path("b.db")).count == 7)
    }

    @Test func aBadImportWritesNothing() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try runTimeline(["add", "Existing", "--date", "2019"], in: folder)
        let bad =
            #"{"timeline": 1, "events": [{"id": "ok", "title": "fine", "date": "2020"}, {"id": "bad", "title": "x", "date": "2019-13"}]}"#
        let result = try runTimeline(["import", "-"], in: folder, stdin: bad)
        #expect(result.status == 1)
        #expect(
            result.stderr.hasPrefix(
                "error: import failed at event 2 (id \"bad\"), field \"date\": invalid date \"2019-13\": month 13 does not exist"))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        #expect(try eventIDs(folder.path("timeline.db")) == ["existing"])
    }

    @Test(arguments: [
        (
            ["add", "x", "--date", "soonish"],
            "error: invalid date \"soonish\" for --date: not a date this tool understands; accepted forms: "
        ),
        (["add", "x"], "Missing expected argument '--date <date>'"),
        (["show", "--bogus"], "Unknown option '--bogus'"),
        (["show", "--format", "xml"], "The value 'xml' is invalid for '--format <format>'"),
        (["show", "--limit=-3"], "--limit must be 0 or more"),
        (["edit", "some-id"], "nothing to change"),
        (["import", "x.json", "--on-conflict", "merge"], "The value 'merge' is invalid for '--on-conflict <policy>'"),
    ])
    func usageErrorsExit64WithOneLine(arguments: [String], message: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try runTimeline(arguments, in: folder)
        #expect(result.status == 64)
        #expect(result.stdout == "")
        #expect(result.stderr.hasPrefix("error: "))
        #expect(result.stderr.contains(message))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty, "nothing written")
    }

    @Test(arguments: [
        (["show"], "error: no timeline database at timeline.db"),
        (["get", "x"], "error: no timeline database at timeline.db"),
        (["export"], "error: no timeline database at timeline.db"),
        (["edit", "x", "--title", "y"], "error: no timeline database at timeline.db"),
        (
            ["add", "x", "--date", "2019", "--db", "no/such/dir/t.db"],
            "error: cannot create a database at no/such/dir/t.db: its folder does not exist"
        ),
        (["import", "missing.json"], "error: cannot read missing.json: no such file"),
    ])
    func missingFilesAreErrorsThatCreateNothing(arguments: [String], message: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try runTimeline(arguments, in: folder)
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix(message))
        #expect(result.stderr.filter { $0 == "\n" }.count == 1)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }

    @Test func aFileThatIsNotADatabaseIsLeftAsItWas() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let notes = "my notes, not a database\n"
        try Data(notes.utf8).write(to: URL(fileURLWithPath: folder.path("notes.txt")))
        for arguments in [["show", "--db", "notes.txt"], ["add", "x", "--date", "2019", "--db", "notes.txt"]] {
            let result = try runTimeline(arguments, in: folder)
            #expect(result.status == 1)
            #expect(result.stderr == "error: notes.txt is not a timeline database: it is not an SQLite database\n")
        }
        #expect(try String(contentsOfFile: folder.path("notes.txt"), encoding: .utf8) == notes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["notes.txt"])
    }

    @Test func exportToAMissingFolderFailsCleanly() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try runTimeline(["add", "x", "--date", "2019"], in: folder)
        let result = try runTimeline(["export", "--output", "nowhere/out.json"], in: folder)
        #expect(result.status == 1)
        #expect(result.stderr == "error: cannot write nowhere/out.json: its folder does not exist\n")
    }

    @Test func outputThatCannotBeWrittenIsAnError() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try runTimeline(["import", packageRoot.appendingPathComponent("examples/mayo-google.json").path], in: folder).status == 0)
        // A full disk, as /dev/full plays it: the export must not look like it succeeded.
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\"$0\" export --format jsonl > /dev/full", timelineBinary.path]
        process.currentDirectoryURL = folder.url
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(stderr == "error: cannot write to standard output: No space left on device\n")
    }

    @Test func initCreatesThenReportsUpToDate() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let first = try runTimeline(["init"], in: folder)
        #expect(first.status == 0 && first.stdout == "created timeline.db (schema version \(Migrator().latestVersion))\n")
        let second = try runTimeline(["init"], in: folder)
        #expect(second.stdout == "timeline.db is up to date (schema version \(Migrator().latestVersion))\n")
    }

    @Test func theBinaryWorksFromAnotherFolderWithItsOwnMigrations() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let copy = folder.path("timeline-copy")
        try FileManager.default.copyItem(atPath: timelineBinary.path, toPath: copy)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: copy)
        process.arguments = ["init", "--db", folder.path("t.db")]
        process.currentDirectoryURL = URL(fileURLWithPath: "/")
        process.standardOutput = Pipe()
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(try Store(path: folder.path("t.db"), access: .read).schemaVersion() == Migrator().latestVersion)
    }

    @Test func versionAndHelpExitZero() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try runTimeline(["--version"], in: folder).status == 0)
        let help = try runTimeline(["help", "show"], in: folder)
        #expect(help.status == 0 && help.stdout.contains("--since"))
    }
}

/// The partnership model's commands, end to end.
@Suite("timeline actor, partnership, quote, source and check", .serialized)
struct RecordCommandTests {
    func run(_ arguments: [String], in folder: TemporaryFolder) throws -> RunResult {
        try runTimeline(arguments, in: folder)
    }

    @Test func actorsFromAddToMerge() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        #expect(try run(["actor", "add", "Google", "--alias", "Google LLC"], in: folder).status == 0)
        #expect(try run(["actor", "add", "YouTube", "--part-of", "google"], in: folder).status == 0)
        #expect(
            try run(["actor", "add", "Sundar Pichai", "--kind", "person", "--affiliation", "Google:CEO@2015-08/.."], in: folder).status == 0
        )
        _ = try run(["add", "Launch", "--date", "2020", "--actor", "youtube:host"], in: folder)
        _ = try run(["add", "Keynote", "--date", "2021", "--actor", "GOOGLE LLC:host", "--actor", "Google Inc"], in: folder)

        let list = try run(["actor", "list"], in: folder)
        #expect(list.stdout.contains("Google         organization  1 event      aka Google LLC"))
        #expect(list.stdout.contains("Sundar Pichai  person        0 events"))
        #expect(list.stdout.contains("YouTube        organization  1 event      part of Google"))

        let show = try run(["actor", "show", "google"], in: folder)
        #expect(show.stdout.hasPrefix("Google  (organization)\n  aliases       Google LLC\n  parts         YouTube\n"))
        #expect(show.stdout.contains("Launch") && show.stdout.contains("Keynote"))
        #expect(!(try run(["actor", "show", "google", "--exact"], in: folder)).stdout.contains("Launch"))

        #expect(try run(["actor", "alias", "Google", "Alphabet's Google"], in: folder).status == 0)
        let merge = try run(["actor", "merge", "Google", "google inc"], in: folder)
        #expect(merge.status == 0 && merge.stderr == "")
        let store = try Store(path: folder.path("timeline.db"), access: .read)
        #expect(try store.actor(named: "Google Inc")?.aliases == ["Alphabet's Google", "Google Inc", "Google LLC"])
        #expect(try store.events(matching: EventFilter(actors: ["Google"])).map(\.title) == ["Launch", "Keynote"])

        let refused = try run(["actor", "rm", "YouTube"], in: folder)
        #expect(
            refused.status == 1
                && refused.stderr == "error: actor \"YouTube\" is still used by 1 event; remove those links first, or use --force\n")
        #expect(try run(["actor", "rm", "YouTube", "--force"], in: folder).status == 0)
        let unknown = try run(["show", "--actor", "Gogle"], in: folder)
        #expect(unknown.status == 1 && unknown.stderr == "error: no actor named \"Gogle\"; did you mean \"Google\"?\n")
        let nobody = try run(["show", "--actor", "Nobody at all"], in: folder)
        #expect(nobody.status == 1 && nobody.stderr == "error: no actor named \"Nobody at all\" (list them with `timeline actor list`)\n")
        #expect(try run(["actor", "add", "X", "--kind", "company"], in: folder).status == 64)
    }

    @Test func partnershipsQuotesAndSources() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let source = try run(
            ["source", "add", "--id", "article", "--title", "Le partenariat", "--language", "fr", "--published", "2022-10~"], in: folder)
        #expect(source.status == 0 && source.stdout == "article\n")
        let partnership = try run(
            [
                "partnership", "add", "Mayo Clinic – Google", "--date", "2019-09-10/2029-09", "--term", "ten years",
                "--member", "Mayo Clinic:partner", "--member", "Google:partner",
                "--clause", "Google Cloud stores the data", "--clause", "Mayo keeps control", "--source", "article",
            ], in: folder)
        #expect(partnership.status == 0 && partnership.stdout == "mayo-clinic-google\n")
        _ = try run(
            [
                "add", "Signed", "--date", "2019-09-10", "--id", "signed", "--partnership", "mayo-clinic-google",
                "--actor", "Sundar Pichai:speaker", "--source", "article",
            ], in: folder)
        let quote = try run(
            [
                "quote", "add", "signed", "--speaker", "sundar pichai", "--text", "Nous sommes fiers", "--language", "fr",
                "--translation", "We are proud", "--translation-language", "en", "--source", "article", "--locator", "§4",
            ], in: folder)
        #expect(quote.status == 0 && quote.stdout == "1\n")

        let show = try run(["partnership", "show", "mayo-clinic-google"], in: folder)
        #expect(show.stdout.contains("  span          10 Sep 2019 – Sep 2029  (2019-09-10/2029-09)\n"))
        #expect(show.stdout.contains("  status        active on "))
        #expect(show.stdout.contains("  terms         1. Google Cloud stores the data\n                2. Mayo keeps control\n"))
        #expect(show.stdout.contains("Signed"))
        let list = try run(["partnership", "list"], in: folder)
        #expect(list.stdout.hasPrefix("mayo-clinic-google  Mayo Clinic – Google  10 Sep 2019 – Sep 2029  active  Mayo Clinic, Google\n"))
        let quotes = try run(["quote", "list", "--speaker", "Sundar Pichai"], in: folder)
        #expect(quotes.stdout == "10 Sep 2019  signed #1  Sundar Pichai\n  “Nous sommes fiers” [fr]\n  “We are proud” [en]\n")
        let get = try run(["get", "signed"], in: folder)
        #expect(get.stdout.contains("  quotes      1. “Nous sommes fiers” [fr] — Sundar Pichai\n"))
        let filtered = try run(["show", "--partnership", "mayo-clinic-google", "--format", "json"], in: folder)
        #expect(filtered.stdout.contains("\"partnership\": \"mayo-clinic-google\""))

        let sourceShow = try run(["source", "show", "article"], in: folder)
        #expect(sourceShow.stdout.contains("  cited by      partnership mayo-clinic-google, quote in signed, signed\n"))
        let refused = try run(["source", "rm", "article"], in: folder)
        #expect(refused.status == 1 && refused.stderr.contains("still used by partnership mayo-clinic-google"))
        let badQuote = try run(["quote", "add", "signed", "--speaker", "X", "--text", "t", "--language", "French"], in: folder)
        #expect(badQuote.status == 1 && badQuote.stderr.hasPrefix("error: invalid quote language \"french\""))
        #expect(try run(["partnership", "rm", "mayo-clinic-google"], in: folder).status == 0)
        #expect(try Store(path: folder.path("timeline.db"), access: .read).event(id: "signed")?.partnership == nil)
    }

    @Test func checkExitsOneOnErrorsAndWithStrictOnWarnings() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let example = packageRoot.appendingPathComponent("examples/mayo-google.json").path
        _ = try run(["import", example], in: folder)
        let clean = try run(["check"], in: folder)
        #expect(clean.status == 0 && clean.stdout == "" && clean.stderr == "0 findings: 0 errors, 0 warnings\n")
        _ = try run(["add", "Unsourced", "--date", "2023"], in: folder)
        let warned = try run(["check"], in: folder)
        #expect(warned.status == 0 && warned.stdout == "warning: unsourced-event: event \"unsourced\" cites no source\n")
        #expect(try run(["check", "--strict"], in: folder).status == 1)
        try Store(path: folder.path("timeline.db"), access: .write).database.execute(
            "UPDATE events SET date = 'soonish' WHERE uid = 'unsourced'")
        let broken = try run(["check"], in: folder)
        #expect(
            broken.status == 1 && broken.stdout.contains("error: bad-date: event \"unsourced\": date \"soonish\" does not read as a date"))
    }
}

/// Search and the formats, end to end.
@Suite("timeline search, export formats and import", .serialized)
struct FormatCommandTests {
    func exampleFolder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try runTimeline(["import", packageRoot.appendingPathComponent("examples/mayo-google.json").path], in: folder)
        return folder
    }

    @Test func searchRanksAndRefusesQueriesWithoutWords() throws {
        let folder = try exampleFolder()
        defer { folder.remove() }
        let result = try runTimeline(["search", "youtube", "--limit", "1"], in: folder)
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("  17 Oct 2022?    Molly Biwer says Mayo Clinic works with YouTube"))
        #expect(result.stdout.contains("[YouTube]"))
        let json = try runTimeline(["search", "donnees OR sante", "--format", "json"], in: folder)
        #expect(json.stdout.contains("\"snippet\": \"…mission de fournir les meilleurs soins de [santé]"))
        let timelineOrder = try runTimeline(["show", "--search", "mayo", "--limit", "2", "--format", "csv"], in: folder)
        #expect(timelineOrder.stdout.components(separatedBy: "\r\n")[1].hasPrefix("mayo-clinic-platform-launch,"))
        let stray = try runTimeline(["search", "\"investissement", "--format", "jsonl"], in: folder)
        #expect(stray.status == 0 && stray.stdout.contains("pichai-statement-2019"), "a stray quote closes at the end")
        let bad = try runTimeline(["search", "()"], in: folder)
        #expect(bad.status == 1)
        #expect(bad.stderr == "error: invalid search \"()\": it holds no word to search for\n")
        let none = try runTimeline(["search", "zanzibar"], in: folder)
        #expect(none.status == 0 && none.stdout == "" && none.stderr == "no events match\n")
    }

    @Test func exportPicksTheFormatFromTheExtensionAndImportDetectsIt() throws {
        let folder = try exampleFolder()
        defer { folder.remove() }
        for (file, marker) in [
            ("t.jsonl", "{\"type\":\"actor\""), ("t.csv", "id,date,display_date"), ("t.ics", "BEGIN:VCALENDAR\r\n"),
            ("t.md", "# Timeline\n"), ("t.json", "{\n  \"timeline\": 2,"),
        ] {
            #expect(try runTimeline(["export", "-o", file], in: folder).status == 0)
            #expect(try String(contentsOfFile: folder.path(file), encoding: .utf8).hasPrefix(marker), "\(file)")
        }
        let jsonl = try runTimeline(["import", "t.jsonl", "--db", "copy.db"], in: folder)
        #expect(jsonl.status == 0 && jsonl.stderr.hasPrefix("note: created copy.db, a new timeline database\nimported 7 events: 7 added"))
        let csv = try runTimeline(
            ["import", "-", "--db", "copy.db"], in: folder,
            stdin: try String(contentsOfFile: folder.path("t.csv"), encoding: .utf8))
        #expect(csv.status == 0 && csv.stderr == "imported 7 events: 0 added, 0 updated, 7 unchanged, 0 skipped\n")
        _ = try runTimeline(["export", "--format", "timelinejs", "--group-by", "partnership", "-o", "tl.json"], in: folder)
        let timelinejs = try runTimeline(["import", "tl.json", "--db", "tl.db"], in: folder)
        #expect(
            timelinejs.status == 0
                && timelinejs.stderr.hasPrefix("note: created tl.db, a new timeline database\nimported 7 events: 7 added"))
    }

    @Test func aDryRunWritesNothing() throws {
        let folder = try exampleFolder()
        defer { folder.remove() }
        let before = try Data(contentsOf: folder.url.appendingPathComponent("timeline.db"))
        let csv = "id,title,date\r\nnew-one,A new event,2024\r\nmayo-clinic-platform-launch,Renamed,2019\r\n"
        let dry = try runTimeline(["import", "-", "--format", "csv", "--dry-run", "--on-conflict", "update"], in: folder, stdin: csv)
        #expect(dry.status == 0)
        #expect(dry.stderr == "dry run, nothing written: would import 2 events: 1 added, 1 updated, 0 unchanged, 0 skipped\n")
        #expect(try Data(contentsOf: folder.url.appendingPathComponent("timeline.db")) == before)
        let nowhere = try runTimeline(["import", "-", "--format", "csv", "--dry-run", "--db", "new.db"], in: folder, stdin: csv)
        #expect(nowhere.status == 0 && !FileManager.default.fileExists(atPath: folder.path("new.db")))
        let broken = try runTimeline(
            ["import", "-", "--format", "csv"], in: folder, stdin: "title,date\r\nok,2019\r\n\"never closed,2019\r\n")
        #expect(broken.status == 1)
        #expect(
            broken.stderr
                == "error: import failed at row 3 (line 3): a quoted field starts there and is never closed; nothing was imported\n")
    }
}
