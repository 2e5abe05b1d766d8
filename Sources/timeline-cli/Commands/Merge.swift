import ArgumentParser
import Timeline

struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge event B into A (one event entered twice).", usage: "timeline merge [<options>] <kept> <merged>",
        discussion: """
            B is deleted. A keeps its title and date, and gains B's actors, tags, sources and quotes, and B's \
            kind and partnership if it has none; a different summary of B follows A's. \
            `timeline check` suggests merges (similar-events).
            Example: timeline merge mayo-google-partnership mayo-clinic-and-google-sign
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var change: ChangeOptions

    @Argument(help: "The event to keep: its id, or a start of it that no other id has.")
    var kept: String

    @Argument(help: "The event to merge into it, then delete.")
    var merged: String

    func run() throws {
        noteCreatedRecords(try database.open(.write, recording: change.description()).mergeEvent(merged, into: kept))
    }
}
