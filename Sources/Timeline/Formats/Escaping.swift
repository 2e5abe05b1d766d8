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

    /// Whether a URL may become a link: http, https or mailto, with no space or control
    /// character (a `javascript:` or `data:` URL is shown as text instead).
    public static func isLinkable(_ url: String) -> Bool {
        let lowered = url.lowercased()
        guard lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || lowered.hasPrefix("mailto:") else { return false }
        return !url.unicodeScalars.contains { $0.value <= 0x20 || $0.value == 0x7F }
    }
}
