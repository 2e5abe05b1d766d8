/// The drawing: header, axis, lanes and marks, legend. Colours are the page's light theme
/// (`assets/page/page.css`), so the SVG and the page look alike.
extension SVGWriter {
    // MARK: - Colours

    static let ink = "#1b1b1b", muted = "#595959", rule = "#d4d1c9", grid = "#ecebe7", accent = "#b3261e", background = "#ffffff"
    /// The lane colours, then the neutral one of "Other …" and "No …" lanes.
    static let palette = ["#1f5fa8", "#b04a12", "#2d7a4b", "#7a4aa3", "#8a6100", "#127681", "#a3325c", "#5c6b21", "#5f6368"]

    /// `color` mixed with white: 30% colour for a partnership's band.
    static func tint(_ color: String, _ share: Double = 0.3) -> String {
        let value = Int(color.dropFirst(), radix: 16)!
        return "#"
            + [16, 8, 0].map { shift in
                let channel = Double((value >> shift) & 0xFF) * share + 255 * (1 - share)
                let hex = String(Int(channel.rounded()), radix: 16)
                return hex.count == 1 ? "0" + hex : hex
            }.joined()
    }

    func colorIndex(ofLane lane: Int) -> Int {
        survey.lanes[lane].isRest ? 8 : lane % 8
    }

    // MARK: - Vertical layout

    static let sans = "'Helvetica Neue', Helvetica, Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"
    static let serif = "Georgia, 'Iowan Old Style', 'Palatino Linotype', 'Liberation Serif', 'DejaVu Serif', serif"

    var titleLines: [String] { Self.wrapped(title, toFit: plotRight - plotLeft, size: 28, bold: true, limit: 3) }
    var descriptionLines: [String] {
        description.map { Self.wrapped($0, toFit: min(plotRight - plotLeft, 860), size: 15, limit: 4) } ?? []
    }

    var headerHeight: Double { 40 + Double(titleLines.count) * 34 + Double(descriptionLines.count) * 21 + 26 + 22 }
    var axisStep: TimeAxis.Step {
        axis.step(length: plotRight - plotLeft) { unit in unit == .day ? 28 : unit == .month ? 64 : 50 }
    }
    var axisHeight: Double { axisStep.unit == .year ? 28 : 42 }

    func bandOffset(ofLane lane: Int) -> Double {
        survey.lanes[lane].partnership?.date == nil ? 0 : Self.bandHeight + 8
    }

    func laneHeight(_ lane: Int) -> Double {
        Self.laneHead + bandOffset(ofLane: lane) + Double(laneRows[lane]) * Self.rowHeight + 8
    }

    /// Middle of `row` on `lane`.
    func rowMiddle(lane: Int, row: Int) -> Double {
        laneTops[lane] + Self.laneHead + bandOffset(ofLane: lane) + Double(row) * Self.rowHeight + 11
    }

    // MARK: - The opening: everything above the marks

    mutating func writeOpening(to svg: inout String) {
        let headerBottom = Self.margin + headerHeight - 40
        let axisTop = headerBottom
        let axisBottom = axisTop + axisHeight
        var top = axisBottom
        laneTops = survey.lanes.indices.map { lane in
            defer { top += laneHeight(lane) }
            return top
        }
        plotBottom = top
        let height = plotBottom + 34 + legendLayout().height + 56

        let w = width
        let h = Int(height.rounded(.up))
        svg += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(w)\" height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" "
        svg += "role=\"img\" aria-labelledby=\"chart-title chart-desc\" font-family=\"\(Self.sans)\">\n"
        svg += "<title id=\"chart-title\">\(Escaping.xml(title))</title>\n"
        // "Description. 7 events · …", without a second full stop when the description has one.
        let lead = description.map { $0.hasSuffix(".") || $0.hasSuffix("!") || $0.hasSuffix("?") ? $0 + " " : $0 + ". " } ?? ""
        svg += "<desc id=\"chart-desc\">\(Escaping.xml(lead + overview))</desc>\n"
        svg += "<metadata>timeline export --format svg</metadata>\n"
        svg += style + definitions
        svg += "<rect width=\"100%\" height=\"100%\" fill=\"\(Self.background)\"/>\n"

        // Header.
        var y = Self.margin + 8
        svg += "<g class=\"header\">\n<text class=\"kicker\" x=\"\(f(plotLeft))\" y=\"\(f(y))\">TIMELINE</text>\n"
        for line in titleLines {
            y += 34
            svg += "<text class=\"title\" x=\"\(f(plotLeft))\" y=\"\(f(y))\">\(Escaping.xml(line))</text>\n"
        }
        y += 6
        for line in descriptionLines {
            y += 21
            svg += "<text class=\"description\" x=\"\(f(plotLeft))\" y=\"\(f(y))\">\(Escaping.xml(line))</text>\n"
        }
        y += 22
        svg += "<text class=\"overview\" x=\"\(f(plotLeft))\" y=\"\(f(y))\">\(Escaping.xml(overview))</text>\n</g>\n"

        writeAxis(top: axisTop, bottom: axisBottom, to: &svg)
        writeLanes(to: &svg)
        svg += "<g class=\"marks\">\n"
    }

