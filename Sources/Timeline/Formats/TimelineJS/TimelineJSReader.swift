import FoundationEssentials  // Data

/// Reads TimelineJS3 (Knight Lab) data into events: its JSON format, or the rows of its
/// spreadsheet template. The title slide and eras are not events and are skipped.
///
/// Dates keep the precision of their date objects (`{"year": 2019, "month": 9}` is `2019-09`);
/// an end date makes an interval. A `display_date` that parses and agrees with the date objects
/// wins, so what `TimelineJSWriter` wrote (`?`, `~`, `201X`, open ends) comes back. Headlines and
/// text lose their HTML. Errors name the slide or row and the field, and nothing is returned.
public enum TimelineJSReader {
    /// The events of a TimelineJS JSON object (`{"title": ..., "eras": [...], "events": [...]}`),
    /// in file order. Errors name the slide (1-based among events) and field: `slide 3`,
    /// `field "start_date.month"`.
    public static func document(fromJSON data: Data) throws -> TimelineDocument {
        let root: JSONValue
        do {
            root = try JSONParser.parse(data)
        } catch {
            throw TimelineError.importFailed(location: "the document", reason: "not valid JSON (\(error))")
        }
        guard case .object(let members) = root, case .array(let slides)? = members.first(where: { $0.key == "events" })?.value else {
            throw TimelineError.importFailed(
                location: "the document",
                reason: "field \"events\": missing; a TimelineJS file is an object with an events array")
        }
        let events = try slides.enumerated().map { index, value in
            try reading(at: "slide \(index + 1)") {
                let slide = try JSONObject(value, path: nil, keys: nil, expected: "a slide object")
                let text = try slide.object("text")
                let media = try slide.object("media")
                guard let start = try slide.object("start_date") else {
                    throw FieldError(field: "start_date", message: "missing; an event needs a date")
                }
                return try event(
                    Slide(
                        start: try dateFields(start),
                        end: try slide.object("end_date").map(dateFields),
                        displayDate: try slide.string("display_date") ?? start.string("display_date"),
                        headline: try text?.string("headline"),
                        text: try text?.string("text"),
                        group: try slide.string("group"), uniqueID: try? slide.string("unique_id"),
                        mediaURL: try media?.string("url"),
                        names: ["title": "text.headline", "summary": "text.text", "kind": "group", "url": "media.url"]))
            }
        }
        return TimelineDocument(events: events)
    }

    /// The events of the spreadsheet template's rows (as read from its CSV), the first row being
    /// the header, which must name (in any language) at least the columns up to Headline. Columns are read by position, in the template's fixed order (`columns`); rows
    /// of Type `title` or `era` and empty rows are skipped, times are ignored. Errors name the
    /// row (1-based, the header is row 1) and column: `row 5`, `field "Month"`.
    public static func document(fromSpreadsheetRows rows: [[String]]) throws -> TimelineDocument {
        // Columns are read by position, so a file that is not the template (another CSV, a
        // binary file) would otherwise read as rows without dates and import nothing. A header
        // may be translated ("Año", "Titular"), so it is recognised by its shape: names (not
        // numbers) up to Headline, the 10th column.
        guard let header = rows.first else {
            throw TimelineError.importFailed(
                location: "row 1", reason: "the file is empty; expected the header row of TimelineJS's template")
        }
        for column in [0, 1, 2, 9] {
            let name = column < header.count ? header[column].trimmingWhitespace : ""
            guard name.isEmpty || Int(name) != nil else { continue }
            throw TimelineError.importFailed(
                location: "row 1, column \(column + 1)",
                reason:
                    "expected the header of TimelineJS's template (\(columns[0...2].joined(separator: ", ")), … \(columns[9]) in column 10, …), "
                    + "found \"\(header.prefix(10).joined(separator: ",").shownInMessage(limit: 40))\"")
        }
        var events: [Event] = []
        for (index, row) in rows.enumerated().dropFirst() {
            func cell(_ column: Int) -> String? { column < row.count ? row[column].trimmingWhitespace.nonBlank : nil }
            guard row.contains(where: { !$0.trimmingWhitespace.isEmpty }), !["title", "era"].contains(cell(15)?.lowercased()) else {
                continue
            }
            events.append(
                try reading(at: "row \(index + 1)") {
                    try event(
                        Slide(
                            start: DateFields(year: cell(0), month: cell(1), day: cell(2), names: Array(columns[0...2]), whole: "Year"),
                            end: DateFields(year: cell(4), month: cell(5), day: cell(6), names: Array(columns[4...6]), whole: "End Year"),
                            displayDate: cell(8), headline: cell(9), text: cell(10), group: cell(16), uniqueID: nil, mediaURL: cell(11),
                            names: ["title": "Headline", "summary": "Text", "kind": "Group", "url": "Media"]))
                })
        }
        return TimelineDocument(events: events)
    }

