import Core
import Fluent
import Foundation
import Organisation

/// The goals and key activities of an organisation's public documents at their newest public
/// version, for the modules that refer to them (agreements, funding): what a form offers and a page names.
public struct PublicNode: Sendable, Equatable {
    public let document: String
    public let lineage: String
    /// The node's key in that version (its page's address).
    public let key: String
    public let documentTitle: String
    public let level: String
    public let title: String
    /// On the document's deepest level (a key activity, a commitment).
    public let isActivity: Bool
    /// The key of the node it sits under, nil at the top.
    public let parentKey: String?
}

public enum PublicNodes {
    public static func list(of organisation: OrganisationRecord, on db: any Database) async throws -> [PublicNode] {
        var nodes: [PublicNode] = []
        for summary in try await DocumentQuery.summaries(organisationID: organisation.requireID(), on: db) {
            guard let (document, version, _) = try await DocumentQuery.publicVersion(organisation: organisation, documentSlug: summary.slug,
                                                                                      number: summary.version, on: db) else { continue }
            let levels = JSONColumn.decode([String].self, from: version.levelsJSON, default: [])
            guard levels.count > 1 else { continue }
            let rows = try await PlanNode.query(on: db).filter(\.$version.$id == version.requireID()).sort(\.$position).all()
            let keys = Dictionary(uniqueKeysWithValues: rows.compactMap { row in row.id.map { ($0, row.key) } })
            for node in rows {
                nodes.append(PublicNode(document: document.slug, lineage: node.lineage ?? node.key, key: node.key, documentTitle: version.title,
                                        level: levels.indices.contains(node.levelIndex) ? levels[node.levelIndex] : "", title: node.title,
                                        isActivity: node.levelIndex == levels.count - 1, parentKey: node.$parent.id.flatMap { keys[$0] }))
            }
        }
        return nodes
    }
}
