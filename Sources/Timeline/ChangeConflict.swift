/// Where another copy's change contradicts this copy: the same field changed on both sides, a
/// record changed on one side and deleted on the other, one record added on both sides with
/// different content. Nothing is applied until a person chooses a side for each.
public struct ChangeConflict: Equatable, Sendable {

    /// Its name, what `--take NAME=ours|theirs` takes: the record and the field,
    /// `event/mayo-google-2019-09-10/title`, `event/launch/actor 2`, `actor/Google/kind`.
    public var name: String
    public var kind: ConflictKind
    /// What this copy has, as shown (nil: nothing, or deleted), and who put it there.
    public var ours: String?
    public var oursBy: String
    /// What the other copy's change set gives, and who made it.
    public var theirs: String?
    public var theirsBy: String
    /// That change set's uid.
    public var theirChange: String

    /// The lines that show it: its name and kind, then each side's value and who set it.
    public var lines: [String] {
        func shown(_ value: String?) -> String { value.map { "\"\($0.shownInMessage(limit: 200))\"" } ?? "(nothing)" }
        return [
            "conflict \(name): \(kind.rawValue)",
            "  ours:   \(shown(ours)) (\(oursBy))",
            "  theirs: \(shown(theirs)) (\(theirsBy))",
        ]
    }
}

/// How two copies contradict each other.
public enum ConflictKind: String, Sendable {
    case changedOnBothSides = "changed on both sides"
    case changedHereDeletedThere = "changed here, deleted there"
    case deletedHereChangedThere = "deleted here, changed there"
    case addedOnBothSides = "added on both sides"
}

/// Which side a person takes in a conflict.
public enum ConflictSide: String, Sendable, CaseIterable {
    case ours, theirs
}

/// The sides a person chose: for every conflict, and for some by name.
public struct ConflictChoices: Sendable {
    public var forAll: ConflictSide?
    public var byName: [String: ConflictSide]

    public init(forAll: ConflictSide? = nil, byName: [String: ConflictSide] = [:]) {
        self.forAll = forAll
        self.byName = byName
    }

    func side(for conflict: ChangeConflict) -> ConflictSide? { byName[conflict.name] ?? forAll }
}

/// What an apply did.
public struct ChangesApplied: Sendable {
    /// Change sets applied, and those this copy already had (its own, or applied before).
    public var applied = 0
    public var alreadyHere = 0
    /// The conflicts a person resolved, with the side taken.
    public var resolved: [(conflict: ChangeConflict, taken: ConflictSide)] = []
}
