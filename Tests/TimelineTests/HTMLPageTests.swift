import Foundation
import Testing

@testable import Timeline

/// The HTML page writer against its contract (assets/page/README.md); the browser tests in
/// Tests/browser check the page itself.
@Suite("HTML page")
struct HTMLPageTests {
    func page(_ store: Store, options: OutputOptions = OutputOptions()) throws -> String {
        var output = StringOutput()
        try store.write(.html, options: options, to: &output)
        return output.text
    }

    /// The data the page's script reads, as a JSON object.
    func payload(_ page: String) throws -> [String: Any] {
        let start = try #require(page.range(of: "<script type=\"application/json\" id=\"timeline-data\">")).upperBound
        let end = try #require(page.range(of: "</script>", range: start..<page.endIndex)).lowerBound
        return try #require(try JSONSerialization.jsonObject(with: Data(page[start..<end].utf8)) as? [String: Any])
    }

    @Test func embeddedPageMatchesTheAssets() throws {
        let folder = packageRoot.appendingPathComponent("assets/page")
        for (name, embedded) in [("page.html", PageAssets.template), ("page.css", PageAssets.style), ("page.js", PageAssets.script)] {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(text == embedded, "assets/page/\(name) changed: run scripts/embed-page")
        }
        for (name, hash) in [("page.css", PageAssets.styleHash), ("page.js", PageAssets.scriptHash)] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "openssl dgst -sha256 -binary \"$0\" | base64 -w0", folder.appendingPathComponent(name).path]
            let output = Pipe()
            process.standardOutput = output
            try process.run()
            let computed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(computed == hash, "the Content Security Policy's hash of \(name) is stale: run scripts/embed-page")
        }
    }

    @Test func theExampleIsOnePageWithItsListAndData() throws {
        let store = try memoryStore()
        try store.importDocument(try JSONDocumentReader.document(from: try packageFile("examples/mayo-google.json")))
        var options = OutputOptions()
        options.title = "Mayo Clinic & Google"
        options.today = Day(year: 2026, month: 12, day: 2)!
        let html = try page(store, options: options)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(!html.contains("{{"), "every placeholder filled")
        #expect(html.contains("<h1 id=\"page-title\">Mayo Clinic &amp; Google</h1>"))
        #expect(html.contains("script-src 'sha256-\(PageAssets.scriptHash)'"))
        let ids = try store.events().compactMap(\.id)
        #expect(html.components(separatedBy: "<li id=\"event-").count - 1 == ids.count)
        let data = try payload(html)
        let events = try #require(data["events"] as? [[String: Any]])
        #expect(events.compactMap { $0["id"] as? String } == ids, "the data's events are the list's, in timeline order")
        #expect(data["today"] as? String == "2026-12-02")
        let partnership = try #require((data["partnerships"] as? [[String: Any]])?.first)
        #expect(partnership["status"] as? String == "active")
        let pichai = try #require(events.first { $0["id"] as? String == "pichai-statement-2019" })
        let quote = try #require((pichai["quotes"] as? [[String: Any]])?.first)
        #expect(quote["role"] as? String == "CEO, Google", "the speaker's role at the event's date")
        let date = try #require(pichai["date"] as? [String: Any])
        #expect(date["display"] as? String == "Sep 2019" && date["precision"] as? String == "month")
        #expect(html.contains("<p class=\"when\" data-edtf=\"2019-09\"><time datetime=\"2019-09\">Sep 2019</time></p>"))
    }

    /// Every user string is text: markup in a title, a quote that closes the script element, a
    /// `javascript:` URL. None of them reaches the page as markup or a link.
    @Test func hostileTextStaysText() throws {
        let store = try memoryStore()
        try store.add(
            Event(
                id: "x", title: "<img src=x onerror=alert(1)>", date: date("2020"), summary: "a & b \u{2028} c",
                sources: [Citation(Source(title: "Click", url: "javascript:alert(1)"))],
                quotes: [Quote(speaker: "Eve", text: "</script><script>alert(1)</script>", language: "en")]))
        let html = try page(store)
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.components(separatedBy: "</script>").count - 1 == 2, "only the page's own two script elements end")
        #expect(!html.contains("href=\"javascript"))
        #expect(html.contains("<span class=\"url\"> (javascript:alert(1))</span>"), "a refused URL stays visible as text")
        #expect(
            HTMLWriter.isLanguageTag("pt-BR") && !HTMLWriter.isLanguageTag("en\" onclick=\"x"), "only language tags become lang attributes")
        let events = try #require(try payload(html)["events"] as? [[String: Any]])
        #expect(events.first?["title"] as? String == "<img src=x onerror=alert(1)>", "the data holds the text as it is")
        #expect(events.first?["summary"] as? String == "a & b \u{2028} c")
    }

    /// A big timeline's list keeps each event's title and date, inside `<noscript>` (the script
    /// builds the same items from the data); the data leaves out empty members.
    @Test func aBigTimelineHasACompactListAndLeanData() throws {
        let store = try memoryStore()
        let count = HTMLWriter.compactListAbove + 1
        try store.write {
            for k in 0..<count {
                try store.add(Event(id: "e\(k)", title: "Event <\(k)>", date: date(k == 0 ? "2020-05-04" : "2021")))
            }
        }
        let html = try page(store)
        #expect(
            html.contains(
                HTMLWriter.compactListStart + "\n<li id=\"event-0\" data-index=\"0\"><h3>Event &lt;0&gt;</h3>"
                    + "<p class=\"when\" data-edtf=\"2020-05-04\"><time datetime=\"2020-05-04\">4 May 2020</time></p></li>\n"))
        #expect(html.hasSuffix("</ol></noscript>\n</section>\n</main>\n<script>" + PageAssets.script + "</script>\n</body>\n</html>\n"))
        #expect(!html.contains("<article"), "no details in the list")
        #expect(html.components(separatedBy: "<li id=\"event-").count - 1 == count)
        let events = try #require(try payload(html)["events"] as? [[String: Any]])
        #expect(events.count == count)
        #expect(Set(events[0].keys) == ["id", "title", "date"], "no null, false or empty members")
        #expect(Set(try #require(events[0]["date"] as? [String: Any]).keys) == ["edtf", "display", "start", "end", "precision"])
    }

    @Test func noEventsIsAnEmptyListAndEmptyData() throws {
        let html = try page(try memoryStore())
        #expect(html.contains("<ol class=\"events\"></ol>"))
        #expect((try payload(html)["events"] as? [Any])?.isEmpty == true)
    }
}
