/// A moment of the history as a person names it, in UTC: a date (`2026-12-01`, `2026-12`,
/// `yesterday`, anything `PartialDate` reads) or a time (`2026-12-01T14:30`, `…T14:30:05Z`). It
/// spans from its first instant to its last: a day from midnight to 23:59:59.999, a minute over
/// its sixty seconds. `log --since` starts at the first, `--as-of` stands at the last.
public struct HistoryMoment: Equatable, Sendable {
    /// The first instant, written as `changes.at` writes them: `2026-12-01T00:00:00.000Z`.
    public let start: String
    /// The last instant: `2026-12-01T23:59:59.999Z`.
    public let end: String

    /// Reads `text`; throws `TimelineError.invalidValue` naming what is accepted.
    public init(parsing text: String, today: Day? = nil) throws {
        let text = text.trimmingWhitespace
        if let time = Self.time(text) {
            (start, end) = time
            return
        }
        guard let date = try? PartialDate(parsing: text, today: today), let first = date.earliest, let last = date.latest else {
            throw TimelineError.invalidValue(
                field: "moment", value: text,
                expected: "give a date (2026-12-01, 2026-12, yesterday) or a UTC time (2026-12-01T14:30, 2026-12-01T14:30:05Z)")
        }
        start = first.iso + "T00:00:00.000Z"
        end = last.iso + "T23:59:59.999Z"
    }

    /// `YYYY-MM-DDTHH:MM[:SS[.fff]][Z]`, or nil.
    private static func time(_ text: String) -> (String, String)? {
        var text = Substring(text)
        if text.hasSuffix("Z") || text.hasSuffix("z") { text = text.dropLast() }
        let parts = text.split(separator: "T", omittingEmptySubsequences: false)
        guard parts.count == 2, let day = Day(iso: String(parts[0])) else { return nil }
        let clock = parts[1].split(separator: ":", omittingEmptySubsequences: false)
        guard (2...3).contains(clock.count), clock[0].count == 2, clock[1].count == 2, clock[0].isASCIIDigits,
            clock[1].isASCIIDigits, let hour = Int(clock[0]), let minute = Int(clock[1]), (0..<24).contains(hour),
            (0..<60).contains(minute)
        else { return nil }
        let prefix = day.iso + "T" + clock[0] + ":" + clock[1] + ":"
        guard clock.count == 3 else { return (prefix + "00.000Z", prefix + "59.999Z") }
        let seconds = clock[2].split(separator: ".", omittingEmptySubsequences: false)
        guard seconds.count <= 2, seconds[0].count == 2, seconds[0].isASCIIDigits, let second = Int(seconds[0]), (0..<60).contains(second)
        else { return nil }
        guard seconds.count == 2 else { return (prefix + seconds[0] + ".000Z", prefix + seconds[0] + ".999Z") }
        let fraction = seconds[1]
        guard (1...3).contains(fraction.count), fraction.isASCIIDigits else { return nil }
        let low = fraction + String(repeating: "0", count: 3 - fraction.count)
        let high = fraction + String(repeating: "9", count: 3 - fraction.count)
        return (prefix + seconds[0] + "." + low + "Z", prefix + seconds[0] + "." + high + "Z")
    }
}
