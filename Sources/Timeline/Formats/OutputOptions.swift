import FoundationEssentials

/// How to write: the choices that only some formats look at.
public struct OutputOptions: Sendable {
    /// ANSI colour (text).
    public var color = false
    /// Start with a UTF-8 byte order mark, for spreadsheets (csv).
    public var byteOrderMark = false
    /// Keep spreadsheets from running cells as formulas (csv, timesketch-csv).
    public var neutralizeFormulas = true
    /// The title slide (timelinejs), the heading (html, svg).
    public var title = "Timeline"
    /// The line under the heading (html, svg).
    public var description: String?
    /// How the chart groups events (html, svg).
    public var lanes = ChartLanes.partnership
    /// The drawing's width in pixels (svg).
    public var width = 1200
    /// The terminal's width in columns, which lines fit (text, chart); the CLI measures it.
    public var columns = 80
    /// The day the charts mark as today and derive partnership status from (html, svg, chart).
    public var today = Day.today()
    /// How slides are grouped (timelinejs).
    public var grouping = TimelineJSWriter.Grouping.kind
    /// The export's time, for iCalendar's DTSTAMP.
    public var now = Date()

    public init(color: Bool = false) {
        self.color = color
    }
}
