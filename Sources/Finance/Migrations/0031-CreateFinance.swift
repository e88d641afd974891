import Fluent
import Organisation

/// Budgets, one per organisation and year, and their revisions.
public struct CreateFinance: AsyncMigration {
    public init() {}
    public var name: String { "0031-finance-create" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(Budget.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("year", .int, .required)
            .field("status", .string, .required)
            .field("spec", .string, .required)
            .field("revision", .int, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "organisation_id", "year", name: "finance_budgets_year")
            .create()
        try await database.schema(BudgetRevision.schema)
            .id()
            .field("budget_id", .uuid, .required, .references(Budget.schema, "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("status", .string, .required)
            .field("spec", .string, .required)
            .field("changed_at", .datetime, .required)
            .field("changed_by", .string, .required)
            .unique(on: "budget_id", "number", name: "finance_budget_revisions_number")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(BudgetRevision.schema).delete()
        try await database.schema(Budget.schema).delete()
    }
}
