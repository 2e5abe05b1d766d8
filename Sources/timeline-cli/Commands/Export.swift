import ArgumentParser
import Foundation
import Timeline

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write the timeline (or the events the filters keep) as a JSON document, CSV or Markdown.",
        discussion: """
            The JSON document is what `timeline import` reads back. With --output the file is \
            written whole or not at all (a temporary file renamed at the end).
            Examples:
              timeline export --output timeline.json
              timeline export --since 2019 --format csv > 2019.csv
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var filters: FilterOptions

    @Option(help: ArgumentHelp("Output format.", valueName: "format"))
    var format: OutputFormat = .json

    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    func run() throws {
        let store = try database.open(.read)
        var writer = format.makeWriter(color: false)
        guard let output else {
            var standardOutput = StandardOutput()
            try write(store, with: &writer, to: &standardOutput)
            standardOutput.flush()
            return
        }
        var file = try OutputFile(path: output)
        do {
            try write(store, with: &writer, to: &file)
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
    }

    private func write(_ store: Store, with writer: inout any EventWriter, to output: inout some TextOutputStream) throws {
        writer.writeHeader(to: &output)
        try store.forEachEvent(matching: filters.filter) { writer.write($0, to: &output) }
        writer.writeFooter(to: &output)
    }
}

/// A file written whole or not at all: text goes to a temporary file beside it, renamed over
/// the target by `commit()`.
struct OutputFile: TextOutputStream {
    let path: String
    private let temporaryPath: String
    private let handle: UnsafeMutablePointer<FILE>
    private var failed = false

    init(path: String) throws {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw CLIError(description: "cannot write \(path): its folder does not exist")
        }
        self.path = path
        self.temporaryPath = folder + "/." + URL(fileURLWithPath: path).lastPathComponent + ".\(getpid()).tmp"
        guard let handle = fopen(temporaryPath, "wx") else {
            throw CLIError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        self.handle = handle
    }

    mutating func write(_ string: String) {
        var string = string
        string.withUTF8 { bytes in
            if fwrite(bytes.baseAddress, 1, bytes.count, handle) != bytes.count { failed = true }
        }
    }

    func commit() throws {
        let closed = fclose(handle) == 0
        guard !failed, closed else {
            unlink(temporaryPath)
            throw CLIError(description: "cannot write \(path): \(String(cString: strerror(errno)))")
        }
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw CLIError(description: "cannot write \(path): \(reason)")
        }
    }

    func discard() {
        fclose(handle)
        unlink(temporaryPath)
    }
}
