/// Normalization before storing: text trimmed, one-line fields on one line, empty optionals nil,
/// duplicates removed. Each throws `TimelineError.invalidValue` naming the first field that
/// cannot be stored.
/// Refuses control characters (other than tab and line breaks): they would reach terminals as
/// escape sequences and make text that looks the same compare different.
func rejectControlCharacters(_ fields: [(String, String?)]) throws {
    for (field, value) in fields {
        guard let value, value.containsUTF8Byte(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }) else { continue }
        if let bad = value.unicodeScalars.first(where: { scalar in
            (scalar.value < 0x20 && !["\t", "\n", "\r"].contains(scalar)) || (0x7F...0x9F).contains(scalar.value)
        }) {
            throw TimelineError.invalidValue(
                field: field,
                value: value.unicodeScalars.map { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) ? "?" : String($0) }.joined(),
                expected: "it contains the control character U+\(String(bad.value, radix: 16, uppercase: true)); remove it")
        }
    }
}

extension Event {
    public func normalized() throws -> Event {
        var event = self
        try rejectControlCharacters(
            [("title", title), ("summary", summary), ("kind", kind)]
                + actors.flatMap { [("actor", $0.name), ("role", $0.role)] } + tags.map { ("tag", $0) })
        if let id { try Identifier.validate(id, field: "id") }
        guard let title = title.collapsingWhitespace.nonBlank else {
            throw TimelineError.invalidValue(field: "title", value: title, expected: "a title cannot be empty")
        }
        event.title = title
        event.summary = summary?.nonBlank
        event.kind = kind?.collapsingWhitespace.nonBlank
        event.partnership = partnership?.nonBlank
        event.actors = try ActorRole.normalized(actors, field: "actor")
        var seenTags = Set<String>()
        event.tags = []
        for tag in tags {
            let name = tag.collapsingWhitespace
            guard !name.isEmpty else {
                throw TimelineError.invalidValue(field: "tag", value: tag, expected: "a tag cannot be empty")
            }
            if seenTags.insert(name.matchKey).inserted { event.tags.append(name) }
        }
        event.tags.sort { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
        event.sources = try sources.map { try $0.normalized() }
        event.quotes = try quotes.map { try $0.normalized() }
        if var status {
            try rejectControlCharacters([("reason", status.reason)])
            guard let reason = status.reason.collapsingWhitespace.nonBlank else {
                throw TimelineError.invalidValue(
                    field: "reason", value: status.reason, expected: "say why the event is \(status.standing.rawValue)")
            }
            status.reason = reason
            status.source = try status.source?.normalized()
            event.status = status
        }
        return event
    }

    /// True for ids the store accepts: `mayo-google-2019`, `event.12`.
    public static func isValidID(_ id: String) -> Bool { Identifier.isValid(id) }
}

extension ActorRole {
    /// Names on one line, roles trimmed, the same actor with the same role once.
    static func normalized(_ roles: [ActorRole], field: String) throws -> [ActorRole] {
        var seen = Set<String>()
        var result: [ActorRole] = []
        for actor in roles {
            let name = actor.name.collapsingWhitespace
            guard !name.isEmpty else {
                throw TimelineError.invalidValue(field: field, value: actor.name, expected: "an actor needs a name")
            }
            let role = actor.role?.collapsingWhitespace.nonBlank
            if seen.insert(name.matchKey + "\u{0}" + (role?.lowercased() ?? "")).inserted {
                result.append(ActorRole(name: name, role: role))
            }
        }
        return result
    }
}

extension Source {
    public func normalized() throws -> Source {
        var source = self
        try rejectControlCharacters([
            ("source title", title), ("url", url), ("publisher", publisher), ("author", author),
            ("archived url", archivedURL), ("language", language),
        ])
        if let id { try Identifier.validate(id, field: "source id") }
        source.title = title?.collapsingWhitespace.nonBlank
        source.url = url?.nonBlank
        source.publisher = publisher?.collapsingWhitespace.nonBlank
        source.author = author?.collapsingWhitespace.nonBlank
        source.archivedURL = archivedURL?.nonBlank
        source.language = try Source.languageCode(language, field: "source language")
        guard source.title != nil || source.url != nil || (source.id != nil && isOnlyAReference) else {
            throw TimelineError.invalidValue(field: "source", value: id ?? "", expected: "a source needs a title or a url")
        }
        return source
    }

    /// True for a source given by its id alone, which must then be stored already.
    var isOnlyAReference: Bool {
        title == nil && url == nil && publisher == nil && author == nil && published == nil && accessed == nil
            && archivedURL == nil && language == nil
    }

