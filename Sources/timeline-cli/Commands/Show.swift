import ArgumentParser
import Timeline

struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show the timeline, oldest first.",
        discussion: """
            Date filters keep events whose span overlaps: --since 2019 keeps an event dated \
            2018/2020. --actor matches names and aliases, case and accents ignored, and includes \
            the actors that are part of it (Google: also Google Cloud, YouTube) unless --exact.
            Examples:
              timeline show --since 2019 --until 2021
              timeline show --actor "Mayo Clinic" --tag cloud --format markdown
              timeline show --partnership mayo-google-cloud
              timeline show --on 2022-10 --format json | jq '.events[].title'
              timeline show --as-of 2026-12-01
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions
    @OptionGroup var asOf: AsOfOptions

    @OptionGroup var listing: ListingOptions

    func run() throws {
        try listing.printEvents(of: try asOf.store(try database.open(.read)), matching: try filters.filter())
    }
}
