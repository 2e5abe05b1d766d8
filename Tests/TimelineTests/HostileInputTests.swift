import Foundation
import Testing
import Timeline

/// What a refusal must look like, whatever the input held: the exit status, nothing on stdout,
/// and exactly one `error:` line on stderr, short, with no raw control characters.
func expectOneErrorLine(_ result: RunResult, status: Int32, containing text: String = "", limit: Int = 300,
                        sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(result.status == status, "\(result.stderr.prefix(300))", sourceLocation: sourceLocation)
    #expect(result.stdout == "", sourceLocation: sourceLocation)
    #expect(result.stderr.hasPrefix("error: "), "\(result.stderr.prefix(300))", sourceLocation: sourceLocation)
    #expect(result.stderr.hasSuffix("\n") && result.stderr.filter { $0 == "\n" }.count == 1,
            "one line: \(result.stderr.prefix(300))", sourceLocation: sourceLocation)
    #expect(result.stderr.count <= limit, "\(result.stderr.count) characters: \(result.stderr.prefix(300))", sourceLocation: sourceLocation)
    #expect(!result.stderr.dropLast().unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) },
            "no raw control characters", sourceLocation: sourceLocation)
    #expect(result.stderr.contains(text), "\(result.stderr.prefix(300))", sourceLocation: sourceLocation)
}

/// Errors about hostile values, end to end: one short line, whatever the value.
@Suite("bounded error messages", .serialized)
struct BoundedMessageTests {
    @Test func aCarriageReturnOnlyCSVIsReportedOnOneLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Data("title,date\rx,2019\r".utf8).write(to: folder.url.appendingPathComponent("cr.csv"))
        let result = try runTimeline(["import", "cr.csv"], in: folder)
        expectOneErrorLine(result, status: 1, containing: #"unknown column "date\rx""#)
    }

    @Test func aHugeMalformedSearchIsNotEchoed() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try runTimeline(["add", "Something", "--date", "2019"], in: folder)
        let result = try runTimeline(["search", String(repeating: "(", count: 100_000)], in: folder)
        expectOneErrorLine(result, status: 1, containing: "invalid search \"((((")
    }

    @Test func aValueFullOfControlCharactersIsEscapedAndShortened() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        _ = try runTimeline(["add", "Something", "--date", "2019"], in: folder)
        let name = "evil\r\n\u{1B}[31m" + String(repeating: "x", count: 100_000)
        let result = try runTimeline(["show", "--actor", name], in: folder)
        expectOneErrorLine(result, status: 1, containing: #"no actor named "evil\r\n\u{1B}[31mxxx"#)
        #expect(result.stderr.contains("…\" (list them with `timeline actor list`)"))
    }

    @Test func aHugeBadOptionValueKeepsTheUsageErrorOneShortLine() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let result = try runTimeline(["add", "x", "--date", String(repeating: "2019\n", count: 20_000)], in: folder)
        expectOneErrorLine(result, status: 64, containing: "(see `timeline help`)", limit: 520)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
    }
}
