extension Format {
    /// The format of an input to import: from the file name's extension when it says (`.jsonl`,
    /// `.ndjson`, `.csv`), else from its first bytes: JSON that is one document, JSON that is
    /// one object per line, or CSV — ours or TimelineJS's, told apart by their keys and headers.
    /// A file named for a format that cannot be imported (`.md`, `.ics`, `.html`) is an error.
    public static func detect(path: String?, input: inout InputBytes) throws(TimelineError) -> Format {
        let fileExtension = path.flatMap(fileExtension(of:))
        if let named = path.flatMap(forFile), !named.canRead {
            throw TimelineError.invalidValue(
                field: "file", value: path ?? "",
                expected: "\(named.name) cannot be imported; import reads "
                    + all.filter(\.canRead).map(\.name).joined(separator: ", "))
        }
        let head = Array(try input.peek(64 * 1024))
        let text = String(decoding: head, as: UTF8.self)
        let trimmed = text.drop { $0.isWhitespace }
        if fileExtension == "jsonl" || fileExtension == "ndjson" { return .jsonl }
        if fileExtension == "csv" || !(trimmed.first == "{" || trimmed.first == "[") {
            let header = trimmed.prefix { $0 != "\n" && $0 != "\r" }.lowercased()
            return header.hasPrefix("year,month,day") || header.hasPrefix("\"year\",") ? .timelinejsCSV : .csv
        }
        // One object per line when the first line is a whole object that is not a document.
        let firstLine = trimmed.prefix { $0 != "\n" }
        if case .object(let members)? = try? JSONParser.parse(Array(firstLine.utf8)),
            !members.contains(where: { $0.key == "timeline" || $0.key == "events" })
        {
            return .jsonl
        }
        // TimelineJS has slides with `start_date` objects and no format version.
        if !trimmed.contains("\"timeline\"") && (trimmed.contains("\"start_date\"") || trimmed.contains("\"headline\"")) {
            return .timelinejs
        }
        return .json
    }
}
