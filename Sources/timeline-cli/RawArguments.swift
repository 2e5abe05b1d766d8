import Timeline

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The command line as the process received it, before Swift decodes it: `CommandLine.arguments`
/// turns bytes that are not UTF-8 into U+FFFD without a word, so a name or a date would be
/// stored with a character the user never typed.
enum RawArguments {
    /// The first argument (1-based, after the program's name) that is not UTF-8, with its bytes
    /// as a message shows them: text as is, each invalid byte as `\xFF`.
    static func firstInvalid() -> (position: Int, shown: String)? {
        for index in 1..<Int(CommandLine.argc) {
            guard let pointer = CommandLine.unsafeArgv[index], String(validatingCString: pointer) == nil else { continue }
            let bytes = Array(
                UnsafeBufferPointer(
                    start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self),
                    count: strlen(pointer)))
            return (index, shown(bytes))
        }
        return nil
    }

    /// The valid parts of `bytes` as text (escaped for a message), each invalid byte as `\xHH`,
    /// cut with an ellipsis after about 60 characters.
    private static func shown(_ bytes: [UInt8]) -> String {
        var shown = ""
        var index = 0
        while index < bytes.count && shown.count < 60 {
            let length = bytes[index] < 0x80 ? 1 : bytes[index] >= 0xF0 ? 4 : bytes[index] >= 0xE0 ? 3 : bytes[index] >= 0xC0 ? 2 : 0
            if length > 0, index + length <= bytes.count,
                let text = String(validating: bytes[index..<index + length], as: UTF8.self)
            {
                shown += text.shownInMessage()
                index += length
            } else {
                shown += "\\x" + String(bytes[index], radix: 16, uppercase: true)
                index += 1
            }
        }
        return index < bytes.count ? shown + "…" : shown
    }
}