    /// The spreadsheet template's columns, in order.
    public static let columns = [
        "Year", "Month", "Day", "Time", "End Year", "End Month", "End Day", "End Time", "Display Date", "Headline", "Text",
        "Media", "Media Credit", "Media Caption", "Media Thumbnail", "Type", "Group", "Background",
    ]

    // MARK: - Slides

    /// One slide's fields as either format gives them.
    private struct Slide {
        var start: DateFields
        var end: DateFields?
        var displayDate: String?
        var headline: String?
        var text: String?
        var group: String?
        var uniqueID: String?
        var mediaURL: String?
        /// The format's name for each event field that can be wrong: "title" → "text.headline".
        var names: [String: String]
    }

    private static func event(_ slide: Slide) throws -> Event {
        guard let start = try slide.start.edtf() else {
            throw FieldError(field: slide.start.whole, message: "missing; an event needs a date")
        }
        var date: PartialDate
        do {
            let end = try slide.end?.edtf()
            date = try PartialDate(parsing: end.map { $0 == start ? start : "\(start)/\($0)" } ?? start)
        } catch let error as DateParseError {
            throw FieldError(field: slide.end?.whole, message: error.reason)
        }
        // A display date's open or unknown end agrees with any date object.
        if let text = slide.displayDate.map(shownText)?.nonBlank, let display = try? PartialDate(parsing: text),
            display.earliest.map({ $0 == date.earliest }) ?? true, display.latest.map({ $0 == date.latest }) ?? true
        {
            date = display
        }
        guard let title = slide.headline.map(plainText)?.nonBlank else {
            throw FieldError(field: slide.names["title"], message: "missing; an event needs a headline")
        }
        let url = slide.mediaURL?.trimmingWhitespace
        var urls = TimelineJSWriter.isWebURL(url) ? [url!] : []
        for link in slide.text.map(links) ?? [] where TimelineJSWriter.isWebURL(link) && !urls.contains(link) { urls.append(link) }
        let event = Event(
            id: slide.uniqueID.flatMap { Event.isValidID($0) ? $0 : nil }, title: title, date: date,
            summary: slide.text.map(summary), kind: slide.group.map(shownText),
            sources: urls.map { Citation(Source(url: $0)) })
        do {
            return try event.normalized()
        } catch TimelineError.invalidValue(let field, let value, let expected) {
            throw FieldError(field: slide.names[field] ?? field, message: "\"\(value.shownInMessage())\": \(expected)")
        }
    }

    /// A date's parts as the format gives them, with their names for errors.
    private struct DateFields {
        var year: String?, month: String?, day: String?
        /// The names of year, month and day: `start_date.year`, or the columns `Year`, `Month`, `Day`.
        var names: [String]
        /// The name of the date as a whole.
        var whole: String

        /// "2019", "2019-09" or "2019-09-10", checked against the calendar; nil when no part is given.
        func edtf() throws -> String? {
            let (year, month, day) = (try number(self.year, names[0]), try number(self.month, names[1]), try number(self.day, names[2]))
            guard let year else {
                if month == nil && day == nil { return nil }
                throw FieldError(field: names[0], message: "missing; a date needs its year")
            }
            guard (1...9999).contains(year) else { throw FieldError(field: names[0], message: InvalidDate.yearRange.reason) }
            guard let month else {
                if day != nil { throw FieldError(field: names[1], message: "missing; a day needs its month") }
                return year.zeroPadded(to: 4)
            }
            guard (1...12).contains(month) else { throw FieldError(field: names[1], message: InvalidDate.monthDoesNotExist(month).reason) }
            let text = year.zeroPadded(to: 4) + "-" + month.zeroPadded(to: 2)
            guard let day else { return text }
            guard (1...31).contains(day) else { throw FieldError(field: names[2], message: InvalidDate.dayDoesNotExist(day).reason) }
            guard day <= Day.daysIn(month: month, year: year) else {
                throw FieldError(field: names[2], message: InvalidDate.dayOutOfMonth(month: month, year: year).reason)
            }
            return text + "-" + day.zeroPadded(to: 2)
        }