    /// "7 events · 1 partnership · 2019–2029".
    var overview: String {
        var parts = [Self.count(eventCount, "event")]
        if lanes == .partnership && !records.partnerships.isEmpty { parts.append(Self.count(records.partnerships.count, "partnership")) }
        if eventCount > 0 {
            let (a, b) = (TimeAxis.civil(first).year, TimeAxis.civil(afterLast - 1).year)
            parts.append(a == b ? String(a) : "\(a)–\(b)")
        }
        return parts.joined(separator: " · ")
    }

    static func count(_ number: Int, _ noun: String) -> String {
        var digits = String(number)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        return digits + grouped + " " + noun + (number == 1 ? "" : "s")
    }

    var style: String {
        """
        <style>
        text { fill: \(Self.ink); font-size: 12px; }
        .kicker { fill: \(Self.accent); font-size: 12px; font-weight: 700; letter-spacing: 1.5px; }
        .title { font-family: \(Self.serif); font-size: 28px; font-weight: 700; }
        .description { fill: #333333; font-size: 15px; }
        .overview, .count, .tick, .note { fill: \(Self.muted); }
        .overview { font-size: 13px; }
        .tick { font-size: 11px; }
        .major { font-size: 12px; font-weight: 700; }
        .lane-name { font-size: 13px; font-weight: 700; }
        .halo { stroke: \(Self.background); stroke-width: 3.5px; stroke-linejoin: round; paint-order: stroke; }
        .qual, .end-q { font-weight: 700; }
        .band-label { font-size: 10.5px; font-weight: 700; letter-spacing: 0.6px; }
        .today { fill: \(Self.accent); font-size: 10.5px; font-weight: 700; letter-spacing: 1px; }
        .note { font-size: 11.5px; font-style: italic; }
        </style>

        """
    }

    /// Per colour: the hatching of an uncertain bar, the fades of approximate, open and unknown
    /// ends, and the partnership band's.
    var definitions: String {
        var defs = "<defs>\n"
        func gradient(_ id: String, _ color: String, _ stops: [(Double, Double)]) {
            defs += "<linearGradient id=\"\(id)\" x1=\"0\" x2=\"1\" y1=\"0\" y2=\"0\">"
            for (offset, opacity) in stops {
                defs += "<stop offset=\"\(f(offset))\" stop-color=\"\(color)\" stop-opacity=\"\(f(opacity))\"/>"
            }
            defs += "</linearGradient>\n"
        }
        for (k, color) in Self.palette.enumerated() {
            defs += "<pattern id=\"hatch-\(k)\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
            defs +=
                "<rect width=\"6\" height=\"6\" fill=\"\(Self.background)\"/><rect width=\"3\" height=\"6\" fill=\"\(color)\" fill-opacity=\"0.45\"/></pattern>\n"
            gradient("approx-\(k)", color, [(0, 0.25), (0.15, 1), (0.85, 1), (1, 0.25)])
            gradient("open-\(k)", color, [(0, 1), (0.55, 1), (1, 0.15)])
            gradient("start-\(k)", color, [(0, 0.15), (0.45, 1), (1, 1)])
            gradient("unknown-\(k)", color, [(0, 1), (0.5, 1), (1, 0.25)])
            let tint = Self.tint(color)
            gradient("band-open-\(k)", tint, [(0, 1), (0.7, 1), (1, 0)])
            gradient("band-approx-\(k)", tint, [(0, 0.3), (0.08, 1), (0.92, 1), (1, 0.3)])
        }
        return defs + "</defs>\n"
    }

