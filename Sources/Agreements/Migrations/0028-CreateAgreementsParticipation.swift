import Fluent
import Organisation

/// The level of participation marked on key activities and actions.
public struct CreateAgreementsParticipation: AsyncMigration {
    public init() {}
    public var name: String { "0028-agreements-create-participation" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(ParticipationMark.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("document_slug", .string, .required)
            .field("lineage", .string, .required)
            .field("level", .string, .required)
            .unique(on: "organisation_id", "document_slug", "lineage", name: "agreements_participation_node")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(ParticipationMark.schema).delete()
    }
}
