import FoundationEssentials

/// The formats `import` reads, and how it tells them apart.
public enum InputFormat: String, CaseIterable, Sendable {
    /// Our JSON document (version 1 or 2).
    case json
    /// Our JSON Lines.
    case jsonl
    /// Our CSV.
    case csv
    /// TimelineJS's JSON.
    case timelinejs
    /// The CSV of TimelineJS's spreadsheet template.
    case timelinejsCSV = "timelinejs-csv"

    /// The format of an input: from the file name's extension when it says (`.jsonl`,
    /// `.ndjson`, `.csv`), else from its first bytes: JSON that is one document, JSON that is
    /// one object per line, or CSV — ours or TimelineJS's, told apart by their keys and headers.
    public static func detect(path: String?, input: inout InputBytes) throws(TimelineError) -> InputFormat {
        let head = Array(try input.peek(64 * 1024))
        let text = String(decoding: head, as: UTF8.self)
        let trimmed = text.drop { $0.isWhitespace }
        let fileName = path?.split(separator: "/").last ?? ""
        let fileExtension = fileName.dropFirst().contains(".")
            ? fileName.split(separator: ".", omittingEmptySubsequences: false).last!.lowercased() : ""
        if ["jsonl", "ndjson"].contains(fileExtension) { return .jsonl }
        if fileExtension == "csv" || !(trimmed.first == "{" || trimmed.first == "[") {
            let header = trimmed.prefix { $0 != "\n" && $0 != "\r" }.lowercased()
            return header.hasPrefix("year,month,day") || header.hasPrefix("\"year\",") ? .timelinejsCSV : .csv
        }
        // One object per line when the first line is a whole object that is not a document.
        let firstLine = trimmed.prefix { $0 != "\n" }
        if case .object(let members)? = try? JSONParser.parse(Array(firstLine.utf8)),
           !members.contains(where: { $0.key == "timeline" || $0.key == "events" }) {
            return .jsonl
        }
        // TimelineJS has slides with `start_date` objects and no format version.
        if !trimmed.contains("\"timeline\"") && (trimmed.contains("\"start_date\"") || trimmed.contains("\"headline\"")) {
            return .timelinejs
        }
        return .json
    }

    /// A reader of this format over `input`. The JSON formats are read whole; JSON Lines and
    /// CSV stream.
    public func makeReader(_ input: InputBytes) throws -> any RecordReader {
        var input = input
        switch self {
        case .json: return DocumentRecordReader(try JSONDocumentReader.document(from: Data(try input.readAll())))
        case .jsonl: return JSONLinesReader(input)
        case .csv: return try CSVEventReader(input)
        case .timelinejs: return DocumentRecordReader(try TimelineJSReader.document(fromJSON: Data(try input.readAll())))
        case .timelinejsCSV:
            var reader = CSVReader(input)
            var rows: [[String]] = []
            do {
                while let row = try reader.nextRow() { rows.append(row) }
            } catch TimelineError.importFailed(let line, let reason) {
                throw TimelineError.importFailed(location: "row \(rows.count + 1) (\(line))", reason: reason)
            }
            return DocumentRecordReader(try TimelineJSReader.document(fromSpreadsheetRows: rows))
        }
    }
}
