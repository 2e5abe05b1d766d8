extension Event {
    /// The event as an object of the JSON document (version 1): keys in a fixed order, keys
    /// without a value left out, and the derived `start`, `end` and `precision` included for
    /// readers (they are ignored on import).
    public var jsonValue: JSONValue {
        var members: [(key: String, value: JSONValue)] = []
        func add(_ key: String, _ value: String?) {
            if let value { members.append((key, .string(value))) }
        }
        add("id", id)
        add("date", date.edtf)
        add("start", date.earliest?.iso)
        add("end", date.latest?.iso)
        add("precision", date.precision.rawValue)
        add("title", title)
        add("summary", summary)
        add("kind", kind)
        if !actors.isEmpty {
            members.append(("actors", .array(actors.map { actor in
                var object: [(key: String, value: JSONValue)] = [("name", .string(actor.name))]
                if let role = actor.role { object.append(("role", .string(role))) }
                return .object(object)
            })))
        }
        if !tags.isEmpty {
            members.append(("tags", .array(tags.map { .string($0) })))
        }
        if !sources.isEmpty {
            members.append(("sources", .array(sources.map(\.jsonValue))))
        }
        return .object(members)
    }
}

extension EventSource {
    var jsonValue: JSONValue {
        let fields: [(String, String?)] = [
            ("title", title), ("url", url), ("publisher", publisher), ("published", published?.edtf),
            ("language", language), ("locator", locator),
        ]
        return .object(fields.compactMap { key, value in value.map { (key, JSONValue.string($0)) } })
    }
}
