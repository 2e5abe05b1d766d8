import Foundation
import Testing

@testable import Timeline

#if canImport(FoundationXML)
import FoundationXML
#endif

/// The static charts: the SVG drawing (`--format svg`) and the terminal's (`--format chart`).
@Suite("Charts")
struct ChartTests {
    static let today = Day(year: 2026, month: 12, day: 2)!

    /// The elements of an SVG as XMLParser reads them: name, attributes and text, in order.
    final class Elements: NSObject, XMLParserDelegate {
        var elements: [(name: String, attributes: [String: String], text: String)] = []
        private var open: [Int] = []

        func parser(
            _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
            attributes: [String: String] = [:]
        ) {
            open.append(elements.count)
            elements.append((name, attributes, ""))
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) {
            for index in open { elements[index].text += string }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            open.removeLast()
        }

        func classed(_ prefix: String) -> [(name: String, attributes: [String: String], text: String)] {
            elements.filter { ($0.attributes["class"] ?? "").split(separator: " ").first.map(String.init) == prefix }
        }
    }

    func svg(
        _ events: [Event], records: TimelineDocument = TimelineDocument(), title: String = "Timeline",
        lanes: ChartLanes = .partnership
    ) throws -> (text: String, elements: Elements) {
        var writer = SVGWriter(records: records, title: title, lanes: lanes, today: Self.today, width: 900)
        var output = StringOutput()
        writer.write(events, to: &output)
        let parser = XMLParser(data: Data(output.text.utf8))
        let elements = Elements()
        parser.delegate = elements
        #expect(parser.parse(), "the SVG parses as XML: \(parser.parserError.map(String.init(describing:)) ?? "")")
        return (output.text, elements)
    }

    func example() throws -> TimelineDocument {
        try JSONDocumentReader.document(from: try packageFile("examples/mayo-google.json"))
    }

