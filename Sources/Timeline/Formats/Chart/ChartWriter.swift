/// Writes a Gantt-style chart for the terminal, `columns` wide: a time axis, then a lane per
/// partnership (its span on the first row, then one row per event), then the events of no
/// partnership, and a legend line. Dates are drawn no more precisely than they are, with the
/// page's rules (`DateMark`) in plain characters: `●` a day, `━` the span of a month, season,
/// year or decade, `○` and `┄` an uncertain or approximate one, `→` an open end (still going),
/// `?` an unknown end or start, `│` today. ANSI colour only when `color` is true.
///
/// Memory stays flat: the first pass surveys the date range, then each lane is one pass over
/// the events that writes only that lane's rows.
///
///     var writer = ChartWriter(records: try store.records(), columns: 80, today: Day.today())
///     writer.write(try store.events(), to: &output)
public struct ChartWriter: EventWriter {
    public let records: TimelineDocument
    /// The width to fit, in columns (at least 40).
    public let columns: Int
    public let today: Day
    public let color: Bool

    public init(records: TimelineDocument = TimelineDocument(), columns: Int = 80, today: Day, color: Bool = false) {
        self.records = records
        self.columns = max(40, columns)
        self.today = today
        self.color = color
        survey = LaneSurvey(mode: .partnership, partnerships: records.partnerships)
    }

    /// The survey, then one pass per partnership and one for the events of no partnership.
    public var passes: Int { records.partnerships.count + 2 }

    private var survey: LaneSurvey
    private var pass = 0
    private var first = Int.max, afterLast = Int.min, anyOpen = false
    private var counts: [Int] = []
    private var axis = TimeAxis(first: 0, afterLast: 1)

    /// The label column's width, and the track's (after a space).
    private var labelWidth: Int { min(44, max(18, columns * 2 / 5)) }
    private var trackWidth: Int { columns - labelWidth - 1 }

    public mutating func writeHeader(to output: inout some TextOutputStream) {}

    public mutating func write(_ event: Event, to output: inout some TextOutputStream) {
        if pass == 0 {
            survey.survey(event)
            include(DateMark(event.date, today: today))
            return
        }
        guard survey.lanes(of: event).contains(pass - 1) else { return }
        output.write(row(label: event.date.display + "  " + event.markedTitle, mark: DateMark(event.date, today: today), lane: pass - 1))
    }

    public mutating func startPass(_ pass: Int, to output: inout some TextOutputStream) {
        if pass == 1 {
            survey.finish()
            counts = Array(repeating: 0, count: survey.lanes.count)
            for partnership in records.partnerships {
                if let date = partnership.date { include(DateMark(date, today: today)) }
            }
            guard first != Int.max else {
                self.pass = pass
                return
            }
            if anyOpen {
                first = min(first, today.daysSince1970)
                afterLast = max(afterLast, today.daysSince1970 + 1)
            }
            axis = TimeAxis(first: first, afterLast: afterLast)
            output.write(axisRows())
        }
        self.pass = pass
        guard pass - 1 < survey.lanes.count, first != Int.max else { return }
        let lane = survey.lanes[pass - 1]
        var heading = lane.name
        if let date = lane.partnership?.date { heading += " · " + date.display }
        output.write(paint(Self.fit(heading, columns), lane: pass - 1, bold: true) + "\n")
        if let date = lane.partnership?.date {
            output.write(row(label: "  span", mark: DateMark(date, today: today), lane: pass - 1))
        }
    }

    public mutating func writeFooter(to output: inout some TextOutputStream) {
        guard first != Int.max else { return }
        var lines: [String] = []
        for item in Self.legend {
            if let last = lines.last, last.count + 2 + item.count <= columns {
                lines[lines.count - 1] += "  " + item
            } else {
                lines.append(Self.fit(item, columns))
            }
        }
        for line in lines { output.write(Style.dim.apply(line, if: color) + "\n") }
    }

    /// What each mark means, as the legend lines say it.
    static let legend = [
        "● a day", "━ a month, season, year or decade: its whole span", "○ ┄ uncertain (?) or approximate (~)",
        "→ still going", "? end unknown", "│ today",
    ]

