import Fluent

/// Meeting records: when a body met, who took part for which party, notes and documents.
public struct CreateOrganisationMeetings: AsyncMigration {
    public init() {}
    public var name: String { "0027-organisation-create-meetings" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(Meeting.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("title", .string, .required)
            .field("held_on", .string, .required)
            .field("group_key", .string)
            .field("notes", .string, .required)
            .field("participants", .string, .required)
            .field("documents", .string, .required)
            .unique(on: "organisation_id", "key", name: "organisation_meetings_key")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(Meeting.schema).delete()
    }
}
