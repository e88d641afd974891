import Fluent
import Organisation

/// Applications to join an agreement, and accessions.
public struct CreateAgreementsAccessions: AsyncMigration {
    public init() {}
    public var name: String { "0030-agreements-create-accessions" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(AccessionApplication.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("agreement_id", .uuid, .required, .references(Agreement.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("org_number", .string, .required)
            .field("contact_name", .string, .required)
            .field("contact_email", .string, .required)
            .field("area", .string, .required)
            .field("scope", .string, .required)
            .field("status", .string, .required)
            .field("submitted_at", .datetime, .required)
            .field("decided_at", .datetime)
            .field("decided_by", .string)
            .field("reason", .string)
            .field("joined_on", .string)
            .field("left_on", .string)
            .field("token_hash", .string, .required)
            .field("reminded_at", .datetime)
            .unique(on: "token_hash", name: "agreements_accessions_token")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(AccessionApplication.schema).delete()
    }
}
