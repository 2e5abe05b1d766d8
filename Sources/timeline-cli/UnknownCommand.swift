import ArgumentParser
import Timeline

/// A word where a command is expected that names none (`timeline shwo`, `timeline actor lsit`,
/// `timeline help nosuch`), found before parsing: swift-argument-parser would call it an
/// "unexpected argument", or show the general help for `help nosuch` and succeed.
enum UnknownCommand {
    /// The message for the first such word of `arguments` (without the program's name), naming
    /// the closest commands, else listing the commands there are; nil when every word where a
    /// command is expected names one (options and arguments are the parser's business).
    static func message(for arguments: [String]) -> String? {
        var command: ParsableCommand.Type = TimelineCommand.self
        var path: [String] = []
        for word in arguments.first == "help" ? Array(arguments.dropFirst()) : arguments {
            let subcommands = command.configuration.subcommands
            guard !word.hasPrefix("-"), !subcommands.isEmpty, word != "help" else { return nil }
            if let next = subcommands.first(where: { $0._commandName == word || $0.configuration.aliases.contains(word) }) {
                command = next
                path.append(word)
                continue
            }
            let names = subcommands.map { $0._commandName }
            let typed = (path + [word.shownInMessage()]).joined(separator: " ")
            let closest = ClosestNames.closest(to: word, among: names).map { "\"" + (path + [$0]).joined(separator: " ") + "\"" }
            guard let last = closest.last else {
                return "unknown command \"\(typed)\"; the commands are \(names.joined(separator: ", "))"
            }
            let meant = closest.count == 1 ? last : closest.dropLast().joined(separator: ", ") + " or " + last
            return "unknown command \"\(typed)\"; did you mean \(meant)?"
        }
        return nil
    }
}
