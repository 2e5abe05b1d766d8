/// A date as people know it: a single partial date or an interval, with EDTF qualifiers.
///
/// Values come from `init(parsing:today:)`, which reads EDTF (ISO 8601-2 levels 0 and 1) and the
/// English and French forms people type; `edtf` is the canonical text to store.
///
/// Bounds (`earliest`, `latest`) cover every day the date can mean: `201X` spans 2010-01-01...2019-12-31.
/// Qualifiers do not widen them: `2021~` still spans 2021-01-01...2021-12-31, because how far
/// "about" reaches is a judgement the data does not carry.
public struct PartialDate: Hashable, Sendable, CustomStringConvertible {
    enum Form: Hashable, Sendable {
        case single(DatePoint)
        /// At least one end is a date, and the start is not after the end.
        case interval(start: IntervalEnd, end: IntervalEnd)
    }

    let form: Form

    init(_ point: DatePoint) {
        form = .single(point)
    }

    init(start: IntervalEnd, end: IntervalEnd) throws(InvalidDate) {
        switch (start.point, end.point) {
        case (nil, nil):
            throw .noDatedEnd
        case (let start?, let end?) where start.earliest > end.latest:
            throw .endsBeforeStart(start: start.edtf, end: end.edtf)
        default:
            form = .interval(start: start, end: end)
        }
    }

    /// Canonical EDTF text, e.g. "2019-09-10", "2021~", "2019-09-10/..", "../2022".
    public var edtf: String {
        switch form {
        case .single(let point): point.edtf
        case .interval(let start, let end): "\(start.edtf)/\(end.edtf)"
        }
    }

    /// The first day the date can mean; nil for an open or unknown start.
    public var earliest: Day? {
        switch form {
        case .single(let point): point.earliest
        case .interval(let start, _): start.point?.earliest
        }
    }

    /// The last day the date can mean; nil for an open ("..") or unknown ("") end.
    public var latest: Day? {
        switch form {
        case .single(let point): point.latest
        case .interval(_, let end): end.point?.latest
        }
    }

    /// How finely the date is known; for an interval, the start's, or the end's when the start is open/unknown.
    public var precision: DatePrecision {
        points[0].precision
    }

    /// Whether any part carries `?` or `%`.
    public var isUncertain: Bool {
        points.contains(where: \.isUncertain)
    }

    /// Whether any part carries `~` or `%`.
    public var isApproximate: Bool {
        points.contains(where: \.isApproximate)
    }

    public var isInterval: Bool {
        if case .interval = form { true } else { false }
    }

    /// Whether this is an interval whose end is open (".."): still going.
    public var isOngoing: Bool {
        if case .interval(_, .open) = form { true } else { false }
    }

    public var description: String { edtf }

    /// The dated parts, start first; never empty.
    var points: [DatePoint] {
        switch form {
        case .single(let point): [point]
        case .interval(let start, let end): [start.point, end.point].compactMap(\.self)
        }
    }
}

/// One end of an interval.
enum IntervalEnd: Hashable, Sendable {
    case date(DatePoint)
    /// ".." in EDTF: no bound (for an end, still going).
    case open
    /// An empty end in EDTF: there is a bound but nobody knows it.
    case unknown

    var point: DatePoint? {
        if case .date(let point) = self { point } else { nil }
    }

    var edtf: String {
        switch self {
        case .date(let point): point.edtf
        case .open: ".."
        case .unknown: ""
        }
    }
}
