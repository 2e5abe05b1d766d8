import ArgumentParser
import Timeline

struct Reindex: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reindex",
        abstract: "Rebuild the full-text search index (after SQL written by hand put it out of step).",
        discussion: "`timeline check` reports when it is needed (stale-search).")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try database.open(.write).rebuildSearchIndex()
    }
}
