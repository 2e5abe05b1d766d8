import FoundationEssentials

/// Reads a JSON document (version 1 or 2) into records, checking every field, so that an
/// import can refuse a bad file before writing anything. Errors name the record (1-based
/// position and id) and the field (`sources[0].language`).
public enum JSONDocumentReader {
    /// The format versions this reader understands.
    public static let readableVersions = 1...JSONDocumentWriter.formatVersion

    /// The records of `data`, a JSON document, in document order.
    public static func document(from data: Data) throws -> TimelineDocument {
        let root: JSONValue
        do {
            root = try JSONParser.parse(data)
        } catch {
            throw TimelineError.importFailed(location: "the document", reason: "not valid JSON (\(error))")
        }
        let document: JSONObject
        do {
            document = try JSONObject(
                root, path: nil, keys: ["timeline", "actors", "sources", "partnerships", "events"],
                expected: "an object {\"timeline\": 2, \"events\": [...]}")
            guard case .integer(let version)? = document.values["timeline"], readableVersions.contains(version) else {
                throw FieldError(field: "timeline", message: "must be the format version, 1 or 2")
            }
            // null means absent, and the events are what a document is for: both are refused,
            // so that a truncated or hand-edited file does not import nothing and succeed.
            switch document.values["events"] {
            case nil: throw FieldError(field: "events", message: "missing; a document has an events array")
            case .null?: throw FieldError(field: "events", message: "null; a document has an events array ([] when it has none)")
            default: break
            }
        } catch let error as FieldError {
            throw TimelineError.importFailed(location: "the document", reason: error.description)
        }
        return TimelineDocument(
            actors: try records(document, "actors", name: "actor", read: actor),
            sources: try records(document, "sources", name: "source", read: source),
            partnerships: try records(document, "partnerships", name: "partnership", read: partnership),
            events: try records(document, "events", name: "event", read: event))
    }

    /// The events of a document (version 1 or 2), without its other records.
    public static func events(from data: Data) throws -> [Event] {
        try document(from: data).events
    }

    // MARK: - Records

    private static func records<T>(
        _ document: JSONObject, _ key: String, name: String,
        read: (JSONObject) throws -> T
    ) throws -> [T] {
        let values: [JSONValue]
        do {
            values = try document.array(key)
        } catch let error as FieldError {
            throw TimelineError.importFailed(location: "the document", reason: error.description)
        }
        return try values.enumerated().map { offset, value in
            let object = try? JSONObject(value, path: nil, keys: nil, expected: "an object")
            let id = object.flatMap { try? $0.string(key == "actors" ? "name" : "id") }
            let location =
                "\(name) \(offset + 1)"
                + (id.map { key == "actors" ? " (\"\($0.shownInMessage())\")" : " (id \"\($0.shownInMessage())\")" } ?? "")
            do {
                return try read(try JSONObject(value, path: nil, keys: nil, expected: "an object"))
            } catch let error as FieldError {
                throw TimelineError.importFailed(
                    location: location + (error.field.map { ", field \"\($0.shownInMessage())\"" } ?? ""),
                    reason: error.message)
            }
        }
    }

    static func event(_ object: JSONObject) throws -> Event {
        try object.allow([
            "id", "date", "start", "end", "precision", "title", "summary", "kind", "partnership",
            "actors", "tags", "sources", "quotes", "status", "status_reason", "status_source", "snippet",
        ])
        var status: EventStatus?
        if let text = try object.string("status") {
            guard let standing = EventStatus.Standing(rawValue: text) else {
                throw FieldError(field: object.field("status"), message: "\"\(text.shownInMessage())\" is not retracted or disputed")
            }
            status = EventStatus(
                standing, reason: try object.string("status_reason") ?? "",
                source: try object.string("status_source").map { Source(id: $0) })
        }
        let event = Event(
            id: try object.string("id"), title: try object.required("title"), date: try object.requiredDate("date"),
            summary: try object.string("summary"), kind: try object.string("kind"), partnership: try object.string("partnership"),
            actors: try object.objects("actors", keys: ["name", "role"]).map {
                ActorRole(name: try $0.required("name"), role: try $0.string("role"))
            },
            tags: try object.strings("tags"),
            sources: try object.objects("sources", keys: nil).map(citation),
            quotes: try object.objects(
                "quotes", keys: ["speaker", "text", "language", "translation", "translation_language", "source", "locator"]
            )
            .map { quote in
                let sourceID = try quote.string("source")
                return Quote(
                    speaker: try quote.required("speaker"), text: try quote.required("text"),
                    language: try quote.required("language"), translation: try quote.string("translation"),
                    translationLanguage: try quote.string("translation_language"),
                    source: try sourceID.map { Citation(Source(id: $0), locator: try quote.string("locator")) })
            }, status: status)
        return try object.normalizing { try event.normalized() }
    }

    /// `{"source": "<id>", "locator": ...}`, or (version 1) a source written whole with a locator.
    private static func citation(_ object: JSONObject) throws -> Citation {
        if let id = try object.string("source") {
            try object.allow(["source", "locator"])
            return Citation(Source(id: id), locator: try object.string("locator"))
        }
        return Citation(try source(object, allowing: ["locator"]), locator: try object.string("locator"))
    }

    static func source(_ object: JSONObject) throws -> Source {
        try source(object, allowing: [])
    }

