import FoundationEssentials

/// How to write: the choices that only some formats look at.
public struct OutputOptions: Sendable {
    /// ANSI colour (text).
    public var color = false
    /// Start with a UTF-8 byte order mark, for spreadsheets (csv).
    public var byteOrderMark = false
    /// Keep spreadsheets from running cells as formulas (csv, timesketch-csv).
    public var neutralizeFormulas = true
    /// The title slide (timelinejs), the page's heading (html).
    public var title = "Timeline"
    /// The line under the page's heading (html).
    public var description: String?
    /// How the page's chart groups events (html).
    public var lanes = HTMLWriter.Lanes.partnership
    /// The day the page marks as today and derives partnership status from (html).
    public var today = Day.today()
    /// How slides are grouped (timelinejs).
    public var grouping = TimelineJSWriter.Grouping.kind
    /// The export's time, for iCalendar's DTSTAMP.
    public var now = Date()

    public init(color: Bool = false) {
        self.color = color
    }
}
