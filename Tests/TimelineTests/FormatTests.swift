import Foundation
import Testing
import Timeline

@Suite("JSON Lines, CSV, Timesketch and format detection")
struct FormatTests {
    func export(_ store: Store, _ format: Format, options: OutputOptions = OutputOptions()) throws -> String {
        var output = StringOutput()
        try store.write(format, matching: EventFilter(), options: options, to: &output)
        return output.text
    }

    @discardableResult
    func importText(_ text: String, into store: Store, as format: Format? = nil, dryRun: Bool = false) throws -> ImportReport {
        var input = InputBytes(data: Data(text.utf8))
        let format = try format ?? Format.detect(path: nil, input: &input)
        var reader = try format.reader(input)
        return try store.importRecords(from: &reader, dryRun: dryRun)
    }

    func exampleStore() throws -> Store {
        let store = try memoryStore()
        try store.importDocument(try JSONDocumentReader.document(from: try packageFile("examples/mayo-google.json")))
        return store
    }

    /// Events whose every text field is hostile to CSV, spreadsheets and our list cells.
    static let hostile: [Event] = [
        Event(
            id: "hostile", title: "=HYPERLINK(\"http://evil\",\"click\"), then \"quotes\"", date: date("c. 2021"),
            summary: "+1 line one\nline two, with a comma\r\nand CRLF; and a semicolon",
            kind: "-statement",
            actors: [
                ActorRole(name: "@Société (Générale); SA [FR]", role: "lender (main)"),
                ActorRole(name: "Back\\slash Ltd"),
            ],
            tags: ["a;b", "(x)", "é"], sources: [Citation(Source(title: "Le titre (2019); vol. 2"), locator: "p. 3 (top)")],
            quotes: [
                Quote(
                    speaker: "@Société (Générale); SA [FR]", text: "« Oui ; non » [sic] {braces}", language: "fr",
                    translation: "\"Yes; no\" [sic]", translationLanguage: "en",
                    source: Citation(Source(title: "Le titre (2019); vol. 2"), locator: "§ {4}"))
            ]),
        Event(id: "plain", title: "'=already escaped", date: date("2022-10-17?"), summary: "'hello"),
    ]

    /// The JSON Lines writer builds event lines field by field for speed; it promises the same
    /// keys, order and bytes as the document's `Event.jsonValue`: checked on the example (quotes,
    /// roles, cited sources), hostile text, a source without id, and a search snippet.
    @Test func jsonLinesEventsAreTheDocumentsEventValue() throws {
        var events = try exampleStore().events() + Self.hostile
        events.append(
            Event(
                title: "No id, source without id", date: date("2019/.."),
                sources: [Citation(Source(title: "Untitled \u{1} report", url: "https://example.org/r?a=1&b=\"2\""), locator: "p. 1")]))
        events += try exampleStore().events(matching: EventFilter(search: "cornerstone"))
        #expect(events.contains { $0.snippet != nil })
        for event in events {
            var line = StringOutput()
            var writer = JSONLinesWriter()
            writer.write(event, to: &line)
            var expected = StringOutput()
            guard case .object(let members) = event.jsonValue else {
                Issue.record("not an object")
                continue
            }
            JSONValue.object([("type", .string("event"))] + members).writeCompact(to: &expected)
            #expect(line.text == expected.text + "\n")
        }
    }

    /// The registry is the one list: names, aliases and extensions each name one format, and
    /// lookups by name, alias and file name come from it.
    @Test func formatsAreDeclaredOnceInTheRegistry() throws {
        let names = Format.all.flatMap { [$0.name] + $0.aliases }
        #expect(Set(names).count == names.count, "\(names)")
        let extensions = Format.all.flatMap(\.fileExtensions)
        #expect(Set(extensions).count == extensions.count, "\(extensions)")
        #expect(Format.named("ics") == .ical && Format.named("MD") == .markdown && Format.named("xml") == nil)
        #expect(Format.forFile("out/Timeline.HTML") == .html && Format.forFile("x.jsonl") == .jsonl && Format.forFile("x.db") == nil)
        #expect(Format.all.filter(\.canRead).map(\.name) == ["json", "jsonl", "csv", "timelinejs", "timelinejs-csv"])
        var input = InputBytes(data: Data("# Timeline\n".utf8))
        #expect { try Format.detect(path: "notes.md", input: &input) } throws: { "\($0)".contains("markdown cannot be imported") }
    }

    @Test func jsonLinesRoundTripsManyEventsByteForByte() throws {
        let store = try exampleStore()
        for index in 0..<2_000 {
            try store.add(
                Event(
                    id: "generated-\(index)", title: "Événement \(index), \"cité\"", date: date("2000-01-01/2000-01-02"),
                    actors: [ActorRole(name: "Actor \(index % 37)")], tags: ["t\(index % 5)"]))
        }
        let exported = try export(store, .jsonl)
        #expect(exported.split(separator: "\n").count == 2_007 + 10 + 1 + 1 + 37)
        let copy = try memoryStore()
        let report = try importText(exported, into: copy)
        #expect(report.events.added == 2_007)
        #expect(try export(copy, .jsonl) == exported)
    }