        /// A whole number, with spaces and thousands commas ignored as TimelineJS does ("2,019").
        private func number(_ text: String?, _ name: String) throws -> Int? {
            guard let text = text?.filter({ !$0.isWhitespace && $0 != "," }), !text.isEmpty else { return nil }
            guard text.dropFirst(text.hasPrefix("-") ? 1 : 0).isASCIIDigits, let number = Int(text) else {
                throw FieldError(field: name, message: "expected a whole number, got \"\(text.shownInMessage())\"")
            }
            return number
        }
    }

    // MARK: - Fields

    private typealias FieldError = JSONDocumentReader.FieldError
    private typealias JSONObject = JSONDocumentReader.JSONObject

    /// Runs `body`, turning a field error into an import error at `location`.
    private static func reading<T>(at location: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as FieldError {
            throw TimelineError.importFailed(location: location, reason: error.description)
        }
    }

    /// A JSON date object's parts; numbers may be given as strings (`"1720"`), as TimelineJS allows.
    private static func dateFields(_ object: JSONObject) throws -> DateFields {
        let parts = ["year", "month", "day"]
        let texts = try parts.map { part -> String? in
            switch object.values[part] {
            case nil, .null?: return nil
            case .string(let text)?: return text
            case .integer(let number)?: return String(number)
            default: throw FieldError(field: object.field(part), message: "expected a whole number")
            }
        }
        return DateFields(year: texts[0], month: texts[1], day: texts[2], names: parts.map(object.field), whole: object.path ?? "")
    }

    // MARK: - HTML

    /// The summary in `text`: its plain text, without the actors and quotes that
    /// `TimelineJSWriter` adds in a block of their own.
    private static func summary(_ html: String) -> String {
        var html = html
        if let start = html.firstRange(of: "<div class=\"\(TimelineJSWriter.detailsClass)\">"),
            let end = html[start.upperBound...].firstRange(of: "</div>")
        {
            html.removeSubrange(start.lowerBound..<end.upperBound)
        }
        return plainText(html)
    }

    /// The addresses of the links in the block `TimelineJSWriter` adds (its sources), decoded.
    private static func links(_ html: String) -> [String] {
        guard let start = html.firstRange(of: "<div class=\"\(TimelineJSWriter.detailsClass)\">"),
            let end = html[start.upperBound...].firstRange(of: "</div>")
        else { return [] }
        var block = html[start.upperBound..<end.lowerBound]
        var urls: [String] = []
        while let href = block.firstRange(of: "<a href=\""), let close = block[href.upperBound...].firstIndex(of: "\"") {
            urls.append(plainText(String(block[href.upperBound..<close])))
            block = block[close...]
        }
        return urls
    }

    /// What TimelineJS shows for a text field (`group`, `display_date`): it strips the field's
    /// markup and decodes its entities, then shows the result as HTML.
    private static func shownText(_ field: String) -> String {
        plainText(plainText(field))
    }

    /// The text of HTML as a reader sees it: tags removed (`<br>` and the end of a paragraph or
    /// block are line breaks), runs of white space one space, entities decoded (`&amp;`, `&lt;`,
    /// `&gt;`, `&quot;`, `&apos;`, `&nbsp;` and numeric ones such as `&#39;`).
    private static func plainText(_ html: String) -> String {
        var text = ""
        var rest = Substring(html)
        while let character = rest.first {
            if character == "<", let next = rest.dropFirst().first, next.isLetter || next == "/" || next == "!",
                let close = rest.firstIndex(of: ">")
            {
                let name = rest.dropFirst().prefix { $0.isLetter || $0.isNumber || $0 == "/" }.lowercased()
                if ["br", "br/", "/p", "/div", "/blockquote", "/li", "/h1", "/h2", "/h3", "/h4", "/h5", "/h6"].contains(name) {
                    text += "\n"
                }
                rest = rest[rest.index(after: close)...]
            } else if character == "&", let semicolon = rest.prefix(10).firstIndex(of: ";"),
                let decoded = entity(rest[rest.index(after: rest.startIndex)..<semicolon])
            {
                text.append(decoded)
                rest = rest[rest.index(after: semicolon)...]
            } else {
                if !character.isWhitespace {
                    text.append(character)
                } else if let last = text.last, !last.isWhitespace {
                    text.append(" ")
                }
                rest = rest.dropFirst()
            }
        }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace }
            .joined(separator: "\n").trimmingWhitespace
    }

    private static func entity(_ name: Substring) -> Character? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return " "
        default:
            guard name.hasPrefix("#") else { return nil }
            let digits = name.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            return value.flatMap(Unicode.Scalar.init).map(Character.init)
        }
    }
}
