import Foundation
import Testing
import Timeline

@Suite("iCalendar export")
struct ICalendarTests {
    static let stamp = "20261130T120000Z"

    /// The calendar the writer makes of `events`.
    func calendar(_ events: [Event]) -> String {
        var writer = ICalendarWriter(stamp: Self.stamp)
        var output = StringOutput()
        writer.write(events, to: &output)
        return output.text
    }

    func calendar(_ event: Event) -> String { calendar([event]) }

    /// The physical lines, split at CRLF octets, each without its CRLF (the text ends in one).
    func physicalLines(_ text: String) -> [String] {
        Array(text.utf8).split(separator: [13, 10], omittingEmptySubsequences: false).dropLast()
            .map { String(decoding: $0, as: UTF8.self) }
    }

    /// The content lines, unfolded as RFC 5545 says: every CRLF followed by a space removed,
    /// octet by octet, then split at CRLF.
    func logicalLines(_ text: String) -> [String] {
        physicalLines(String(decoding: Array(text.utf8).replacing([13, 10, 32], with: []), as: UTF8.self))
    }

    /// The values of the content lines called `name` (with any parameters), in order.
    func values(_ name: String, in text: String) -> [String] {
        logicalLines(text).compactMap { line in
            guard let colon = line.firstIndex(of: ":"),
                line[..<colon].split(separator: ";").first.map(String.init) == name
            else { return nil }
            return String(line[line.index(after: colon)...])
        }
    }

    static let mayoGoogle = Event(
        id: "mayo-google", title: "Mayo Clinic and Google announce a ten-year partnership", date: date("2019-09-10"),
        summary: "Mayo Clinic moves its data to Google Cloud.", kind: "partnership",
        actors: [ActorRole(name: "Mayo Clinic", role: "partner"), ActorRole(name: "Google", role: "partner")],
        tags: ["cloud", "health"],
        sources: [
            Citation(Source(title: "Mayo Clinic selects Google", publisher: "Mayo Clinic")),
            Citation(Source(title: "Le partenariat", url: "https://example.org/a", language: "fr"), locator: "p. 2"),
        ],
        quotes: [
            Quote(
                speaker: "Molly Biwer", text: "Nous allons innover.", language: "fr",
                translation: "We will innovate.", translationLanguage: "en")
        ])

