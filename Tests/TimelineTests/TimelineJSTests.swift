import Foundation
import Testing

@testable import Timeline

/// The TimelineJS3 JSON format, as its documentation describes it (website/docs/json-format.njk).
struct TimelineJSFile: Decodable {
    struct DateObject: Decodable, Equatable, Sendable, CustomStringConvertible {
        var year: Int
        var month: Int?
        var day: Int?
        var description: String { [year, month, day].compactMap { $0.map(String.init) }.joined(separator: "-") }
    }
    struct Text: Decodable {
        var headline: String?
        var text: String?
    }
    struct Media: Decodable {
        var url: String
        var caption: String?
        var credit: String?
    }
    struct Slide: Decodable {
        var startDate: DateObject?
        var endDate: DateObject?
        var displayDate: String?
        var text: Text?
        var media: Media?
        var group: String?
        var uniqueId: String?
    }
    var title: Slide?
    var eras: [Slide]?
    var events: [Slide]

    init(_ text: String) throws {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        self = try decoder.decode(TimelineJSFile.self, from: Data(text.utf8))
    }
}

@Suite("TimelineJS export and import")
struct TimelineJSTests {
    typealias DateObject = TimelineJSFile.DateObject

    func export(
        _ events: [Event], records: TimelineDocument = TimelineDocument(), title: String = "Timeline",
        groupBy: TimelineJSWriter.Grouping = .kind
    ) -> String {
        var writer = TimelineJSWriter(records: records, title: title, groupBy: groupBy)
        var output = StringOutput()
        writer.write(events, to: &output)
        return output.text
    }

    func slide(_ edtf: String) throws -> (TimelineJSFile.Slide, String) {
        let text = export([Event(id: "e", title: "E", date: date(edtf))])
        return (try TimelineJSFile(text).events[0], text)
    }

    /// What a round trip must keep.
    func essentials(_ events: [Event]) -> [String] {
        events.map { [$0.id ?? "-", $0.date.edtf, $0.title, $0.summary ?? "-", $0.kind ?? "-"].joined(separator: " | ") }
    }

    // MARK: - Export

    @Test(
        arguments: [
            ("2019", DateObject(year: 2019), nil, nil),
            ("2019-09", DateObject(year: 2019, month: 9), nil, nil),
            ("2019-09-10", DateObject(year: 2019, month: 9, day: 10), nil, nil),
            ("2022-10-17?", DateObject(year: 2022, month: 10, day: 17), nil, "17 Oct 2022?"),
            ("2021~", DateObject(year: 2021), nil, "c. 2021"),
            ("2019-XX", DateObject(year: 2019), nil, "2019 (month unknown)"),
            ("201X", DateObject(year: 2010), DateObject(year: 2019), "2010s"),
            ("2004-06/2006-08", DateObject(year: 2004, month: 6), DateObject(year: 2006, month: 8), nil),
            (
                "2019-09-10/2029-09~", DateObject(year: 2019, month: 9, day: 10), DateObject(year: 2029, month: 9),
                "10 Sep 2019 – c. Sep 2029"
            ),
            ("2019-09-10/..", DateObject(year: 2019, month: 9, day: 10), nil, "10 Sep 2019 – present"),
            ("2019-09-10/", DateObject(year: 2019, month: 9, day: 10), nil, "10 Sep 2019 – ?"),
            ("../2022", DateObject(year: 2022), nil, "… – 2022"),
        ] as [(String, DateObject, DateObject?, String?)])
    func datesKeepTheirPrecision(edtf: String, start: DateObject, end: DateObject?, display: String?) throws {
        let (slide, text) = try slide(edtf)
        #expect(slide.startDate == start)
        #expect(slide.endDate == end)
        if end == nil { #expect(!text.contains("end_date"), "no end_date at all: an empty one renders as January 1, 0") }
        #expect(slide.displayDate == display)
    }

    @Test func slidesCarryTitleTextIdAndEscapedHTML() throws {
        let event = Event(
            id: "att-deal", title: "AT&T <b>\"big\"</b> deal", date: date("2019-09-10"), summary: "One <two> & three.\nFour.",
            kind: "deal", actors: [ActorRole(name: "AT&T", role: "buyer"), ActorRole(name: "Time Warner")],
            quotes: [
                Quote(
                    speaker: "R. <Stephenson>", text: "C'est \"fait\"", language: "fr", translation: "It's done", translationLanguage: "en")
            ])
        let file = try TimelineJSFile(export([event], title: "Deals & <mergers>"))
        #expect(file.title?.text?.headline == "Deals &amp; &lt;mergers&gt;")
        #expect(file.title?.text?.text == nil, "no partnerships, no line")
        let slide = try #require(file.events.first)
        #expect(slide.uniqueId == "att-deal")
        #expect(slide.text?.headline == "AT&amp;T &lt;b&gt;&quot;big&quot;&lt;/b&gt; deal")
        #expect(
            slide.text?.text
                == "<p>One &lt;two&gt; &amp; three.<br>Four.</p><div class=\"timeline-details\"><p>Actors: AT&amp;T (buyer), Time Warner</p>"
                + "<blockquote><p lang=\"fr\">C'est &quot;fait&quot;</p><p lang=\"en\"><em>It's done</em></p><cite>R. &lt;Stephenson&gt;</cite></blockquote></div>"
        )
        #expect(slide.group == "deal")
        #expect(slide.media == nil)
    }

