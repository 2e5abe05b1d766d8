import Timeline

extension InputBytes {
    /// The bytes of the file a command reads, or of standard input for `-`; a missing file or a
    /// folder is an error that names it.
    static func opening(_ file: String) throws -> InputBytes {
        if file == "-" { return .standardInput }
        switch FileSystem.entry(at: file) {
        case .missing: throw CLIError(description: "cannot read \(file.shownInMessage(limit: 200)): no such file")
        case .folder: throw CLIError(description: "cannot read \(file.shownInMessage(limit: 200)): it is a folder")
        case .file: return try InputBytes(path: file)
        }
    }
}