    @Test func aFullEventReadsAsExpected() {
        #expect(
            logicalLines(calendar(Self.mayoGoogle)) == [
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//timeline//timeline 0.1//EN",
                "CALSCALE:GREGORIAN",
                "X-WR-CALNAME:Timeline",
                "BEGIN:VEVENT",
                "UID:mayo-google@timeline",
                "DTSTAMP:20261130T120000Z",
                "DTSTART;VALUE=DATE:20190910",
                "DTEND;VALUE=DATE:20190911",
                "SUMMARY:Mayo Clinic and Google announce a ten-year partnership",
                "DESCRIPTION:Date: 10 Sep 2019 (EDTF 2019-09-10)\\nMayo Clinic moves its data to Google Cloud.\\n"
                    + "Actors: Mayo Clinic (partner)\\, Google (partner)\\nTags: cloud\\, health\\nQuotes:\\n"
                    + "- Molly Biwer: “Nous allons innover.” [fr]\\n  Translation [en]: “We will innovate.”\\n"
                    + "Sources:\\n- Mayo Clinic selects Google\\n- Le partenariat\\, https://example.org/a\\, at: p. 2",
                "CATEGORIES:partnership,cloud,health",
                "URL:https://example.org/a",
                "STATUS:CONFIRMED",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
                "END:VCALENDAR",
            ])
    }

    @Test func everyLineEndsInCRLFAndNoPhysicalLineIsLongerThan75Octets() {
        let text = calendar([
            Self.mayoGoogle,
            Event(
                id: "long", title: String(repeating: "Très long titre, ", count: 20),
                date: date("2019"), summary: "Line one\nline two\r\nline three"),
        ])
        #expect(text.hasSuffix("\r\n"))
        let lines = physicalLines(text)
        #expect(lines.count > 20)
        for line in lines {
            #expect(!line.contains("\r") && !line.contains("\n"), "no bare CR or LF: \(line)")
            #expect(line.utf8.count <= 75, "\(line.utf8.count) octets: \(line)")
        }
        #expect(lines.contains { $0.hasPrefix(" ") }, "long lines were folded")
    }

    @Test(arguments: 0..<4)
    func foldingNeverSplitsACharacterAndUnfoldingGivesBackTheLine(padding: Int) {
        // Shifting by 0-3 octets puts folds against each octet of 2-, 3- and 4-octet sequences.
        let title =
            String(repeating: "x", count: padding)
            + "Élysée : l’été où « la santé numérique » a décollé 🚀 — déjà réglé, à côté 🇫🇷 des hôpitaux 👩🏽‍⚕️ français"
        let text = calendar(Event(id: "fr", title: title, date: date("2019-09-10")))
        for line in Array(text.utf8).split(separator: [13, 10]) {
            #expect(line.count <= 75)
            #expect(String(validating: line, as: UTF8.self) != nil, "a line splits a UTF-8 sequence: \(Array(line))")
        }
        let summary = "SUMMARY:" + title.replacingOccurrences(of: ",", with: "\\,")
        #expect(logicalLines(text).contains(summary))
        let physical = physicalLines(text)
        let first = physical.firstIndex { $0.hasPrefix("SUMMARY:") }!
        let pieces = [physical[first]] + physical[(first + 1)...].prefix { $0.hasPrefix(" ") }.map { String($0.dropFirst()) }
        #expect(pieces.count == 3)
        #expect(pieces.flatMap(Array.init) == Array(summary), "each piece holds whole characters")
    }

    @Test func textValuesEscapeBackslashSemicolonCommaAndNewlines() {
        let event = Event(
            id: "escape", title: #"C:\data; one, two"#, date: date("2019-09-10"),
            summary: "first\nsecond\r\nthird\rfourth; a,\u{301} b\\", tags: ["a,b", "c;d"])
        let text = calendar(event)
        #expect(values("SUMMARY", in: text) == [#"C:\\data\; one\, two"#])
        let description = values("DESCRIPTION", in: text)
        #expect(description.count == 1)
        #expect(description[0].contains(#"\nfirst\nsecond\nthird\nfourth\; a\,"# + "\u{301} b\\\\\\n"))
        #expect(values("CATEGORIES", in: text) == [#"a\,b,c\;d"#])
    }

    @Test(arguments: [
        ("2019-09-10", "20190910", "20190911"),
        ("2019-12-31", "20191231", "20200101"),
        ("2020-02", "20200201", "20200301"),
        ("2019-02", "20190201", "20190301"),
        ("2019", "20190101", "20200101"),
        ("201X", "20100101", "20200101"),
        ("2019-09-10/2029-09", "20190910", "20291001"),
        ("2019-09-10/..", "20190910", "20190911"),
        ("2019-09-10/", "20190910", "20190911"),
        ("../2022-03-04", "20220304", "20220305"),
    ])
    func allDayDatesEndTheDayAfterTheLastDay(edtf: String, start: String, end: String) {
        let text = calendar(Event(id: "e", title: "E", date: date(edtf)))
        // DATE values (eight digits, no "T" and time): never an invented time.
        #expect(
            logicalLines(text).filter { $0.hasPrefix("DTSTART") || $0.hasPrefix("DTEND") }
                == ["DTSTART;VALUE=DATE:\(start)", "DTEND;VALUE=DATE:\(end)"])
    }

    @Test func whatTheCalendarCannotShowIsSaidInTheDescription() {
        func description(_ edtf: String) -> String {
            values("DESCRIPTION", in: calendar(Event(id: "e", title: "E", date: date(edtf)))).joined()
        }
        #expect(description("2019-09-10/..").hasPrefix(#"Date: 10 Sep 2019 – present (EDTF 2019-09-10/..)\nStill ongoing"#))
        #expect(description("2019-09-10/").contains("End not known: shown on its first day only."))
        #expect(description("../2022").contains("Start not known: shown on its last day only."))
        #expect(description("2019-09").hasPrefix("Date: Sep 2019 (EDTF 2019-09)"))
        #expect(!description("2019-09").contains("shown on"))
    }

    @Test func uncertainOrApproximateDatesAreTentative() {
        func status(_ edtf: String) -> [String] { values("STATUS", in: calendar(Event(id: "e", title: "E", date: date(edtf)))) }
        #expect(status("2019-09-10") == ["CONFIRMED"])
        #expect(status("2019?") == ["TENTATIVE"])
        #expect(status("2021~") == ["TENTATIVE"])
        #expect(status("2019-09-10/2020%") == ["TENTATIVE"])
    }

    @Test func uidComesFromTheIDAndOutputIsDeterministic() {
        let text = calendar(Self.mayoGoogle)
        #expect(calendar(Self.mayoGoogle) == text)
        var renamed = Self.mayoGoogle
        renamed.title = "Another title"
        #expect(values("UID", in: calendar(renamed)) == ["mayo-google@timeline"], "the UID follows the id, not the title")
        let unsaved = Event(title: "Mayo Clinic & Google", date: date("2019"))
        #expect(values("UID", in: calendar(unsaved)) == ["mayo-clinic-google@timeline"])
    }

    @Test func calendarIsBalancedAndHasTheRequiredProperties() {
        let events = [Self.mayoGoogle, Event(id: "bare", title: "Bare", date: date("2020"))]
        let text = calendar(events)
        var open: [String] = []
        for line in logicalLines(text) {
            if line.hasPrefix("BEGIN:") { open.append(String(line.dropFirst(6))) }
            if line.hasPrefix("END:") { #expect(open.popLast() == String(line.dropFirst(4))) }
        }
        #expect(open.isEmpty)
        #expect(values("VERSION", in: text) == ["2.0"])
        #expect(values("PRODID", in: text).count == 1)
        #expect(values("BEGIN", in: text) == ["VCALENDAR", "VEVENT", "VEVENT"])
        #expect(values("UID", in: text) == ["mayo-google@timeline", "bare@timeline"])
        #expect(values("DTSTAMP", in: text) == [Self.stamp, Self.stamp])
        #expect(values("DTSTART", in: text).count == 2 && values("DTEND", in: text).count == 2)
        #expect(values("URL", in: text).count == 1, "an event without a source URL has no URL")
        #expect(values("CATEGORIES", in: text).count == 1, "an event without kind or tags has no CATEGORIES")
    }

    @Test func stampIsUTCInBasicFormat() {
        #expect(ICalendarWriter.stamp(for: Date(timeIntervalSince1970: 1_568_116_800.75)) == "20190910T120000Z")
        #expect(ICalendarWriter.stamp(for: Date(timeIntervalSince1970: 0)) == "19700101T000000Z")
    }

    @Test func theExampleExportsAsAValidCalendar() throws {
        let store = try memoryStore()
        try store.importDocument(try JSONDocumentReader.document(from: try packageFile("examples/mayo-google.json")))
        let events = try store.events()
        let text = calendar(events)
        #expect(values("BEGIN", in: text).filter { $0 == "VEVENT" }.count == events.count)
        #expect(Set(values("UID", in: text)).count == events.count)
        #expect(physicalLines(text).allSatisfy { $0.utf8.count <= 75 && !$0.contains("\n") && !$0.contains("\r") })
    }
}
