/// Writes one event in full for a person (`timeline get`): every field on its own labelled line,
/// then its quotes.
public struct EventDetails {
    public var color: Bool

    public init(color: Bool = false) {
        self.color = color
    }

    public func write(_ event: Event, to output: inout some TextOutputStream) {
        output.write(Style.bold.apply(event.title, if: color) + "\n")
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
            line(index == 0 ? "sources" : "", "\(index + 1). " + Self.describe(citation), to: &output)
        }
        for (index, quote) in event.quotes.enumerated() {
            var text = "\(index + 1). “\(quote.text)” [\(quote.language)] — \(quote.attribution)"
            if let translation = quote.translation { text += "\n   “\(translation)” [\(quote.translationLanguage ?? "")]" }
            if let source = quote.source { text += "\n   from " + Self.describe(source) }
            line(index == 0 ? "quotes" : "", text, to: &output)
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

    private func line(_ label: String, _ value: String, to output: inout some TextOutputStream) {
        let padded = label.count >= 11 ? label + " " : label + String(repeating: " ", count: 12 - label.count)
        let indent = String(repeating: " ", count: 14)
        let body = value.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent)
        output.write("  " + Style.dim.apply(padded, if: color) + body + "\n")
    }
}
