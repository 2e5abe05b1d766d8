extension Event {
    /// The event as the store keeps it: text trimmed, title, kind and names on one line, empty optionals nil,
    /// duplicate actors and tags removed, tags sorted. Throws `TimelineError.invalidValue`
    /// naming the first field that cannot be stored.
    public func normalized() throws -> Event {
        var event = self
        if let id {
            guard Event.isValidID(id) else {
                throw TimelineError.invalidValue(field: "id", value: id,
                    expected: "use 1 to 120 lowercase letters, digits, '.', '_' or '-', starting with a letter or digit")
            }
        }
        guard let title = title.collapsingWhitespace.nonBlank else {
            throw TimelineError.invalidValue(field: "title", value: title, expected: "a title cannot be empty")
        }
        event.title = title
        event.summary = summary?.nonBlank
        event.kind = kind?.collapsingWhitespace.nonBlank

        var seenActors = Set<EventActor>()
        event.actors = []
        for actor in actors {
            let name = actor.name.collapsingWhitespace
            guard !name.isEmpty else {
                throw TimelineError.invalidValue(field: "actor", value: actor.name, expected: "an actor needs a name")
            }
            let normalized = EventActor(name: name, role: actor.role?.nonBlank)
            let key = EventActor(name: name.lowercased(), role: normalized.role?.lowercased())
            if seenActors.insert(key).inserted { event.actors.append(normalized) }
        }

        var seenTags = Set<String>()
        event.tags = []
        for tag in tags {
            let name = tag.collapsingWhitespace
            guard !name.isEmpty else {
                throw TimelineError.invalidValue(field: "tag", value: tag, expected: "a tag cannot be empty")
            }
            if seenTags.insert(name.lowercased()).inserted { event.tags.append(name) }
        }
        event.tags.sort { ($0.lowercased(), $0) < ($1.lowercased(), $1) }

        event.sources = try sources.map { try $0.normalized() }
        return event
    }

    /// True for ids the store accepts: `mayo-google-2019`, `event.12`.
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.utf8.first, id.utf8.count <= 120 else { return false }
        func isLowerAlphanumeric(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) }
        return isLowerAlphanumeric(first) && id.utf8.allSatisfy { isLowerAlphanumeric($0) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }
}

extension EventSource {
    func normalized() throws -> EventSource {
        var source = self
        source.title = title?.collapsingWhitespace.nonBlank
        source.url = url?.nonBlank
        source.publisher = publisher?.collapsingWhitespace.nonBlank
        source.locator = locator?.nonBlank
        source.language = language?.nonBlank?.lowercased()
        guard source.title != nil || source.url != nil else {
            throw TimelineError.invalidValue(field: "source", value: "", expected: "a source needs a title or a url")
        }
        if let language = source.language, !EventSource.isLanguageCode(language) {
            throw TimelineError.invalidValue(field: "source language", value: language,
                                             expected: "use an ISO 639-1 code such as en, fr, de (optionally with a region: pt-br)")
        }
        return source
    }

    static func isLanguageCode(_ code: String) -> Bool {
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        guard let primary = parts.first, primary.count == 2, primary.allSatisfy({ $0 >= "a" && $0 <= "z" }) else { return false }
        return parts.dropFirst().allSatisfy { !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
    }
}
