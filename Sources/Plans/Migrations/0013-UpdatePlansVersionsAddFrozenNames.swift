import Fluent

/// Adds the names an adopted version showed for the registry entries and networks it points at,
/// so renaming a partner or a network later does not rewrite an adopted plan.
public struct UpdatePlansVersionsAddFrozenNames: AsyncMigration {
    public init() {}
    public var name: String { "0013-plans-versions-add-frozen-names" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(DocumentVersion.schema).field("frozen_names", .string).update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(DocumentVersion.schema).deleteField("frozen_names").update()
    }
}
