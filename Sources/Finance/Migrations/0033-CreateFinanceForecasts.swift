import Fluent
import Organisation

/// Forecasts for the year per budget line, made at a period's end with a comment; outcomes learn
/// whether they are example data (the demo's invented books).
public struct CreateFinanceForecasts: AsyncMigration {
    public init() {}
    public var name: String { "0033-finance-create-forecasts" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(Forecast.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("year", .int, .required)
            .field("through_month", .int, .required)
            .field("side", .string, .required)
            .field("cost_centre", .string, .required)
            .field("amount", .int64, .required)
            .field("comment", .string)
            .field("changed_at", .datetime, .required)
            .field("changed_by", .string, .required)
            .unique(on: "organisation_id", "year", "through_month", "side", "cost_centre", name: "finance_forecasts_cell")
            .create()
        try await database.schema(Outcome.schema).field("example", .bool, .required, .sql(.default(false))).update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(Outcome.schema).deleteField("example").update()
        try await database.schema(Forecast.schema).delete()
    }
}
