import ArgumentParser
import Timeline

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the file and the data; exit 1 on any error.",
        discussion: """
            Errors: SQLite integrity and foreign keys, stored dates that do not read or disagree \
            with their bounds, partnerships with fewer than two members, loops in "part of". \
            Warnings: events without a source, sources cited by nothing, actors whose names \
            differ only by case, accents, punctuation or spacing, partnership events outside the \
            partnership's span, quotes whose speaker is not one of the event's actors. Dates and \
            search columns out of step with what they come from (after SQL typed by hand) are \
            errors that `timeline reindex` mends. The history must give today's rows: it is replayed \
            backwards on a copy, each step checked. --strict counts warnings as errors, for CI.
            """)

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Exit 1 on warnings too.")
    var strict = false

    func run() throws {
        let findings = try database.open(.read).check()
        var output = StandardOutput()
        for finding in findings { output.write("\(finding)\n") }
        output.flush()
        func count(_ number: Int, _ noun: String) -> String { "\(number) \(noun)\(number == 1 ? "" : "s")" }
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.count - errors
        StandardError.write(
            "\(count(findings.count, "finding")): \(count(errors, "error")), \(count(warnings, "warning"))"
                + (strict && warnings > 0 ? " (--strict: warnings fail the check)" : "") + "\n")
        if errors > 0 || (strict && warnings > 0) { throw ExitCode.failure }
    }
}
