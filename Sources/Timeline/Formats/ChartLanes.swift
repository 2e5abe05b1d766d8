/// How a chart (html, svg, chart) groups events into lanes.
public enum ChartLanes: String, CaseIterable, Sendable {
    /// Each partnership's lane with its span as a bar, then events of no partnership.
    case partnership
    /// One lane per actor (an event on each of its actors' lanes).
    case actor
    /// One lane per kind.
    case kind
    /// One lane.
    case none
}

/// The lanes of a chart drawn from a stream of events, with the rules of the page's script
/// (`assets/page/page.js`, `buildLanes`): partnerships in the records' order, then "Events of no
/// partnership"; actors or kinds ranked by how many events they have, past `maximum` lanes
/// folded into "Other actors"/"Other kinds", then "No actor"/"No kind".
///
/// Memory stays flat: `survey(_:)` sees each event once and keeps only counts per name; after
/// `finish()`, `lanes(of:)` places any event.
struct LaneSurvey {
    struct Lane {
        var name: String
        /// The partnership drawn over the lane (partnership lanes).
        var partnership: Partnership?
        /// "Other …" or "No …": drawn in the neutral colour.
        var isRest = false
    }

    /// The most lanes of actors or kinds, "Other" included.
    static let maximum = 40

    let mode: ChartLanes
    private(set) var lanes: [Lane] = []
    private var partnershipLanes: [String: Int] = [:]
    private var counts: [String: Int] = [:]
    private var order: [String] = []
    private var laneOfName: [String: Int] = [:]
    private var hasNone = false
    private var hasOther = false
    private var noneLane: Int?
    private var otherLane: Int?

    init(mode: ChartLanes, partnerships: [Partnership]) {
        self.mode = mode
        if mode == .partnership {
            for partnership in partnerships {
                if let id = partnership.id, partnershipLanes[id] == nil { partnershipLanes[id] = lanes.count }
                lanes.append(Lane(name: partnership.name, partnership: partnership))
            }
        } else if mode == .none {
            lanes = [Lane(name: "Events")]
        }
    }

    /// The names an event is grouped by (actor or kind lanes), each once.
    private func names(of event: Event) -> [String] {
        switch mode {
        case .actor:
            var seen: Set<String> = []
            return event.actors.map(\.name).filter { seen.insert($0).inserted }
        case .kind: return event.kind.map { [$0] } ?? []
        case .partnership, .none: return []
        }
    }

    /// Counts an event (the first pass).
    mutating func survey(_ event: Event) {
        switch mode {
        case .partnership:
            if event.partnership.flatMap({ partnershipLanes[$0] }) == nil { hasNone = true }
        case .actor, .kind:
            let names = names(of: event)
            if names.isEmpty { hasNone = true }
            for name in names {
                if counts[name] == nil { order.append(name) }
                counts[name, default: 0] += 1
            }
        case .none: break
        }
    }

    /// Makes the lanes once every event is surveyed.
    mutating func finish() {
        switch mode {
        case .partnership:
            if hasNone {
                noneLane = lanes.count
                lanes.append(Lane(name: "Events of no partnership", isRest: true))
            }
        case .actor, .kind:
            let ranked = order.sorted { (counts[$0]!, $1) > (counts[$1]!, $0) }
            let kept = ranked.count > Self.maximum ? Self.maximum - 1 : ranked.count
            for name in ranked.prefix(kept) {
                laneOfName[name] = lanes.count
                lanes.append(Lane(name: name))
            }
            if kept < ranked.count {
                otherLane = lanes.count
                lanes.append(Lane(name: mode == .actor ? "Other actors" : "Other kinds", isRest: true))
            }
            if hasNone {
                noneLane = lanes.count
                lanes.append(Lane(name: mode == .actor ? "No actor" : "No kind", isRest: true))
            }
        case .none: break
        }
    }

    /// The lanes an event is drawn on, in lane order (after `finish()`).
    func lanes(of event: Event) -> [Int] {
        switch mode {
        case .partnership:
            if let lane = event.partnership.flatMap({ partnershipLanes[$0] }) { return [lane] }
            return noneLane.map { [$0] } ?? []
        case .actor, .kind:
            var result: [Int] = []
            for name in names(of: event) {
                if let lane = laneOfName[name] ?? otherLane, !result.contains(lane) { result.append(lane) }
            }
            if result.isEmpty, let noneLane { result = [noneLane] }
            return result.sorted()
        case .none:
            return [0]
        }
    }
}
