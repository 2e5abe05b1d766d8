import ArgumentParser
import Timeline

struct ChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "Exchange changes with other copies of the timeline.",
        discussion: """
            Each copy exports its change sets to a file; the other applies it. A change set is \
            applied once, however often its file is applied; a conflict (the same field changed \
            on both sides, a record changed on one and deleted on the other, one id added on \
            both) stops the apply with nothing changed until you choose a side. docs/team.md.
            Example:
              timeline changes export --output from-camille.jsonl
              timeline changes apply from-camille.jsonl
            """,
        subcommands: [Export.self, Apply.self])
}

extension ChangesCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export", abstract: "Write this copy's change sets as JSON Lines.",
            usage: "timeline changes export [--db <path>] [--since <change>] [-o <file>]",
            discussion: """
                Every change set of the history, or those after --since, with who made it, when, \
                why and on which source; to stdout, or to --output.
                Examples:
                  timeline changes export --output mine.jsonl
                  timeline changes export --since 41 --output mine.jsonl
                """)

        @OptionGroup var database: DatabaseOptions

        @Option(help: ArgumentHelp("Only the change sets after this one (its number in `timeline log`, or its uid).", valueName: "change"))
        var since: String?

        @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
        var output: String?

        func run() throws {
            let store = try database.open(.read)
            let after = try since.map(store.changeSetNumber) ?? 0
            let writer = ChangeFileWriter()
            guard let output else {
                var standardOutput = StandardOutput()
                defer { standardOutput.flush() }
                writer.writeHeader(to: &standardOutput)
                try store.forEachExchangeItem(after: after) { writer.write($0, to: &standardOutput) }
                return
            }
            let path = database.path
            var file = try OutputFile(path: output, protecting: [path, path + "-wal", path + "-shm"])
            do {
                writer.writeHeader(to: &file)
                try store.forEachExchangeItem(after: after) { writer.write($0, to: &file) }
                try file.commit()
            } catch {
                file.discard()
                throw error
            }
        }
    }

    struct Apply: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "apply", abstract: "Apply another copy's change sets.",
            usage: "timeline changes apply [<options>] <file> [--take <side> ...]",
            discussion: """
                Change sets this copy has are passed over. On a conflict nothing is applied, each \
                conflict is listed with both values and who set them, and the exit status is 1: \
                apply again with --take ours (keep this copy's), --take theirs, or --take NAME=SIDE \
                for one conflict. The choices are recorded in the history.
                Examples:
                  timeline changes apply from-camille.jsonl
                  timeline changes apply from-camille.jsonl --take ours \\
                    --take event/launch/title=theirs
                """)

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var change: ChangeOptions

        @Argument(help: ArgumentHelp("The file `timeline changes export` wrote (- for stdin).", valueName: "file"))
        var file: String

        @Option(
            help: ArgumentHelp(
                "The side to take in conflicts: ours or theirs for all, or NAME=ours|theirs for one (repeatable).", valueName: "side"))
        var take: [String] = []

        func choices() throws -> ConflictChoices {
            var choices = ConflictChoices()
            for choice in take {
                if let side = ConflictSide(rawValue: choice) {
                    if let earlier = choices.forAll, earlier != side {
                        throw ValidationError("--take ours and --take theirs both given for all conflicts: choose one")
                    }
                    choices.forAll = side
                } else if let equals = choice.lastIndex(of: "="),
                    let side = ConflictSide(rawValue: String(choice[choice.index(after: equals)...])),
                    equals != choice.startIndex
                {
                    choices.byName[String(choice[..<equals])] = side
                } else {
                    throw ValidationError(
                        "--take \(choice.shownInMessage(limit: 100)): expected ours, theirs, or a conflict's name = ours or theirs "
                            + "(event/launch/title=theirs)")
                }
            }
            return choices
        }

        func run() throws {
            let choices = try choices()
            var reader = ChangeFileReader(try InputBytes.opening(file))
            let store = try database.open(.write, recording: change.description())
            do {
                let applied = try store.applyChanges(from: file, choosing: choices) { try reader.next() }
                var lines = [
                    "applied \(applied.applied) change set\(applied.applied == 1 ? "" : "s") from \(file.shownInMessage(limit: 200))"
                ]
                if applied.alreadyHere > 0 { lines[0] += " (\(applied.alreadyHere) already here)" }
                for (conflict, side) in applied.resolved {
                    lines.append("took \(side.rawValue) in \(conflict.name) (\(conflict.kind.rawValue))")
                }
                StandardError.write(lines.joined(separator: "\n") + "\n")
            } catch TimelineError.unresolvedConflicts(let file, let conflicts) {
                var standardOutput = StandardOutput()
                for conflict in conflicts { standardOutput.write(conflict.lines.joined(separator: "\n") + "\n") }
                standardOutput.flush()
                throw TimelineError.unresolvedConflicts(file: file, conflicts: conflicts)
            }
        }
    }
}
