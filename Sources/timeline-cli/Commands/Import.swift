import ArgumentParser
import Foundation
import Timeline

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a JSON document (as written by export), all or nothing.",
        discussion: """
            Reads documents of version 1 and 2. Records are matched on id (actors on name or \
            alias): one already stored as it is in the file is left alone, so importing a file \
            twice adds nothing. --on-conflict says what to do when a stored record with the same \
            id differs.
            Examples:
              timeline import examples/mayo-google.json
              cat timeline.json | timeline import - --on-conflict update
            """)

    @OptionGroup var database: DatabaseOptions

    @Argument(help: ArgumentHelp("The file to read, or - for standard input.", valueName: "file"))
    var file: String

    @Option(name: .customLong("on-conflict"), help: ArgumentHelp("When a stored record with the same id differs.", valueName: "policy"))
    var onConflict: ConflictPolicy = .fail

    func run() throws {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory) else {
                throw CLIError(description: "cannot read \(file): no such file")
            }
            guard !isDirectory.boolValue, let contents = FileManager.default.contents(atPath: file) else {
                throw CLIError(description: "cannot read \(file)")
            }
            data = contents
        }
        let document = try JSONDocumentReader.document(from: data)
        let report = try database.withNewOrExistingStore { try $0.importDocument(document, onConflict: onConflict) }
        StandardError.write("imported \(report)\n")
    }
}
