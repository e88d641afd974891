import Fluent
import FluentSQL

/// Adds a node's lineage (its identity across versions, for version comparison) and its
/// revision (bumped by every save; a save names the revision it edited, so a concurrent save
/// of the same node is refused instead of silently overwriting).
public struct UpdatePlansNodesAddLineageAndRevision: AsyncMigration {
    public init() {}
    public var name: String { "0011-plans-nodes-add-lineage-and-revision" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(PlanNode.schema)
            .field("lineage", .string)
            .update()
        try await database.schema(PlanNode.schema)
            .field("revision", .int, .required, .sql(.default(1)))
            .update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(PlanNode.schema).deleteField("revision").update()
        try await database.schema(PlanNode.schema).deleteField("lineage").update()
    }
}
