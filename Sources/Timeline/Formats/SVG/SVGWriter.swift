/// Writes the page's chart as one static SVG drawing: no script, real text, `width` pixels wide,
/// the same lanes and honest date marks as the HTML page (`assets/page/page.js`), a time axis,
/// today's mark and a legend. For print, and for an article.
///
/// Three passes over the events, so memory stays flat however many there are: the first surveys
/// the date range and the lanes, the second lays the marks out in rows (so every lane's height is
/// known), the third draws. Where a lane has more than `maximumRows` rows of marks, further marks
/// are drawn without their labels, and a note under the chart says how many.
public struct SVGWriter: EventWriter {
    public var records: TimelineDocument
    public var title: String
    public var description: String?
    public var lanes: ChartLanes
    public var today: Day
    /// The drawing's width in pixels (at least 480).
    public var width: Int

    public var passes: Int { 3 }

    public init(
        records: TimelineDocument = TimelineDocument(), title: String = "Timeline", description: String? = nil,
        lanes: ChartLanes = .partnership, today: Day, width: Int = 1200
    ) {
        self.records = records
        self.title = title
        self.description = description
        self.lanes = lanes
        self.today = today
        self.width = max(480, width)
        survey = LaneSurvey(mode: lanes, partnerships: records.partnerships)
    }

    // MARK: - Layout constants, in pixels

    static let margin = 32.0
    static let rowHeight = 24.0
    static let laneHead = 28.0
    static let bandHeight = 22.0
    static let maximumRows = 12
    static let stub = 36.0
    static let labelLimit = 360.0
    static let fontSize = 12.0

    // MARK: - State

    var pass = 0
    var survey: LaneSurvey
    var first = Int.max, afterLast = Int.min, anyOpen = false
    var eventCount = 0
    var axis = TimeAxis(first: 0, afterLast: 1)
    /// Per lane: how many events, the right end of each row's last mark, rows used and top;
    /// how many labels are left out (counted in the layout pass).
    var laneCounts: [Int] = []
    var rowEnds: [[Double]] = []
    var laneRows: [Int] = []
    var laneTops: [Double] = []
    var unlabelled = 0
    var plotBottom = 0.0

    var plotLeft: Double { Self.margin }
    var plotRight: Double { Double(width) - Self.margin }

    func x(_ day: Double) -> Double {
        plotLeft + axis.position(day, length: plotRight - plotLeft)
    }

    // MARK: - Passes

    public mutating func writeHeader(to output: inout some TextOutputStream) {}

    public mutating func startPass(_ pass: Int, to output: inout some TextOutputStream) {
        self.pass = pass
        if pass == 1 {
            survey.finish()
            for partnership in records.partnerships where lanes == .partnership {
                guard let date = partnership.date else { continue }
                include(DateMark(date, today: today))
            }
            if first == Int.max {
                let day = today.daysSince1970
                (first, afterLast) = (day - 365, day + 1)
            }
            if anyOpen {
                first = min(first, today.daysSince1970)
                afterLast = max(afterLast, today.daysSince1970 + 1)
            }
            axis = TimeAxis(first: first, afterLast: afterLast)
            startLayout()
        } else if pass == 2 {
            laneRows = rowEnds.map { max(1, $0.count) }
            startLayout()
            var svg = ""
            writeOpening(to: &svg)
            output.write(svg)
        }
    }

    mutating func startLayout() {
        if pass == 1 { laneCounts = Array(repeating: 0, count: survey.lanes.count) }
        rowEnds = Array(repeating: [], count: survey.lanes.count)
    }

    mutating func include(_ mark: DateMark) {
        first = min(first, mark.start)
        afterLast = max(afterLast, mark.end)
        if mark.openEnd { anyOpen = true }
    }

    public mutating func write(_ event: Event, to output: inout some TextOutputStream) {
        switch pass {
        case 0:
            eventCount += 1
            survey.survey(event)
            include(DateMark(event.date, today: today))
        case 1:
            for lane in survey.lanes(of: event) {
                laneCounts[lane] += 1
                _ = place(event, lane: lane)
            }
        default:
            var svg = ""
            for lane in survey.lanes(of: event) {
                let placed = place(event, lane: lane)
                drawMark(event, placed, lane: lane, to: &svg)
            }
            output.write(svg)
        }
    }

    public mutating func writeFooter(to output: inout some TextOutputStream) {
        var svg = "</g>\n"
        writeClosing(to: &svg)
        output.write(svg)
    }

    // MARK: - Placing marks

    struct Placed {
        var mark: DateMark
        var x0: Double, x1: Double
        var row: Int
        /// The label's text (nil: left out), where it starts, and whether it is left of the mark.
        var label: String?
        var labelX: Double
        var labelLeft: Bool
    }