    // MARK: - Axis and lanes

    func writeAxis(top: Double, bottom: Double, to svg: inout String) {
        let step = axisStep
        let ticks = axis.ticks(step)
        svg += "<g class=\"axis\">\n"
        var majors: [(x: Double, label: String)] = []
        for tick in ticks {
            let x0 = x(Double(tick.start))
            let x1 = x(Double(tick.end))
            if x0 >= plotLeft && x0 <= plotRight {
                let major = tick.major != nil || (step.unit == .year && tick.label.hasSuffix("0s") && step.count < 10)
                svg += "<line x1=\"\(f(x0))\" x2=\"\(f(x0))\" y1=\"\(f(bottom - 6))\" y2=\"\(f(bottom))\" stroke=\"\(Self.rule)\"/>\n"
                svg +=
                    "<line class=\"grid\" x1=\"\(f(x0))\" x2=\"\(f(x0))\" y1=\"\(f(bottom))\" y2=\"\(f(plotBottom))\" stroke=\"\(major ? Self.rule : Self.grid)\"/>\n"
            }
            let labelX = max(x0, plotLeft) + 4
            if min(x1, plotRight) - labelX >= Self.textWidth(tick.label, size: 11) + (x0 < plotLeft ? 20 : 2) {
                svg += "<text class=\"tick\" x=\"\(f(labelX))\" y=\"\(f(bottom - 9))\">\(tick.label)</text>\n"
            }
            if let major = tick.major { majors.append((x0, major)) }
        }
        if step.unit != .year, !ticks.isEmpty, majors.first.map({ $0.x > plotLeft + 90 }) ?? true {
            let day = TimeAxis.civil(Int(axis.start.rounded(.down)))
            majors.insert((plotLeft, step.unit == .month ? String(day.year) : "\(TimeAxis.monthNames[day.month - 1]) \(day.year)"), at: 0)
        }
        var lastMajor = -Double.infinity
        for (x, label) in majors where x - lastMajor >= 70 && x >= plotLeft && x < plotRight - 30 {
            lastMajor = x
            svg += "<text class=\"major\" x=\"\(f(x + 4))\" y=\"\(f(top + 14))\">\(label)</text>\n"
        }
        svg += "<line x1=\"\(f(plotLeft))\" x2=\"\(f(plotRight))\" y1=\"\(f(bottom))\" y2=\"\(f(bottom))\" stroke=\"\(Self.ink)\"/>\n"
        // Today, over the grid, under the marks.
        let todayDay = Double(today.daysSince1970) + 0.5
        if todayDay >= axis.start && todayDay <= axis.end {
            let tx = x(todayDay)
            svg +=
                "<line class=\"today-line\" x1=\"\(f(tx))\" x2=\"\(f(tx))\" y1=\"\(f(bottom - 10))\" y2=\"\(f(plotBottom + 4))\" stroke=\"\(Self.accent)\" stroke-width=\"2\"/>\n"
            let label = "TODAY"
            let labelX = tx + 4 + 40 > plotRight ? tx - 4 : tx + 4
            svg +=
                "<text class=\"today\" x=\"\(f(labelX))\" y=\"\(f(plotBottom + 16))\"\(labelX < tx ? " text-anchor=\"end\"" : "")>\(label)</text>\n"
        }
        svg += "</g>\n"
    }

    func writeLanes(to svg: inout String) {
        svg += "<g class=\"lanes\">\n"
        for (k, lane) in survey.lanes.enumerated() {
            let top = laneTops[k]
            let color = Self.palette[colorIndex(ofLane: k)]
            svg += "<g class=\"lane\" data-lane=\"\(k)\">\n"
            svg += "<rect x=\"\(f(plotLeft))\" y=\"\(f(top + 10))\" width=\"10\" height=\"10\" rx=\"2\" fill=\"\(color)\"/>\n"
            let name = Self.shortened(lane.name, toFit: (plotRight - plotLeft) * 0.6, size: 13, bold: true)
            let nameWidth = Self.textWidth(name, size: 13, bold: true)
            svg += "<text class=\"lane-name halo\" x=\"\(f(plotLeft + 16))\" y=\"\(f(top + 19))\">\(Escaping.xml(name))</text>\n"
            var count = Self.count(laneCounts[k], "event")
            if let date = lane.partnership?.date { count = date.display + " · " + count }
            svg +=
                "<text class=\"count halo\" x=\"\(f(plotLeft + 16 + nameWidth + 10))\" y=\"\(f(top + 19))\">\(Escaping.xml(count))</text>\n"
            if let partnership = lane.partnership, let date = partnership.date {
                writeBand(partnership, DateMark(date, today: today), top: top + Self.laneHead, colorIndex: colorIndex(ofLane: k), to: &svg)
            }
            svg +=
                "<line x1=\"\(f(plotLeft))\" x2=\"\(f(plotRight))\" y1=\"\(f(top + laneHeight(k)))\" y2=\"\(f(top + laneHeight(k)))\" stroke=\"\(Self.rule)\"/>\n"
            svg += "</g>\n"
        }
        svg += "</g>\n"
    }

    func writeBand(_ partnership: Partnership, _ mark: DateMark, top: Double, colorIndex k: Int, to svg: inout String) {
        var x0 = x(Double(mark.start))
        var x1 = x(Double(mark.end))
        if !mark.hasEnd && !mark.openEnd { x1 = x0 + Self.stub * 2 }
        if !mark.hasStart { x0 = x1 - Self.stub * 2 }
        if x1 - x0 < 4 { x1 = x0 + 4 }
        let color = Self.palette[k]
        svg +=
            "<g class=\"band\(Self.classes(mark))\"><title>\(Escaping.xml(partnership.name + ", " + (partnership.date?.display ?? "")))</title>\n"
        let fill = mark.openEnd ? "url(#band-open-\(k))" : mark.approximate ? "url(#band-approx-\(k))" : Self.tint(color)
        let dash = mark.uncertain ? " stroke-dasharray=\"6 4\"" : ""
        let stroke = mark.openEnd || mark.approximate ? " stroke-opacity=\"0.55\"" : ""
        svg +=
            "<rect x=\"\(f(x0))\" y=\"\(f(top))\" width=\"\(f(x1 - x0))\" height=\"\(f(Self.bandHeight))\" rx=\"3\" fill=\"\(fill)\" stroke=\"\(color)\" stroke-width=\"2\"\(dash)\(stroke)/>\n"
        if mark.openEnd { svg += arrow(at: x1, middle: top + Self.bandHeight / 2, color: color, size: 11) }
        if mark.unknownEnd { svg += "<text class=\"end-q\" x=\"\(f(x1 + 5))\" y=\"\(f(top + 16))\">?</text>\n" }
        let label = (partnership.date?.display ?? "").uppercased()
        let labelWidth = Self.textWidth(label, size: 10.5, bold: true) * 1.1
        if x1 - x0 > labelWidth + 16 {
            svg += "<text class=\"band-label\" x=\"\(f(x0 + 8))\" y=\"\(f(top + 15))\">\(Escaping.xml(label))</text>\n"
        }
        svg += "</g>\n"
    }

    // MARK: - Marks

    static func classes(_ mark: DateMark) -> String {
        var classes = ""
        if mark.uncertain { classes += " is-uncertain" }
        if mark.approximate { classes += " is-approx" }
        if mark.openEnd { classes += " is-open-end" }
        if mark.unknownEnd { classes += " is-unknown-end" }
        if mark.openStart || mark.unknownStart { classes += " is-open-start" }
        return classes
    }

    mutating func drawMark(_ event: Event, _ placed: Placed, lane: Int, to svg: inout String) {
        let mark = placed.mark
        let middle = rowMiddle(lane: lane, row: placed.row)
        svg += "<g class=\"mark \(mark.isPoint ? "mark--point" : "mark--bar")\(Self.classes(mark))\">"
        svg += "<title>\(Escaping.xml(event.markedTitle + ", " + event.date.display))</title>"
        svg += shape(mark, x0: placed.x0, x1: placed.x1, middle: middle, colorIndex: colorIndex(ofLane: lane))
        if let label = placed.label {
            let anchor = placed.labelLeft ? " text-anchor=\"end\"" : ""
            let qualifiers = mark.qualifiers
            var text = Escaping.xml(label)
            if !qualifiers.isEmpty, label.hasPrefix(qualifiers + " ") {
                text = "<tspan class=\"qual\">\(qualifiers)</tspan>" + Escaping.xml(String(label.dropFirst(qualifiers.count)))
            }
            svg += "<text class=\"label halo\" x=\"\(f(placed.labelX))\" y=\"\(f(middle + 4))\"\(anchor)>\(text)</text>"
        }
        svg += "</g>\n"
    }

    /// A date's mark between `x0` and `x1` on the row whose middle is `middle`.
    func shape(_ mark: DateMark, x0: Double, x1: Double, middle: Double, colorIndex k: Int) -> String {
        let color = Self.palette[k]
        if mark.isPoint {
            let cx = (x0 + x1) / 2
            var svg = ""
            if mark.approximate {
                svg += "<circle cx=\"\(f(cx))\" cy=\"\(f(middle))\" r=\"12\" fill=\"\(color)\" fill-opacity=\"0.12\"/>"
                svg += "<circle cx=\"\(f(cx))\" cy=\"\(f(middle))\" r=\"9\" fill=\"\(color)\" fill-opacity=\"0.3\"/>"
            }
            if mark.uncertain {
                svg +=
                    "<circle cx=\"\(f(cx))\" cy=\"\(f(middle))\" r=\"5.5\" fill=\"\(Self.background)\" stroke=\"\(color)\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>"
            } else {
                svg += "<circle cx=\"\(f(cx))\" cy=\"\(f(middle))\" r=\"6\" fill=\"\(color)\"/>"
            }
            return svg
        }
        let fill: String
        var stroke = ""
        if mark.uncertain {
            fill = "url(#hatch-\(k))"
            stroke = " stroke=\"\(color)\" stroke-width=\"1.5\" stroke-dasharray=\"4 2.5\""
        } else if mark.openEnd {
            fill = "url(#open-\(k))"
        } else if mark.unknownEnd {
            fill = "url(#unknown-\(k))"
        } else if !mark.hasStart {
            fill = "url(#start-\(k))"
        } else if mark.approximate {
            fill = "url(#approx-\(k))"
        } else {
            fill = color
        }
        var svg = "<rect x=\"\(f(x0))\" y=\"\(f(middle - 6))\" width=\"\(f(x1 - x0))\" height=\"12\" rx=\"2\" fill=\"\(fill)\"\(stroke)/>"
        if mark.openEnd { svg += arrow(at: x1, middle: middle, color: color, size: 8) }
        if mark.unknownEnd {
            svg +=
                "<line x1=\"\(f(x1))\" x2=\"\(f(x1))\" y1=\"\(f(middle - 8))\" y2=\"\(f(middle + 8))\" stroke=\"\(color)\" stroke-width=\"2\" stroke-dasharray=\"2 2\"/>"
            svg += "<text class=\"end-q\" x=\"\(f(x1 + 4))\" y=\"\(f(middle + 4))\">?</text>"
        }
        if mark.unknownStart {
            svg +=
                "<line x1=\"\(f(x0))\" x2=\"\(f(x0))\" y1=\"\(f(middle - 8))\" y2=\"\(f(middle + 8))\" stroke=\"\(color)\" stroke-width=\"2\" stroke-dasharray=\"2 2\"/>"
            svg += "<text class=\"end-q\" x=\"\(f(x0 - 4))\" y=\"\(f(middle + 4))\" text-anchor=\"end\">?</text>"
        }
        return svg
    }

    func arrow(at x: Double, middle: Double, color: String, size: Double) -> String {
        "<path d=\"M\(f(x)) \(f(middle - size))L\(f(x + size * 1.1)) \(f(middle))L\(f(x)) \(f(middle + size))Z\" fill=\"\(color)\" fill-opacity=\"0.55\"/>"
    }

    // MARK: - Legend and note

    enum Sample { case point, bar, uncertain, approximate, openEnd, unknownEnd, band, today }

    var legendItems: [(Sample, String)] {
        var items: [(Sample, String)] = [
            (.point, "A day: a point"),
            (.bar, "A month, season, year or decade: a bar over the whole span it may mean"),
            (.uncertain, "Uncertain date (?): dashed outline"),
            (.approximate, "Approximate date (~, “c.”): faded edges"),
            (.openEnd, "Open end (still going): fades into an arrow"),
            (.unknownEnd, "Unknown end: a dotted stop marked “?”"),
        ]
        if lanes == .partnership && !records.partnerships.isEmpty {
            items.append((.band, "A partnership over its span, with its events on its lane"))
        }
        items.append((.today, "Today (\(today.iso))"))
        return items
    }

    /// Where each legend item goes (relative to the legend's top) and the legend's height.
    func legendLayout() -> (positions: [(x: Double, y: Double)], height: Double) {
        var positions: [(x: Double, y: Double)] = []
        var x = plotLeft
        var y = 24.0
        for (_, text) in legendItems {
            let itemWidth = 58 + Self.textWidth(text, size: 12) + 28
            if x > plotLeft && x + itemWidth > plotRight {
                x = plotLeft
                y += 26
            }
            positions.append((x, y))
            x += itemWidth
        }
        var height = y + 16
        if unlabelled > 0 { height += 26 }
        return (positions, height)
    }

    mutating func writeClosing(to svg: inout String) {
        let top = plotBottom + 34
        svg += "<g class=\"legend\" transform=\"translate(0 \(f(top)))\">\n"
        svg += "<line x1=\"\(f(plotLeft))\" x2=\"\(f(plotRight))\" y1=\"0\" y2=\"0\" stroke=\"\(Self.ink)\"/>\n"
        let layout = legendLayout()
        for ((sample, text), position) in zip(legendItems, layout.positions) {
            let middle = position.y
            let (x0, x1) = (position.x, position.x + 42)
            let sampleSVG: String =
                switch sample {
                case .point: shape(Self.sample(point: true), x0: x0 + 14, x1: x0 + 26, middle: middle, colorIndex: 0)
                case .bar: shape(Self.sample(), x0: x0, x1: x1, middle: middle, colorIndex: 0)
                case .uncertain: shape(Self.sample { $0.uncertain = true }, x0: x0, x1: x1, middle: middle, colorIndex: 0)
                case .approximate: shape(Self.sample { $0.approximate = true }, x0: x0, x1: x1, middle: middle, colorIndex: 0)
                case .openEnd:
                    shape(
                        Self.sample {
                            $0.openEnd = true
                            $0.hasEnd = false
                        }, x0: x0, x1: x1 - 8, middle: middle, colorIndex: 0)
                case .unknownEnd:
                    shape(
                        Self.sample {
                            $0.unknownEnd = true
                            $0.hasEnd = false
                        }, x0: x0, x1: x1 - 10, middle: middle, colorIndex: 0)
                case .band:
                    "<rect x=\"\(f(x0))\" y=\"\(f(middle - 10))\" width=\"42\" height=\"20\" rx=\"3\" fill=\"\(Self.tint(Self.palette[0]))\" stroke=\"\(Self.palette[0])\" stroke-width=\"2\"/>"
                case .today:
                    "<line x1=\"\(f(x0 + 20))\" x2=\"\(f(x0 + 20))\" y1=\"\(f(middle - 11))\" y2=\"\(f(middle + 11))\" stroke=\"\(Self.accent)\" stroke-width=\"2\"/>"
                }
            svg +=
                "<g class=\"legend-item\">\(sampleSVG)<text x=\"\(f(x0 + 58))\" y=\"\(f(middle + 4))\">\(Escaping.xml(text))</text></g>\n"
        }
        svg += "</g>\n"
        if unlabelled > 0 {
            let note =
                "Where marks crowd, \(Self.count(unlabelled, "label")) \(unlabelled == 1 ? "is" : "are") left out: "
                + "every event is still drawn. The HTML export (--format html) shows them all."
            svg += "<text class=\"note\" x=\"\(f(plotLeft))\" y=\"\(f(top + layout.height - 4))\">\(Escaping.xml(note))</text>\n"
        }
        svg += "</svg>\n"
    }

    /// A mark for the legend: a certain bar, or a point, changed by `change`.
    static func sample(point: Bool = false, _ change: (inout DateMark) -> Void = { _ in }) -> DateMark {
        var mark = DateMark(try! PartialDate(parsing: point ? "2020-01-01" : "2020"), today: Day(year: 2020, month: 1, day: 1)!)
        change(&mark)
        return mark
    }

    /// A coordinate with at most one decimal: "12", "12.5".
    func f(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
