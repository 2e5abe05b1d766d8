/// Writes one self-contained HTML page: an interactive chart over a plain, semantic list of the
/// events (what screen readers, readers without JavaScript and print get). Style, script and data
/// are inline and a Content Security Policy forbids every remote load, so the file works opened
/// from disk, offline, e-mailed. The page's files and the contract this writer keeps are in
/// `assets/page/` (README.md there); the binary carries them in `PageAssets`.
///
/// Two passes over the events, so memory stays flat: the first writes the data the script draws
/// (in the page's head) and counts the events, the second the list, which is compact (title and
/// date, in `<noscript>`) when there are more than `compactListAbove` events: the details then
/// come from the data.
public struct HTMLWriter: EventWriter {
    /// How the chart groups events into lanes (shared with the SVG and terminal charts).
    public typealias Lanes = ChartLanes

    /// Above this many events the list keeps only each event's title and date, so a page of
    /// 100,000 events stays small enough for a browser to open in seconds.
    public static let compactListAbove = 1_000

    /// A big timeline's list: inside `<noscript>`, so a browser with JavaScript skips its markup
    /// (the page's script builds the same items from the data after the chart is drawn) while a
    /// reader without JavaScript gets it as it is.
    static let compactListStart =
        "<p class=\"list-note\">The title and date of every event; the chart shows the details.</p>\n"
        + "<noscript><ol class=\"events events--compact\">"

    public var records: TimelineDocument
    public var title: String
    public var description: String?
    public var lanes: Lanes
    /// The day the page places its "today" mark on and derives partnership status from.
    public var today: Day

    public var passes: Int { 2 }

    /// The pass the events come in: 0 for the data, 1 for the list.
    private var pass = 0
    /// The events' place in the current pass.
    private var index = 0
    /// How many events the data pass saw: decides the list's form.
    private var count = 0
    private var partnershipNames: [String: String] = [:]

    public init(
        records: TimelineDocument = TimelineDocument(), title: String = "Timeline", description: String? = nil,
        lanes: Lanes = .partnership, today: Day
    ) {
        self.records = records
        self.title = title
        self.description = description
        self.lanes = lanes
        self.today = today
    }

    public mutating func writeHeader(to output: inout some TextOutputStream) {
        partnershipNames = Dictionary(records.partnerships.compactMap { p in p.id.map { ($0, p.name) } }, uniquingKeysWith: { a, _ in a })
        output.write(Self.templatePart(0, filledWith: templateValues))
        var head = ""
        Self.lean([
            ("title", .string(title)), ("description", description.map(JSONValue.string) ?? .null),
            ("today", .string(today.iso)), ("lanes", .string(lanes.rawValue)),
            ("partnerships", .array(records.partnerships.map(payload))),
        ]).writeCompact(to: &head)
        // The events follow in an array left open: `{…,"events":[`.
        output.write(Escaping.jsonInScript(String(head.dropLast())) + ",\"events\":[")
        pass = 0
        index = 0
    }

    public mutating func startPass(_ pass: Int, to output: inout some TextOutputStream) {
        output.write("]}")
        output.write(Self.templatePart(1, filledWith: templateValues))
        count = index
        if count > Self.compactListAbove {
            output.write(Self.compactListStart)
        } else {
            output.write("<ol class=\"events\">")
        }
        self.pass = pass
        index = 0
    }

    /// The compact list needs only titles and dates.
    public func needsDetails(inPass pass: Int) -> Bool {
        pass == 0 || count <= Self.compactListAbove
    }

    public mutating func write(_ event: Event, to output: inout some TextOutputStream) {
        if pass == 0 {
            var text = index == 0 ? "" : ","
            payload(event).writeCompact(to: &text)
            output.write(Escaping.jsonInScript(text))
        } else {
            output.write("\n")
            output.write(count > Self.compactListAbove ? compactListItem(event, index: index) : listItem(event, index: index))
        }
        index += 1
    }

    public mutating func writeFooter(to output: inout some TextOutputStream) {
        output.write(index == 0 ? "</ol>" : "\n</ol>")
        if count > Self.compactListAbove { output.write("</noscript>") }
        output.write(Self.templatePart(2, filledWith: templateValues))
    }

    // MARK: - The template

    /// The template's placeholders other than the list and the data, which the passes write.
    private var templateValues: [String: String] {
        [
            "lang": "en", "title": Escaping.html(title), "description": Escaping.html(description ?? ""),
            "csp": "default-src 'none'; script-src 'sha256-\(PageAssets.scriptHash)'; style-src 'sha256-\(PageAssets.styleHash)'; "
                + "img-src data:; base-uri 'none'; form-action 'none'",
            "style": PageAssets.style, "script": PageAssets.script,
        ]
    }

