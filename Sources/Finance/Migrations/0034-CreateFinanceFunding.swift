import Fluent
import Organisation

/// External funding (grants, EU funds) with what it pays for and its reporting deadlines, and the
/// reminders sent about those deadlines (one per deadline and recipient).
public struct CreateFinanceFunding: AsyncMigration {
    public init() {}
    public var name: String { "0034-finance-create-funding" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(Funding.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("spec", .string, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "organisation_id", "key", name: "finance_fundings_key")
            .create()
        try await database.schema(FundingReminder.schema)
            .id()
            .field("funding_id", .uuid, .required, .references(Funding.schema, "id", onDelete: .cascade))
            .field("deadline", .string, .required)
            .field("recipient", .string, .required)
            .field("sent_at", .datetime, .required)
            .unique(on: "funding_id", "deadline", "recipient", name: "finance_funding_reminders_once")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(FundingReminder.schema).delete()
        try await database.schema(Funding.schema).delete()
    }
}
