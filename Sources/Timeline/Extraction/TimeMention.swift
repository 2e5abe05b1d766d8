/// A time expression found in a text: where it is, what it says, and its value when it can be
/// decided.
public struct TimeMention: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// A point, a partial date or an interval; the value is EDTF (`2019`, `2022-10-17?`, `2015/2017`).
        case date
        /// A length of time; the value is an ISO 8601 duration (`P10Y`).
        case duration
    }

    /// The words as written.
    public var text: String
    /// Offsets in code points into the text as read (for HTML and Markdown, the text they reduce to).
    public var start: Int
    public var end: Int
    public var kind: Kind
    /// EDTF for a date, ISO 8601 for a duration; nil when it depends on a day the text does not
    /// give (a relative date without the publication date).
    public var value: String?
    public init(text: String, start: Int, end: Int, kind: Kind, value: String?) {
        self.text = text
        self.start = start
        self.end = end
        self.kind = kind
        self.value = value
    }

    /// The mention as one line of JSON: `{"text", "start", "end", "type", "value"}`.
    public var jsonLine: String {
        var line = "{\"text\": "
        JSONValue.string(text).write(to: &line)
        line += ", \"start\": \(start), \"end\": \(end), \"type\": \"\(kind.rawValue)\", \"value\": "
        if let value { JSONValue.string(value).write(to: &line) } else { line += "null" }
        line += "}"
        return line
    }
}
