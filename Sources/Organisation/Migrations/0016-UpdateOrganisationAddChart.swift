import Fluent

/// Adds the organisation chart as its documents draw it: boxes in rows, each with the
/// document's words, linked to a body where there is one (JSON, like the other lists).
public struct UpdateOrganisationAddChart: AsyncMigration {
    public init() {}
    public var name: String { "0016-organisation-add-chart" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(OrganisationRecord.schema).field("chart", .string).update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(OrganisationRecord.schema).deleteField("chart").update()
    }
}
