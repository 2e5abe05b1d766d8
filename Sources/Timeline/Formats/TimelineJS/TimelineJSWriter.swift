/// Writes a TimelineJS3 (Knight Lab) JSON object, byte-stable: the `title` slide and the
/// partnerships' `eras` first, then one slide per event, streamed.
///
/// Dates keep their precision: `2019` gives `{"year": 2019}`, `2019-09` adds the month, and an
/// `end_date` appears only when the date spans more than its start can say. What the date
/// objects cannot say (`?`, `~`, unspecified digits, open or unknown ends) is in `display_date`,
/// our display text. `TimelineJSReader` reads the result back.
///
///     var writer = TimelineJSWriter(records: try store.records(), title: "Mayo Clinic and Google")
///     writer.write(try store.events(), to: &output)
public struct TimelineJSWriter: EventWriter {
    /// What a slide's `group` (its row in TimelineJS's navigation) is.
    public enum Grouping: String, CaseIterable, Sendable {
        /// The event's kind.
        case kind
        /// The name of the event's partnership.
        case partnership
        /// No groups: one row for everything.
        case none
    }

    /// The partnerships (for eras and group names) and sources (for media) the events refer to.
    public let records: TimelineDocument
    /// The title slide's headline.
    public let title: String
    public let groupBy: Grouping
    private let partnershipNames: [String: String]
    private let sourcesByID: [String: Source]
    private var count = 0
    private var pass = 0
    /// Events per partnership id, counted in the first pass when groups must be folded.
    private var partnershipCounts: [String: Int] = [:]
    /// The partnerships that keep a group of their own (nil: all do).
    private var groupedPartnerships: Set<String>?

    /// TimelineJS's navigation shows about this many groups before rows overflow it.
    public static let maximumGroups = 8
    /// The group of the partnerships past the first `maximumGroups - 1`.
    public static let otherPartnerships = "Other partnerships"

    /// Two passes when slides are grouped by partnership and there are more partnerships than
    /// groups TimelineJS shows: the first counts events per partnership, so the busiest keep
    /// their group and the rest share "Other partnerships".
    public var passes: Int {
        groupBy == .partnership && Set(records.partnerships.compactMap(\.id)).count > Self.maximumGroups ? 2 : 1
    }

    public init(records: TimelineDocument, title: String = "Timeline", groupBy: Grouping = .kind) {
        self.records = records
        self.title = title
        self.groupBy = groupBy
        partnershipNames = Dictionary(
            records.partnerships.compactMap { p in p.id.map { ($0, p.name) } }, uniquingKeysWith: { first, _ in first })
        sourcesByID = Dictionary(records.sources.compactMap { s in s.id.map { ($0, s) } }, uniquingKeysWith: { first, _ in first })
    }

    public mutating func writeHeader(to output: inout some TextOutputStream) {
        let partnerships = records.partnerships.count
        var text: [(key: String, value: JSONValue)] = [("headline", .string(Self.html(title)))]
        if partnerships > 0 { text.append(("text", .string("\(partnerships) partnership\(partnerships == 1 ? "" : "s")"))) }
        output.write("{\n  \"title\": ")
        JSONValue.object([("text", .object(text))]).write(to: &output, indent: 1)
        let eras = records.partnerships.compactMap(Self.era)
        if !eras.isEmpty {
            output.write(",\n  \"eras\": ")
            JSONValue.array(eras).write(to: &output, indent: 1)
        }
        output.write(",\n  \"events\": [")
    }

    public mutating func startPass(_ pass: Int, to output: inout some TextOutputStream) {
        self.pass = pass
        let ranked = partnershipCounts.keys.sorted { (partnershipCounts[$0]!, $1) > (partnershipCounts[$1]!, $0) }
        groupedPartnerships = Set(ranked.prefix(Self.maximumGroups - 1))
    }

    public mutating func write(_ event: Event, to output: inout some TextOutputStream) {
        if passes == 2 && pass == 0 {
            if let id = event.partnership { partnershipCounts[id, default: 0] += 1 }
            return
        }
        output.write(count == 0 ? "\n    " : ",\n    ")
        slide(for: event).write(to: &output, indent: 2)
        count += 1
    }

    public mutating func writeFooter(to output: inout some TextOutputStream) {
        output.write(count == 0 ? "]\n}\n" : "\n  ]\n}\n")
    }

    // MARK: - Slides

    private func slide(for event: Event) -> JSONValue {
        let date = event.date
        let (start, end) = Self.dateObjects(date)
        var slide: [(key: String, value: JSONValue)] = [("start_date", start)]
        // Only a span gets an end_date: TimelineJS renders an empty one as "January 1, 0".
        if end != start { slide.append(("end_date", end)) }
        // Our display text has nothing HTML would change, so it goes as is.
        if date.isUncertain || date.isApproximate || date.edtf.contains("X") || date.earliest == nil || date.latest == nil {
            slide.append(("display_date", .string(date.display)))
        }
        let sources = event.sources.map { $0.source.id.flatMap { sourcesByID[$0] } ?? $0.source }
        let media = sources.first { Self.isMediaURL($0.url) }
        var text: [(key: String, value: JSONValue)] = [("headline", .string(Self.html(event.markedTitle)))]
        let body = Self.body(of: event, links: sources.filter { Self.isWebURL($0.url) && $0.url != media?.url })
        if !body.isEmpty { text.append(("text", .string(body))) }
        slide.append(("text", .object(text)))
        if let media, let url = media.url {
            var object: [(key: String, value: JSONValue)] = [("url", .string(url)), ("caption", .string(Self.html(media.label)))]
            if let publisher = media.publisher { object.append(("credit", .string(Self.html(publisher)))) }
            slide.append(("media", .object(object)))
        }
        let group: String? =
            switch groupBy {
            case .kind: event.kind
            case .partnership:
                event.partnership.map { id in
                    groupedPartnerships.map { $0.contains(id) } ?? true ? partnershipNames[id] ?? id : Self.otherPartnerships
                }
            case .none: nil
            }
        // TimelineJS reads a group as text (markup stripped, entities decoded) and then shows it
        // as HTML, so it is escaped twice to show as typed.
        if let group { slide.append(("group", .string(Self.html(Self.html(group))))) }
        if let id = event.id { slide.append(("unique_id", .string(id))) }
        return .object(slide)
    }

