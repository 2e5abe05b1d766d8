/// Reads events from CSV with a header row naming the columns of `CSVWriter.columns` (in any
/// order; `title` and `date` required; derived columns ignored), row by row. Errors name the
/// row and the line it starts on.
public struct CSVEventReader: RecordReader {
    private var reader: CSVReader
    private var columns: [String: Int] = [:]
    private var rowNumber = 1
    private var headerCount = 0

    public init(_ input: InputBytes) throws {
        reader = CSVReader(input)
        guard let header = try reader.nextRow() else {
            throw TimelineError.importFailed(location: "row 1", reason: "the file is empty; expected a header row")
        }
        for (index, name) in header.enumerated() {
            let name = name.trimmingWhitespace.lowercased()
            guard CSVWriter.columns.contains(name) else {
                throw TimelineError.importFailed(
                    location: "row 1, column \(index + 1)",
                    reason:
                        "unknown column \"\(name.shownInMessage(limit: 40))\"; expected some of the columns `export --format csv` writes: "
                        + CSVWriter.columns.filter { !CSVWriter.derivedColumns.contains($0) }.joined(separator: ", ")
                )
            }
            guard columns.updateValue(index, forKey: name) == nil else {
                throw TimelineError.importFailed(
                    location: "row 1, column \(index + 1)", reason: "the column \"\(name.shownInMessage())\" appears twice")
            }
        }
        headerCount = header.count
        for required in ["title", "date"] where columns[required] == nil {
            throw TimelineError.importFailed(location: "row 1", reason: "the header has no \"\(required)\" column")
        }
    }

    public mutating func next() throws -> (record: ImportRecord, location: String)? {
        while true {
            let row: [String]
            do {
                guard let next = try reader.nextRow() else { return nil }
                row = next
            } catch TimelineError.importFailed(let line, let reason) {
                throw TimelineError.importFailed(location: "row \(rowNumber + 1) (\(line))", reason: reason)
            }
            rowNumber += 1
            if row.allSatisfy({ $0.trimmingWhitespace.isEmpty }) { continue }
            guard row.count <= headerCount else {
                throw TimelineError.importFailed(
                    location: "row \(rowNumber) (line \(reader.rowLine))",
                    reason: "\(row.count) cells for \(headerCount) columns; a cell with a comma must be in double quotes")
            }
            func cell(_ name: String) -> String? {
                guard let index = columns[name], index < row.count else { return nil }
                return CSVCells.restoringFormula(row[index]).nonBlank
            }
            let location = "row \(rowNumber) (line \(reader.rowLine)" + (cell("id").map { ", id \"\($0.shownInMessage())\")" } ?? ")")
            do {
                let dateText = cell("date") ?? ""
                let date: PartialDate
                do { date = try PartialDate(parsing: dateText) } catch {
                    throw TimelineError.invalidValue(
                        field: "date", value: dateText,
                        expected: "\(error.reason); accepted forms: \(DateParseError.acceptedForms)")
                }
                var status: EventStatus?
                if let text = cell("status") {
                    guard let standing = EventStatus.Standing(rawValue: text) else {
                        throw TimelineError.invalidValue(field: "status", value: text, expected: "retracted, disputed or empty")
                    }
                    status = EventStatus(
                        standing, reason: cell("status_reason") ?? "", source: cell("status_source").map(Source.init(reference:)))
                }
                let event = Event(
                    id: cell("id"), title: cell("title") ?? "", date: date, summary: cell("summary"), kind: cell("kind"),
                    partnership: cell("partnership"), actors: CSVCells.actors(cell("actors") ?? ""),
                    tags: CSVCells.strings(cell("tags") ?? ""), sources: CSVCells.citations(cell("sources") ?? ""),
                    quotes: try CSVCells.quotes(cell("quotes") ?? ""), status: status)
                // Columns the file does not have are kept as stored, not emptied.
                let keeping = Set(EventField.allCases.filter { columns[$0.rawValue] == nil })
                return (.event(try event.normalized(), keeping: keeping), location)
            } catch let error as TimelineError {
                throw TimelineError.importFailed(location: location, reason: error.description)
            }
        }
    }
}
