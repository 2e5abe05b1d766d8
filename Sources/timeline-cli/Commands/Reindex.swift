import ArgumentParser
import Timeline

struct Reindex: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Recompute what SQL written by hand left out of step.",
        discussion: """
            Recomputes each date's start, end and precision from the date (after, say, \
            UPDATE events SET date = '2019-09'), then rebuilds the full-text search index, \
            in one transaction. `timeline check` reports when it is needed (date-bounds, \
            stale-search). Names each row whose dates it recomputed, on stderr.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var change: ChangeOptions

    func run() throws {
        for row in try database.open(.write, recording: change.description()).reindex() {
            StandardError.write("recomputed \(row)\n")
        }
    }
}
