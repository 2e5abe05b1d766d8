import Foundation
import Testing
import Timeline

/// The README and the manual in docs/ are the user's documentation: every command and option is in
/// them, and their examples are real runs. Like sqlite-utils' `test_docs.py`, plus the transcripts:
/// each ```console block is replayed in order (the README, then the manual's chapters in the order of
/// its table of contents), in one folder, as the manual says ("the examples continue from the set-up,
/// in the folder holding example.db"), and each command must print what the page shows.
@Suite("README and manual", .serialized)
struct DocumentationTests {
    /// The README, the manual's table of contents and its chapters, in reading order.
    let pages: [(path: String, text: String)]
    /// All of them, one after the other.
    var manual: String { pages.map(\.text).joined(separator: "\n") }

    init() throws {
        func read(_ path: String) throws -> String {
            try String(contentsOf: packageRoot.appendingPathComponent(path), encoding: .utf8)
        }
        let contents = try read("docs/README.md")
        let chapters = contents.matches(of: /\]\(([a-z-]+\.md)\)/).map { "docs/" + String($0.output.1) }
        pages = try (["README.md", "docs/README.md"] + chapters).map { ($0, try read($0)) }
    }

    @Test func everyChapterIsInTheTableOfContents() throws {
        let listed = Set(pages.map(\.path))
        let chapters = try FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("docs").path)
            .filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }
        #expect(Set(chapters).subtracting(listed).isEmpty, "not in docs/README.md: \(Set(chapters).subtracting(listed).sorted())")
    }

    /// Every relative link of the README and the manual leads to a file that exists and, with a
    /// `#fragment`, to a heading of that file (GitHub's anchors: lowercase, punctuation dropped).
    @Test func everyLinkLeadsSomewhere() throws {
        var broken: [String] = []
        for (path, text) in pages {
            let folder = URL(fileURLWithPath: path).deletingLastPathComponent().relativePath
            for match in text.matches(of: /\]\(([^)\s<>]+)\)/) {
                let target = String(match.output.1)
                if target.contains("://") || target.hasPrefix("mailto:") { continue }
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
                let file = parts[0].isEmpty ? path : (folder == "." ? "" : folder + "/") + parts[0]
                let url = packageRoot.appendingPathComponent(file).standardizedFileURL
                guard FileManager.default.fileExists(atPath: url.path) else {
                    broken.append("\(path): \(target)")
                    continue
                }
                if parts.count == 2, file.hasSuffix(".md") {
                    let headings = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
                        .filter { $0.hasPrefix("#") }.map { anchor(of: $0.drop { $0 == "#" }) }
                    if !headings.contains(String(parts[1])) { broken.append("\(path): \(target)") }
                }
            }
        }
        #expect(broken.isEmpty, "links to nothing: \(broken.joined(separator: ", "))")
    }

    /// GitHub's anchor for a heading.
    func anchor(of heading: Substring) -> String {
        String(
            heading.trimmingCharacters(in: .whitespaces).lowercased()
                .filter { $0.isLetter || $0.isNumber || $0 == "-" || $0 == " " || $0 == "_" }
                .map { $0 == " " ? "-" : $0 })
    }

    @Test func everyCommandAndOptionIsInTheManual() throws {
        let manual = manual
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let help = try runTimeline(["--experimental-dump-help"], in: folder)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(help.stdout.utf8)) as? [String: Any])
        var missing: [String] = []
        func visit(_ command: [String: Any], path: [String]) {
            let name = path.joined(separator: " ")
            if path.count > 1 && !manual.contains(name) { missing.append("command `\(name)`") }
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                for option in argument["names"] as? [[String: Any]] ?? [] where option["kind"] as? String == "long" {
                    let flag = "--" + (option["name"] as? String ?? "")
                    if !["--help", "--version", "--experimental-dump-help"].contains(flag) && !manual.contains(flag) {
                        missing.append("option \(flag) of `\(name)`")
                    }
                }
            }
            for subcommand in command["subcommands"] as? [[String: Any]] ?? [] where subcommand["commandName"] as? String != "help" {
                visit(subcommand, path: path + [subcommand["commandName"] as? String ?? ""])
            }
        }
        visit(try #require(root["command"] as? [String: Any]), path: ["timeline"])
        #expect(missing.isEmpty, "not in the README or the manual: \(missing.joined(separator: ", "))")
    }

    /// Who the history says made the manual's changes: the manual's set-up exports it.
    static let author = "camille"

    @Test func theExamplesPrintWhatTheManualShows() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // The state the manual starts from: the quick start's example.db, and old.db "written by
        // the first release (schema version 1)".
        // Imported as the set-up says, from a copy of examples/ (so the history records that command line).
        try FileManager.default.createDirectory(at: folder.url.appendingPathComponent("examples"), withIntermediateDirectories: true)
        try packageFile("examples/mayo-google.json").write(to: folder.url.appendingPathComponent("examples/mayo-google.json"))
        #expect(
            try runTimeline(
                ["import", "examples/mayo-google.json", "--db", "example.db"], in: folder, environment: ["TIMELINE_AUTHOR": Self.author]
            ).status == 0)
        try Migrator(migrations: [Migration.embedded[0]]).migrate(try Database(path: folder.path("old.db")))
        var mismatches: [String] = []
        var commands = 0
        for (command, expected) in transcripts() {
            commands += 1
            let output = try runShell(command, in: folder)
            let (printed, shown) = (normalized(output).split(separator: "\n"), normalized(expected).split(separator: "\n"))
            if printed != shown {
                let line =
                    zip(printed, shown).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(printed.count, shown.count)
                mismatches.append(
                    "$ \(command)\n  line \(line + 1) in the manual: \(line < shown.count ? shown[line] : "(none)")"
                        + "\n  printed:          \(line < printed.count ? printed[line] : "(none)")")
            }
        }
        #expect(commands > 50, "the transcripts were found")
        #expect(
            mismatches.isEmpty,
            "\(mismatches.count) of \(commands) examples of the manual differ:\n\(mismatches.joined(separator: "\n\n"))")
    }

    /// Each `$ command` of every ```console block with the lines printed after it, in order.
    func transcripts() -> [(command: String, output: String)] {
        var result: [(String, String)] = []
        var inConsole = false
        for line in manual.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") {
                inConsole = line == "```console"
            } else if inConsole, line.hasPrefix("$ ") {
                result.append((String(line.dropFirst(2)), ""))
            } else if inConsole, !result.isEmpty {
                result[result.count - 1].1 += (result[result.count - 1].1.isEmpty ? "" : "\n") + line
            }
        }
        return result
    }

    /// What varies from run to run: times records and files are stamped, and today; and CSV's
    /// CRLF line ends, which a terminal shows as plain line ends.
    func normalized(_ text: String) -> String {
        var text = text.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .newlines)
        for (pattern, replacement) in [
            (#"\d{8}T\d{6}Z"#, "<timestamp>"), (#"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z"#, "<timestamp>"),
            (#"(active|planned|ended|unknown) on \d{4}-\d{2}-\d{2}"#, "$1 on <today>"),
        ] {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }

    /// Runs a command line of the manual with bash in `folder`, the built `timeline` first on the PATH,
    /// `TIMELINE_DB=example.db` as the README says, and no `COLUMNS`; stdout and stderr together, as a
    /// terminal shows them.
    func runShell(_ command: String, in folder: TemporaryFolder) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = folder.url
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = timelineBinary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["TIMELINE_DB"] = "example.db"
        environment["TIMELINE_AUTHOR"] = Self.author
        environment["NO_COLOR"] = nil
        environment["COLUMNS"] = nil  // piped, the text output fits 80 columns, as the pages show it
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
