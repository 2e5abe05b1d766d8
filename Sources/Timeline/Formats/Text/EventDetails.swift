/// Writes one event in full for a person (`timeline get`): every field on its own labelled line,
/// then its quotes; coloured when `options.color`, lines fit to `options.columns`.
public struct EventDetails {
    public var options: OutputOptions

    public init(options: OutputOptions = OutputOptions()) {
        self.options = options
    }

    public func write(_ event: Event, to output: inout some TextOutputStream) {
        let wrapper = LineWrapper(columns: options.columns)
        output.write(Style.bold.apply(wrapper.wrap(event.markedTitle, from: 0, indent: 0), if: options.color) + "\n")
        if let status = event.status {
            line(status.standing.rawValue, status.reason, to: &output)
            if let source = status.source { line("", Self.describe(Citation(source)), to: &output) }
        }
        let date = event.date
        var dateLine = date.display + "  (" + date.edtf
        if date.earliest != date.latest || date.earliest == nil {
            let end = date.latest?.iso ?? (date.isOngoing ? "ongoing" : "unknown")
            dateLine += "; \(date.earliest?.iso ?? (date.edtf.hasPrefix("..") ? "open" : "unknown")) … \(end)"
        }
        dateLine += "; \(date.precision.rawValue) precision)"
        line("date", dateLine, to: &output)
        if let kind = event.kind { line("kind", kind, to: &output) }
        if let partnership = event.partnership { line("partnership", partnership, to: &output) }
        if !event.actors.isEmpty { line("actors", event.actors.map(\.labelWithRole).joined(separator: ", "), to: &output) }
        if !event.tags.isEmpty { line("tags", event.tags.joined(separator: ", "), to: &output) }
        if let summary = event.summary { line("summary", summary, to: &output) }
        for (index, citation) in event.sources.enumerated() {
            line(index == 0 ? "sources" : "", Self.describe(citation), number: index + 1, to: &output)
        }
        for (index, quote) in event.quotes.enumerated() {
            var text = "“\(quote.text)” [\(quote.language)] — \(quote.attribution)"
            if let translation = quote.translation { text += "\n“\(translation)” [\(quote.translationLanguage ?? "")]" }
            if let source = quote.source { text += "\nfrom " + Self.describe(source) }
            line(index == 0 ? "quotes" : "", text, number: index + 1, to: &output)
        }
        if let id = event.id { line("id", id, to: &output) }
        if let created = event.createdAt {
            line("recorded", "created \(created)" + (event.updatedAt.map { $0 == created ? "" : ", updated \($0)" } ?? ""), to: &output)
        }
    }

    /// "Title · Publisher · Sep 2019 · [fr] · <url> · at: p. 2 · id"
    static func describe(_ citation: Citation) -> String {
        let source = citation.source
        var parts = [source.label]
        if let author = source.author { parts.append(author) }
        if let publisher = source.publisher { parts.append(publisher) }
        if let published = source.published { parts.append(published.display) }
        if let language = source.language { parts.append("[\(language)]") }
        if source.title != nil, let url = source.url { parts.append("<\(url)>") }
        if let archived = source.archivedURL { parts.append("archived <\(archived)>") }
        if let locator = citation.locator { parts.append("at: \(locator)") }
        if let id = source.id { parts.append("source \(id)") }
        return parts.joined(separator: " · ")
    }

    /// "  label       value", the value's lines under its first; a numbered value ("2. ") keeps
    /// its lines under the text after the number.
    private func line(_ label: String, _ value: String, number: Int? = nil, to output: inout some TextOutputStream) {
        let padded = label.count >= 11 ? label + " " : label + String(repeating: " ", count: 12 - label.count)
        let prefix = number.map { "\($0). " } ?? ""
        let column = 2 + padded.count + prefix.count
        let body = LineWrapper(columns: options.columns).wrap(value, from: column, indent: column)
        output.write("  " + Style.dim.apply(padded, if: options.color) + prefix + body + "\n")
    }
}
