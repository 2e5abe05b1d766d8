import Foundation
import Testing

@testable import Timeline

/// Names as people remember them, through the built binary: the refusals of issue 11, each
/// accepted or refused with the error it should give.
@Suite("Names as people remember them, end to end", .serialized)
struct NamesCommandLineTests {
    /// A folder with the example timeline imported, as `timeline.db`.
    func exampleFolder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        let example = packageRoot.appendingPathComponent("examples/mayo-google.json").path
        #expect(try runTimeline(["import", example], in: folder).status == 0)
        return folder
    }

    func ids(_ result: RunResult) throws -> [String] {
        try JSONDocumentReader.events(from: Data(result.stdout.utf8)).compactMap(\.id)
    }

    @Test func kindsAndTagsIgnoreCaseAndAccents() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        for (title, kind, tag) in [
            ("A", "Déclaration", "données de santé"), ("B", "DÉCLARATION", "DONNÉES DE SANTÉ"), ("C", "statement", "réseaux sociaux"),
        ] {
            #expect(try runTimeline(["add", title, "--date", "2020", "--kind", kind, "--tag", tag], in: folder).status == 0)
        }
        let byKind = try runTimeline(["show", "--kind", "DÉCLARATION", "--format", "json"], in: folder)
        #expect(try ids(byKind) == ["a", "b"])
        #expect(try runTimeline(["show", "--kind", "Déclaration", "--format", "json"], in: folder).stdout == byKind.stdout)
        #expect(try ids(runTimeline(["show", "--tag", "reseaux sociaux", "--format", "json"], in: folder)) == ["c"])
        #expect(try ids(runTimeline(["show", "--tag", "Données de Santé", "--format", "json"], in: folder)) == ["a", "b"])
        let store = try Store(path: folder.path("timeline.db"), access: .read)
        #expect(
            try store.database.makeStatement("SELECT name FROM tags ORDER BY name").map { $0[0] as String } == [
                "données de santé", "réseaux sociaux",
            ], "one tag for both spellings, spelt as first typed")
        #expect(try store.event(id: "b")?.kind == "Déclaration", "display keeps the first spelling")

        let unknownKind = try runTimeline(["show", "--kind", "declaraton"], in: folder)
        #expect(unknownKind.status == 1)
        #expect(unknownKind.stderr == "error: no event is of kind \"declaraton\"; did you mean \"Déclaration\"?\n")
        let unknownTag = try runTimeline(["show", "--tag", "reseau social"], in: folder)
        #expect(unknownTag.status == 1)
        #expect(unknownTag.stderr == "error: no tag named \"reseau social\"; did you mean \"réseaux sociaux\"?\n")
    }

    @Test func idsFromTitlesKeepTheirLetters() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let titles = [
            ("Ærø clinic", "aero-clinic"), ("Straße survey", "strasse-survey"), ("Łódź hospital", "lodz-hospital"),
            ("Œuvre de santé", "oeuvre-de-sante"), ("Москва: новая больница", "moskva-novaya-bolnitsa"), ("北京医院", "event-2021-03"),
        ]
        for (title, id) in titles {
            #expect(try runTimeline(["add", title, "--date", "2021-03"], in: folder).stdout == id + "\n")
        }
    }

    @Test func anEventIsNamedByTheStartOfItsID() throws {
        let folder = try exampleFolder()
        defer { folder.remove() }
        let get = try runTimeline(["get", "mayo-google-p", "--format", "json"], in: folder)
        #expect(get.status == 0)
        #expect(try ids(get) == ["mayo-google-partnership"])

        let ambiguous = try runTimeline(["get", "biwer"], in: folder)
        #expect(ambiguous.status == 1)
        #expect(
            ambiguous.stderr
                == "error: \"biwer\" is the start of 2 event ids (biwer-whs-2022-medical-records, biwer-whs-2022-youtube); give more of the id\n"
        )

        #expect(try runTimeline(["edit", "our-shot", "--tag", "campagne"], in: folder).status == 0)
        #expect(
            try runTimeline(["quote", "add", "our-sh", "--speaker", "Mayo Clinic", "--text", "Oui.", "--language", "fr"], in: folder).status
                == 0)
        #expect(try runTimeline(["rm", "google-roch"], in: folder).status == 0)
        let store = try Store(path: folder.path("timeline.db"), access: .read)
        #expect(try store.event(id: "our-shot-2-save-lives")?.tags.contains("campagne") == true)
        #expect(try store.event(id: "our-shot-2-save-lives")?.quotes.last?.text == "Oui.")
        #expect(try store.event(id: "google-rochester-office") == nil)
    }

    @Test func unknownNamesSayWhatWasMeant() throws {
        let folder = try exampleFolder()
        defer { folder.remove() }
        let cases: [([String], String)] = [
            (["get", "mayo-gogle-partnership"], "no event with id \"mayo-gogle-partnership\"; did you mean \"mayo-google-partnership\"?"),
            (["show", "--actor", "Clevland Clinic"], "no actor named \"Clevland Clinic\"; did you mean \"Cleveland Clinic\"?"),
            (["actor", "show", "Gogle"], "no actor named \"Gogle\"; did you mean \"Google\"?"),
            (
                ["show", "--partnership", "mayo-google-clod"],
                "no partnership with id \"mayo-google-clod\"; did you mean \"mayo-google-cloud\"?"
            ),
            (["show", "--tag", "vacination"], "no tag named \"vacination\"; did you mean \"vaccination\"?"),
            (["show", "--kind", "statment"], "no event is of kind \"statment\"; did you mean \"statement\"?"),
            (["get", "zzzz"], "no event with id \"zzzz\" (list ids with `timeline show`)"),
        ]
        for (arguments, message) in cases {
            let result = try runTimeline(arguments, in: folder)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stderr == "error: \(message)\n", "\(arguments)")
        }
    }

    @Test func anUnknownCommandIsAUsageErrorThatSaysWhatWasMeant() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let cases: [([String], String)] = [
            (["shwo"], "unknown command \"shwo\"; did you mean \"show\"?"),
            (["actor", "lsit"], "unknown command \"actor lsit\"; did you mean \"actor list\"?"),
            (["help", "serch"], "unknown command \"serch\"; did you mean \"search\"?"),
            (
                ["help", "nosuch"],
                "unknown command \"nosuch\"; the commands are init, add, show, search, get, edit, merge, rm, log, undo, "
                    + "retract, dispute, reinstate, export, import, backup, extract, actor, partnership, quote, source, changes, check, reindex"
            ),
        ]
        for (arguments, message) in cases {
            let result = try runTimeline(arguments, in: folder)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr == "error: \(message) (see `timeline help`)\n", "\(arguments)")
            #expect(result.stdout.isEmpty)
        }
        #expect(try runTimeline(["help", "actor", "merge"], in: folder).status == 0)
        #expect(!FileManager.default.fileExists(atPath: folder.path("timeline.db")))
    }

    @Test func checkFindsNearDuplicatesAndItsMergeCommandWorks() throws {
        let folder = try exampleFolder()
        defer { folder.remove() }
        let added = try runTimeline(
            [
                "add", "Mayo Clinic announces a ten year strategic partnership with Google", "--date", "2019-09", "--actor",
                "Clevland Clinic",
                "--tag", "strategy",
            ], in: folder)
        #expect(added.stdout == "mayo-clinic-announces-a-ten-year-strategic\n")
        let check = try runTimeline(["check"], in: folder)
        #expect(check.status == 0)
        let lines = check.stdout.split(separator: "\n").filter { $0.contains("similar-") }.map(String.init)
        let actors: String =
            "warning: similar-actors: actors \"Cleveland Clinic\" and \"Clevland Clinic\" are spelt nearly alike "
            + "(if they are one, merge them with `timeline actor merge 'Cleveland Clinic' 'Clevland Clinic'`)"
        let events: String =
            "warning: similar-events: events \"mayo-clinic-announces-a-ten-year-strategic\" and \"mayo-google-partnership\" have nearly "
            + "the same title and overlapping dates "
            + "(if they are one, merge them with `timeline merge mayo-google-partnership mayo-clinic-announces-a-ten-year-strategic`)"
        #expect(lines == [actors, events])
        #expect(try runTimeline(["actor", "merge", "Cleveland Clinic", "Clevland Clinic"], in: folder).status == 0)
        let merge = try runTimeline(["merge", "mayo-google-partnership", "mayo-clinic-announces-a-ten-year-strategic"], in: folder)
        #expect(merge.status == 0 && merge.stderr.isEmpty)
        #expect(try runTimeline(["check"], in: folder).stdout.contains("similar-") == false)
        let store = try Store(path: folder.path("timeline.db"), access: .read)
        let kept = try #require(try store.event(id: "mayo-google-partnership"))
        #expect(kept.actors.map(\.name).contains("Cleveland Clinic") && kept.tags.contains("strategy"))
        #expect(try store.event(id: "mayo-clinic-announces-a-ten-year-strategic") == nil)
    }
}
