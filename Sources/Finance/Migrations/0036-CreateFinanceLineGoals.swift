import Fluent
import Organisation

/// Budget cost lines linked to the goal areas they serve.
public struct CreateFinanceLineGoals: AsyncMigration {
    public init() {}
    public var name: String { "0036-finance-create-line-goals" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(LineGoal.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("year", .int, .required)
            .field("cost_centre", .string, .required)
            .field("document", .string, .required)
            .field("lineage", .string, .required)
            .field("example", .bool, .required)
            .unique(on: "organisation_id", "year", "cost_centre", name: "finance_line_goals_line")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(LineGoal.schema).delete()
    }
}
