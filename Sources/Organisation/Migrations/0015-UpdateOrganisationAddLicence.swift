import Fluent

/// Adds the licence an organisation publishes its data under; absent means the default, CC0 1.0.
public struct UpdateOrganisationAddLicence: AsyncMigration {
    public init() {}
    public var name: String { "0015-organisation-add-licence" }

    public func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds columns one at a time.
        try await database.schema(OrganisationRecord.schema).field("licence_name", .string).update()
        try await database.schema(OrganisationRecord.schema).field("licence_url", .string).update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(OrganisationRecord.schema).deleteField("licence_name").update()
        try await database.schema(OrganisationRecord.schema).deleteField("licence_url").update()
    }
}
