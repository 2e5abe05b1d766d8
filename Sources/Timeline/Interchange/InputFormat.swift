import Foundation

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
    public static func detect(path: String?, input: inout InputBytes) -> InputFormat {
        let head = Array(input.peek(64 * 1024))
        var text = String(decoding: head, as: UTF8.self)
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let trimmed = text.drop { $0.isWhitespace }
        let fileExtension = path.map { URL(fileURLWithPath: $0).pathExtension.lowercased() } ?? ""
        if ["jsonl", "ndjson"].contains(fileExtension) { return .jsonl }
        if fileExtension == "csv" || !(trimmed.first == "{" || trimmed.first == "[") {
            let header = trimmed.prefix { $0 != "\n" && $0 != "\r" }.lowercased()
            return header.hasPrefix("year,month,day") || header.hasPrefix("\"year\",") ? .timelinejsCSV : .csv
        }
        // One object per line when the first line is a whole object that is not a document.
        let firstLine = trimmed.prefix { $0 != "\n" }
        if let object = try? JSONSerialization.jsonObject(with: Data(firstLine.utf8)) as? [String: Any],
           object["timeline"] == nil, object["events"] == nil {
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
        case .json: return DocumentRecordReader(try JSONDocumentReader.document(from: Data(input.readAll())))
        case .jsonl: return JSONLinesReader(input)
        case .csv: return try CSVEventReader(input)
        case .timelinejs: return DocumentRecordReader(try TimelineJSReader.document(fromJSON: Data(input.readAll())))
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
