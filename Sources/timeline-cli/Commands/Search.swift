import ArgumentParser
import Timeline

struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Find events by words, best matches first.",
        discussion: """
            Searches titles, summaries, actors' names and aliases, tags, and quotes with their \
            translations; case and accents are ignored ("donnees" finds "données"). Queries are \
            FTS5: words (all must match), "exact phrases", prefix*, OR, NOT, parentheses. Every \
            filter of `show` applies; `show --search` keeps timeline order instead.
            Examples:
              timeline search "medical records"
              timeline search 'partner* AND google' --since 2019 --limit 5
              timeline search sante --format json | jq '.events[].snippet'
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: "The query.")
    var query: String

    @OptionGroup var filters: FilterOptions

    @OptionGroup var listing: ListingOptions

    func validate() throws {
        if filters.search != nil { throw ValidationError("give the query as the argument, not with --search") }
    }

    func run() throws {
        var filter = try filters.filter()
        filter.search = query
        filter.rankedBySearch = true
        try listing.printEvents(of: try database.open(.read), matching: filter)
    }
}
