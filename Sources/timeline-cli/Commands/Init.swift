import ArgumentParser
import Timeline

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the database, or bring it up to date.",
        discussion: "Safe to run again: an up-to-date database is left as it is.")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        let store = try database.open(.create, quietly: true)
        let version = try store.schemaVersion()
        if store.createdFile {
            print("created \(database.path) (schema version \(version))")
        } else if !store.appliedMigrations.isEmpty {
            print("upgraded \(database.path) to schema version \(version)")
        } else {
            print("\(database.path) is up to date (schema version \(version))")
        }
    }
}
