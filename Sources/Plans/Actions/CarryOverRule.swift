import Fluent
import Foundation
import Vapor

/// Which key activities (the deepest level's nodes) of a version count as unfinished when it is
/// copied to next year's plan, and so are carried into the copy. Plans answers from the status
/// the version itself records; a module above it that follows the work up during the year
/// (FollowUp) answers from what was reported, by setting `Application.carryOverRule`.
public protocol CarryOverRule: Sendable {
    /// The ids of the leaves that are unfinished.
    func unfinished(_ leaves: [PlanLeaf], of version: VersionReference, on db: any Database) async throws -> Set<UUID>
}

/// A key activity (a node of the deepest level) as a carry-over rule sees it.
public struct PlanLeaf: Sendable, Equatable {
    public let id: UUID
    public let key: String
    /// The path of keys from the root ("1.2.3"); the key where it was never set.
    public let lineage: String
    /// The status the version records, if any.
    public let status: String?

    init(_ node: PlanNode) {
        id = node.id!
        key = node.key
        lineage = node.lineage ?? node.key
        status = node.status
    }
}

/// Plans' own rule: every key activity whose recorded status is neither done nor cancelled.
public struct RecordedStatusCarryOver: CarryOverRule {
    public init() {}

    public func unfinished(_ leaves: [PlanLeaf], of version: VersionReference, on db: any Database) async throws -> Set<UUID> {
        Set(leaves.filter { !["done", "cancelled"].contains($0.status ?? "") }.map(\.id))
    }
}

extension Application {
    private struct CarryOverRuleKey: StorageKey { typealias Value = any CarryOverRule }

    /// The rule copying a plan to next year uses; Plans' own unless a module above sets another.
    public var carryOverRule: any CarryOverRule {
        get { storage[CarryOverRuleKey.self] ?? RecordedStatusCarryOver() }
        set { storage[CarryOverRuleKey.self] = newValue }
    }
}
