import Foundation

/// Reads the JSON document (version 1) into events, checking every field, so that an import
/// can refuse a bad file before writing anything. Errors name the event (1-based position and
/// id) and the field.
public enum JSONDocumentReader {
    /// The keys an event object may have. `start`, `end` and `precision` are derived from `date`
    /// and ignored.
    static let eventKeys: Set<String> = ["id", "date", "start", "end", "precision", "title", "summary", "kind", "actors", "tags", "sources"]
    static let sourceKeys: Set<String> = ["title", "url", "publisher", "published", "language", "locator"]

    /// The events of `data`, a JSON document, in document order.
    public static func events(from data: Data) throws -> [Event] {
        let root: Any
        do {
            root = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        } catch {
            throw TimelineError.importFailed(location: "the document", reason: "not valid JSON (\(Self.describe(error)))")
        }
        guard let document = root as? [String: Any] else {
            throw TimelineError.importFailed(location: "the document", reason: "expected an object {\"timeline\": 1, \"events\": [...]}")
        }
        guard let version = document["timeline"] as? Int, version == JSONDocumentWriter.formatVersion else {
            throw TimelineError.importFailed(location: "the document",
                reason: "\"timeline\" must be \(JSONDocumentWriter.formatVersion), the format version this timeline reads")
        }
        guard let events = document["events"] as? [Any] else {
            throw TimelineError.importFailed(location: "the document", reason: "\"events\" must be an array of events")
        }
        return try events.enumerated().map { offset, value in
            let object = value as? [String: Any]
            let location = "event \(offset + 1)" + ((object?["id"] as? String).map { " (id \"\($0)\")" } ?? "")
            do {
                guard let object else { throw FieldError(field: nil, message: "expected an object") }
                return try event(from: object)
            } catch let error as FieldError {
                throw TimelineError.importFailed(location: location + (error.field.map { ", field \"\($0)\"" } ?? ""),
                                                 reason: error.message)
            }
        }
    }

    private struct FieldError: Error {
        var field: String?
        var message: String
    }

    private static func event(from object: [String: Any]) throws -> Event {
        if let unknown = object.keys.filter({ !eventKeys.contains($0) }).sorted().first {
            throw FieldError(field: unknown, message: "unknown key; an event has \(eventKeys.sorted().joined(separator: ", "))")
        }
        guard let title = try string(object, "title") else { throw FieldError(field: "title", message: "missing; every event needs a title") }
        guard let dateText = try string(object, "date") else { throw FieldError(field: "date", message: "missing; every event needs a date") }
        let date: PartialDate
        do {
            date = try PartialDate(parsing: dateText)
        } catch {
            throw FieldError(field: "date", message: error.description)
        }
        let actors = try array(object, "actors").enumerated().map { index, value in
            let field = "actors[\(index)]"
            guard let actor = value as? [String: Any] else { throw FieldError(field: field, message: "expected {\"name\": ..., \"role\": ...}") }
            if let unknown = actor.keys.filter({ $0 != "name" && $0 != "role" }).sorted().first {
                throw FieldError(field: "\(field).\(unknown)", message: "unknown key; an actor has name and role")
            }
            guard let name = try string(actor, "name", path: field) else { throw FieldError(field: "\(field).name", message: "missing") }
            return EventActor(name: name, role: try string(actor, "role", path: field))
        }
        let tags = try array(object, "tags").enumerated().map { index, value in
            guard let tag = value as? String else { throw FieldError(field: "tags[\(index)]", message: "expected a string") }
            return tag
        }
        let sources = try array(object, "sources").enumerated().map { index, value in
            let field = "sources[\(index)]"
            guard let source = value as? [String: Any] else { throw FieldError(field: field, message: "expected an object") }
            if let unknown = source.keys.filter({ !sourceKeys.contains($0) }).sorted().first {
                throw FieldError(field: "\(field).\(unknown)", message: "unknown key; a source has \(sourceKeys.sorted().joined(separator: ", "))")
            }
            var published: PartialDate?
            if let text = try string(source, "published", path: field) {
                do { published = try PartialDate(parsing: text) } catch {
                    throw FieldError(field: "\(field).published", message: String(describing: error))
                }
            }
            return EventSource(title: try string(source, "title", path: field), url: try string(source, "url", path: field),
                               publisher: try string(source, "publisher", path: field), published: published,
                               language: try string(source, "language", path: field), locator: try string(source, "locator", path: field))
        }
        let event = Event(id: try string(object, "id"), title: title, date: date, summary: try string(object, "summary"),
                          kind: try string(object, "kind"), actors: actors, tags: tags, sources: sources)
        do {
            return try event.normalized()
        } catch let error as TimelineError {
            if case .invalidValue(let field, _, _) = error { throw FieldError(field: field, message: error.description) }
            throw error
        }
    }

    private static func string(_ object: [String: Any], _ key: String, path: String? = nil) throws -> String? {
        guard let value = object[key], !(value is NSNull) else { return nil }
        guard let string = value as? String else {
            throw FieldError(field: path.map { "\($0).\(key)" } ?? key, message: "expected a string")
        }
        return string
    }

    private static func array(_ object: [String: Any], _ key: String) throws -> [Any] {
        guard let value = object[key], !(value is NSNull) else { return [] }
        guard let array = value as? [Any] else { throw FieldError(field: key, message: "expected an array") }
        return array
    }

    private static func describe(_ error: Error) -> String {
        let nsError = error as NSError
        return (nsError.userInfo[NSDebugDescriptionErrorKey] as? String) ?? nsError.localizedDescription
    }
}
