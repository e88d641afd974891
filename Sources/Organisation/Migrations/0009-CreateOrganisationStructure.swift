import Fluent

public struct CreateOrganisationStructure: AsyncMigration {
    public init() {}
    public var name: String { "0009-organisation-create-structure" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(Unit.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("name", .string, .required)
            .field("position", .int, .required)
            .field("areas_heading", .string)
            .field("areas", .string, .required)
            .field("steering_groups", .string, .required)
            .unique(on: "organisation_id", "key")
            .create()
        try await database.schema(Group.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("reports_to_id", .uuid, .references(Group.schema, "id", onDelete: .setNull))
            .field("run_by_unit_id", .uuid, .references(Unit.schema, "id", onDelete: .setNull))
            .field("convener_id", .uuid, .references(OrganisationRecord.schema, "id", onDelete: .setNull))
            .field("key", .string, .required)
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("is_body", .bool, .required)
            .field("mandate", .string, .required)
            .field("meeting_rhythm", .string)
            .field("position", .int, .required)
            .field("partners", .string, .required)
            .unique(on: "organisation_id", "key")
            .create()
        try await database.schema(Listing.schema)
            .id()
            .field("unit_id", .uuid, .required, .references(Unit.schema, "id", onDelete: .cascade))
            .field("group_id", .uuid, .required, .references(Group.schema, "id", onDelete: .cascade))
            .field("heading", .string, .required)
            .field("heading_position", .int, .required)
            .field("position", .int, .required)
            .create()
        try await database.schema(Person.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("name", .string, .required)
            .field("title", .string)
            .unique(on: "organisation_id", "key")
            .create()
        try await database.schema(Seat.schema)
            .id()
            .field("group_id", .uuid, .required, .references(Group.schema, "id", onDelete: .cascade))
            .field("person_id", .uuid, .references(Person.schema, "id", onDelete: .setNull))
            .field("representing_id", .uuid, .references(OrganisationRecord.schema, "id", onDelete: .setNull))
            .field("role", .string, .required)
            .field("starts_on", .string)
            .field("ends_on", .string)
            .field("position", .int, .required)
            .create()
    }

    public func revert(on database: any Database) async throws {
        for schema in [Seat.schema, Person.schema, Listing.schema, Group.schema, Unit.schema] {
            try await database.schema(schema).delete()
        }
    }
}