    @Test func csvRoundTripsHostileCells() throws {
        let store = try memoryStore()
        try store.importEvents(Self.hostile)
        let csv = try export(store, .csv)
        #expect(csv.contains("\r\n'=HYPERLINK") == false, "the title is quoted, its apostrophe inside the quotes")
        #expect(csv.contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\"), then \"\"quotes\"\"\""))
        #expect(csv.contains(",'-statement,"))
        #expect(
            csv.contains("\\@Société \\(Générale\\)\\; SA \\[FR\\] (lender \\(main\\))") == false,
            "@ is escaped as a formula, not with a backslash")
        #expect(csv.contains("'@Société \\(Générale\\)\\; SA \\[FR\\] (lender \\(main\\)); Back\\\\slash Ltd"))
        #expect(csv.contains(",''=already escaped,"))
        let copy = try memoryStore()
        #expect(try importText(csv, into: copy).events.added == 2)
        #expect(try copy.event(id: "hostile")?.content == (try store.event(id: "hostile")?.content))
        #expect(try copy.event(id: "plain")?.title == "'=already escaped")
        #expect(try export(copy, .csv) == csv)
    }

    @Test func csvFormulaEscapingAndByteOrderMarkAreOptions() throws {
        let store = try memoryStore()
        try store.importEvents(Self.hostile)
        var options = OutputOptions()
        options.neutralizeFormulas = false
        options.byteOrderMark = true
        let raw = try export(store, .csv, options: options)
        #expect(raw.hasPrefix("\u{FEFF}id,date,"))
        #expect(raw.contains(",-statement,"))
        let copy = try memoryStore()
        try importText(raw, into: copy)
        #expect(try copy.event(id: "hostile")?.kind == "-statement", "the byte order mark is skipped on import")
    }

    @Test(arguments: [
        ("id,title,date\r\na,\"unterminated,2019\r\n", "row 2 (line 2)", "a quoted field starts there and is never closed"),
        ("id,title,date\r\na,fine,2019\r\nb,bad \"quote\" here,2019\r\n", "row 3 (line 3)", "a quote inside an unquoted field"),
        ("id,title,date\r\na,fine,2019\r\nb,bad,2019-13\r\n", "row 3 (line 3, id \"b\")", "month 13 does not exist"),
        ("id,title,when\r\n", "row 1, column 3", "unknown column \"when\""),
        ("id,title\r\n", "row 1", "no \"date\" column"),
        ("title,date,quotes\r\nx,2019,no language here\r\n", "row 2 (line 2)", "write a quote as: speaker [fr]: text"),
        ("title,date\r\n\"multi\nline\",2019\r\ny,soonish\r\n", "row 3 (line 4)", "not a date this tool understands"),
        ("id,title,date\r\nx,a,2020,extra\r\n", "row 2 (line 2)", "4 cells for 3 columns"),
        ("id,title,Title,date\r\n", "row 1, column 3", "the column \"title\" appears twice"),
    ])
    func csvErrorsNameTheRowAndLine(csv: String, location: String, reason: String) throws {
        let store = try memoryStore()
        #expect { try importText(csv, into: store, as: .csv) } throws: { error in
            guard case .importFailed(let at, let why) = error as? TimelineError else { return false }
            return at == location && why.contains(reason)
        }
        #expect(try store.eventCount() == 0)
    }

    @Test func csvThatIsNotUTF8IsRefused() throws {
        let store = try memoryStore()
        var bytes = Array("id,title,date\r\nx,caf".utf8)
        bytes += [0xE9]  // Latin-1 é
        bytes += Array(",2020\r\n".utf8)
        var reader = try Format.csv.reader(InputBytes(data: Data(bytes)))
        #expect { try store.importRecords(from: &reader) } throws: { error in
            guard case .importFailed(let at, let why) = error as? TimelineError else { return false }
            return at == "row 2 (line 2)" && why.contains("not UTF-8")
        }
        #expect(try store.eventCount() == 0)
    }

    @Test func jsonLinesErrorsNameTheLine() throws {
        let store = try memoryStore()
        let text =
            "{\"type\":\"event\",\"title\":\"a\",\"date\":\"2019\"}\n\n{\"type\":\"event\",\"title\":\"b\",\"date\":\"2019-02-30\"}\n"
        #expect { try importText(text, into: store) } throws: { error in
            guard case .importFailed(let at, let why) = error as? TimelineError else { return false }
            return at == "line 3, field \"date\"" && why.contains("February 2019 has 28 days")
        }
        #expect { try importText("{\"type\":\"thing\"}\n", into: store, as: .jsonl) } throws: {
            "\($0)".contains("\"thing\" is not one of")
        }
        #expect { try importText("{\"title\": \n", into: store, as: .jsonl) } throws: {
            "\($0)".contains("line 1") && "\($0)".contains("not valid JSON")
        }
        #expect(try store.eventCount() == 0)
    }

    @Test func aCSVWithSomeColumnsUpdatesOnlyThose() throws {
        let store = try exampleStore()
        let before = try #require(try store.event(id: "pichai-statement-2019"))
        var reader = try Format.csv.reader(
            InputBytes(data: Data("id,title,date\r\npichai-statement-2019,Pichai: proud of the deal,2019-09\r\n".utf8)))
        let report = try store.importRecords(from: &reader, onConflict: .update)
        #expect(report.events.updated == 1)
        let after = try #require(try store.event(id: "pichai-statement-2019"))
        #expect(after.title == "Pichai: proud of the deal")
        #expect(after.actors == before.actors && after.tags == before.tags && after.quotes.map(\.text) == before.quotes.map(\.text))
        #expect(after.sources == before.sources && after.summary == before.summary && after.partnership == before.partnership)
        let same = "id,title,date\r\npichai-statement-2019,Pichai: proud of the deal,2019-09\r\n"
        var again = try Format.csv.reader(InputBytes(data: Data(same.utf8)))
        #expect(try store.importRecords(from: &again).events.unchanged == 1, "columns left out do not count as changes")
    }

    @Test func aDryRunCountsButWritesNothing() throws {
        let store = try exampleStore()
        let text =
            try export(store, .jsonl).replacingOccurrences(of: "Mayo Clinic launches", with: "Mayo Clinic opens")
            + "{\"type\":\"event\",\"title\":\"New\",\"date\":\"2024\"}\n"
        var reader = try Format.jsonl.reader(InputBytes(data: Data(text.utf8)))
        let report = try store.importRecords(from: &reader, onConflict: .update, dryRun: true)
        #expect(report.events.added == 1 && report.events.updated == 1 && report.events.unchanged == 6)
        #expect(try store.eventCount() == 7)
        #expect(try store.event(id: "mayo-clinic-platform-launch")?.title == "Mayo Clinic launches the Mayo Clinic Platform")
    }

    @Test(arguments: [
        ("{\n  \"timeline\": 2,\n  \"events\": []\n}\n", Format.json),
        ("{\"timeline\":1,\"events\":[]}", .json),
        ("{\"type\":\"actor\",\"name\":\"A\"}\n{\"type\":\"event\",\"title\":\"x\",\"date\":\"2019\"}\n", .jsonl),
        ("\u{FEFF}id,title,date\r\n", .csv),
        ("Year,Month,Day,Time,End Year\r\n", .timelinejsCSV),
        ("{\"title\": {\"text\": {\"headline\": \"T\"}}, \"events\": [{\"start_date\": {\"year\": 2019}}]}", .timelinejs),
    ])
    func formatsAreDetectedFromTheirContent(text: String, format: Format) throws {
        var input = InputBytes(data: Data(text.utf8))
        #expect(try Format.detect(path: nil, input: &input) == format)
    }

    @Test(arguments: [Format.json, .jsonl, .csv, .timelinejs])
    func aByteOrderMarkBeforeAnyFormatIsSkipped(format: Format) throws {
        let store = try exampleStore()
        let exported = try export(store, format)
        var input = InputBytes(data: Data(("\u{FEFF}" + exported).utf8))
        var reader = try Format.detect(path: nil, input: &input).reader(input)
        let report = try store.importRecords(from: &reader, onConflict: .update, dryRun: true)
        #expect(report.events.updated + report.events.unchanged == 7)
    }

    @Test func timesketchGetsItsRequiredFields() throws {
        let store = try exampleStore()
        let lines = try export(store, .timesketchJSONL).split(separator: "\n")
        let first = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(first["message"] as? String == "Mayo Clinic launches the Mayo Clinic Platform")
        #expect(first["datetime"] as? String == "2019-01-01T00:00:00+00:00")
        #expect(first["timestamp"] as? Int == 1_546_300_800_000_000)
        #expect(first["timestamp_desc"] as? String == "Event start (year precision)")
        #expect(first["date"] as? String == "2019")
        let uncertain = try #require(lines.first { $0.contains("google-rochester-office") })
        #expect(uncertain.contains("\"timestamp\":1568073600000000"))
        #expect(uncertain.contains("Event start (day precision, uncertain)"))
        let csv = try export(store, .timesketchCSV)
        #expect(csv.hasPrefix("message,datetime,timestamp,timestamp_desc,id,date,end,kind,partnership,actors,tags,sources\r\n"))
    }
}
