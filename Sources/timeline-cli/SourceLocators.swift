import Timeline

extension Citation {
    /// What a user may type to name the cited source: its id, URL or title.
    var references: [String] { [source.id, source.url, source.title].compactMap { $0 } }
}

/// Applies `--locator [SOURCE=]WHERE` options to the citations of an event or a partnership
/// (`owner`): SOURCE names one of them by id, URL or title (case and accents ignored) and may be
/// left out when there is only one; an empty WHERE clears the locator. The `=` that ends SOURCE
/// is the first one whose left side names a cited source, so URLs with `=` in them work.
func applyLocators(_ locators: [String], to citations: inout [Citation], of owner: String) throws {
    for locator in locators {
        let (cited, place) = try locate(locator, in: citations, of: owner)
        for index in cited { citations[index].locator = place.isEmpty ? nil : place }
    }
}

/// The citations a `--locator` option names, and the place it gives.
private func locate(_ locator: String, in citations: [Citation], of owner: String) throws -> (cited: [Int], place: String) {
    var equals = locator.firstIndex(of: "=")
    while let sign = equals {
        let name = String(locator[..<sign]).trimmingWhitespace.matchKey
        let cited = citations.indices.filter { citations[$0].references.contains { $0.matchKey == name } }
        if !cited.isEmpty { return (cited, String(locator[locator.index(after: sign)...]).trimmingWhitespace) }
        equals = locator[locator.index(after: sign)...].firstIndex(of: "=")
    }
    let shown = "--locator \"\(locator.shownInMessage())\""
    switch citations.count {
    case 1:
        return ([0], locator.trimmingWhitespace)
    case 0:
        throw CLIError(description: "\(shown): the \(owner) cites no source; give --source too")
    default:
        let names = citations.map { "\"\(($0.source.id ?? $0.references.first ?? "").shownInMessage())\"" }
        throw CLIError(
            description: "\(shown): the \(owner) cites several sources (\(names.joined(separator: ", "))); "
                + "say which one as SOURCE=WHERE")
    }
}
