/// Writes actors, partnerships, sources and quotes for a person: the `show` and `list`
/// subcommands. Labels in a dim column, values aligned after them; coloured when
/// `options.color`; the details and quotes fit to `options.columns` (the lists are tables, a
/// row a line); partnership status is computed for `options.today`.
public struct RecordDetails {
    public var options: OutputOptions

    public init(options: OutputOptions = OutputOptions()) {
        self.options = options
    }

    private var color: Bool { options.color }
    private var today: Day { options.today }
    private var wrapper: LineWrapper { LineWrapper(columns: options.columns) }

    // MARK: - Actors

    public func write(_ actor: ActorProfile, parts: [String], partnerships: [Partnership], to output: inout some TextOutputStream) {
        output.write(Style.bold.apply(wrapper.wrap(actor.name + "  (\(actor.kind.rawValue))", from: 0, indent: 0), if: color) + "\n")
        if !actor.aliases.isEmpty { line("aliases", actor.aliases.joined(separator: ", "), to: &output) }
        if let parent = actor.partOf { line("part of", parent, to: &output) }
        if !parts.isEmpty { line("parts", parts.joined(separator: ", "), to: &output) }
        for (index, affiliation) in actor.affiliations.enumerated() {
            line(index == 0 ? "roles" : "", affiliation.label + (affiliation.date.map { " (\($0.display))" } ?? ""), to: &output)
        }
        for (index, partnership) in partnerships.enumerated() {
            line(index == 0 ? "partnerships" : "", summary(of: partnership), to: &output)
        }
    }

    /// One line per actor: name, kind, how many events, part of, aliases.
    public func writeList(_ actors: [(profile: ActorProfile, events: Int)], to output: inout some TextOutputStream) {
        let width = min(40, actors.map(\.profile.name.count).max() ?? 0)
        for (profile, events) in actors {
            var text =
                Self.pad(profile.name, width) + "  " + Self.pad(profile.kind.rawValue, 14)
                + Self.pad("\(events) event\(events == 1 ? "" : "s")", 11)
            if let parent = profile.partOf { text += "  part of \(parent)" }
            if !profile.aliases.isEmpty { text += "  aka " + profile.aliases.joined(separator: ", ") }
            output.write(text.trimmingWhitespace + "\n")
        }
    }

    // MARK: - Partnerships

    public func write(_ partnership: Partnership, to output: inout some TextOutputStream) {
        output.write(Style.bold.apply(wrapper.wrap(partnership.name + "  (\(partnership.id ?? ""))", from: 0, indent: 0), if: color) + "\n")
        line("span", partnership.date.map { "\($0.display)  (\($0.edtf))" } ?? "unknown", to: &output)
        line("status", "\(partnership.status(on: today).rawValue) on \(today.iso)", to: &output)
        if let term = partnership.term { line("term", term, to: &output) }
        line("members", partnership.members.map(\.labelWithRole).joined(separator: ", "), to: &output)
        if let summary = partnership.summary { line("summary", summary, to: &output) }
        for (index, clause) in partnership.terms.enumerated() {
            line(index == 0 ? "terms" : "", clause, number: index + 1, to: &output)
        }
        for (index, citation) in partnership.sources.enumerated() {
            line(index == 0 ? "sources" : "", EventDetails.describe(citation), number: index + 1, to: &output)
        }
    }

    /// One line per partnership, in aligned columns: id, name, span, status, members.
    public func writeList(_ partnerships: [Partnership], to output: inout some TextOutputStream) {
        let rows = partnerships.map { partnership in
            [
                partnership.id ?? "", partnership.name, partnership.date?.display ?? "dates unknown",
                partnership.status(on: today).rawValue, partnership.members.map(\.name).joined(separator: ", "),
            ]
        }
        let widths = (0..<4).map { column in min(40, rows.map { $0[column].count }.max() ?? 0) }
        for row in rows {
            output.write((0..<4).map { Self.pad(row[$0], widths[$0]) }.joined(separator: "  ") + "  " + row[4] + "\n")
        }
    }

    /// "mayo-google-cloud  Mayo Clinic – Google Cloud ...  10 Sep 2019 – Sep 2029  active  Mayo Clinic, Google Cloud"
    private func summary(of partnership: Partnership) -> String {
        [
            partnership.id ?? "", partnership.name, partnership.date?.display ?? "dates unknown",
            partnership.status(on: today).rawValue, partnership.members.map(\.name).joined(separator: ", "),
        ]
        .joined(separator: "  ")
    }

    // MARK: - Sources

    public func write(_ source: Source, citedBy: [String], to output: inout some TextOutputStream) {
        output.write(Style.bold.apply(wrapper.wrap(source.label + "  (\(source.id ?? ""))", from: 0, indent: 0), if: color) + "\n")
        let fields: [(String, String?)] = [
            ("title", source.title), ("url", source.url), ("publisher", source.publisher), ("author", source.author),
            ("published", source.published.map { "\($0.display)  (\($0.edtf))" }), ("accessed", source.accessed?.edtf),
            ("archived", source.archivedURL), ("language", source.language),
        ]
        for (label, value) in fields { if let value { line(label, value, to: &output) } }
        line("cited by", citedBy.isEmpty ? "nothing" : citedBy.joined(separator: ", "), to: &output)
    }

    public func writeList(_ sources: [Source], to output: inout some TextOutputStream) {
        let width = min(48, sources.compactMap(\.id?.count).max() ?? 0)
        for source in sources {
            var parts = [source.title ?? source.url ?? ""]
            if let publisher = source.publisher { parts.append(publisher) }
            if let published = source.published { parts.append(published.display) }
            if let language = source.language { parts.append("[\(language)]") }
            output.write(Self.pad(source.id ?? "", width) + "  " + parts.joined(separator: " · ") + "\n")
        }
    }

    // MARK: - Quotes

    /// Each quote under a line with its date, event, number and speaker; the words' lines hang
    /// under the words, past the opening quotation mark.
    public func writeList(_ quotes: [QuoteListing], to output: inout some TextOutputStream) {
        for listing in quotes {
            let quote = listing.quote
            let date = listing.date.display
            let column = date.count + 2
            output.write(
                Style.cyan.apply(date, if: color) + "  "
                    + wrapper.wrap("\(listing.eventID) #\(listing.number)  \(quote.attribution)", from: column, indent: min(column, 16))
                    + "\n")
            output.write("  " + wrapper.wrap("“\(quote.text.collapsingWhitespace)” [\(quote.language)]", from: 2, indent: 3) + "\n")
            if let translation = quote.translation {
                let text = wrapper.wrap("“\(translation.collapsingWhitespace)” [\(quote.translationLanguage ?? "")]", from: 2, indent: 3)
                output.write(Style.dim.apply("  " + text, if: color) + "\n")
            }
        }
    }

    // MARK: -

    /// "  label         value", the value's lines under its first; a numbered value ("2. ")
    /// keeps its lines under the text after the number.
    private func line(_ label: String, _ value: String, number: Int? = nil, to output: inout some TextOutputStream) {
        let prefix = number.map { "\($0). " } ?? ""
        let column = 16 + prefix.count
        output.write(
            "  " + Style.dim.apply(Self.pad(label, 13), if: color) + " " + prefix + wrapper.wrap(value, from: column, indent: column) + "\n"
        )
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
