import Fluent
import Foundation
import Organisation
import Plans
import SQLKit

/// The goal tree of one published version as follow-up needs it: titles, levels and lineages,
/// read in one query of the columns it uses into plain values (no prose, no references).
public struct FollowedTree: Sendable, Equatable {
    public struct Item: Sendable, Equatable {
        public let key: String
        public let lineage: String
        public let title: String
        public let depth: Int
        public let level: String
        public var children: [Item]
    }

    public let organisationSlug: String
    public let organisationName: String
    public let documentSlug: String
    public let title: String
    public let versionNumber: Int
    public let status: DocumentStatus
    public let periodStart: Int?
    public let levels: [String]
    public let roots: [Item]

    /// Every item in reading order.
    public var allItems: [Item] {
        var result: [Item] = []
        func walk(_ items: [Item]) { for item in items { result.append(item); walk(item.children) } }
        walk(roots)
        return result
    }

    /// Whether an item is a key activity: the deepest level, below the top.
    public func isActivity(_ item: Item) -> Bool { item.depth == levels.count - 1 && item.depth > 0 }

    public var activities: [Item] { allItems.filter(isActivity) }

    /// The goals and goal areas: every level above the activities.
    public var goals: [Item] { allItems.filter { !isActivity($0) } }

    /// The key activities at or under an item.
    public func activities(under item: Item) -> [Item] {
        var result: [Item] = []
        func walk(_ item: Item) { if isActivity(item) { result.append(item) }; item.children.forEach(walk) }
        walk(item)
        return result
    }

    public func item(lineage: String) -> Item? { allItems.first { $0.lineage == lineage } }

    /// An item and the items above it, root first.
    public func path(to lineage: String) -> [Item] {
        func search(_ items: [Item], _ trail: [Item]) -> [Item]? {
            for item in items {
                if item.lineage == lineage { return trail + [item] }
                if let found = search(item.children, trail + [item]) { return found }
            }
            return nil
        }
        return search(roots, []) ?? []
    }
}

enum FollowedTreeQuery {
    /// A public version of a document as one row: what names it, without its tree.
    typealias VersionRow = PublicTreeQuery.Version

    /// The tree of a public version of a document (the newest public one without `version`), or nil.
    static func load(_ organisation: OrganisationRecord, document slug: String, version: Int?, on db: any Database) async throws -> FollowedTree? {
        guard let chosen = try await self.version(organisation, document: slug, number: version, on: db) else { return nil }
        return try await tree(organisation, document: slug, version: chosen, on: db)
    }

    /// The public version of a document with that number (the newest without one), from Plans.
    static func version(_ organisation: OrganisationRecord, document slug: String, number: Int?, on db: any Database) async throws -> VersionRow? {
        try await PublicTreeQuery.version(organisationID: organisation.requireID(), document: slug, number: number, on: db)
    }

    /// The version's tree: its nodes' titles, levels and lineages.
    static func tree(_ organisation: OrganisationRecord, document slug: String, version chosen: VersionRow, on db: any Database) async throws -> FollowedTree {
        let nodes = try await PublicTreeQuery.nodes(of: chosen, on: db)
        let levels = chosen.levels
        let byParent = Dictionary(grouping: nodes, by: \.parentID)
        func build(_ parent: UUID?) -> [FollowedTree.Item] {
            (byParent[parent] ?? []).map { node in
                FollowedTree.Item(key: node.key, lineage: node.lineage, title: node.title, depth: node.depth,
                                  level: levels.indices.contains(node.depth) ? levels[node.depth] : "", children: build(node.id))
            }
        }
        return FollowedTree(organisationSlug: organisation.slug, organisationName: organisation.name, documentSlug: slug, title: chosen.title,
                            versionNumber: chosen.number, status: chosen.status, periodStart: chosen.periodStart, levels: levels, roots: build(nil))
    }
}