    /// The template before `{{data}}` (part 0), between `{{data}}` and `{{list}}` (1), or after
    /// `{{list}}` (2), with the other placeholders filled in one pass (text put in is never
    /// scanned again).
    static func templatePart(_ part: Int, filledWith values: [String: String]) -> String {
        let template = PageAssets.template
        let list = template.firstRange(of: "{{list}}")!
        let data = template.firstRange(of: "{{data}}")!
        let text =
            switch part {
            case 0: template[..<data.lowerBound]
            case 1: template[data.upperBound..<list.lowerBound]
            default: template[list.upperBound...]
            }
        var filled = ""
        var rest = text[...]
        while let open = rest.firstRange(of: "{{") {
            filled += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstRange(of: "}}") else { break }
            let name = String(rest[open.upperBound..<close.lowerBound])
            filled += values[name] ?? "{{\(name)}}"
            rest = rest[close.upperBound...]
        }
        return filled + rest
    }
}

extension HTMLWriter {
    // MARK: - The list

    func listItem(_ event: Event, index i: Int) -> String {
        var html = "<li id=\"event-\(i)\" data-index=\"\(i)\"><article aria-labelledby=\"event-\(i)-title\">"
        html += "<h3 id=\"event-\(i)-title\">\(Escaping.html(event.markedTitle))</h3>"
        html += "<p class=\"when\" data-edtf=\"\(Escaping.html(event.date.edtf))\">\(when(event.date))</p>"
        var facts = ""
        if let kind = event.kind { facts += "<dt>Kind</dt><dd>\(Escaping.html(kind))</dd>" }
        if let id = event.partnership { facts += "<dt>Partnership</dt><dd>\(Escaping.html(partnershipNames[id] ?? id))</dd>" }
        if !event.actors.isEmpty {
            facts +=
                "<dt>Actors</dt><dd><ul class=\"actors\">"
                + event.actors.map { actor in
                    "<li>\(Escaping.html(actor.name))" + (actor.role.map { "<span class=\"role\"> (\(Escaping.html($0)))</span>" } ?? "")
                        + "</li>"
                }.joined() + "</ul></dd>"
        }
        if !event.tags.isEmpty {
            facts += "<dt>Tags</dt><dd><ul class=\"tags\">" + event.tags.map { "<li>\(Escaping.html($0))</li>" }.joined() + "</ul></dd>"
        }
        if !facts.isEmpty { html += "<dl class=\"facts\">\(facts)</dl>" }
        if let summary = event.summary { html += "<p class=\"summary\">\(Escaping.html(summary))</p>" }
        for quote in event.quotes {
            html +=
                "<figure class=\"quote\"><blockquote\(languageAttribute(quote.language))><p>\(Escaping.html(quote.text))</p></blockquote>"
            if let translation = quote.translation {
                html += "<p class=\"translation\"\(languageAttribute(quote.translationLanguage))>\(Escaping.html(translation))</p>"
            }
            html += "<figcaption>— <span class=\"speaker\">\(Escaping.html(quote.speaker))</span>"
            if let role = quote.speakerRole { html += "<span class=\"role\">, \(Escaping.html(role))</span>" }
            if let source = quote.source { html += ". " + sourceHTML(source) }
            html += "</figcaption></figure>"
        }
        if !event.sources.isEmpty {
            html += "<ul class=\"sources\">" + event.sources.map { "<li>\(sourceHTML($0))</li>" }.joined() + "</ul>"
        }
        return html + "</article></li>"
    }

    /// The list item of a big timeline: the title and the date, enough to read and print the
    /// list; the details are in the data.
    func compactListItem(_ event: Event, index i: Int) -> String {
        "<li id=\"event-\(i)\" data-index=\"\(i)\"><h3>\(Escaping.html(event.markedTitle))</h3>"
            + "<p class=\"when\" data-edtf=\"\(Escaping.html(event.date.edtf))\">\(when(event.date))</p></li>"
    }

    /// The date as `show` displays it, in a `<time>` element where HTML can say it exactly.
    private func when(_ date: PartialDate) -> String {
        let display = Escaping.html(date.display)
        guard !date.isInterval, let start = date.earliest?.iso, start.utf8.count == 10 else { return display }
        let length =
            switch date.unit {
            case "day": 10
            case "month": 7
            case "year": 4
            default: 0
            }
        return length == 0 ? display : "<time datetime=\"\(start.prefix(length))\">\(display)</time>"
    }

