import Foundation
import Testing
import Timeline

/// `timeline extract`: time expressions found in running English and French news text, the
/// events proposed from an article, and the command end to end.
@Suite("Extraction")
struct ExtractionTests {
    /// A sentence, the day it was published, and every time expression expected in it, in order:
    /// the words and the value (EDTF for dates; `P…` for durations; nil when undecidable).
    static let table: [(text: String, published: String?, expected: [(String, String?)])] = [
        // Absolute and partial dates, with the precision the words give.
        ("Le 10 septembre 2019, la Mayo Clinic a annoncé un partenariat.", nil, [("10 septembre 2019", "2019-09-10")]),
        ("En 2019, la Mayo Clinic a lancé sa plate-forme.", nil, [("2019", "2019")]),
        ("En avril 2021, la Mayo Clinic a appelé à se faire vacciner.", nil, [("avril 2021", "2021-04")]),
        ("Mayo Clinic, septembre 2019", nil, [("septembre 2019", "2019-09")]),
        ("Le 1er mai 2020, rien.", nil, [("1er mai 2020", "2020-05-01")]),
        ("lundi 17 octobre 2022, au sommet", nil, [("lundi 17 octobre 2022", "2022-10-17")]),
        ("On Monday, October 17, 2022, Biwer spoke.", nil, [("Monday, October 17, 2022", "2022-10-17")]),
        ("It happened on May 1st, 2020.", nil, [("May 1st, 2020", "2020-05-01")]),
        ("It opened in September 2019.", nil, [("September 2019", "2019-09")]),
        ("Filed on 2019-09-10 and amended 2019-10.", nil, [("2019-09-10", "2019-09-10"), ("2019-10", "2019-10")]),
        ("Signé le 25/09/2019.", nil, [("25/09/2019", "2019-09-25")]),
        (
            "Au printemps 2018, à l'automne 2022, in the winter of 2020.", nil,
            [("printemps 2018", "2018-21"), ("automne 2022", "2022-23"), ("winter of 2020", "2020-24")]
        ),
        ("Début 2020, mi-2019 et fin 2022.", nil, [("Début 2020", "2020-37"), ("mi-2019", "2019-38"), ("fin 2022", "2022-39")]),
        ("Les années 2010 et the 1990s.", nil, [("Les années 2010", "201X"), ("1990s", "199X")]),
        (
            "Vers 2010, environ 2015, c. 2021, around 2005.", nil,
            [("Vers 2010", "2010~"), ("environ 2015", "2015~"), ("c. 2021", "2021~"), ("around 2005", "2005~")]
        ),
        (
            "Probablement le 17 octobre 2022, probably in 2021.", nil,
            [("Probablement le 17 octobre 2022", "2022-10-17?"), ("probably in 2021", "2021?")]
        ),
        // Intervals and open spans.
        ("Entre 2015 et 2017, la clinique a grandi.", nil, [("Entre 2015 et 2017", "2015/2017")]),
        ("Between 2015 and 2017 it grew.", nil, [("Between 2015 and 2017", "2015/2017")]),
        ("Un contrat de 2019 à 2029.", nil, [("de 2019 à 2029", "2019/2029")]),
        ("From 2019 to 2022, a deal.", nil, [("From 2019 to 2022", "2019/2022")]),
        ("Du 10 au 12 septembre 2019, le sommet.", nil, [("Du 10 au 12 septembre 2019", "2019-09-10/2019-09-12")]),
        ("La période 2015–2017 et 2018-2020.", nil, [("2015–2017", "2015/2017"), ("2018-2020", "2018/2020")]),
        ("Depuis 2019, les données. Since March 2020, masks.", nil, [("Depuis 2019", "2019/.."), ("Since March 2020", "2020-03/..")]),
        ("Jusqu'en 2022, la paix. Until 2021, nothing.", nil, [("Jusqu'en 2022", "../2022"), ("Until 2021", "../2021")]),
        // Relative dates, against the publication (Wednesday 19 October 2022).
        ("Molly Biwer a déclaré lundi au Sommet mondial de la santé.", "2022-10-19", [("lundi", "2022-10-17")]),
        ("Biwer said on Monday that the clinic grew.", "2022-10-19", [("Monday", "2022-10-17")]),
        ("Google ouvrira lundi un bureau.", "2022-10-19", [("lundi", "2022-10-24")]),
        ("Google will open an office on Friday.", "2022-10-19", [("Friday", "2022-10-21")]),
        ("Lundi dernier et mardi prochain.", "2022-10-19", [("Lundi dernier", "2022-10-17"), ("mardi prochain", "2022-10-25")]),
        ("Last Monday and next Tuesday.", "2022-10-19", [("Last Monday", "2022-10-17"), ("next Tuesday", "2022-10-25")]),
        ("Hier, aujourd'hui et demain.", "2022-10-19", [("Hier", "2022-10-18"), ("aujourd'hui", "2022-10-19"), ("demain", "2022-10-20")]),
        ("Yesterday and today.", "2022-10-19", [("Yesterday", "2022-10-18"), ("today", "2022-10-19")]),
        ("La semaine dernière, Pfizer a déclaré.", "2022-10-19", [("La semaine dernière", "2022-10-10/2022-10-16")]),
        (
            "Last week and the week before last.", "2022-10-19",
            [("Last week", "2022-10-10/2022-10-16"), ("the week before last", "2022-10-03/2022-10-09")]
        ),
        ("Plus tôt ce mois-ci, un représentant a parlé.", "2022-10-19", [("Plus tôt ce mois-ci", "2022-10-01/2022-10-19")]),
        ("Earlier this month, a spokesman spoke.", "2022-10-19", [("Earlier this month", "2022-10-01/2022-10-19")]),
        ("Le mois dernier, last month.", "2022-10-19", [("Le mois dernier", "2022-09"), ("last month", "2022-09")]),
        (
            "L'année dernière, l'an dernier, last year, cette année.", "2022-10-19",
            [("L'année dernière", "2021"), ("l'an dernier", "2021"), ("last year", "2021"), ("cette année", "2022")]
        ),
        ("Il y a deux ans, la clinique a signé.", "2022-10-19", [("Il y a deux ans", "2020")]),
        (
            "Two years ago, three months ago, five days ago.", "2022-10-19",
            [("Two years ago", "2020"), ("three months ago", "2022-07"), ("five days ago", "2022-10-14")]
        ),
        // The year the text just mentioned decides a month or a day without one.
        ("En 2021, tout a changé. En avril, une campagne a commencé.", "2022-10-19", [("2021", "2021"), ("avril", "2021-04")]),
        (
            "L'année dernière, tout a changé. En avril, une campagne a commencé.", "2022-10-19",
            [("L'année dernière", "2021"), ("avril", "2021-04")]
        ),
        ("In 2019 the firm grew. In April it opened an office.", nil, [("2019", "2019"), ("April", "2019-04")]),
        ("En avril, une campagne a commencé.", "2022-10-19", [("avril", "2022-04")]),
        ("En décembre, une campagne a commencé.", "2022-10-19", [("décembre", "2021-12")]),
        ("Le 10 septembre, Google a annoncé.", "2022-10-19", [("10 septembre", "2022-09-10")]),
        // Without a publication date, a relative date has no value.
        ("Biwer a déclaré lundi que tout allait bien. Hier, rien.", nil, [("lundi", nil), ("Hier", nil)]),
        ("En avril, une campagne a commencé.", nil, [("avril", nil)]),
        // Durations.
        ("Un partenariat stratégique de dix ans avec Google.", nil, [("dix ans", "P10Y")]),
        (
            "Un partenariat de 10 ans, a ten-year deal, a 10-year deal.", nil,
            [("10 ans", "P10Y"), ("ten-year", "P10Y"), ("10-year", "P10Y")]
        ),
        ("Je suis dans ce domaine depuis 25 ans.", nil, [("25 ans", "P25Y")]),
        ("Trois mois, two decades, vingt-cinq ans.", nil, [("Trois mois", "P3M"), ("two decades", "P20Y"), ("vingt-cinq ans", "P25Y")]),
        // Not dates.
        ("La pandémie de COVID-19 et Our Shot 2 Save Lives.", nil, []),
        ("75% de la population, 2 000 patients, 2019 patients, 1500 euros.", nil, []),
        ("Appelez le 01 45 67 20 19 ou le +33 6 12 34 56 78.", nil, []),
        ("Le dossier n°2019 et la référence ABC-2019-X.", nil, []),
        ("He may come. Mars est une planète.", nil, []),
        ("Il a 45 ans.", nil, [("45 ans", "P45Y")]),
    ]

