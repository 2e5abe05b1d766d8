/// How finely a date is known. Coarser precisions compare smaller: `.year < .month < .day`.
public enum DatePrecision: String, Sendable, CaseIterable, Comparable {
    case year, month, day

    public static func < (lhs: DatePrecision, rhs: DatePrecision) -> Bool {
        lhs.rank < rhs.rank
    }

    private var rank: Int {
        switch self {
        case .year: 0
        case .month: 1
        case .day: 2
        }
    }
}