    private func sourceHTML(_ citation: Citation) -> String {
        let source = citation.source
        let label = Escaping.html(source.title ?? source.url ?? source.id ?? "Source")
        let linkable = source.url.map(Escaping.isLinkable) ?? false
        var html = "<span class=\"source\"><cite>"
        html += linkable ? "<a href=\"\(Escaping.html(source.url!))\">\(label)</a>" : label
        html += "</cite>"
        if let url = source.url, !linkable, source.title != nil { html += "<span class=\"url\"> (\(Escaping.html(url)))</span>" }
        if let publisher = source.publisher { html += "<span class=\"publisher\">, \(Escaping.html(publisher))</span>" }
        if let published = source.published { html += "<span class=\"published\">, \(Escaping.html(published.display))</span>" }
        if let locator = citation.locator { html += "<span class=\"locator\">: \(Escaping.html(locator))</span>" }
        return html + "</span>"
    }

    private func languageAttribute(_ language: String?) -> String {
        guard let language, Self.isLanguageTag(language) else { return "" }
        return " lang=\"\(language)\""
    }

    /// `^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$`
    static func isLanguageTag(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...8).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }

    // MARK: - The data

    /// An object without its empty members: `null`, `false` and `[]` are left out (the page
    /// reads a missing member as that), which makes the data of a big timeline much smaller.
    static func lean(_ members: [(String, JSONValue)]) -> JSONValue {
        .object(
            members.filter { _, value in
                switch value {
                case .null, .bool(false): false
                case .array(let elements): !elements.isEmpty
                default: true
                }
            }.map { (key: $0.0, value: $0.1) })
    }

    func payload(_ event: Event) -> JSONValue {
        Self.lean([
            ("id", optional(event.id)), ("title", .string(event.markedTitle)), ("date", payload(event.date)),
            ("kind", optional(event.kind)),
            ("actors", .array(event.actors.map { Self.lean([("name", .string($0.name)), ("role", optional($0.role))]) })),
            ("tags", .array(event.tags.map(JSONValue.string))), ("partnership", optional(event.partnership)),
            ("summary", optional(event.summary)),
            (
                "quotes",
                .array(
                    event.quotes.map { quote in
                        Self.lean([
                            ("speaker", .string(quote.speaker)), ("role", optional(quote.speakerRole)), ("text", .string(quote.text)),
                            ("language", optional(quote.language)), ("translation", optional(quote.translation)),
                            ("translationLanguage", optional(quote.translationLanguage)), ("source", quote.source.map(payload) ?? .null),
                        ])
                    })
            ),
            ("sources", .array(event.sources.map(payload))),
        ])
    }

    func payload(_ partnership: Partnership) -> JSONValue {
        Self.lean([
            ("id", optional(partnership.id)), ("name", .string(partnership.name)),
            ("date", partnership.date.map(payload) ?? .null), ("status", .string(partnership.status(on: today).rawValue)),
            ("term", optional(partnership.term)), ("summary", optional(partnership.summary)),
            ("members", .array(partnership.members.map { Self.lean([("name", .string($0.name)), ("role", optional($0.role))]) })),
            ("terms", .array(partnership.terms.map(JSONValue.string))), ("sources", .array(partnership.sources.map(payload))),
        ])
    }

    /// `startKind` and `endKind` are left out when they are `date`, the usual case.
    func payload(_ date: PartialDate) -> JSONValue {
        Self.lean([
            ("edtf", .string(date.edtf)), ("display", .string(date.display)),
            ("start", optional(date.earliest?.iso)), ("end", optional(date.latest?.iso)),
            ("startKind", date.startKind.rawValue == "date" ? .null : .string(date.startKind.rawValue)),
            ("endKind", date.endKind.rawValue == "date" ? .null : .string(date.endKind.rawValue)),
            ("precision", .string(date.unit)), ("uncertain", .bool(date.isUncertain)), ("approximate", .bool(date.isApproximate)),
        ])
    }

    func payload(_ citation: Citation) -> JSONValue {
        let source = citation.source
        return Self.lean([
            ("id", optional(source.id)), ("title", optional(source.title)), ("url", optional(source.url)),
            ("publisher", optional(source.publisher)), ("published", optional(source.published?.display)),
            ("locator", optional(citation.locator)),
        ])
    }

    private func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }
}