    /// A valid lowercased ISO 639-1 code (optionally with a region: `pt-br`), or nil for none.
    static func languageCode(_ code: String?, field: String) throws -> String? {
        guard let code = code?.nonBlank?.lowercased() else { return nil }
        let parts = code.split(separator: "-", omittingEmptySubsequences: false)
        let valid =
            parts[0].count == 2 && parts[0].allSatisfy { $0 >= "a" && $0 <= "z" }
            && parts.dropFirst().allSatisfy { !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        guard valid else {
            throw TimelineError.invalidValue(
                field: field, value: code,
                expected: "use an ISO 639-1 code such as en, fr, de (optionally with a region: pt-br)")
        }
        return code
    }
}

extension Citation {
    func normalized() throws -> Citation {
        try rejectControlCharacters([("locator", locator)])
        return Citation(try source.normalized(), locator: locator?.nonBlank)
    }
}

extension Quote {
    func normalized() throws -> Quote {
        var quote = self
        try rejectControlCharacters([("quote speaker", speaker), ("quote text", text), ("quote translation", translation)])
        quote.speaker = speaker.collapsingWhitespace
        guard !quote.speaker.isEmpty else {
            throw TimelineError.invalidValue(field: "quote speaker", value: speaker, expected: "a quote needs a speaker")
        }
        guard let text = text.nonBlank else {
            throw TimelineError.invalidValue(field: "quote text", value: text, expected: "a quote needs its words")
        }
        quote.text = text
        guard let language = try Source.languageCode(language, field: "quote language") else {
            throw TimelineError.invalidValue(
                field: "quote language", value: language,
                expected: "give the language of the words, as an ISO 639-1 code such as fr or en")
        }
        quote.language = language
        quote.translation = translation?.nonBlank
        quote.translationLanguage = try Source.languageCode(translationLanguage, field: "quote translation language")
        if (quote.translation == nil) != (quote.translationLanguage == nil) {
            throw TimelineError.invalidValue(
                field: "quote translation", value: quote.translation ?? "",
                expected: "a translation and its language go together")
        }
        quote.source = try source?.normalized()
        return quote
    }
}

extension ActorProfile {
    public func normalized() throws -> ActorProfile {
        var profile = self
        try rejectControlCharacters(
            [("actor name", name), ("part of", partOf)] + aliases.map { ("alias", $0) }
                + affiliations.flatMap { [("affiliation", $0.organization), ("role", $0.role)] })
        profile.name = name.collapsingWhitespace
        guard !profile.name.isEmpty else {
            throw TimelineError.invalidValue(field: "actor name", value: name, expected: "an actor needs a name")
        }
        var seen: Set<String> = [profile.name.matchKey]
        profile.aliases = []
        for alias in aliases {
            let alias = alias.collapsingWhitespace
            guard !alias.isEmpty else {
                throw TimelineError.invalidValue(field: "alias", value: alias, expected: "an alias cannot be empty")
            }
            if seen.insert(alias.matchKey).inserted { profile.aliases.append(alias) }
        }
        profile.aliases.sort { ($0.lowercased(), $0) < ($1.lowercased(), $1) }
        profile.partOf = partOf?.collapsingWhitespace.nonBlank
        if let parent = profile.partOf, parent.matchKey == profile.name.matchKey {
            throw TimelineError.invalidValue(field: "part of", value: parent, expected: "an actor cannot be part of itself")
        }
        profile.affiliations = try affiliations.map { affiliation in
            var affiliation = affiliation
            affiliation.organization = affiliation.organization.collapsingWhitespace
            guard !affiliation.organization.isEmpty else {
                throw TimelineError.invalidValue(field: "affiliation", value: "", expected: "an affiliation needs an organization")
            }
            guard affiliation.organization.matchKey != profile.name.matchKey else {
                throw TimelineError.invalidValue(
                    field: "affiliation", value: affiliation.organization,
                    expected: "an actor cannot be affiliated with itself")
            }
            affiliation.role = affiliation.role?.collapsingWhitespace.nonBlank
            return affiliation
        }
        return profile
    }
}

extension Partnership {
    public func normalized() throws -> Partnership {
        var partnership = self
        try rejectControlCharacters(
            [("partnership name", name), ("term", term), ("summary", summary)]
                + terms.map { ("clause", $0) } + members.flatMap { [("member", $0.name), ("role", $0.role)] })
        if let id { try Identifier.validate(id, field: "partnership id") }
        guard let name = name.collapsingWhitespace.nonBlank else {
            throw TimelineError.invalidValue(field: "partnership name", value: name, expected: "a partnership needs a name")
        }
        partnership.name = name
        partnership.members = try ActorRole.normalized(members, field: "member")
        guard Set(partnership.members.map(\.name.matchKey)).count >= 2 else {
            throw TimelineError.invalidValue(
                field: "members", value: partnership.members.map(\.name).joined(separator: ", "),
                expected: "a partnership needs at least two different members")
        }
        partnership.term = term?.collapsingWhitespace.nonBlank
        partnership.summary = summary?.nonBlank
        partnership.terms = try terms.map { clause in
            guard let clause = clause.nonBlank else {
                throw TimelineError.invalidValue(field: "term", value: clause, expected: "a clause cannot be empty")
            }
            return clause
        }
        partnership.sources = try sources.map { try $0.normalized() }
        return partnership
    }
}
