import Fluent
import Organisation

/// The registry of agreements: records, revisions, documents, review reminders, the secret
/// calendar link and the key activities that concern the whole registry.
public struct CreateAgreements: AsyncMigration {
    public init() {}
    public var name: String { "0026-agreements-create" }

    // Constraint names are given: PostgreSQL cuts names at 63 bytes, and Fluent's long ones collide.
    public func prepare(on database: any Database) async throws {
        try await database.schema(Agreement.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("title", .string, .required)
            .field("title_folded", .string, .required)
            .field("kind", .string, .required)
            .field("status", .string, .required)
            .field("starts_on", .string)
            .field("ends_on", .string)
            .field("review_on", .string)
            .field("is_public", .bool, .required)
            .field("spec", .string, .required)
            .field("listed_in", .string)
            .field("heading", .string)
            .field("position", .int)
            .field("revision", .int, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "organisation_id", "key", name: "agreements_key")
            .unique(on: "organisation_id", "title_folded", name: "agreements_title")
            .create()
        try await database.schema(AgreementRevision.schema)
            .id()
            .field("agreement_id", .uuid, .required, .references(Agreement.schema, "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("spec", .string, .required)
            .field("changed_at", .datetime, .required)
            .field("changed_by", .string, .required)
            .unique(on: "agreement_id", "number", name: "agreements_revisions_number")
            .create()
        try await database.schema(AgreementDocument.schema)
            .id()
            .field("agreement_id", .uuid, .required, .references(Agreement.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("content_type", .string, .required)
            .field("size", .int, .required)
            .field("sha256", .string, .required)
            .field("is_public", .bool, .required)
            .field("stored", .bool, .required)
            .field("data", .data)
            .field("uploaded_at", .datetime, .required)
            .field("uploaded_by", .string, .required)
            .create()
        try await database.schema(ReviewReminder.schema)
            .id()
            .field("agreement_id", .uuid, .required, .references(Agreement.schema, "id", onDelete: .cascade))
            .field("review_on", .string, .required)
            .field("stage", .string, .required)
            .field("recipient", .string, .required)
            .field("sent_at", .datetime, .required)
            .unique(on: "agreement_id", "review_on", "stage", name: "agreements_reminders_stage")
            .create()
        try await database.schema(CalendarFeed.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("created_at", .datetime, .required)
            .field("created_by", .string, .required)
            .unique(on: "organisation_id", name: "agreements_calendar_feeds_organisation")
            .unique(on: "token_hash", name: "agreements_calendar_feeds_token")
            .create()
        try await database.schema(RegistryActivity.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("document_slug", .string, .required)
            .field("lineage", .string, .required)
            .unique(on: "organisation_id", "document_slug", "lineage", name: "agreements_registry_activities_node")
            .create()
    }

    public func revert(on database: any Database) async throws {
        for schema in [RegistryActivity.schema, CalendarFeed.schema, ReviewReminder.schema, AgreementDocument.schema, AgreementRevision.schema, Agreement.schema] {
            try await database.schema(schema).delete()
        }
    }
}
