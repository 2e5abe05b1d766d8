/// What went wrong writing a file (an export, a backup), with the path as the user gave it.
/// The CLI prints `description` after `error: `.
public enum FileError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The destination exists and the caller did not ask to replace it.
    case alreadyExists(path: String)
    /// The file system refused: the path and the reason (`strerror`).
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .alreadyExists(let path):
            return "\(path.shownInMessage(limit: 200)) already exists; choose another file, or replace it with --force"
        case .cannotWrite(let path, let reason):
            return "cannot write \(path.shownInMessage(limit: 200)): \(reason)"
        }
    }
}