    @Test func theExampleIsOneDrawingWithAMarkPerEventOnItsLane() throws {
        let document = try example()
        let (text, elements) = try svg(document.events, records: document, title: "Mayo Clinic & Google")
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"900\""))
        #expect(!elements.elements.contains { $0.name == "script" || $0.name == "foreignObject" }, "no script")
        #expect(elements.elements.first { $0.name == "title" }?.text == "Mayo Clinic & Google")
        #expect(elements.classed("mark").count == document.events.count)
        let lanes = elements.classed("lane")
        #expect(lanes.count == 2)
        #expect(elements.classed("lane-name").map(\.text) == ["Mayo Clinic – Google strategic partnership", "Events of no partnership"])
        #expect(elements.classed("band").count == 1, "the partnership's span")
        // Honest marks: the example has days, months, a year, and uncertain days.
        let marks = elements.classed("mark").map { $0.attributes["class"]! }
        #expect(marks.filter { $0 == "mark mark--point" }.count == 1)
        #expect(marks.filter { $0 == "mark mark--point is-uncertain" }.count == 3)
        #expect(marks.filter { $0 == "mark mark--bar" }.count == 3)
        #expect(elements.classed("today").map(\.text) == ["TODAY"])
        #expect(elements.classed("note").isEmpty, "every label fits")
        #expect(elements.elements.contains { $0.name == "text" && $0.text == "Today (2026-12-02)" }, "the legend")
    }

    @Test func hostileTextStaysText() throws {
        let hostile = "<script>alert(1)</script> & \"quotes\" ]]> \u{7}bell"
        let events = [Event(title: hostile, date: date("2020-05-01"), kind: hostile, actors: [ActorRole(name: hostile)])]
        for lanes in ChartLanes.allCases {
            let (_, elements) = try svg(events, title: hostile, lanes: lanes)
            #expect(!elements.elements.contains { $0.name == "script" })
            let shown = hostile.replacingOccurrences(of: "\u{7}", with: "\u{FFFD}")
            #expect(elements.elements.first { $0.name == "title" }?.text == shown)
            #expect(elements.classed("mark").first?.text.hasPrefix(shown) == true, "the mark's tooltip")
        }
    }

    @Test func everyDateIsDrawnAsHonestlyAsItIsKnown() throws {
        let events = ["2019/..", "2019-03/", "2021~", "2021?", "201X", "../2020-06-01"].map { Event(title: $0, date: date($0)) }
        let (_, elements) = try svg(events)
        #expect(
            elements.classed("mark").map { $0.attributes["class"]! } == [
                "mark mark--bar is-open-end", "mark mark--bar is-unknown-end", "mark mark--bar is-approx",
                "mark mark--bar is-uncertain", "mark mark--bar", "mark mark--bar is-open-start",
            ])
        let labels = elements.classed("label").map(\.text)
        #expect(labels.contains("~ 2021~") && labels.contains("? 2021?"), "qualifiers in labels")
    }

    @Test func lanesFollowThePagesRules() throws {
        let events = [
            Event(title: "a", date: date("2020"), kind: "deal", actors: [ActorRole(name: "Google"), ActorRole(name: "Mayo")]),
            Event(title: "b", date: date("2021"), kind: "deal", actors: [ActorRole(name: "Google")]),
            Event(title: "c", date: date("2022"), actors: []),
        ]
        #expect(try svg(events, lanes: .actor).elements.classed("lane-name").map(\.text) == ["Google", "Mayo", "No actor"])
        #expect(try svg(events, lanes: .actor).elements.classed("mark").count == 4, "an event on each of its actors' lanes")
        #expect(try svg(events, lanes: .kind).elements.classed("lane-name").map(\.text) == ["deal", "No kind"])
        #expect(try svg(events, lanes: .none).elements.classed("lane-name").map(\.text) == ["Events"])
    }

    @Test func aCrowdedDrawingIsStillMadeAndSaysWhatItLeftOut() throws {
        let events = (0..<3000).map { Event(title: "Event number \($0)", date: date("2020-01-01").self) }
        let (_, elements) = try svg(events)
        #expect(elements.classed("mark").count == 3000)
        let note = try #require(elements.classed("note").first)
        #expect(note.text.contains("labels are left out"))
        #expect(elements.classed("label").count < 100)
    }

    // MARK: - Terminal

    func chart(_ events: [Event], records: TimelineDocument = TimelineDocument(), columns: Int, color: Bool = false) -> String {
        var writer = ChartWriter(records: records, columns: columns, today: Self.today, color: color)
        var output = StringOutput()
        writer.write(events, to: &output)
        return output.text
    }

    @Test(arguments: [40, 80, 132]) func theTerminalChartFitsItsWidth(columns: Int) throws {
        let document = try example()
        let text = chart(document.events, records: document, columns: columns)
        let lines = text.split(separator: "\n")
        #expect(lines.allSatisfy { $0.count <= columns }, "\(text)")
        #expect(lines.contains { $0.hasPrefix("Mayo Clinic – Google strategic") })
        #expect(lines.contains("Events of no partnership"))
        // A row per event, plus the partnership's span.
        let rows = lines.filter { !"●━○→?│".contains($0.first!) }
        #expect(
            rows.filter { $0.contains("●") || $0.contains("○") || $0.contains("━") || $0.contains("┄") }.count == document.events.count + 1)
        #expect(!text.contains("\u{1B}"), "no colour unless asked")
    }

    @Test func theTerminalChartDrawsDatesHonestly() {
        let events = ["2019-03-10", "2019-03-11?", "2019", "2020~", "2019/..", "2019-06/"].map { Event(title: $0, date: date($0)) }
        let rows = chart(events, columns: 80).split(separator: "\n").map(String.init)
        func row(_ title: String) -> String { rows.first { $0.contains("  " + title) }! }
        #expect(row("2019-03-10").contains("●"))
        #expect(row("2019-03-11?").contains("○"))
        #expect(row("2019 ").contains("━━") && !row("2019 ").contains("┄"))
        #expect(row("2020~").contains("┄"))
        #expect(row("2019/..").hasSuffix("→"))
        #expect(row("2019-06/").contains("━?"))
        #expect(rows.allSatisfy { !$0.contains("│") } == false, "today's mark")
        #expect(rows.suffix(2).joined().contains("→ still going"))
        #expect(chart(events, columns: 80, color: true).contains("\u{1B}[31m│\u{1B}[0m"))
    }
}
