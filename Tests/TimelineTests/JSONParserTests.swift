import Foundation
import Testing
import Timeline

/// The JSON reader underneath import, through the public readers.
@Suite("JSON parsing")
struct JSONParserTests {
    func parse(_ text: String) throws -> TimelineDocument {
        try JSONDocumentReader.document(from: Data(text.utf8))
    }

    @Test func escapesAndUnicodeComeThrough() throws {
        let document = try parse(
            #"""
            {"timeline": 2, "events": [{"title": "Caf\u00e9 \ud83d\ude80 \"quoted\" \\ \/ tab\there", "date": "2019"},
             {"title": "déjà — 🇫🇷", "date": "2020", "summary": "line\nbreak"}]}
            """#)
        #expect(document.events.map(\.title) == ["Café 🚀 \"quoted\" \\ / tab here", "déjà — 🇫🇷"])
        #expect(document.events[1].summary == "line\nbreak")
    }

    @Test(arguments: [
        (#"{"timeline": 2, "events": [], "events": []}"#, "duplicate key \"events\""),
        (#"{"timeline": 2, "events": [],}"#, "expected a key in quotes"),
        (#"{"timeline": 2, "events": [1,]}"#, "unexpected character"),
        ("{\"timeline\": 2, \"events\": [{\"title\": \"a\tb\", \"date\": \"2019\"}]}", "a control character in a string must be escaped"),
        (#"{"timeline": 2, "events": [{"title": "\ud83d", "date": "2019"}]}"#, "a lone surrogate"),
        (#"{"timeline": 02, "events": []}"#, "expected ',' or '}'"),
        (#"{"timeline": 2, "events": []} extra"#, "unexpected text after the value"),
        (#"{"timeline": 2, "events": ["#, "unexpected end of input"),
        (String(repeating: "[", count: 600), "nested more than 512 levels deep"),
    ])
    func malformedJSONIsRefusedWithItsPlace(text: String, message: String) {
        #expect { try parse(text) } throws: { error in
            guard case .importFailed(let location, let reason) = error as? TimelineError else { return false }
            return location == "the document" && reason.contains(message) && reason.contains("at byte")
        }
    }

    @Test func invalidUTF8IsRefused() {
        var bytes = Array(#"{"timeline": 2, "events": [{"title": ""#.utf8)
        bytes += [0xC3, 0x28]
        bytes += Array(#"", "date": "2019"}]}"#.utf8)
        #expect { try JSONDocumentReader.document(from: Data(bytes)) } throws: { "\($0)".contains("invalid UTF-8") }
    }

    @Test func numbersAreIntegersOrDoubles() throws {
        #expect(try parse(#"{"timeline": 2, "events": []}"#).events.isEmpty)
        #expect { try parse(#"{"timeline": 2.0, "events": []}"#) } throws: { "\($0)".contains("must be the format version") }
        #expect { try parse(#"{"timeline": 1e400, "events": []}"#) } throws: {
            "\($0)".contains("must be the format version") || "\($0)".contains("out of range")
        }
    }
}
