import Fluent

/// Adds where an indicator's numbers come from in words ("SCB, folkmängd 31 december") and how
/// the members' values add up to the organisation's (a sum for counts, else the mean).
public struct UpdateFollowUpIndicatorsAddSource: AsyncMigration {
    public init() {}
    public var name: String { "0022-followup-indicators-add-source" }

    public func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds columns one at a time.
        try await database.schema(Indicator.schema).field("source", .string).update()
        try await database.schema(Indicator.schema).field("aggregate", .string).update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(Indicator.schema).deleteField("source").update()
        try await database.schema(Indicator.schema).deleteField("aggregate").update()
    }
}