    /// Where an event goes on `lane`: its row is the first whose marks end before it starts
    /// (labels included), as on the page; past `maximumRows`, the row that ends first, unlabelled.
    /// Both later passes call this in the same order, so they agree.
    mutating func place(_ event: Event, lane: Int) -> Placed {
        let mark = DateMark(event.date, today: today)
        var x0: Double
        var x1: Double
        if mark.isPoint {
            let middle = x(Double(mark.start) + 0.5)
            (x0, x1) = (middle - 6, middle + 6)
        } else {
            x0 = x(Double(mark.start))
            x1 = x(Double(mark.end))
            if !mark.hasEnd && !mark.openEnd { x1 = x0 + Self.stub }
            if !mark.hasStart { x0 = x1 - Self.stub }
            if x1 - x0 < 4 { x1 = x0 + 4 }
        }
        let after = x1 + (mark.openEnd ? 10 : mark.unknownEnd ? 14 : 0)
        let text = (mark.qualifiers.isEmpty ? "" : mark.qualifiers + " ") + event.markedTitle
        // Right of the mark if it fits, else left of it, else where there is more room, cut short.
        let rightRoom = plotRight - (after + 5)
        let leftRoom = (mark.unknownStart ? x0 - 12 : x0) - 5 - plotLeft
        let wanted = min(Self.labelLimit, Self.textWidth(text, size: Self.fontSize))
        let labelLeft = wanted > rightRoom && leftRoom > rightRoom
        let room = min(Self.labelLimit, labelLeft ? leftRoom : rightRoom)
        var label: String? = room >= 40 ? Self.shortened(text, toFit: room, size: Self.fontSize) : nil
        let labelWidth = label.map { Self.textWidth($0, size: Self.fontSize) } ?? 0
        let labelX = labelLeft ? (mark.unknownStart ? x0 - 12 : x0) - 5 : after + 5
        let (occupiedStart, occupiedEnd) = labelLeft ? (labelX - labelWidth, after) : (x0, label == nil ? after : labelX + labelWidth)

        var rows = rowEnds[lane]
        var row = rows.firstIndex { $0 <= occupiedStart } ?? -1
        if row < 0 {
            if rows.count < Self.maximumRows {
                row = rows.count
                rows.append(-.infinity)
            } else {
                row = rows.indices.min { rows[$0] < rows[$1] }!
                if label != nil && pass == 1 { unlabelled += 1 }
                label = nil
            }
        }
        rows[row] = max(rows[row], label == nil ? after + 4 : occupiedEnd + 10)
        rowEnds[lane] = rows
        return Placed(mark: mark, x0: x0, x1: x1, row: row, label: label, labelX: labelX, labelLeft: labelLeft)
    }

    // MARK: - Text

    /// About how wide `text` is in the drawing's sans-serif font (no font is measured: this
    /// errs wide, so labels do not collide).
    static func textWidth(_ text: String, size: Double, bold: Bool = false) -> Double {
        var units = 0.0
        for character in text {
            let share: Double =
                switch character {
                case "i", "l", "j", "I", "'", ".", ",", ":", ";", "!", "|", " ": 0.3
                case "f", "t", "r", "(", ")", "[", "]", "-": 0.4
                case "m", "w", "M", "W", "—": 0.88
                case _ where character.isUppercase: 0.68
                case _ where character.unicodeScalars.first!.value >= 0x1100: 1.0
                default: 0.56
                }
            units += share
        }
        return units * size * (bold ? 1.07 : 1)
    }

    /// `text` cut at a word (or a character) with "…" so that it fits `room` pixels.
    static func shortened(_ text: String, toFit room: Double, size: Double, bold: Bool = false) -> String {
        guard textWidth(text, size: size, bold: bold) > room else { return text }
        var kept = ""
        for character in text {
            if textWidth(kept + String(character) + "…", size: size, bold: bold) > room { break }
            kept.append(character)
        }
        if let space = kept.lastIndex(of: " "), kept.distance(from: kept.startIndex, to: space) > kept.count * 2 / 3 {
            kept = String(kept[..<space])
        }
        return kept.trimmingWhitespace + "…"
    }

    /// `text` in lines of at most `room` pixels, broken at spaces, at most `limit` lines.
    static func wrapped(_ text: String, toFit room: Double, size: Double, bold: Bool = false, limit: Int = 3) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(whereSeparator: \.isWhitespace) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if textWidth(candidate, size: size, bold: bold) <= room || line.isEmpty {
                line = candidate
            } else {
                lines.append(line)
                line = String(word)
            }
        }
        if !line.isEmpty { lines.append(line) }
        if lines.count > limit {
            lines = Array(lines.prefix(limit))
            lines[limit - 1] = shortened(lines[limit - 1] + " …", toFit: room, size: size, bold: bold)
        }
        return lines.map { shortened($0, toFit: room, size: size, bold: bold) }
    }
}
