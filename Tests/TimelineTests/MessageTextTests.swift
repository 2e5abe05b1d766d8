import Testing
import Timeline

/// Values quoted in messages: escaped and shortened, so a message stays one short line.
@Suite struct MessageTextTests {
    @Test(arguments: [
        ("plain value", "plain value"),
        ("a\rb\nc\td\0e", "a\\rb\\nc\\td\\0e"),
        ("crlf\r\nend", "crlf\\r\\nend"),
        ("\u{1B}[31mred", "\\u{1B}[31mred"),
        ("\u{202E}evil\u{2028}", "\\u{202E}evil\\u{2028}"),
        ("données “quotées”", "données “quotées”"),
    ])
    func controlCharactersBecomeVisibleEscapes(text: String, shown: String) {
        #expect(text.shownInMessage() == shown)
    }

    @Test func aLongValueIsCutWithAnEllipsis() {
        let shown = String(repeating: "(", count: 100_000).shownInMessage(limit: 80)
        #expect(shown == String(repeating: "(", count: 80) + "…")
        #expect(String(repeating: "x", count: 80).shownInMessage(limit: 80) == String(repeating: "x", count: 80))
        #expect(String(repeating: "\0", count: 100).shownInMessage(limit: 9) == "\\0\\0\\0\\0…", "escapes count as shown")
    }

    @Test func aWholeMessageKeepsItsStartAndEndOnOneLine() {
        let message = "The value '" + String(repeating: "\0", count: 1_000_000) + "' is invalid: accepted forms: 2019"
        let line = message.asOneMessageLine(limit: 300)
        #expect(line.count == 300)
        #expect(line.hasPrefix("The value '\\0\\0") && line.hasSuffix("' is invalid: accepted forms: 2019"))
        #expect(!line.unicodeScalars.contains { $0.value < 0x20 })
        #expect("short\nmessage".asOneMessageLine() == "short\\nmessage")
    }
}
