/// Tags or kinds found the way people type them: case (in every script), accents and spacing
/// ignored (`String.matchKey`), each key answering with what was stored first under it.
///
/// There are few distinct tags and kinds, even among a million events: the first lookup that
/// is not a spelling seen already loads them all, once, and every later one is a dictionary
/// lookup, so a bulk import pays for it once.
struct SpellingIndex<Value> {
    private var valueByKey: [String: Value]?
    /// Spellings already looked up, exactly as given: the common case, without computing a key.
    private var valueBySpelling: [String: Value] = [:]

    /// The value stored under `spelling`'s key, loading every stored (spelling, value) pair,
    /// first stored first, on the first miss.
    mutating func value(of spelling: String, loading load: () throws -> [(spelling: String, value: Value)]) rethrows -> Value? {
        if let value = valueBySpelling[spelling] { return value }
        if valueByKey == nil {
            var byKey: [String: Value] = [:]
            for stored in try load() where byKey[stored.spelling.matchKey] == nil {
                byKey[stored.spelling.matchKey] = stored.value
            }
            valueByKey = byKey
        }
        guard let value = valueByKey?[spelling.matchKey] else { return nil }
        valueBySpelling[spelling] = value
        return value
    }

    /// Records `value` for a spelling just stored.
    mutating func register(_ spelling: String, _ value: Value) {
        valueByKey?[spelling.matchKey] = value
        valueBySpelling[spelling] = value
    }

    /// Forgets everything loaded: another connection may have changed the file since.
    mutating func reset() {
        valueByKey = nil
        valueBySpelling = [:]
    }
}
