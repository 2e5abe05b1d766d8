import FoundationEssentials

/// Writes an RFC 5545 iCalendar file: one all-day VEVENT per event, CRLF line ends, lines folded
/// at 75 octets.
///
/// Dates stay honest: only `VALUE=DATE`, never an invented time. An event spans every day its date
/// can mean (`DTEND` is the day after the last one), so `2020-02` runs 20200201 to 20200301. An open
/// or unknown end is shown on the known day only, and DESCRIPTION says so and gives the exact date.
public struct ICalendarWriter: EventWriter {
    private let stamp: String

    /// `stamp` is the DTSTAMP of every event: the export time in UTC, `20190910T120000Z`
    /// (see `stamp(for:)`).
    public init(stamp: String) {
        self.stamp = stamp
    }

    /// `date` as a DTSTAMP value: UTC, basic format, whole seconds (`20190910T120000Z`).
    public static func stamp(for date: Date) -> String {
        date.formatted(
            Date.ISO8601FormatStyle(
                dateSeparator: .omitted, dateTimeSeparator: .standard,
                timeSeparator: .omitted, timeZone: .gmt))
    }

    public mutating func writeHeader(to output: inout some TextOutputStream) {
        for line in [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//timeline//timeline 0.1//EN",
            "CALSCALE:GREGORIAN", "X-WR-CALNAME:Timeline",
        ] {
            Self.writeLine(line, to: &output)
        }
    }

    public mutating func write(_ event: Event, to output: inout some TextOutputStream) {
        let date = event.date
        // A date always has at least one dated end; a missing one is shown as the other.
        let first = date.earliest ?? date.latest!
        let last = date.latest ?? first
        var lines = [
            "BEGIN:VEVENT",
            "UID:\(event.id ?? Identifier.base(forEventTitled: event.title, date: event.date))@timeline",
            "DTSTAMP:\(stamp)",
            "DTSTART;VALUE=DATE:\(Self.basic(first))",
        ]
        // DTEND is exclusive: the day after the last. 9999-12-31 has no day after it, so an event
        // on that day alone goes without DTEND, which for a DATE start means one day.
        let end = last.adding(days: 1)
        if end > first { lines.append("DTEND;VALUE=DATE:\(Self.basic(end))") }
        lines += ["SUMMARY:\(Self.escape(event.markedTitle))", "DESCRIPTION:\(Self.escape(Self.description(of: event)))"]
        let categories = ([event.kind].compactMap(\.self) + event.tags).map(Self.escape)
        if !categories.isEmpty { lines.append("CATEGORIES:" + categories.joined(separator: ",")) }
        // A URI is not escaped, so one with a space or line break (not a valid URI) is left out.
        if let url = event.sources.lazy.compactMap(\.source.url).first(where: { !$0.contains(where: \.isWhitespace) }) {
            lines.append("URL:\(url)")
        }
        lines.append("STATUS:" + (date.isUncertain || date.isApproximate ? "TENTATIVE" : "CONFIRMED"))
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
        for line in lines { Self.writeLine(line, to: &output) }
    }

    public mutating func writeFooter(to output: inout some TextOutputStream) {
        Self.writeLine("END:VCALENDAR", to: &output)
    }

    /// The event in words, one fact a line: the exact date first, what the calendar could not show,
    /// then summary, actors, tags, quotes and sources.
    private static func description(of event: Event) -> String {
        let date = event.date
        var lines = ["Date: \(date.display) (EDTF \(date.edtf))"]
        if let status = event.status { lines.insert("\(status.standing.rawValue.capitalized): \(status.reason)", at: 0) }
        if date.earliest == nil {
            lines.append("Start not known: shown on its last day only.")
        } else if date.latest == nil {
            lines.append(
                date.isOngoing
                    ? "Still ongoing: shown on its first day only."
                    : "End not known: shown on its first day only.")
        }
        if let summary = event.summary { lines.append(summary) }
        if !event.actors.isEmpty { lines.append("Actors: " + event.actors.map(\.labelWithRole).joined(separator: ", ")) }
        if !event.tags.isEmpty { lines.append("Tags: " + event.tags.joined(separator: ", ")) }
        if !event.quotes.isEmpty { lines.append("Quotes:") }
        for quote in event.quotes {
            lines.append("- \(quote.attribution): “\(quote.text)” [\(quote.language)]")
            if let translation = quote.translation {
                lines.append("  Translation [\(quote.translationLanguage ?? "")]: “\(translation)”")
            }
        }
        if !event.sources.isEmpty { lines.append("Sources:") }
        for citation in event.sources {
            let source = citation.source
            var parts = [source.label]
            if source.title != nil, let url = source.url { parts.append(url) }
            if let locator = citation.locator { parts.append("at: \(locator)") }
            lines.append("- " + parts.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    /// A DATE value: `20190910`.
    private static func basic(_ day: Day) -> String {
        day.iso.replacingAll(["-": ""])
    }

    /// A TEXT value: `\`, `;` and `,` backslashed, every line break `\n`. Works on scalars, so a
    /// comma that a combining mark follows is escaped too.
    private static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character.isNewline {
                escaped += "\\n"
                continue
            }
            for scalar in character.unicodeScalars {
                if scalar == "\\" || scalar == ";" || scalar == "," { escaped += "\\" }
                escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Writes a content line and CRLF, folded (CRLF and a space) so that no line is longer than
    /// 75 octets. Folds fall between characters, so none splits a UTF-8 sequence or an accent from
    /// its letter; a character too long for a line (74 octets) is split between its scalars.
    private static func writeLine(_ line: String, to output: inout some TextOutputStream) {
        var folded = ""
        var width = 0
        for character in line {
            let pieces = character.utf8.count <= 74 ? [String(character)] : character.unicodeScalars.map(String.init)
            for piece in pieces {
                if width + piece.utf8.count > 75 {
                    folded += "\r\n "
                    width = 1
                }
                folded += piece
                width += piece.utf8.count
            }
        }
        output.write(folded + "\r\n")
    }
}