    /// The summary as a paragraph, then actors, quotes and the sources that are not media (as
    /// links) in a `timeline-details` block, which `TimelineJSReader` leaves out of the summary
    /// it reads back (reading the links as sources).
    private static func body(of event: Event, links: [Source]) -> String {
        var details = ""
        if let status = event.status {
            details += "<p><strong>\(status.standing.rawValue.capitalized):</strong> " + html(status.reason) + "</p>"
        }
        if !event.actors.isEmpty {
            details += "<p>Actors: " + html(event.actors.map(\.labelWithRole).joined(separator: ", ")) + "</p>"
        }
        for quote in event.quotes {
            details += "<blockquote><p lang=\"\(html(quote.language))\">\(html(quote.text))</p>"
            if let translation = quote.translation {
                details += "<p lang=\"\(html(quote.translationLanguage ?? ""))\"><em>\(html(translation))</em></p>"
            }
            details += "<cite>\(html(quote.attribution))</cite></blockquote>"
        }
        if !links.isEmpty {
            details +=
                "<p>" + (links.count == 1 ? "Source: " : "Sources: ")
                + links.map { source in
                    "<a href=\"\(html(source.url!))\" target=\"_blank\" rel=\"noopener\">\(html(source.label))</a>"
                        + (source.publisher.map { ", " + html($0) } ?? "")
                }.joined(separator: "; ") + "</p>"
        }
        return (event.summary.map { "<p>\(html($0))</p>" } ?? "")
            + (details.isEmpty ? "" : "<div class=\"\(detailsClass)\">\(details)</div>")
    }

    /// The class of the block that holds what is not the summary.
    static let detailsClass = "timeline-details"

    /// An era for a partnership whose start and end are both dated. TimelineJS eras need both
    /// ends (an open era is TimelineJS3 #292), so an open-ended, half-known or undated
    /// partnership gets none, and neither does a single date (when it was agreed, not its span).
    private static func era(_ partnership: Partnership) -> JSONValue? {
        guard let date = partnership.date, date.isInterval, date.earliest != nil, date.latest != nil else { return nil }
        let (start, end) = dateObjects(date)
        return .object([("start_date", start), ("end_date", end), ("text", .object([("headline", .string(html(partnership.name)))]))])
    }

    // MARK: - Dates

    /// The first day of the date's first dated part and the last day of its last, each at its
    /// own precision: `2019-09-10/2029-09` gives `{2019, 9, 10}` and `{2029, 9}`, `201X` gives
    /// `{2010}` and `{2019}`, and a single `2019-09` gives `{2019, 9}` twice.
    private static func dateObjects(_ date: PartialDate) -> (start: JSONValue, end: JSONValue) {
        let points: [DatePoint] =
            switch date.form {
            case .single(let point): [point]
            case .interval(let start, let end): [start.point, end.point].compactMap(\.self)
            }
        let first = points[0]
        let last = points[points.count - 1]
        return (dateObject(first.earliest, first.precision), dateObject(last.latest, last.precision))
    }

    private static func dateObject(_ day: Day, _ precision: DatePrecision) -> JSONValue {
        var parts: [(key: String, value: JSONValue)] = [("year", .integer(day.year))]
        if precision >= .month { parts.append(("month", .integer(day.month))) }
        if precision == .day { parts.append(("day", .integer(day.day))) }
        return .object(parts)
    }

    // MARK: - Text

    /// User text as HTML: `&`, `<`, `>` and `"` escaped, line breaks as `<br>`.
    private static func html(_ text: String) -> String {
        text.replacingAll(["&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;"])
            .split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).joined(separator: "<br>")
    }

    /// Whether a URL is media TimelineJS can show: an http(s) URL of an image, video or sound file
    /// (by its extension) or of a host whose pages TimelineJS embeds as media (YouTube, Vimeo,
    /// SoundCloud, Wikimedia Commons, Flickr, Instagram). An article is a link, not media:
    /// TimelineJS shows it as a broken image.
    static func isMediaURL(_ url: String?) -> Bool {
        guard let url, isWebURL(url) else { return false }
        let lowered = url.lowercased()
        let afterScheme = lowered.drop { $0 != "/" }.dropFirst(2)
        let host = afterScheme.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        let path = afterScheme.dropFirst(host.count).prefix { $0 != "?" && $0 != "#" }
        if let dot = path.lastIndex(of: "."), mediaExtensions.contains(String(path[path.index(after: dot)...])) { return true }
        return mediaHosts.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    static let mediaExtensions: Set<String> = [
        "jpg", "jpeg", "png", "gif", "webp", "svg", "mp4", "webm", "mov", "mp3", "m4a", "ogg", "wav",
    ]
    static let mediaHosts = [
        "youtube.com", "youtu.be", "vimeo.com", "soundcloud.com", "commons.wikimedia.org", "flickr.com", "instagram.com",
    ]

    /// True for an http(s) URL: the only kind that becomes a link or media, and comes back as a source.
    static func isWebURL(_ url: String?) -> Bool {
        guard let url = url?.lowercased() else { return false }
        return url.hasPrefix("http://") || url.hasPrefix("https://")
    }
}
