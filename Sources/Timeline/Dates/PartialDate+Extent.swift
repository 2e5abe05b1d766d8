extension PartialDate {
    /// How one end of a date is bounded: by a day, not at all (`..`: still going, or from
    /// whenever), or by a day nobody knows (an empty end in EDTF).
    public enum EndKind: String, Sendable {
        case date, open, unknown
    }

    /// How the start is bounded.
    public var startKind: EndKind {
        switch form {
        case .single: .date
        case .interval(let start, _): start.kind
        }
    }

    /// How the end is bounded.
    public var endKind: EndKind {
        switch form {
        case .single: .date
        case .interval(_, let end): end.kind
        }
    }

    /// The unit of time the start is known to, in people's words, for drawing a date no more
    /// precisely than it is: "day", "month", "season" (also a third of a year), "year",
    /// "decade" or "century".
    public var unit: String {
        guard let point = points.first else { return "year" }
        if point.grouping != nil { return "season" }
        switch point.unspecifiedYearDigits {
        case 1: return "decade"
        case 2: return "century"
        default: return point.precision.rawValue
        }
    }
}

extension IntervalEnd {
    var kind: PartialDate.EndKind {
        switch self {
        case .date: .date
        case .open: .open
        case .unknown: .unknown
        }
    }
}