    private mutating func include(_ mark: DateMark) {
        first = min(first, mark.start)
        afterLast = max(afterLast, mark.end)
        if mark.openEnd { anyOpen = true }
    }

    // MARK: - Drawing

    private func column(_ day: Double) -> Int {
        Int(axis.position(day, length: Double(trackWidth)).rounded(.down))
    }

    private var todayColumn: Int? {
        let day = Double(today.daysSince1970) + 0.5
        guard day >= axis.start && day < axis.end else { return nil }
        return column(day)
    }

    /// The labels of the ticks over a rule, with today's column marked.
    private func axisRows() -> String {
        let step = axis.step(length: Double(trackWidth)) { _ in 7 }
        var labels = Array(repeating: Character(" "), count: trackWidth)
        var rule = Array(repeating: Character("─"), count: trackWidth)
        var free = 0
        for tick in axis.ticks(step) {
            let at = column(Double(tick.start))
            guard at >= 0 && at < trackWidth else { continue }
            rule[at] = "┬"
            let label = step.unit == .year ? tick.label : tick.major ?? tick.label
            if at >= free && at + label.count <= trackWidth {
                for (offset, character) in label.enumerated() { labels[at + offset] = character }
                free = at + label.count + 2
            }
        }
        var ruleText = String(rule)
        if let today = todayColumn {
            rule[today] = "┼"
            ruleText = String(rule[..<today]) + paintToday("┼") + String(rule[(today + 1)...])
        }
        let pad = String(repeating: " ", count: labelWidth + 1)
        return pad + String(labels).trimmingTrailingSpaces + "\n" + pad + Style.dim.apply(ruleText, if: color && todayColumn == nil) + "\n"
    }

    /// One row: a label, then the mark on the track.
    private func row(label: String, mark: DateMark, lane: Int) -> String {
        var cells = Array(repeating: " ", count: trackWidth)
        let last = trackWidth - 1
        if mark.isPoint {
            let at = min(max(column(Double(mark.start) + 0.5), 0), last)
            cells[at] = mark.uncertain || mark.approximate ? "○" : "●"
        } else {
            var start = column(Double(mark.start))
            var end = column(Double(mark.end))
            if !mark.hasEnd && !mark.openEnd { end = start + 2 }
            if !mark.hasStart { start = end - 2 }
            start = min(max(start, 0), last)
            end = min(max(end, start + 1), trackWidth)
            let fill = mark.uncertain || mark.approximate ? "┄" : "━"
            for at in start..<end { cells[at] = fill }
            if mark.openEnd { cells[min(end, last)] = "→" }
            if mark.unknownEnd { cells[min(end, last)] = "?" }
            if mark.openStart && start > 0 { cells[start - 1] = "←" }
            if mark.unknownStart && start > 0 { cells[start - 1] = "?" }
        }
        var track = ""
        var run = ""
        func flush() {
            if !run.isEmpty { track += paint(run, lane: lane) }
            run = ""
        }
        let today = todayColumn
        for (at, cell) in cells.enumerated() {
            if cell == " " {
                flush()
                track += at == today ? paintToday("│") : " "
            } else {
                run += cell
            }
        }
        flush()
        return Self.fit(label, labelWidth, pad: true) + " " + track.trimmingTrailingSpaces + "\n"
    }

    /// `text` cut to `width` characters with "…" (and padded to it).
    static func fit(_ text: String, _ width: Int, pad: Bool = false) -> String {
        let text = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        if text.count > width { return text.prefix(width - 1) + "…" }
        return pad ? text + String(repeating: " ", count: width - text.count) : text
    }

    private static let laneColors = ["34", "33", "32", "35", "36", "31", "94", "93"]

    private func paint(_ text: String, lane: Int, bold: Bool = false) -> String {
        guard color else { return text }
        let code = survey.lanes[lane].isRest ? "90" : Self.laneColors[lane % Self.laneColors.count]
        return "\u{1B}[\(bold ? "1;" : "")\(code)m\(text)\u{1B}[0m"
    }

    private func paintToday(_ text: String) -> String {
        color ? "\u{1B}[31m\(text)\u{1B}[0m" : text
    }
}

extension String {
    fileprivate var trimmingTrailingSpaces: String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
