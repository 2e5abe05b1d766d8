import Foundation
import Testing

@testable import Timeline

/// Text output that fits the terminal: lines broken at spaces to its width, continued under the
/// text they continue; the width from COLUMNS, else the terminal's size, else 80.
@Suite("output that fits the terminal", .serialized)
struct TerminalWidthTests {
    /// The widest line of `text`, in terminal columns.
    func widest(_ text: String) -> Int {
        text.split(separator: "\n").map(columns).max() ?? 0
    }

    /// The columns a terminal gives `text`.
    func columns(_ text: some StringProtocol) -> Int {
        text.unicodeScalars.reduce(0) { $0 + $1.terminalColumns }
    }

    /// The characters of `text` but its spaces and line breaks: what wrapping must keep, in order
    /// (it may cut a word longer than a line).
    func visible(_ text: String) -> String {
        text.filter { !$0.isWhitespace }
    }

    @Test func charactersTakeTheColumnsATerminalGivesThem() {
        let cases: [(String, Int)] = [
            ("a", 1), ("é", 1), ("e\u{301}", 1), ("Ł", 1), ("ß", 1), ("Я", 1), ("“", 1), ("…", 1), ("東", 2), ("の", 2), ("한", 2),
            ("Ｇ", 2), ("😀", 2), ("\u{200B}", 0), ("\u{301}", 0), ("données de santé", 16), ("東京の病院", 10),
        ]
        for (text, expected) in cases {
            #expect(columns(text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test func linesBreakAtSpacesAndContinueUnderTheirText() {
        let wrapper = LineWrapper(columns: 40)
        #expect(wrapper.wrap("Short enough", from: 10, indent: 10) == "Short enough")
        #expect(
            wrapper.wrap("Mayo Clinic and Google announce a ten-year partnership", from: 10, indent: 10)
                == "Mayo Clinic and Google\n          announce a ten-year\n          partnership")
        // A line break in the text starts its next line at the indent too; a word longer than a
        // whole line is the only one cut.
        #expect(wrapper.wrap("one\ntwo", from: 4, indent: 6) == "one\n      two")
        #expect(
            wrapper.wrap("see https://example.org/a-very-long-address-that-cannot-fit", from: 0, indent: 2)
                == "see\n  https://example.org/a-very-long-addres\n  s-that-cannot-fit")
        // Accents count one column, however they are encoded; wide characters two; colour none.
        let accented = String(repeating: "e\u{301}", count: 30) + " fin"
        #expect(wrapper.wrap(accented, from: 0, indent: 0) == String(repeating: "e\u{301}", count: 30) + " fin")
        #expect(wrapper.wrap(String(repeating: "東", count: 25), from: 0, indent: 0).split(separator: "\n").map(\.count) == [20, 5])
        let coloured = "\u{1B}[1;33mmedical\u{1B}[0m " + String(repeating: "x ", count: 14) + "end"
        #expect(wrapper.wrap(coloured, from: 0, indent: 0) == coloured)
        // However narrow the terminal, a line keeps 16 columns for its text.
        #expect(LineWrapper(columns: 10).wrap("sixteen columns!", from: 30, indent: 30) == "sixteen columns!")
        #expect(
            LineWrapper(columns: 10).wrap("seventeen columns", from: 30, indent: 30) == "seventeen\n" + String(repeating: " ", count: 30)
                + "columns")
    }

    @Test(arguments: [40, 57, 80, 132]) func wrappedTextFitsAndKeepsEveryWord(columns: Int) {
        let wrapper = LineWrapper(columns: columns)
        var generator = SystemRandomNumberGenerator()
        let vocabulary = [
            "Mayo", "Clinic", "données", "de", "santé", "東京", "😀", "—", "“partenariat”", "a", "x", "https://example.org/story?id=7",
        ]
        for _ in 0..<200 {
            let text = (0..<Int.random(in: 1...60, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }
                .joined(separator: " ")
            let column = Int.random(in: 0...24, using: &generator)
            let wrapped = wrapper.wrap(text, from: column, indent: column)
            #expect(widest(String(repeating: " ", count: column) + wrapped) <= columns, "\(text)")
            #expect(visible(wrapped) == visible(text))
            // Only a word longer than a whole line is cut.
            let wrappedWords = Set(wrapped.split(whereSeparator: \.isWhitespace))
            for word in text.split(separator: " ") where self.columns(word) <= columns - column {
                #expect(wrappedWords.contains(word), "\(word) in \(wrapped)")
            }
            #expect(wrapped.split(separator: "\n").dropFirst().allSatisfy { $0.hasPrefix(String(repeating: " ", count: column)) })
        }
    }

    func exampleFolder() throws -> TemporaryFolder {
        let folder = try TemporaryFolder()
        _ = try runTimeline(["import", packageRoot.appendingPathComponent("examples/mayo-google.json").path], in: folder)
        _ = try runTimeline(
            [
                "add", "東京の病院とGoogleが提携し、医療データをクラウドで共有する計画を発表した。患者の同意が課題となる", "--date", "2023-05", "--id", "tokyo",
                "--actor", "Google", "--summary", "Les donne\u{301}es de sante\u{301} des patients re\u{301}sident a\u{300} Tokyo.",
            ], in: folder)
        return folder
    }

    /// The commands whose text output fits the terminal.
    static let commands = [
        ["show"], ["search", "mayo OR google"], ["get", "biwer-whs-2022-medical-records"], ["get", "tokyo"], ["quote", "list"],
        ["partnership", "show", "mayo-google-cloud"],
    ]

    @Test func showSearchGetAndQuoteListFitColumns() throws {
        let folder = try exampleFolder()
        defer { folder.remove() }
        for command in Self.commands {
            let unwrapped = try runTimeline(command, in: folder, environment: ["COLUMNS": "1000"]).stdout
            #expect(widest(unwrapped) > 80, "\(command): the example has long lines")
            for columns in [40, 60, 100] {
                let result = try runTimeline(command, in: folder, environment: ["COLUMNS": String(columns)])
                #expect(result.status == 0)
                #expect(widest(result.stdout) <= columns, "\(command) at \(columns):\n\(result.stdout)")
                #expect(visible(result.stdout) == visible(unwrapped), "\(command) at \(columns): the same words in the same order")
            }
            let piped = try runTimeline(command, in: folder).stdout
            let eighty = try runTimeline(command, in: folder, environment: ["COLUMNS": "80"]).stdout
            #expect(widest(piped) <= 80 && piped == eighty, "\(command): piped, 80 columns")
        }
        let show = try runTimeline(["show", "--on", "2019-09-10", "--kind", "partnership"], in: folder, environment: ["COLUMNS": "60"])
        #expect(
            show.stdout == """
                2019
                  10 Sep 2019     Mayo Clinic announces a ten-year strategic
                                  partnership with Google
                                  partnership · Mayo Clinic (partner),
                                  Google (partner), Google Cloud (cloud
                                  provider) · #ai #cloud #health-data ·
                                  partnership mayo-google-cloud ·
                                  mayo-google-partnership
                                  “Mayo Clinic a choisi Google Cloud comme
                                   pierre angulaire de sa transformation
                                   numérique.” — Mayo Clinic
                                    “Mayo Clinic has chosen Google Cloud as
                                     the cornerstone of its digital
                                     transformation.” (en)

                """)
        let quotes = try runTimeline(["quote", "list", "--speaker", "Our Shot 2 Save Lives"], in: folder, environment: ["COLUMNS": "50"])
        #expect(
            quotes.stdout == """
                Apr 2021  our-shot-2-save-lives #1  Our Shot 2
                          Save Lives
                  “Les vaccins contre la COVID-19 sont sûrs et
                   efficaces. Nous vous encourageons à vous faire
                   vacciner.” [fr]
                  “COVID-19 vaccines are safe and effective. We
                   encourage you to get vaccinated.” [en]

                """)
    }

    /// Runs the binary with stdout on a pseudo-terminal `columns` wide, as in a terminal window.
    func runInTerminal(_ arguments: [String], columns: UInt16, in folder: TemporaryFolder, environment: [String: String] = [:]) throws
        -> String
    {
        var master: Int32 = 0
        var terminal: Int32 = 0
        var size = winsize(ws_row: 50, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        try #require(openpty(&master, &terminal, nil, nil, &size) == 0)
        defer { close(master) }
        let process = Process()
        process.executableURL = timelineBinary
        process.arguments = arguments
        process.currentDirectoryURL = folder.url
        var processEnvironment = ProcessInfo.processInfo.environment
        processEnvironment["COLUMNS"] = nil
        processEnvironment["NO_COLOR"] = nil
        processEnvironment["TERM"] = "xterm"
        processEnvironment.merge(environment) { $1 }
        process.environment = processEnvironment
        process.standardOutput = FileHandle(fileDescriptor: terminal, closeOnDealloc: false)
        process.standardError = FileHandle.nullDevice
        try process.run()
        close(terminal)
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while case let count = read(master, &buffer, buffer.count), count > 0 { output += buffer[0..<count] }
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }

    @Test func aTerminalGivesItsOwnWidthUnlessColumnsSaysOtherwise() throws {
        let folder = try exampleFolder()
        defer { folder.remove() }
        let unwrapped = try runTimeline(["show"], in: folder, environment: ["COLUMNS": "1000"]).stdout
        let narrow = try runInTerminal(["show", "--no-color"], columns: 50, in: folder)
        #expect(widest(narrow) <= 50 && widest(narrow) > 40, "\(narrow)")
        #expect(visible(narrow) == visible(unwrapped))
        let wide = try runInTerminal(["show", "--no-color"], columns: 200, in: folder)
        #expect(widest(wide) > 100 && widest(wide) <= 200)
        let overridden = try runInTerminal(["show", "--no-color"], columns: 200, in: folder, environment: ["COLUMNS": "70"])
        #expect(widest(overridden) <= 70 && widest(overridden) > 60)
        let coloured = try runInTerminal(["get", "tokyo"], columns: 44, in: folder)
        #expect(coloured.contains("\u{1B}[1m"), "colour on a terminal")
        let plain = coloured.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        let piped = try runTimeline(["get", "tokyo"], in: folder).stdout
        #expect(widest(plain) <= 44 && visible(plain) == visible(piped), "\(coloured)")
    }

    /// Every command of `timeline --experimental-dump-help`, with its path: [] for the root,
    /// ["actor", "add"] for a subcommand.
    func commands(in folder: TemporaryFolder) throws -> [(path: [String], command: [String: Any])] {
        let dump = try runTimeline(["--experimental-dump-help"], in: folder)
        let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        var commands: [([String], [String: Any])] = []
        func visit(_ command: [String: Any], path: [String]) {
            commands.append((path, command))
            for subcommand in command["subcommands"] as? [[String: Any]] ?? [] where subcommand["commandName"] as? String != "help" {
                visit(subcommand, path: path + [subcommand["commandName"] as? String ?? ""])
            }
        }
        visit(try #require(root["command"] as? [String: Any]), path: [])
        return commands
    }

    /// `timeline help COMMAND` for every command, as a terminal 80 columns wide shows it. The
    /// argument parser wraps our abstracts, discussions and option help to the width; what it
    /// cannot wrap well is ours to keep short: an abstract reads on one line, a line
    /// laid out by hand (an example, a list) fits as written, else the parser breaks it
    /// mid-command, and the usage line, which the parser never wraps, is written short by hand
    /// where the generated one is too long (`timeline add [<options>] <title> --date <date>`,
    /// as the parser itself shortens it past 12 options) and must still name every required
    /// argument. So no line is wider than 80 columns, with no exception.
    @Test func everyHelpFitsEightyColumns() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let commands = try commands(in: folder)
        #expect(commands.count > 30, "every subcommand is found")
        for (path, command) in commands {
            let name = (["timeline"] + path).joined(separator: " ")
            let help = try runTimeline(["help"] + path, in: folder, environment: ["COLUMNS": "80"])
            #expect(help.status == 0 && help.stderr == "", "\(name)")
            for line in help.stdout.split(separator: "\n") {
                #expect(columns(line) <= 80, "`timeline help \(path.joined(separator: " "))`: \(columns(line)) columns: \(line)")
            }
            // An abstract reads on one line: the overview's, and its parent's list of subcommands,
            // where it starts at column 26.
            if let abstract = command["abstract"] as? String {
                #expect(columns(abstract) <= (path.isEmpty ? 70 : 54), "\(name): abstract \(abstract)")
            }
            for line in (command["discussion"] as? String ?? "").split(separator: "\n") where line.hasPrefix(" ") {
                #expect(columns(line) <= 80, "\(name): discussion line \(line)")
            }
            // The usage, on one line or more, up to the blank line after it.
            let usage = try #require(help.stdout.components(separatedBy: "\n\n").first { $0.hasPrefix("USAGE: ") }, "\(name)")
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["isOptional"] as? Bool == false {
                let option = (argument["preferredName"] as? [String: Any])?["name"] as? String
                let value = "<\(argument["valueName"] as? String ?? "")>"
                #expect(usage.contains(option.map { "--\($0) \(value)" } ?? value), "\(name): \(usage)")
            }
        }
        let root = try runTimeline(["--help"], in: folder, environment: ["COLUMNS": "80"])
        #expect(root.stdout == (try runTimeline(["help"], in: folder, environment: ["COLUMNS": "80"]).stdout))
    }
}
