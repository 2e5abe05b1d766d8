import FoundationEssentials

extension Format {
    /// TimelineJS's JSON, to publish with Knight Lab's TimelineJS.
    public static let timelinejs = Format(
        name: "timelinejs", summary: "Knight Lab's TimelineJS JSON", needsRecords: true,
        reader: { input in
            var input = input
            return DocumentRecordReader(try TimelineJSReader.document(fromJSON: Data(try input.readAll())))
        },
        writer: { options, records, _ in TimelineJSWriter(records: records, title: options.title, groupBy: options.grouping) })

    /// The CSV of TimelineJS's spreadsheet template (import only).
    public static let timelinejsCSV = Format(
        name: "timelinejs-csv", summary: "the CSV of TimelineJS's spreadsheet template (import only)",
        reader: { input in
            var reader = CSVReader(input)
            var rows: [[String]] = []
            do {
                while let row = try reader.nextRow() { rows.append(row) }
            } catch TimelineError.importFailed(let line, let reason) {
                throw TimelineError.importFailed(location: "row \(rows.count + 1) (\(line))", reason: reason)
            }
            return DocumentRecordReader(try TimelineJSReader.document(fromSpreadsheetRows: rows))
        })
}
