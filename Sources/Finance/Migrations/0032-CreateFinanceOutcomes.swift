import Fluent
import Organisation

/// Outcomes per budget line and month.
public struct CreateFinanceOutcomes: AsyncMigration {
    public init() {}
    public var name: String { "0032-finance-create-outcomes" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(Outcome.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("year", .int, .required)
            .field("month", .int, .required)
            .field("side", .string, .required)
            .field("cost_centre", .string, .required)
            .field("ore", .int64, .required)
            .field("source", .string, .required)
            .field("imported_at", .datetime, .required)
            .unique(on: "organisation_id", "year", "month", "side", "cost_centre", name: "finance_outcomes_cell")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(Outcome.schema).delete()
    }
}
