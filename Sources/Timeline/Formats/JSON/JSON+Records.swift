/// Each record as an object of the JSON document (version 2): keys in a fixed order, keys
/// without a value (and empty lists) left out, so output is byte-stable.
struct JSONObjectBuilder {
    private(set) var members: [(key: String, value: JSONValue)] = []

    mutating func add(_ key: String, _ value: String?) {
        if let value { members.append((key, .string(value))) }
    }

    mutating func add(_ key: String, _ values: [JSONValue]) {
        if !values.isEmpty { members.append((key, .array(values))) }
    }

    var value: JSONValue { .object(members) }
}

extension Event {
    /// The event as the document writes it. `start`, `end` and `precision` are derived from
    /// `date`, for readers; sources and quote sources are cited by id; a search result also has
    /// its `snippet`, matches between [ and ].
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.add("id", id)
        object.add("date", date.edtf)
        object.add("start", date.earliest?.iso)
        object.add("end", date.latest?.iso)
        object.add("precision", date.precision.rawValue)
        object.add("title", title)
        object.add("summary", summary)
        object.add("kind", kind)
        object.add("partnership", partnership)
        object.add("actors", actors.map(\.jsonValue))
        object.add("tags", tags.map { .string($0) })
        object.add("sources", sources.map(\.jsonValue))
        object.add("quotes", quotes.map(\.jsonValue))
        object.add("status", status?.standing.rawValue)
        object.add("status_reason", status?.reason)
        object.add("status_source", status?.source?.id)
        object.add("snippet", snippet?.marked())
        return object.value
    }
}

extension ActorRole {
    var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.add("name", name)
        object.add("role", role)
        return object.value
    }
}

extension Citation {
    /// `{"source": "<id>", "locator": "..."}`; a source not stored yet is written whole.
    var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        if let id = source.id { object.add("source", id) } else { return source.jsonValue(locator: locator) }
        object.add("locator", locator)
        return object.value
    }
}

extension Source {
    public var jsonValue: JSONValue { jsonValue(locator: nil) }

    func jsonValue(locator: String?) -> JSONValue {
        var object = JSONObjectBuilder()
        object.add("id", id)
        object.add("title", title)
        object.add("url", url)
        object.add("publisher", publisher)
        object.add("author", author)
        object.add("published", published?.edtf)
        object.add("accessed", accessed?.edtf)
        object.add("archived_url", archivedURL)
        object.add("language", language)
        object.add("locator", locator)
        return object.value
    }
}

extension Quote {
    var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.add("speaker", speaker)
        object.add("text", text)
        object.add("language", language)
        object.add("translation", translation)
        object.add("translation_language", translationLanguage)
        if let source {
            object.add("source", source.source.id ?? source.source.label)
            object.add("locator", source.locator)
        }
        return object.value
    }
}

extension ActorProfile {
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.add("name", name)
        object.add("kind", kind.rawValue)
        object.add("aliases", aliases.map { .string($0) })
        object.add("part_of", partOf)
        object.add(
            "affiliations",
            affiliations.map { affiliation in
                var item = JSONObjectBuilder()
                item.add("organization", affiliation.organization)
                item.add("role", affiliation.role)
                item.add("date", affiliation.date?.edtf)
                return item.value
            })
        return object.value
    }
}

extension Partnership {
    /// The partnership as the document writes it; `start` and `end` are derived from `date`.
    /// Its status is not written: it depends on the day the file is read.
    public var jsonValue: JSONValue {
        var object = JSONObjectBuilder()
        object.add("id", id)
        object.add("name", name)
        object.add("date", date?.edtf)
        object.add("start", date?.earliest?.iso)
        object.add("end", date?.latest?.iso)
        object.add("term", term)
        object.add("summary", summary)
        object.add("members", members.map(\.jsonValue))
        object.add("terms", terms.map { .string($0) })
        object.add("sources", sources.map(\.jsonValue))
        return object.value
    }
}