    @Test func groupsAreKindsOrPartnershipNames() throws {
        let records = TimelineDocument(partnerships: [
            Partnership(id: "mg", name: "Mayo – Google", members: [ActorRole(name: "Mayo"), ActorRole(name: "Google")])
        ])
        let events = [
            Event(title: "A", date: date("2019"), kind: "launch", partnership: "mg"),
            Event(title: "B", date: date("2020"), kind: "R&D <lab>", partnership: "gone"),
            Event(title: "C", date: date("2021")),
        ]
        // TimelineJS strips a group's markup, then shows it as HTML: escaped twice, it shows as typed.
        #expect(
            try TimelineJSFile(export(events, records: records)).events.map(\.group) == ["launch", "R&amp;amp;D &amp;lt;lab&amp;gt;", nil])
        #expect(
            try TimelineJSFile(export(events, records: records, groupBy: .partnership)).events.map(\.group) == [
                "Mayo – Google", "gone", nil,
            ])
        #expect(try TimelineJSFile(export(events, records: records, groupBy: .none)).events.map(\.group) == [nil, nil, nil])
    }

    @Test func onlyPartnershipsWithBothEndsBecomeEras() throws {
        let members = [ActorRole(name: "A"), ActorRole(name: "B")]
        let records = TimelineDocument(partnerships: [
            Partnership(id: "dated", name: "A & B", members: members, date: date("2019-09-10/2029-09~")),
            Partnership(id: "open", name: "Open", members: members, date: date("2019/..")),
            Partnership(id: "unknown-end", name: "Unknown end", members: members, date: date("2019/")),
            Partnership(id: "agreed", name: "Agreed", members: members, date: date("2019")),
            Partnership(id: "undated", name: "Undated", members: members),
        ])
        let file = try TimelineJSFile(export([], records: records))
        #expect(file.title?.text?.text == "5 partnerships")
        let era = try #require(file.eras?.first)
        #expect(file.eras?.count == 1)
        #expect(era.startDate == DateObject(year: 2019, month: 9, day: 10))
        #expect(era.endDate == DateObject(year: 2029, month: 9))
        #expect(era.text?.headline == "A &amp; B")
        #expect(file.events.isEmpty)
    }

    @Test func articlesAreLinksInTheTextAndOnlyRealMediaIsMedia() throws {
        let records = TimelineDocument(sources: [
            Source(id: "article", title: "Mayo & Google", url: "https://example.org/a?b=1&c=2", publisher: "Le Monde")
        ])
        let events = [
            Event(title: "Cited by id", date: date("2019"), sources: [Citation(Source(title: "A book")), Citation(Source(id: "article"))]),
            Event(title: "No address", date: date("2019"), sources: [Citation(Source(title: "A book", url: "doi:10.1000/1"))]),
            Event(
                title: "A photo and a video", date: date("2019"),
                sources: [
                    Citation(Source(title: "Report", url: "https://example.org/report")),
                    Citation(Source(title: "Photo", url: "https://example.org/img/Photo.JPG?size=2", publisher: "AP")),
                    Citation(Source(title: "Video", url: "https://www.youtube.com/watch?v=abc")),
                ]),
        ]
        let file = try TimelineJSFile(export(events, records: records))
        #expect(file.events[0].media == nil, "an article is not media")
        #expect(
            file.events[0].text?.text == "<div class=\"timeline-details\"><p>Source: <a href=\"https://example.org/a?b=1&amp;c=2\" "
                + "target=\"_blank\" rel=\"noopener\">Mayo &amp; Google</a>, Le Monde</p></div>")
        #expect(file.events[1].media == nil)
        #expect(file.events[1].text?.text == nil, "no link for an address that is not the web's")
        let media = try #require(file.events[2].media)
        #expect(media.url == "https://example.org/img/Photo.JPG?size=2")
        #expect(media.caption == "Photo")
        #expect(media.credit == "AP")
        #expect(file.events[2].text?.text?.contains("Sources: <a href=\"https://example.org/report\"") == true)
        #expect(file.events[2].text?.text?.contains("https://www.youtube.com/watch?v=abc") == true)
        // All of them come back as sources.
        let back = try TimelineJSReader.document(fromJSON: Data(export(events, records: records).utf8)).events
        #expect(
            back.map { $0.sources.compactMap(\.source.url) } == [
                ["https://example.org/a?b=1&c=2"], [],
                ["https://example.org/img/Photo.JPG?size=2", "https://example.org/report", "https://www.youtube.com/watch?v=abc"],
            ])
    }

    @Test(arguments: [
        ("https://youtu.be/abc", true), ("https://vimeo.com/1", true), ("https://upload.example.org/a.png", true),
        ("https://example.org/article", false), ("https://example.org/a.png.html", false), ("ftp://example.org/a.png", false),
        ("https://notyoutube.com/x", false),
    ]) func mediaIsAFileOrAKnownHost(url: String, isMedia: Bool) {
        #expect(TimelineJSWriter.isMediaURL(url) == isMedia)
    }

    @Test func manyPartnershipsFoldIntoOtherPartnerships() throws {
        let partnerships = (1...10).map { Partnership(id: "p\($0)", name: "Partnership \($0)") }
        // Partnership k has k events, so 10 down to 4 keep their groups.
        let events =
            (1...10).flatMap { k in (0..<k).map { _ in Event(title: "e", date: date("2020"), partnership: "p\(k)") } }
            + [Event(title: "none", date: date("2020"))]
        let file = try TimelineJSFile(export(events, records: TimelineDocument(partnerships: partnerships), groupBy: .partnership))
        #expect(file.events.count == events.count, "each event once")
        let groups = Set(file.events.compactMap(\.group))
        #expect(groups.count == TimelineJSWriter.maximumGroups)
        #expect(groups == Set((4...10).map { "Partnership \($0)" } + ["Other partnerships"]))
        #expect(file.events.filter { $0.group == "Other partnerships" }.count == 1 + 2 + 3)
    }

    @Test func theOutputIsByteStable() {
        let records = TimelineDocument(partnerships: [
            Partnership(
                id: "mg", name: "Mayo – Google", members: [ActorRole(name: "Mayo"), ActorRole(name: "Google")],
                date: date("2019-09-10/2029-09"))
        ])
        let events = [
            Event(id: "deal", title: "Deal", date: date("2019-09-10?"), summary: "Ten years.", kind: "partnership", partnership: "mg")
        ]
        let text = export(events, records: records, title: "Mayo Clinic")
        #expect(text == export(events, records: records, title: "Mayo Clinic"))
        #expect(
            text == """
                {
                  "title": {
                    "text": {
                      "headline": "Mayo Clinic",
                      "text": "1 partnership"
                    }
                  },
                  "eras": [
                    {
                      "start_date": {
                        "year": 2019,
                        "month": 9,
                        "day": 10
                      },
                      "end_date": {
                        "year": 2029,
                        "month": 9
                      },
                      "text": {
                        "headline": "Mayo – Google"
                      }
                    }
                  ],
                  "events": [
                    {
                      "start_date": {
                        "year": 2019,
                        "month": 9,
                        "day": 10
                      },
                      "display_date": "10 Sep 2019?",
                      "text": {
                        "headline": "Deal",
                        "text": "<p>Ten years.</p>"
                      },
                      "group": "partnership",
                      "unique_id": "deal"
                    }
                  ]
                }

                """)
        #expect(export([]).hasSuffix("\"events\": []\n}\n"))
    }

    // MARK: - Round trips

    @Test func theExampleRoundTrips() throws {
        let store = try memoryStore()
        try store.importDocument(try JSONDocumentReader.document(from: packageFile("examples/mayo-google.json")))
        let events = try store.events()
        let records = try store.records(for: EventFilter())
        let text = export(events, records: records)
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
        #expect(try TimelineJSFile(text).eras?.map { $0.text?.headline } == ["Mayo Clinic – Google strategic partnership"])
        let read = try TimelineJSReader.document(fromJSON: Data(text.utf8)).events
        #expect(essentials(read) == essentials(events))
        #expect(events.count == 7)

        // Grouped by partnership, the group holds the partnership's name instead of the kind.
        let byPartnership = try TimelineJSFile(export(events, records: records, groupBy: .partnership))
        #expect(byPartnership.events.filter { $0.group == "Mayo Clinic – Google strategic partnership" }.count == 4)
    }

    @Test func trickyEventsRoundTrip() throws {
        let dates = [
            "2019", "2019-09", "2019-09-10", "2021~", "2022-10-17?", "2021-04%", "201X", "19XX", "2019-XX", "2019-09-XX",
            "2004-06/2006-08", "2019-09-10/2029-09~", "2019-09-10/..", "2019-09-10/", "../2022", "/2022-03",
        ]
        let events = dates.enumerated().map { index, edtf in
            Event(
                id: index.isMultiple(of: 2) ? "event-\(index)" : nil, title: "AT&T <\"\(edtf)\"> & co",
                date: date(edtf), summary: index.isMultiple(of: 3) ? nil : "Line <one> & \"two\"\nLine 'three'",
                kind: index.isMultiple(of: 4) ? nil : "R&D <lab>",
                quotes: [Quote(speaker: "Someone", text: "Not the summary", language: "en")])
        }
        let read = try TimelineJSReader.document(fromJSON: Data(export(events).utf8)).events
        #expect(essentials(read) == essentials(events))
    }

    @Test func aWebSourceComesBackAsACitation() throws {
        let event = Event(
            id: "e", title: "E", date: date("2019"), sources: [Citation(Source(title: "Article", url: "https://example.org/a"))])
        let read = try TimelineJSReader.document(fromJSON: Data(export([event]).utf8)).events
        #expect(read.first?.sources == [Citation(Source(url: "https://example.org/a"))])
    }

    // MARK: - Import

    @Test func aHandWrittenTimelineReads() throws {
        let json = #"""
            {
              "title": {
                "media": {"url": "https://example.org/houston.jpg", "caption": "Whitney Houston"},
                "text": {"headline": "Whitney Houston<br/> 1963 - 2012", "text": "<p>Houston's voice caught the imagination of the world.</p>"}
              },
              "eras": [
                {"start_date": {"year": "1985"}, "end_date": {"year": "1999"}, "text": {"headline": "The hit years"}}
              ],
              "events": [
                {
                  "media": {"url": "https://youtu.be/abc", "caption": "Homecoming", "credit": "CBS"},
                  "start_date": {"month": "8", "day": "9", "year": "1963"},
                  "display_date": "1963",
                  "text": {"headline": "A Musical Heritage", "text": "<p>Born in New Jersey on August 9th, 1963,\n   Houston grew up surrounded by the music business.</p><p>Her mother is gospel singer Cissy Houston.</p>"}
                },
                {
                  "start_date": {"year": 1985},
                  "end_date": {"year": 1986, "month": 3},
                  "display_date": "Spring 1985",
                  "text": {"headline": "<i>Whitney Houston</i>"},
                  "group": "Albums",
                  "unique_id": "first-album"
                },
                {
                  "start_date": {"year": 2012, "month": 2, "day": 11, "display_date": "c. 11 Feb 2012"},
                  "end_date": {},
                  "text": {"headline": "Death &amp; legacy", "text": "She died &quot;suddenly&quot;&nbsp;at 48 &#39;&#x41;&#39;"},
                  "group": "<b>Life</b>",
                  "unique_id": "Not An ID!",
                  "media": {"url": "ftp://example.org/file"}
                }
              ]
            }
            """#
        let events = try TimelineJSReader.document(fromJSON: Data(json.utf8)).events
        // Display dates that do not parse ("Spring 1985") or disagree with the date objects ("1963") are only displays.
        #expect(
            essentials(events) == [
                "- | 1963-08-09 | A Musical Heritage | Born in New Jersey on August 9th, 1963, Houston grew up surrounded by the music business.\nHer mother is gospel singer Cissy Houston. | -",
                "first-album | 1985/1986-03 | Whitney Houston | - | Albums",
                "- | 2012-02-11~ | Death & legacy | She died \"suddenly\" at 48 'A' | Life",
            ])
        #expect(events[0].sources == [Citation(Source(url: "https://youtu.be/abc"))])
        #expect(events[2].sources.isEmpty)

        let store = try memoryStore()
        try store.importDocument(TimelineDocument(events: events))
        #expect(try store.eventCount() == 3)
    }

    @Test func spreadsheetRowsAreReadByPosition() throws {
        // A translated header: only the positions count.
        let rows = [
            [
                "Año", "Mes", "Día", "Hora", "Año final", "Mes final", "Día final", "Hora final", "Fecha", "Titular", "Texto",
                "Medio", "Crédito", "Leyenda", "Miniatura", "Tipo", "Grupo", "Fondo",
            ],
            [
                "", "", "", "", "", "", "", "", "", "Women in Computing", "<p class=\"lead\">A sample</p>", "", "", "", "", "title", "",
                "#fff",
            ],
            ["1940", "", "", "", "1950", "", "", "", "", "The war years", "", "", "", "", "", "era", "", ""],
            [
                "1815", "12", "10", "", "1852", "11", "27", "", "", "Ada Lovelace", "<p>Often credited as the first programmer.</p>",
                "https://example.org/ada.jpg", "Wikimedia Commons", "Portrait", "", "", "People", "",
            ],
            ["", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
            ["1,952", "", "", "", "1952", "", "", "", "c. 1952", "Grace Hopper invents the compiler"],
            [" 1943 ", "6", "5", "10:30 AM", "", "", "", "", "", "The First Computer", "", "", "", "", "", "", "Machines", ""],
        ]
        let events = try TimelineJSReader.document(fromSpreadsheetRows: rows).events
        #expect(
            essentials(events) == [
                "- | 1815-12-10/1852-11-27 | Ada Lovelace | Often credited as the first programmer. | People",
                "- | 1952~ | Grace Hopper invents the compiler | - | -",
                "- | 1943-06-05 | The First Computer | - | Machines",
            ])
        #expect(events[0].sources == [Citation(Source(url: "https://example.org/ada.jpg"))])
        #expect(TimelineJSReader.columns.count == 18 && TimelineJSReader.columns[15] == "Type")
    }

    // MARK: - Errors

    @Test(arguments: [
        (#"{"start_date": {"year": 2019, "month": 13}, "text": {"headline": "x"}}"#, #"field "start_date.month": month 13 does not exist"#),
        (
            #"{"start_date": {"year": 2019, "month": 2, "day": 30}, "text": {"headline": "x"}}"#,
            #"field "start_date.day": February 2019 has 28 days"#
        ),
        (
            #"{"start_date": {"year": 2019, "day": 3}, "text": {"headline": "x"}}"#,
            #"field "start_date.month": missing; a day needs its month"#
        ),
        (#"{"start_date": {"year": "20x9"}, "text": {"headline": "x"}}"#, #"field "start_date.year": expected a whole number, got "20x9""#),
        (#"{"start_date": {"year": 2019.5}, "text": {"headline": "x"}}"#, #"field "start_date.year": expected a whole number"#),
        (#"{"start_date": {"year": -500}, "text": {"headline": "x"}}"#, #"field "start_date.year": years run from 0001 to 9999"#),
        (
            #"{"start_date": {"year": 2019}, "end_date": {"month": 5}, "text": {"headline": "x"}}"#,
            #"field "end_date.year": missing; a date needs its year"#
        ),
        (
            #"{"start_date": {"year": 2019}, "end_date": {"year": 2018}, "text": {"headline": "x"}}"#,
            #"field "end_date": the interval ends (2018) before it starts (2019)"#
        ),
        (#"{"text": {"headline": "x"}}"#, #"field "start_date": missing; an event needs a date"#),
        (
            #"{"start_date": {"year": 2019}, "text": {"text": "no headline"}}"#,
            #"field "text.headline": missing; an event needs a headline"#
        ),
        (#"{"start_date": {"year": 2019}, "text": {"headline": 42}}"#, #"field "text.headline": expected a string"#),
        (#"{"start_date": {"year": 2019}, "text": "x"}"#, #"field "text": expected an object"#),
        (
            #"{"start_date": {"year": 2019}, "text": {"headline": "x"}, "group": "a\u0007b"}"#,
            #"field "group": "a?b": it contains the control character U+7; remove it"#
        ),
        ("[]", "expected a slide object"),
    ])
    func aBadSlideNamesItsPositionAndField(slide: String, reason: String) {
        let json =
            #"{"title": {"text": {"headline": "Not an event"}}, "events": [{"start_date": {"year": 2019}, "text": {"headline": "fine"}}, "#
            + slide + "]}"
        #expect(throws: TimelineError.importFailed(location: "slide 2", reason: reason)) {
            try TimelineJSReader.document(fromJSON: Data(json.utf8))
        }
    }

    @Test(arguments: [
        ("{\"events\": [", "not valid JSON (unexpected end of input at byte 13)"),
        ("{}", #"field "events": missing; a TimelineJS file is an object with an events array"#),
    ])
    func aBadFileIsRefused(json: String, reason: String) {
        #expect(throws: TimelineError.importFailed(location: "the document", reason: reason)) {
            try TimelineJSReader.document(fromJSON: Data(json.utf8))
        }
    }

    @Test(arguments: [
        (["2019", "13"], #"field "Month": month 13 does not exist"#),
        (["2019", "2", "29"], #"field "Day": February 2019 has 28 days"#),
        (["2019", "", "", "", "", "5"], #"field "End Year": missing; a date needs its year"#),
        (["", "", "", "", "", "", "", "", "", "x"], #"field "Year": missing; an event needs a date"#),
        (["2019", "", "", "", "2020"], #"field "Headline": missing; an event needs a headline"#),
        (["MMXIX", "", "", "", "", "", "", "", "", "x"], #"field "Year": expected a whole number, got "MMXIX""#),
    ])
    func aBadRowNamesItsNumberAndColumn(row: [String], reason: String) {
        let rows = [
            TimelineJSReader.columns, ["", "", "", "", "", "", "", "", "", "Title", "", "", "", "", "", "title"],
            ["2019", "", "", "", "", "", "", "", "", "fine"], row,
        ]
        #expect(throws: TimelineError.importFailed(location: "row 4", reason: reason)) {
            try TimelineJSReader.document(fromSpreadsheetRows: rows)
        }
    }
}
