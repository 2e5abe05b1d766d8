/// Records that are probably one thing entered twice, spelt nearly alike: "Clevland Clinic"
/// beside "Cleveland Clinic"; two events on overlapping dates whose titles differ by a word or a
/// slip. For `timeline check`, which runs on a million events: each finder compares a record with
/// a few neighbours only, never with every other record.
///
/// Spellings compare by their `similarityKey` (letters and digits, case and accents ignored), by
/// edit distance. Names that differ in their digits ("Phase 1", "Phase 2") are never alike.
enum NearDuplicates {
    /// Whether two similarity keys are spelt nearly alike: at most one edit in eight letters
    /// (one for names of up to 15, two up to 23, ...), and the same digits.
    static func areAlike(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Bool {
        let shorter = min(a.count, b.count)
        guard shorter >= 5 else { return a == b }
        func digits(_ key: [Unicode.Scalar]) -> [Unicode.Scalar] { key.filter { $0.properties.numericType != nil } }
        guard digits(a) == digits(b) else { return false }
        return ClosestNames.editDistance(a, b, atMost: max(1, shorter / 8)) != nil
    }

    /// Pairs of `names` that are spelt nearly alike but are not the same key, each pair once,
    /// in the order of the first name given. Each name is compared with its neighbours in
    /// alphabetical order, and in the order of the names read backwards (a slip near the start).
    static func alikeNames(_ names: [String], neighbours: Int = 8) -> [(String, String)] {
        var firstByKey: [String: Int] = [:]
        var keys: [[Unicode.Scalar]] = []
        var representatives: [String] = []
        for name in names where firstByKey[name.similarityKey] == nil {
            firstByKey[name.similarityKey] = keys.count
            keys.append(Array(name.similarityKey.unicodeScalars))
            representatives.append(name)
        }
        var pairs = Set<[Int]>()
        for order in [
            keys.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) { $0.value < $1.value } },
            keys.indices.sorted { keys[$0].reversed().lexicographicallyPrecedes(keys[$1].reversed()) { $0.value < $1.value } },
        ] {
            for (position, index) in order.enumerated() {
                for other in order[(position + 1)..<min(order.count, position + 1 + neighbours)] where areAlike(keys[index], keys[other]) {
                    pairs.insert([index, other].sorted())
                }
            }
        }
        return pairs.sorted { $0.lexicographicallyPrecedes($1) }.map { (representatives[$0[0]], representatives[$0[1]]) }
    }

    /// Events as they come in timeline order (by their first day), each compared with the events
    /// before it that began at most a year earlier, overlap it, and share the start or the end
    /// of its title's key: memory and work stay bounded however many events there are.
    struct EventWindow {
        /// An event as the window keeps it.
        struct Entry {
            let id: String
            let rowID: Int64
            let precision: DatePrecision
            let key: [Unicode.Scalar]
            let start: Int, end: Int?  // days since 1970; nil end: open or unknown
            /// The start and the end of `key`, hashed: events side by side share one.
            fileprivate let blocks: [Int]

            init(id: String, rowID: Int64, precision: DatePrecision, title: String, start: Int, end: Int?) {
                self.id = id
                self.rowID = rowID
                self.precision = precision
                self.key = Array(title.similarityKey.unicodeScalars)
                self.start = start
                self.end = end
                var head = Hasher()
                var tail = Hasher()
                head.combine(0)
                tail.combine(1)
                for scalar in key.prefix(EventWindow.blockLength) { head.combine(scalar.value) }
                for scalar in key.suffix(EventWindow.blockLength) { tail.combine(scalar.value) }
                blocks = [head.finalize(), tail.finalize()]
            }

            /// Of two events that are one, the one to keep: the more precise date, else the one
            /// entered first.
            func isBetterKept(than other: Entry) -> Bool {
                precision != other.precision ? precision > other.precision : rowID < other.rowID
            }
        }

        /// How much of a title's key (at its start, and at its end) puts two events side by side.
        static let blockLength = 12
        private var entries: [Entry?] = []
        private var firstKept = 0
        private var indexesByBlock: [Int: [Int]] = [:]

        init() {}

        /// The events already added that look like `entry`, which starts on or after them.
        mutating func add(_ entry: Entry) -> [Entry] {
            let start = entry.start
            while firstKept < entries.count, let oldest = entries[firstKept], oldest.start < start - 366 {
                for block in oldest.blocks {
                    indexesByBlock[block]?.removeFirst()
                    if indexesByBlock[block]?.isEmpty == true { indexesByBlock[block] = nil }
                }
                entries[firstKept] = nil
                firstKept += 1
            }
            var alike: [Entry] = []
            var compared: [Int] = []
            for block in entry.blocks {
                for index in indexesByBlock[block] ?? [] where !compared.contains(index) {
                    compared.append(index)
                    guard let other = entries[index], other.end.map({ $0 >= start }) ?? true else { continue }
                    if NearDuplicates.areAlike(entry.key, other.key) { alike.append(other) }
                }
            }
            for block in entry.blocks { indexesByBlock[block, default: []].append(entries.count) }
            entries.append(entry)
            if firstKept > 4096 && firstKept * 2 > entries.count {  // drop the evicted slots now and then
                entries.removeFirst(firstKept)
                indexesByBlock = indexesByBlock.mapValues { $0.map { $0 - firstKept } }
                firstKept = 0
            }
            return alike
        }
    }
}
