/// How messages show text that came from outside (a value someone typed, a cell of a file, a
/// path, SQLite's own message): on one short line, whatever the text holds.
///
/// A message quotes a value so that its reader can find it, not to reproduce it: a megabyte of
/// NUL bytes, a query of 100,000 parentheses or a cell with a carriage return must not turn one
/// error line into a megabyte, a line that a terminal overwrites, or several lines.
extension String {
    /// The text as a message quotes it: control characters and line separators as visible
    /// escapes (`\n`, `\r`, `\t`, `\0`, `\u{1B}`), and cut with an ellipsis (…) where it would
    /// show more than `limit` characters.
    ///
    ///     "a\rb".shownInMessage()                     // a\rb (a backslash and an r)
    ///     String(repeating: "(", count: 100_000).shownInMessage(limit: 5)  // (((((…
    public func shownInMessage(limit: Int = 60) -> String {
        var shown = ""
        var count = 0
        for character in self {
            let escaped = character.escapedForMessage
            if count + escaped.count > limit {
                shown += "…"
                break
            }
            shown += escaped
            count += escaped.count
        }
        return shown
    }

    /// A whole message as one line of at most `limit` characters: control characters escaped
    /// as in `shownInMessage`, and, when it is longer, its middle replaced by an ellipsis (the
    /// start says what failed, the end often what is accepted). The last safety net of the
    /// command line, for messages that quote text nobody shortened.
    public func asOneMessageLine(limit: Int = 500) -> String {
        let start = String(prefix(limit + 1)).shownInMessage(limit: .max)
        if start.count <= limit { return start }
        // Only the two ends are escaped, so a message of megabytes costs no more than a short one.
        let tail = limit / 3
        let head = limit - tail - 1
        return start.prefix(head) + "…" + String(suffix(tail)).shownInMessage(limit: .max).suffix(tail)
    }
}

extension Character {
    /// The character as a message shows it: itself, or an escape when it would break the line,
    /// move the cursor or reorder the text (control characters, line and paragraph separators,
    /// bidirectional overrides).
    var escapedForMessage: String {
        guard unicodeScalars.contains(where: \.breaksMessageLine) else { return String(self) }
        return unicodeScalars.map { scalar in
            switch scalar {
            case "\n": return "\\n"
            case "\r": return "\\r"
            case "\t": return "\\t"
            case "\0": return "\\0"
            case _ where scalar.breaksMessageLine: return "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: return String(scalar)
            }
        }.joined()
    }
}

extension Unicode.Scalar {
    /// Control characters (C0, DEL, C1), line and paragraph separators, and the bidirectional
    /// embeddings, overrides and isolates that can make a line read other than it is.
    var breaksMessageLine: Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

extension String {
    /// The text as one word of a shell command that a message shows: as it is when it only
    /// holds letters, digits and `._/-`, else in single quotes (`'Mayo Clinic'`, `'O'\''Brien'`).
    var shellQuoted: String {
        let plain =
            !isEmpty
            && unicodeScalars.allSatisfy { $0.properties.isAlphabetic || ("0"..."9").contains($0) || "._/-".unicodeScalars.contains($0) }
        return plain ? self : "'" + replacingAll(["'": "'\\''"]) + "'"
    }
}
