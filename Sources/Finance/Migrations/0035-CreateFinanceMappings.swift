import Fluent
import Organisation

/// Each organisation's mapping from the books' accounts and cost-centre objects to the budget's lines.
public struct CreateFinanceMappings: AsyncMigration {
    public init() {}
    public var name: String { "0035-finance-create-mappings" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(OutcomeMappingRecord.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("rules", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "organisation_id", name: "finance_mappings_organisation")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(OutcomeMappingRecord.schema).delete()
    }
}
