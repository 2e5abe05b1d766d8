import Foundation
import Testing
import Timeline

/// The README is the user's manual: every command and option is in it, and its examples are
/// real runs. Like sqlite-utils' `test_docs.py`, plus the transcripts: each ```console block
/// is replayed in order, in one folder, as the README says ("the examples continue from the quick
/// start, in the folder holding example.db"), and each command must print what the README shows.
@Suite("README", .serialized)
struct DocumentationTests {
    let readme: String

    init() throws {
        readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    }

    @Test func everyCommandAndOptionIsInTheManual() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let help = try runTimeline(["--experimental-dump-help"], in: folder)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(help.stdout.utf8)) as? [String: Any])
        var missing: [String] = []
        func visit(_ command: [String: Any], path: [String]) {
            let name = path.joined(separator: " ")
            if path.count > 1 && !readme.contains(name) { missing.append("command `\(name)`") }
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                for option in argument["names"] as? [[String: Any]] ?? [] where option["kind"] as? String == "long" {
                    let flag = "--" + (option["name"] as? String ?? "")
                    if !["--help", "--version", "--experimental-dump-help"].contains(flag) && !readme.contains(flag) {
                        missing.append("option \(flag) of `\(name)`")
                    }
                }
            }
            for subcommand in command["subcommands"] as? [[String: Any]] ?? [] where subcommand["commandName"] as? String != "help" {
                visit(subcommand, path: path + [subcommand["commandName"] as? String ?? ""])
            }
        }
        visit(try #require(root["command"] as? [String: Any]), path: ["timeline"])
        #expect(missing.isEmpty, "not in README.md: \(missing.joined(separator: ", "))")
    }

    @Test func theExamplesPrintWhatTheManualShows() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        // The state the README starts from: the quick start's example.db, and old.db "written by
        // the first release (schema version 1)".
        #expect(
            try runTimeline(
                ["import", packageRoot.appendingPathComponent("examples/mayo-google.json").path, "--db", "example.db"],
                in: folder
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
                    "$ \(command)\n  line \(line + 1) in README: \(line < shown.count ? shown[line] : "(none)")"
                        + "\n  printed:          \(line < printed.count ? printed[line] : "(none)")")
            }
        }
        #expect(commands > 50, "the README's transcripts were found")
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(commands) README examples differ:\n\(mismatches.joined(separator: "\n\n"))")
    }

    /// Each `$ command` of every ```console block with the lines printed after it, in order.
    func transcripts() -> [(command: String, output: String)] {
        var result: [(String, String)] = []
        var inConsole = false
        for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
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
            (#"\d{8}T\d{6}Z"#, "<timestamp>"), (#"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z"#, "<timestamp>"),
            (#"(active|planned|ended|unknown) on \d{4}-\d{2}-\d{2}"#, "$1 on <today>"),
        ] {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }

    /// Runs a README command line with bash in `folder`, the built `timeline` first on the PATH,
    /// `TIMELINE_DB=example.db` as the README says; stdout and stderr together, as a terminal shows them.
    func runShell(_ command: String, in folder: TemporaryFolder) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", command]
        process.currentDirectoryURL = folder.url
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = timelineBinary.deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["TIMELINE_DB"] = "example.db"
        environment["NO_COLOR"] = nil
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
