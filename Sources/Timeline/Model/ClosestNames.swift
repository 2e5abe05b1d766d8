/// "Did you mean": the names closest to one that matched nothing, for error messages.
///
/// Names compare by their `similarityKey` (case, accents, spacing and punctuation ignored), by
/// the edit distance that counts a swap of two neighbouring letters as one edit ("shwo" is one
/// edit from "show"). A name is close when it is at most a third of the typed name's letters
/// away (one edit for up to five letters, at most three), or when it starts with what was typed
/// ("cardio" → "cardiology").
public enum ClosestNames {
    /// At most `limit` names of `candidates` close to `typed`, closest first (then in the order
    /// given); one spelling of each.
    public static func closest(to typed: String, among candidates: some Sequence<String>, limit: Int = 3) -> [String] {
        let target = Array(typed.similarityKey.unicodeScalars)
        guard !target.isEmpty, limit > 0 else { return [] }
        let allowed = min(3, max(1, target.count / 3))
        var found: [(distance: Int, order: Int, name: String)] = []
        var seenKeys = Set<String>()
        for (order, name) in candidates.enumerated() {
            let key = name.similarityKey
            guard seenKeys.insert(key).inserted else { continue }
            let scalars = Array(key.unicodeScalars)
            if scalars.count > target.count && target.count >= 3 && scalars.starts(with: target) {
                found.append((allowed, order, name))
            } else if let distance = editDistance(target, scalars, atMost: allowed) {
                found.append((distance, order, name))
            }
        }
        return found.sorted { ($0.distance, $0.order) < ($1.distance, $1.order) }.prefix(limit).map(\.name)
    }

    /// The optimal-string-alignment distance between `a` and `b` (insertions, deletions,
    /// substitutions and swaps of neighbours), or nil when it is over `limit`.
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar], atMost limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var twoBefore = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMinimum = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] { value = min(value, twoBefore[j - 2] + 1) }
                current[j] = value
                rowMinimum = min(rowMinimum, value)
            }
            if rowMinimum > limit { return nil }
            (twoBefore, previous, current) = (previous, current, twoBefore)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
