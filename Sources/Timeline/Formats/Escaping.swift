/// Text escaping shared by the formats that write markup.
public enum Escaping {
    /// User text as HTML text or a double-quoted attribute value: `&`, `<`, `>`, `"` and `'`
    /// escaped, so nothing from the data is ever markup.
    public static func html(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// User text as XML text or a double-quoted attribute value (svg): escaped as `html(_:)`, and
    /// the characters XML 1.0 forbids even escaped (control characters other than tab and line
    /// ends, U+FFFE, U+FFFF) replaced by U+FFFD, so the file always parses.
    public static func xml(_ text: String) -> String {
        func isXML(_ scalar: Unicode.Scalar) -> Bool {
            scalar.value >= 0x20 ? scalar.value != 0xFFFE && scalar.value != 0xFFFF : scalar == "\t" || scalar == "\n" || scalar == "\r"
        }
        guard !text.unicodeScalars.allSatisfy(isXML) else { return html(text) }
        var clean = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { clean.append(isXML(scalar) ? scalar : "\u{FFFD}") }
        return html(String(clean))
    }

    /// Whether a URL may become a link: http, https or mailto, with no space or control
    /// character (a `javascript:` or `data:` URL is shown as text instead).
    public static func isLinkable(_ url: String) -> Bool {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("mailto:") else { return false }
        return !url.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F }
    }

    /// JSON made safe inside a script element: `<` (so `</script>` cannot end it) and the two
    /// line separators JavaScript once refused are written as escapes. They only occur in strings.
    public static func jsonInScript(_ json: String) -> String {
        // U+2028 and U+2029 are E2 80 A8/A9 in UTF-8: a byte scan finds every candidate.
        guard json.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == 0xE2 }),
            json.unicodeScalars.contains(where: { $0 == "<" || $0 == "\u{2028}" || $0 == "\u{2029}" })
        else { return json }
        var text = ""
        for scalar in json.unicodeScalars {
            switch scalar {
            case "<": text += "\\u003c"
            case "\u{2028}": text += "\\u2028"
            case "\u{2029}": text += "\\u2029"
            default: text.unicodeScalars.append(scalar)
            }
        }
        return text
    }
}