    private static func source(_ object: JSONObject, allowing extra: Set<String>) throws -> Source {
        let keys: Set<String> = ["id", "title", "url", "publisher", "author", "published", "accessed", "archived_url", "language"]
        try object.allow(keys.union(extra))
        let source = Source(
            id: try object.string("id"), title: try object.string("title"), url: try object.string("url"),
            publisher: try object.string("publisher"), author: try object.string("author"),
            published: try object.date("published"), accessed: try object.date("accessed"),
            archivedURL: try object.string("archived_url"), language: try object.string("language"))
        return try object.normalizing { try source.normalized() }
    }

    static func actor(_ object: JSONObject) throws -> ActorProfile {
        try object.allow(["name", "kind", "aliases", "part_of", "affiliations"])
        var kind = ActorKind.organization
        if let text = try object.string("kind") {
            guard let parsed = ActorKind(rawValue: text) else {
                throw FieldError(
                    field: object.field("kind"), message: "\"\(text.shownInMessage())\" is not one of organization, person, other")
            }
            kind = parsed
        }
        let profile = ActorProfile(
            name: try object.required("name"), kind: kind, aliases: try object.strings("aliases"), partOf: try object.string("part_of"),
            affiliations: try object.objects("affiliations", keys: ["organization", "role", "date"]).map { item in
                Affiliation(organization: try item.required("organization"), role: try item.string("role"), date: try item.date("date"))
            })
        return try object.normalizing { try profile.normalized() }
    }

    static func partnership(_ object: JSONObject) throws -> Partnership {
        try object.allow(["id", "name", "date", "start", "end", "term", "summary", "members", "terms", "sources"])
        let partnership = Partnership(
            id: try object.string("id"), name: try object.required("name"),
            members: try object.objects("members", keys: ["name", "role"]).map {
                ActorRole(name: try $0.required("name"), role: try $0.string("role"))
            },
            date: try object.date("date"), term: try object.string("term"), summary: try object.string("summary"),
            terms: try object.strings("terms"), sources: try object.objects("sources", keys: nil).map(citation))
        return try object.normalizing { try partnership.normalized() }
    }

    // MARK: - Fields

    struct FieldError: Error, CustomStringConvertible {
        var field: String?
        var message: String
        var description: String { (field.map { "field \"\($0.shownInMessage())\": " } ?? "") + message }
    }

    /// A JSON object with the path that leads to it, for messages.
    struct JSONObject {
        let values: [String: JSONValue]
        let path: String?

        init(_ value: JSONValue, path: String?, keys: Set<String>?, expected: String) throws {
            guard case .object(let members) = value else { throw FieldError(field: path, message: "expected \(expected)") }
            // The parser refuses duplicate keys, so each key is here once.
            self.values = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            self.path = path
            if let keys { try allow(keys) }
        }

        func field(_ key: String) -> String { path.map { "\($0).\(key)" } ?? key }

        func allow(_ keys: Set<String>) throws {
            if let unknown = values.keys.filter({ !keys.contains($0) }).sorted().first {
                throw FieldError(field: field(unknown), message: "unknown key; expected one of \(keys.sorted().joined(separator: ", "))")
            }
        }

        func string(_ key: String) throws -> String? {
            switch values[key] {
            case nil, .null?: return nil
            case .string(let string)?: return string
            default: throw FieldError(field: field(key), message: "expected a string")
            }
        }

        func required(_ key: String) throws -> String {
            guard let string = try string(key) else { throw FieldError(field: field(key), message: "missing") }
            return string
        }

        func date(_ key: String) throws -> PartialDate? {
            guard let text = try string(key) else { return nil }
            do {
                return try PartialDate(parsing: text)
            } catch {
                throw FieldError(field: field(key), message: error.description)
            }
        }

        func requiredDate(_ key: String) throws -> PartialDate {
            guard let date = try date(key) else { throw FieldError(field: field(key), message: "missing") }
            return date
        }

        /// The object at `key`, nil when missing or null.
        func object(_ key: String) throws -> JSONObject? {
            switch values[key] {
            case nil, .null?: return nil
            case let value?: return try JSONObject(value, path: field(key), keys: nil, expected: "an object")
            }
        }

        func array(_ key: String) throws -> [JSONValue] {
            switch values[key] {
            case nil, .null?: return []
            case .array(let array)?: return array
            default: throw FieldError(field: field(key), message: "expected an array")
            }
        }

        func strings(_ key: String) throws -> [String] {
            try array(key).enumerated().map { index, value in
                guard case .string(let string) = value else {
                    throw FieldError(field: "\(field(key))[\(index)]", message: "expected a string")
                }
                return string
            }
        }

        func objects(_ key: String, keys: Set<String>?) throws -> [JSONObject] {
            try array(key).enumerated().map { index, value in
                try JSONObject(value, path: "\(field(key))[\(index)]", keys: keys, expected: "an object")
            }
        }

        /// Runs a record's normalization, naming this object's path in its errors.
        func normalizing<T>(_ body: () throws -> T) throws -> T {
            do {
                return try body()
            } catch let error as TimelineError {
                if case .invalidValue(let field, _, _) = error {
                    throw FieldError(field: path.map { "\($0) (\(field))" } ?? field, message: error.description)
                }
                throw error
            }
        }
    }

}
