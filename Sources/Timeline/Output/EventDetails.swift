/// Writes one event in full for a person (`timeline get`): every field on its own labelled line.
public struct EventDetails {
    public var color: Bool

    public init(color: Bool = false) {
        self.color = color
    }

    public func write(_ event: Event, to output: inout some TextOutputStream) {
        output.write(style(event.title, code: "1") + "\n")
        let date = event.date
        var dateLine = date.display + "  (" + date.edtf
        if date.earliest != date.latest || date.earliest == nil {
            dateLine += "; \(date.earliest?.iso ?? "open") … \(date.latest?.iso ?? (date.isOngoing ? "ongoing" : "unknown"))"
        }
        dateLine += "; \(date.precision.rawValue) precision)"
        line("date", dateLine, to: &output)
        if let kind = event.kind { line("kind", kind, to: &output) }
        if !event.actors.isEmpty { line("actors", event.actors.map(\.labelWithRole).joined(separator: ", "), to: &output) }
        if !event.tags.isEmpty { line("tags", event.tags.joined(separator: ", "), to: &output) }
        if let summary = event.summary { line("summary", summary, to: &output) }
        for (index, source) in event.sources.enumerated() {
            var parts = [source.label]
            if let publisher = source.publisher { parts.append(publisher) }
            if let published = source.published { parts.append(published.display) }
            if let language = source.language { parts.append("[\(language)]") }
            if source.title != nil, let url = source.url { parts.append("<\(url)>") }
            if let locator = source.locator { parts.append("at: \(locator)") }
            line(index == 0 ? "sources" : "", "\(index + 1). " + parts.joined(separator: " · "), to: &output)
        }
        if let id = event.id { line("id", id, to: &output) }
        if let created = event.createdAt {
            line("recorded", "created \(created)" + (event.updatedAt.map { $0 == created ? "" : ", updated \($0)" } ?? ""), to: &output)
        }
    }

    private func line(_ label: String, _ value: String, to output: inout some TextOutputStream) {
        let padded = label.padding(toLength: 10)
        let indent = String(repeating: " ", count: 12)
        let body = value.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n" + indent)
        output.write("  " + style(padded, code: "2") + body + "\n")
    }

    private func style(_ text: String, code: String) -> String {
        color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self + " " : self + String(repeating: " ", count: length - count)
    }
}
