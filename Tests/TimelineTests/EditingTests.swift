import Foundation
import Testing

@testable import Timeline

/// Correcting what was entered, end to end through the binary: quotes edited in place, the
/// locators of the sources an event or a partnership cites, and dates fixed by hand in SQL.
@Suite("editing what you entered", .serialized)
struct EditingTests {
    func run(_ arguments: [String], in folder: TemporaryFolder) throws -> RunResult {
        try runTimeline(arguments, in: folder)
    }

    func store(_ folder: TemporaryFolder) throws -> Store {
        try Store(path: folder.path("timeline.db"), access: .read)
    }

    @Test func quoteEditChangesAQuoteInPlaceAndKeepsItsNumber() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try run(["add", "Signed", "--date", "2019-09-10", "--id", "signed", "--actor", "Sundar Pichai"], in: folder)
        for text in ["Nous sommes fiers", "Un partenariat de dix ans", "Les données restent à Mayo"] {
            #expect(
                try run(["quote", "add", "signed", "--speaker", "Sundar Pichai", "--text", text, "--language", "fr"], in: folder).status
                    == 0)
        }
        let edited = try run(
            [
                "quote", "edit", "signed", "2", "--text", "Un partenariat stratégique de dix ans", "--translation",
                "A ten-year strategic partnership", "--translation-language", "en", "--source", "https://example.org/a",
                "--locator", "p. 4",
            ], in: folder)
        #expect(edited.status == 0 && edited.stdout == "")
        #expect(edited.stderr == "note: created source \"https-example-org-a\"\n")
        var quotes = try #require(try store(folder).event(id: "signed")).quotes
        #expect(quotes.map(\.text) == ["Nous sommes fiers", "Un partenariat stratégique de dix ans", "Les données restent à Mayo"])
        #expect(quotes[1].translation == "A ten-year strategic partnership" && quotes[1].translationLanguage == "en")
        #expect(quotes[1].source?.source.url == "https://example.org/a" && quotes[1].source?.locator == "p. 4")
        let list = try run(["quote", "list"], in: folder)
        #expect(list.stdout.contains("signed #2  Sundar Pichai\n  “Un partenariat stratégique de dix ans” [fr]\n"))
        let search = try run(["search", "strategique", "--format", "jsonl"], in: folder)
        #expect(search.stdout.contains("\"id\":\"signed\""), "the search index follows the edit")

        // Empty values clear the optional fields, as `edit` does for an event's.
        #expect(try run(["quote", "edit", "signed", "2", "--locator", ""], in: folder).status == 0)
        #expect(
            try store(folder).event(id: "signed")?.quotes[1].source
                == Citation(Source(id: "https-example-org-a", url: "https://example.org/a")))
        #expect(try run(["quote", "edit", "signed", "2", "--translation", "", "--source", ""], in: folder).status == 0)
        quotes = try #require(try store(folder).event(id: "signed")).quotes
        #expect(quotes[1] == Quote(speaker: "Sundar Pichai", text: "Un partenariat stratégique de dix ans", language: "fr"))

        let unknown = try run(["quote", "edit", "signed", "4", "--text", "x"], in: folder)
        #expect(unknown.status == 1 && unknown.stderr == "error: invalid quote number \"4\": event \"signed\" has quotes 1 to 3\n")
        _ = try run(["add", "Quiet", "--date", "2020", "--id", "quiet"], in: folder)
        let none = try run(["quote", "edit", "quiet", "1", "--text", "x"], in: folder)
        #expect(none.status == 1 && none.stderr == "error: invalid quote number \"1\": event \"quiet\" has no quotes\n")
        let noEvent = try run(["quote", "edit", "nosuch", "1", "--text", "x"], in: folder)
        #expect(noEvent.status == 1 && noEvent.stderr.hasPrefix("error: no event with id \"nosuch\""))
        let nothing = try run(["quote", "edit", "signed", "1"], in: folder)
        #expect(nothing.status == 64 && nothing.stderr.hasPrefix("error: nothing to change"))
        let noSource = try run(["quote", "edit", "signed", "1", "--locator", "p. 2"], in: folder)
        #expect(noSource.status == 1)
        #expect(noSource.stderr == "error: quote 1 of event \"signed\" has no source for --locator; give --source too\n")

        // A refused value changes nothing, and a removal renumbers the rest.
        let before = try store(folder).event(id: "signed")
        let badLanguage = try run(["quote", "edit", "signed", "1", "--text", "Changed", "--language", "French"], in: folder)
        #expect(badLanguage.status == 1 && badLanguage.stderr.hasPrefix("error: invalid quote language \"french\""))
        let lonely = try run(["quote", "edit", "signed", "1", "--translation", "Proud"], in: folder)
        #expect(lonely.status == 1 && lonely.stderr.contains("a translation and its language go together"))
        #expect(try store(folder).event(id: "signed") == before)
        #expect(try run(["quote", "rm", "signed", "1"], in: folder).status == 0)
        #expect(try run(["quote", "edit", "signed", "2", "--speaker", "Mayo Clinic"], in: folder).status == 0)
        quotes = try #require(try store(folder).event(id: "signed")).quotes
        #expect(quotes.map(\.speaker) == ["Sundar Pichai", "Mayo Clinic"])
        #expect(quotes.map(\.text) == ["Un partenariat stratégique de dix ans", "Les données restent à Mayo"])
    }

    @Test func sourcesCitedByEventsAndPartnershipsCarryLocators() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let url = "https://example.org/story?id=7"
        _ = try run(["source", "add", "--id", "report", "--title", "Rapport annuel"], in: folder)
        let added = try run(["add", "Signed", "--date", "2019-09-10", "--id", "signed", "--source", url, "--locator", "p. 4"], in: folder)
        #expect(added.status == 0 && added.stdout == "signed\n")
        // With several sources, SOURCE= says which, as given to --source; a URL's own `=` stays in it.
        let edited = try run(
            [
                "edit", "signed", "--source", "report", "--locator", "report=§ 3", "--locator", "\(url)=12:30 in the video",
            ], in: folder)
        #expect(edited.status == 0 && edited.stderr == "")
        var sources = try #require(try store(folder).event(id: "signed")).sources
        #expect(sources.map(\.locator) == ["12:30 in the video", "§ 3"])
        #expect(sources.map(\.source.id) == ["https-example-org-story-id-7", "report"])
        let wide = ["COLUMNS": "200"]  // a line per source
        let get = try runTimeline(["get", "signed"], in: folder, environment: wide)
        #expect(get.stdout.contains("  sources     1. \(url) · at: 12:30 in the video · source https-example-org-story-id-7\n"))
        #expect(get.stdout.contains("              2. Rapport annuel · at: § 3 · source report\n"))

        let ambiguous = try run(["edit", "signed", "--locator", "p. 9"], in: folder)
        #expect(ambiguous.status == 1)
        #expect(
            ambiguous.stderr
                == "error: --locator \"p. 9\": the event cites several sources (\"https-example-org-story-id-7\", \"report\"); "
                + "say which one as SOURCE=WHERE\n")
        let unsourced = try run(["add", "Unsourced", "--date", "2020", "--locator", "p. 1"], in: folder)
        #expect(unsourced.status == 1 && unsourced.stderr == "error: --locator \"p. 1\": the event cites no source; give --source too\n")
        #expect(try store(folder).event(id: "unsourced") == nil)
        // A source cited already is also named by its id, URL or title, case and accents ignored.
        #expect(try run(["edit", "signed", "--locator", "rapport ANNUEL="], in: folder).status == 0, "an empty place clears the locator")
        sources = try #require(try store(folder).event(id: "signed")).sources
        #expect(sources.map(\.locator) == ["12:30 in the video", nil])

        let partnership = try run(
            [
                "partnership", "add", "Mayo – Google", "--id", "mg", "--member", "Mayo Clinic", "--member", "Google", "--source", "report",
                "--locator", "p. 2",
            ], in: folder)
        #expect(partnership.status == 0)
        #expect(try run(["partnership", "edit", "mg", "--source", url, "--locator", "\(url)=¶ 5"], in: folder).status == 0)
        let show = try runTimeline(["partnership", "show", "mg"], in: folder, environment: wide)
        #expect(show.stdout.contains("  sources       1. Rapport annuel · at: p. 2 · source report\n"))
        #expect(show.stdout.contains("                2. \(url) · at: ¶ 5 · source https-example-org-story-id-7\n"))

        // The exports that carry sources carry the locators, and read them back.
        let json = try run(["export", "-o", "all.json"], in: folder)
        #expect(json.status == 0)
        let document = try String(contentsOfFile: folder.path("all.json"), encoding: .utf8)
        #expect(document.contains("\"locator\": \"12:30 in the video\"") && document.contains("\"locator\": \"¶ 5\""))
        #expect(try run(["import", "all.json", "--db", "copy.db"], in: folder).status == 0)
        let copy = try Store(path: folder.path("copy.db"), access: .read)
        #expect(try copy.event(id: "signed")?.sources == (try store(folder).event(id: "signed")?.sources))
        #expect(try copy.partnership(id: "mg")?.sources.map(\.locator) == ["p. 2", "¶ 5"])
        let csv = try run(["export", "--format", "csv"], in: folder)
        #expect(csv.stdout.contains("\(url) (12:30 in the video)"))
    }

    @Test func aDateFixedByHandInSQLIsFoundByCheckAndRecomputedByReindex() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try run(["import", packageRoot.appendingPathComponent("examples/mayo-google.json").path], in: folder)
        _ = try run(["add", "Fixed by hand", "--date", "2018-03-04", "--id", "hand", "--source", "mayo-google-perspective"], in: folder)
        _ = try run(["actor", "edit", "Sundar Pichai", "--affiliation", "Google:CEO@2015/.."], in: folder)
        // What a person types at the sqlite3 prompt: the date alone, not what is derived from it.
        func sql(_ script: String) throws {
            try Database(path: folder.path("timeline.db")).executeScript(script)
        }
        try sql(
            """
            UPDATE events SET date = '2019-09' WHERE uid = 'hand';
            UPDATE partnerships SET date = 'septembre 2019/..';
            UPDATE affiliations SET date = '2014/..' WHERE date = '2015/..';
            """)
        func inSeptember2019() throws -> Bool {
            try run(["show", "--since", "2019-09", "--until", "2019-09", "--format", "jsonl"], in: folder).stdout.contains(
                "\"id\":\"hand\"")
        }
        #expect(try !inSeptember2019(), "the filters read start and end, still those of 2018-03-04")

        let check = try run(["check"], in: folder)
        #expect(check.status == 1)
        let expected: [String] = [
            "error: date-bounds: event \"hand\": start 2018-03-04, end 2018-03-04, precision day disagree with its date 2019-09, "
                + "which gives start 2019-09-01, end 2019-09-30, precision month; `timeline reindex` recomputes them from the date",
            "error: date-bounds: partnership \"mayo-google-cloud\": date \"septembre 2019/..\" is not written as EDTF (2019-09/..); "
                + "start 2019-09-10, end 2029-09-30 disagree with its date 2019-09/.., which gives start 2019-09-01, end NULL; "
                + "`timeline reindex` recomputes them from the date",
            "error: date-bounds: an affiliation of \"Sundar Pichai\": start 2015-01-01 disagrees with its date 2014/.., "
                + "which gives start 2014-01-01; `timeline reindex` recomputes them from the date",
        ]
        #expect(check.stdout.split(separator: "\n").map(String.init) == expected)

        // A date that does not read stops the repair before anything is written.
        try sql("UPDATE events SET date = 'soonish' WHERE uid = 'pichai-statement-2019'")
        let refused = try run(["reindex"], in: folder)
        #expect(refused.status == 1)
        #expect(
            refused.stderr
                == "error: invalid date \"soonish\": event \"pichai-statement-2019\" has it in the database and it does not read as a date; "
                + "fix it in SQL with a date such as 2019-09-10 or 2019-09, then run `timeline reindex` again\n")
        #expect(try run(["check"], in: folder).stdout.split(separator: "\n").count == 4, "nothing was recomputed")
        try sql("UPDATE events SET date = '2019-09-10~' WHERE uid = 'pichai-statement-2019'")

        let reindex = try run(["reindex"], in: folder)
        #expect(reindex.status == 0 && reindex.stdout == "")
        #expect(
            reindex.stderr
                == "recomputed event \"pichai-statement-2019\" from its date 2019-09-10~\nrecomputed event \"hand\" from its date 2019-09\n"
                + "recomputed partnership \"mayo-google-cloud\" from its date 2019-09/..\n"
                + "recomputed an affiliation of \"Sundar Pichai\" from its date 2014/..\n")
        let clean = try run(["check"], in: folder)
        #expect(clean.status == 0 && clean.stdout == "" && clean.stderr == "0 findings: 0 errors, 0 warnings\n")
        #expect(try inSeptember2019())
        let row = try Database(path: folder.path("timeline.db")).makeStatement(
            "SELECT date, start, end, precision, approximate FROM events WHERE uid = 'pichai-statement-2019'"
        ).first { [$0[0], $0[1], $0[2], $0[3], String($0[4] as Int)] as [String] }
        #expect(row == ["2019-09-10~", "2019-09-10", "2019-09-10", "day", "1"])
        #expect(try store(folder).partnership(id: "mayo-google-cloud")?.date?.edtf == "2019-09/..")
        #expect(try run(["reindex"], in: folder).stderr == "", "nothing left to recompute")
    }
}
