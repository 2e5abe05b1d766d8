#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a change set records besides the rows it changed: who made it, with which command, why
/// and on which source. A store records each write transaction under its `changeDescription`.
///
///     store.changeDescription = ChangeDescription(author: "alice", command: "timeline edit x --title Y", reason: "typo")
public struct ChangeDescription: Equatable, Sendable {
    /// Who: a name or an e-mail address; nil when not known.
    public var author: String?
    /// The command line that made the change.
    public var command: String
    /// Why, in the author's words.
    public var reason: String?
    /// The id of the source the change rests on (a retraction's, a correction's).
    public var source: String?

    public init(author: String? = ChangeDescription.systemUser, command: String, reason: String? = nil, source: String? = nil) {
        self.author = author
        self.command = command
        self.reason = reason
        self.source = source
    }

    /// The name of the user this process runs as (from the password database), or nil.
    public static var systemUser: String? {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return nil }
        let text = String(cString: name)
        return text.isEmpty ? nil : text
    }

    /// A command line as a shell would take it back: each argument that needs it in single quotes.
    ///
    ///     ChangeDescription.commandLine(["timeline", "edit", "x", "--title", "A title"])
    ///     // timeline edit x --title 'A title'
    public static func commandLine(_ arguments: [String]) -> String {
        arguments.map { argument in
            let plain =
                !argument.isEmpty
                && argument.utf8.allSatisfy { byte in
                    switch byte {
                    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                        UInt8(ascii: "0")...UInt8(ascii: "9"):
                        return true
                    default:
                        return "-_./:=@,+%".utf8.contains(byte)
                    }
                }
            return plain ? argument : "'" + argument.replacing("'", with: "'\\''") + "'"
        }.joined(separator: " ")
    }
}
