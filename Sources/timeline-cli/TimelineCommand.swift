import ArgumentParser
import Timeline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `timeline`: the root command. It parses, runs a subcommand, and is the one place where
/// errors become a one-line message on stderr and an exit code (1 for data and runtime errors,
/// 64 for usage errors, 130 when interrupted by SIGINT or SIGTERM), never a stack trace.
@main
struct TimelineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Keep dated events about organisations and partnerships in SQLite.",
        discussion: """
            The database is --db PATH, else $TIMELINE_DB, else ./timeline.db. Dates are EDTF \
            (2019, 2019-09, 2019-09-10, 2022-10-17?, 2021~, 2019-09-10/.., 201X) or what people \
            write in English or French ("10 September 2019", "avril 2021", "c. 2021", "spring 2021", \
            "since 2019", "lundi dernier"); relative dates are read against --relative-to (today by \
            default), numeric ones like 10/09/2019 in --date-order. All forms: docs/dates.md.
            """,
        version: "timeline 0.1.0",
        subcommands: [
            Init.self, Add.self, Show.self, Search.self, Get.self, Edit.self, Merge.self, Remove.self, Log.self, Undo.self, Retract.self,
            Dispute.self, Reinstate.self, Export.self, Import.self, Backup.self, Extract.self,
            ActorCommand.self, PartnershipCommand.self, QuoteCommand.self, SourceCommand.self, ChangesCommand.self, Check.self,
            Reindex.self,
        ]
    )

    static func main() {
        Interruption.install()
        if let invalid = RawArguments.firstInvalid() {
            fail(
                "argument \(invalid.position) is not UTF-8 text: \"\(invalid.shown)\"; "
                    + "give names, dates and paths as UTF-8 (see `timeline help`)", code: ExitCode.validationFailure.rawValue)
        }
        if let unknown = UnknownCommand.message(for: Array(CommandLine.arguments.dropFirst())) {
            fail(unknown + " (see `timeline help`)", code: ExitCode.validationFailure.rawValue)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch _ where Interruption.wasRequested {
            // Whatever failed (SQLite's SQLITE_INTERRUPT, a reader that stopped), the cause is the signal.
            Interruption.end()
        } catch let error as TimelineError {
            fail(error.description)
        } catch let error as DateParseError {
            fail(error.description)
        } catch let error as CLIError {
            fail(error.description)
        } catch let error as FileError {
            fail(error.description)
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is ExitCode {
                exit(withError: error)
            }
            // swift-argument-parser's message quotes the value as given: joined into one line
            // and capped like any other, before the pointer to the help.
            let message = message(for: error).split(whereSeparator: \.isNewline).joined(separator: " ")
            fail(message.asOneMessageLine(limit: messageLimit - 22) + " (see `timeline help`)", code: code.rawValue)
        }
    }

    /// The longest message, in characters, after `error: `.
    static let messageLimit = 500

    /// Writes `error: MESSAGE` and ends the process. Whatever a message quotes, it leaves here
    /// as one line of at most `messageLimit` characters with its control characters escaped:
    /// the last safety net behind the values each message shortens itself.
    private static func fail(_ message: String, code: Int32 = 1) -> Never {
        StandardError.write("error: \(message.asOneMessageLine(limit: messageLimit))\n")
        endProcess(code)
    }
}

/// A runtime problem found by the CLI itself (files it reads or writes), with the path.
struct CLIError: Error, CustomStringConvertible {
    let description: String
}

/// Ends the process (a free function: inside a command, `exit` names swift-argument-parser's).
private func endProcess(_ code: Int32) -> Never {
    exit(code)
}

enum StandardError {
    static func write(_ text: String) {
        writeAll(text, to: STDERR_FILENO)
    }
}