    @Test(arguments: table.indices)
    func findsWhatTheTextSays(row: Int) throws {
        let (text, published, expected) = Self.table[row]
        let finder = TimeExpressionFinder(published: published.flatMap(Day.init(iso:)))
        let article = ArticleText(text)
        let found = finder.mentions(in: article)
        #expect(found.map(\.text) == expected.map(\.0), "\(text)")
        #expect(found.map(\.value) == expected.map(\.1), "\(text)")
        for mention in found {
            #expect(mention.kind == ((mention.value?.hasPrefix("P") ?? false) ? .duration : .date))
            #expect(article[mention.start..<mention.end] == mention.text)
            if mention.kind == .date, let value = mention.value { #expect(throws: Never.self) { try PartialDate(parsing: value) } }
        }
    }

    /// The reference article: every time expression, with offsets in code points.
    @Test func theReferenceArticle() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("examples/mayo-google-article-fr.txt"), encoding: .utf8)
        let found = TimeExpressionFinder(published: Day(iso: "2022-10-19")).mentions(in: ArticleText(text))
        let expected: [(String, String)] = [
            ("dix ans", "P10Y"), ("2019", "2019"), ("Trois ans", "P3Y"), ("dix ans", "P10Y"), ("2022", "2022"),
            ("lundi", "2022-10-17"), ("septembre 2019", "2019-09"), ("2019", "2019"), ("10 septembre 2019", "2019-09-10"),
            ("10 ans", "P10Y"), ("10 ans", "P10Y"), ("septembre 2019", "2019-09"), ("septembre 2019", "2019-09"),
            ("lundi", "2022-10-17"), ("2022", "2022"), ("25 ans", "P25Y"), ("Avril 2021", "2021-04"), ("avril 2021", "2021-04"),
            ("Plus tôt ce mois-ci", "2022-10-01/2022-10-19"), ("aujourd’hui", "2022-10-19"),
        ]
        #expect(found.map(\.text) == expected.map(\.0))
        #expect(found.map(\.value) == expected.map(\.1))
        let scalars = Array(text.unicodeScalars)
        let first = try #require(found.first { $0.text == "10 septembre 2019" })
        #expect(String(String.UnicodeScalarView(scalars[first.start..<first.end])) == "10 septembre 2019")
        #expect(first.start == 1849 && first.end == 1866)
    }

    @Test func htmlAndMarkdownAreReadAsTheirText() {
        let html = """
            <html><head><title>Ignored</title><style>p { color: red }</style></head><body>
            <h1>La Mayo Clinic &amp; Google</h1><script>var d = "10 septembre 2019";</script>
            <p>Le <b>10&nbsp;septembre 2019</b>, la Mayo Clinic a annonc&eacute; un partenariat.</p>
            <!-- 2020 --><p>En avril 2021,<br>une campagne.</p></body></html>
            """
        let article = ArticleText(html, markup: .html)
        #expect(
            article.paragraphs.map { article[$0] } == [
                "La Mayo Clinic & Google", "Le 10 septembre 2019, la Mayo Clinic a annoncé un partenariat.",
                "En avril 2021,\nune campagne.",
            ])
        let found = TimeExpressionFinder().mentions(in: article)
        #expect(found.map(\.value) == ["2019-09-10", "2021-04"])
        #expect(found.allSatisfy { article[$0.start..<$0.end] == $0.text })

        let markdown = """
            # Mayo Clinic

            Le **10 septembre 2019**, la [Mayo Clinic](https://example.org/2020) a annoncé un partenariat.

            - En *avril 2021*, une campagne.
            """
        let reduced = ArticleText(markdown, markup: .markdown)
        #expect(
            reduced.paragraphs.map { reduced[$0] } == [
                "Mayo Clinic", "Le 10 septembre 2019, la Mayo Clinic a annoncé un partenariat.", "En avril 2021, une campagne.",
            ])
        #expect(TimeExpressionFinder().mentions(in: reduced).map(\.value) == ["2019-09-10", "2021-04"])
        #expect(ArticleText.markup(forName: "a.htm", content: "") == .html)
        #expect(ArticleText.markup(forName: "-", content: "  <!doctype html>") == .html)
        #expect(ArticleText.markup(forName: "notes.md", content: "") == .markdown)
    }

    /// The events proposed from the reference article: dated facts with their actors, quotes and
    /// the paragraph they come from.
    @Test func eventsFromTheReferenceArticle() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("examples/mayo-google-article-fr.txt"), encoding: .utf8)
        let extractor = ArticleExtractor(source: Source(id: "perspective", title: "Perspective"), published: Day(iso: "2022-10-19"))
        let document = extractor.document(for: ArticleText(text))
        #expect(document.sources.map(\.id) == ["perspective"])
        #expect(document.sources.first?.language == "fr")
        #expect(document.events.allSatisfy { $0.tags.contains("extracted") && $0.sources.first?.source.id == "perspective" })
        #expect(Set(document.events.compactMap(\.id)).count == document.events.count)

        let partnership = try #require(document.events.first { $0.date.edtf == "2019-09-10" })
        #expect(partnership.title == "La Mayo Clinic a annoncé un partenariat de 10 ans avec Google")
        #expect(partnership.actors.map(\.name) == ["Mayo Clinic", "Google", "Google Cloud"])
        #expect(partnership.sources.first?.locator == "paragraphe 11")
        #expect(partnership.tags == ["extracted", "span-from-duration"])
        #expect(partnership.summary?.hasSuffix("[durée proposée : 2019-09-10/2029-09-10]") == true)

        let monday = try #require(document.events.first { $0.date.edtf == "2022-10-17" })
        #expect(monday.actors.first == ActorRole(name: "Molly Biwer", role: "orateur"))
        #expect(monday.quotes.map(\.speaker) == ["Molly Biwer", "Molly Biwer"])
        #expect(monday.quotes.first?.text.hasPrefix("Nous espérons recueillir les dossiers médicaux") == true)

        let pichai = try #require(document.events.first { $0.quotes.first?.speaker == "Sundar Pichai" })
        #expect(pichai.date.edtf == "2019-09")
        #expect(pichai.kind == "statement")

        let campaign = try #require(document.events.first { $0.quotes.first?.speaker == "Our Shot 2 Save Lives" })
        #expect(campaign.date.edtf == "2021-04")
        #expect(campaign.actors.map(\.name) == ["Mayo Clinic", "Cleveland Clinic", "Ethos Creative Group", "Our Shot 2 Save Lives"])

        #expect(document.events.contains { $0.date.edtf == "2022-10-01/2022-10-19" && $0.actors.first?.name == "Pfizer" })
        // Durations, counts and names with numbers never date an event.
        #expect(!document.events.contains { ["0019", "0075", "0002"].contains($0.date.edtf) })
        #expect(document.actors.isEmpty)
        #expect(!document.events.contains { $0.actors.contains { $0.name == "Perspective" } })
    }

    /// News in English: the weekday of the announcement, a speaker after a title, a speaker
    /// before "said", and the year just mentioned for a month alone.
    @Test func anEnglishArticle() {
        let text = """
            Mayo Clinic picks Google as strategic partner

            ROCHESTER, Minn. — Mayo Clinic on Tuesday announced a 10-year strategic partnership with Google, the health \
            system said. "Google Cloud will be the cornerstone of our digital transformation," said Dr. Gianrico Farrugia, \
            president and CEO of Mayo Clinic.

            Google will open an office in Rochester next year. In 2018, Mayo Clinic launched its platform; in March, it \
            signed with Apple.

            "We are proud to partner with Mayo Clinic," Sundar Pichai said on Monday.
            """
        let document = ArticleExtractor(source: Source(id: "news"), published: Day(iso: "2019-09-11")).document(for: ArticleText(text))
        #expect(document.sources.first?.language == "en")
        #expect(document.events.map(\.date.edtf) == ["2019-09-10", "2020", "2018", "2018-03", "2019-09-09"])
        #expect(document.events.map { $0.quotes.map(\.speaker) } == [["Gianrico Farrugia"], [], [], [], ["Sundar Pichai"]])
        #expect(document.events[0].title == "Mayo Clinic announced a 10-year strategic partnership with Google, the health system said")
        #expect(document.events[0].actors.last == ActorRole(name: "Gianrico Farrugia", role: "speaker"))
        #expect(document.events[0].sources.first?.locator == "paragraph 2")
    }

    @Test func storedActorsAreRecognisedByNameAndAlias() {
        let extractor = ArticleExtractor(
            source: Source(id: "a"), published: Day(iso: "2022-10-19"), language: "fr",
            knownActors: [
                ActorProfile(name: "Mayo Clinic", aliases: ["clinique Mayo"]),
                ActorProfile(name: "World Health Summit", aliases: ["Sommet mondial de la santé"]),
            ])
        let document = extractor.document(for: ArticleText("Le 10 septembre 2019, la CLINIQUE MAYO a parlé au sommet mondial de la sante."))
        #expect(document.events.first?.actors.map(\.name) == ["Mayo Clinic", "World Health Summit"])
        #expect(document.actors.isEmpty)
    }

    // MARK: The command

    @Test func mentionsAreJSONLines() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try runTimeline(
            ["extract", "-", "--mentions", "--published", "2022-10-19"], in: folder,
            stdin: "Le 10 septembre 2019, « dix ans » ; lundi, Biwer a parlé.")
        #expect(result.status == 0)
        #expect(
            result.stdout == """
                {"text": "10 septembre 2019", "start": 3, "end": 20, "type": "date", "value": "2019-09-10"}
                {"text": "dix ans", "start": 24, "end": 31, "type": "duration", "value": "P10Y"}
                {"text": "lundi", "start": 36, "end": 41, "type": "date", "value": "2022-10-17"}

                """)
        let undecided = try runTimeline(["extract", "-", "--mentions"], in: folder, stdin: "Hier, lundi, Biwer a parlé.")
        #expect(undecided.status == 0)
        #expect(undecided.stdout.contains(#""text": "Hier", "start": 0, "end": 4, "type": "date", "value": null"#))
        #expect(undecided.stderr == "warning: 2 relative dates have no value without --published (the first: \"Hier\")\n")
    }

    @Test func theProposalImports() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let article = packageRoot.appendingPathComponent("examples/mayo-google-article-fr.txt").path
        let extracted = try runTimeline(
            ["extract", article, "--published", "2022-10-19", "--title", "Perspective", "--url", "https://example.org/perspective"],
            in: folder)
        #expect(extracted.status == 0)
        try extracted.stdout.write(toFile: folder.path("proposed.json"), atomically: true, encoding: .utf8)
        let dryRun = try runTimeline(["import", "proposed.json", "--db", "news.db", "--dry-run"], in: folder)
        #expect(dryRun.status == 0)
        #expect(dryRun.stderr.hasPrefix("dry run, nothing written: would import 14 events: 14 added"))
        // Into a database that already has the actors (with other kinds and aliases): linked, no conflict.
        #expect(
            try runTimeline(
                ["import", packageRoot.appendingPathComponent("examples/mayo-google.json").path, "--db", "example.db"], in: folder
            ).status == 0)
        #expect(try runTimeline(["import", "proposed.json", "--db", "example.db"], in: folder).status == 0)
        let pichai = try runTimeline(["show", "--db", "example.db", "--actor", "Sundar Pichai", "--tag", "extracted"], in: folder)
        #expect(pichai.stdout.contains("Sundar Pichai : « Nous sommes fiers de nous associer à la… »"))
        #expect(!FileManager.default.fileExists(atPath: folder.path("news.db")))
        #expect(try runTimeline(["import", "proposed.json", "--db", "news.db"], in: folder).status == 0)
        let shown = try runTimeline(["show", "--db", "news.db", "--tag", "extracted", "--on", "2019-09-10"], in: folder)
        #expect(shown.stdout.contains("La Mayo Clinic a annoncé un partenariat de 10 ans avec Google"))
        // Nothing was written by extract itself, and the same article extracts the same document.
        let again = try runTimeline(
            ["extract", article, "--published", "2022-10-19", "--title", "Perspective", "--url", "https://example.org/perspective"],
            in: folder)
        #expect(again.stdout == extracted.stdout)
        let lines = try runTimeline(["extract", article, "--published", "2022-10-19", "--format", "jsonl"], in: folder)
        #expect(lines.stdout.split(separator: "\n").filter { $0.hasPrefix(#"{"type":"event""#) }.count == 14)
    }

    @Test func badInputIsRefusedWithOneLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = try runTimeline(["extract", "nowhere.txt"], in: folder)
        #expect(missing.status == 1 && missing.stderr == "error: cannot read nowhere.txt: no such file\n")
        let badDay = try runTimeline(["extract", "-", "--published", "19/10/2022"], in: folder, stdin: "x")
        #expect(badDay.status == 64)
        #expect(badDay.stderr.hasPrefix("error: --published 19/10/2022 is not a day: give YYYY-MM-DD"))
        try Data([0x4C, 0xE9, 0x20, 0x32, 0x30, 0x31, 0x39]).write(to: folder.url.appendingPathComponent("latin1.txt"))
        let latin1 = try runTimeline(["extract", "latin1.txt"], in: folder)
        #expect(latin1.status == 1 && latin1.stderr == "error: latin1.txt is not UTF-8 text\n")
        let noDatabase = try runTimeline(["extract", "-", "--db", "none.db"], in: folder, stdin: "En 2019.")
        #expect(noDatabase.status == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.path("none.db")))
    }
}
