import Core
import Fluent
import Foundation
import SQLKit

/// What other modules read of a plan: a public version of a document and its tree as plain
/// values, read with SQLKit in one query each. Drafts are filtered here, as in `DocumentQuery`,
/// so no other module names Plans' tables or columns (ArchitectureTests).
public enum PublicTreeQuery {
    public struct Version: Sendable, Equatable {
        public let id: UUID
        public let number: Int
        public let title: String
        public let status: DocumentStatus
        public let levels: [String]
        public let periodStart: Int?
    }

    public struct Node: Sendable, Equatable {
        public let id: UUID
        public let parentID: UUID?
        public let key: String
        /// The node's identity across versions (its key where it has none of its own).
        public let lineage: String
        /// Its depth in the tree: 0 for the top level.
        public let depth: Int
        public let position: Int
        public let title: String
    }

    /// The public version of the document with that number, or its newest public version without one.
    public static func version(organisationID: UUID, document slug: String, number: Int?, on db: any Database) async throws -> Version? {
        struct Row: Decodable {
            let id: UUID, number: Int, title: String, status: DocumentStatus, levels: String, period_start: Int?
        }
        let rows = try await (db as! any SQLDatabase).select()
            .column(SQLColumn("id", table: "v")).column(SQLColumn("number", table: "v")).column(SQLColumn("title", table: "v"))
            .column(SQLColumn("status", table: "v")).column(SQLColumn("levels", table: "v")).column(SQLColumn("period_start", table: "v"))
            .from(SQLAlias(SQLIdentifier(DocumentVersion.schema), as: SQLIdentifier("v")))
            .join(SQLAlias(SQLIdentifier(SteeringDocument.schema), as: SQLIdentifier("d")), method: SQLJoinMethod.inner,
                  on: SQLBinaryExpression(left: SQLColumn("id", table: "d"), op: SQLBinaryOperator.equal, right: SQLColumn("document_id", table: "v")))
            .where(SQLColumn("organisation_id", table: "d"), .equal, SQLBind(organisationID))
            .where(SQLColumn("slug", table: "d"), .equal, SQLBind(slug))
            .where(SQLColumn("status", table: "v"), .notEqual, SQLBind(DocumentStatus.draft.rawValue))
            .orderBy(SQLOrderBy(expression: SQLColumn("number", table: "v"), direction: SQLDirection.descending))
            .all(decoding: Row.self)
        guard let row = number.map({ wanted in rows.first { $0.number == wanted } }) ?? rows.first else { return nil }
        return Version(id: row.id, number: row.number, title: row.title, status: row.status,
                       levels: JSONColumn.decode([String].self, from: row.levels, default: []), periodStart: row.period_start)
    }

    /// The version's nodes in their order, parents before children not guaranteed (group by `parentID`).
    public static func nodes(of version: Version, on db: any Database) async throws -> [Node] {
        struct Row: Decodable {
            let id: UUID, parent_id: UUID?, key: String, lineage: String?, level_index: Int, position: Int, title: String
        }
        return try await (db as! any SQLDatabase).select()
            .columns("id", "parent_id", "key", "lineage", "level_index", "position", "title")
            .from(PlanNode.schema)
            .where("version_id", .equal, SQLBind(version.id))
            .orderBy("position")
            .all(decoding: Row.self)
            .map { Node(id: $0.id, parentID: $0.parent_id, key: $0.key, lineage: $0.lineage ?? $0.key, depth: $0.level_index, position: $0.position,
                        title: $0.title) }
    }
}
