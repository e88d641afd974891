import Fluent

/// Kolada's key figures as imported: the values of every municipality in a file (not only members,
/// so a goal can be compared with the county or the country), and the KPIs' metadata.
public struct CreateFollowUpKolada: AsyncMigration {
    public init() {}
    public var name: String { "0021-followup-create-kolada" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(KoladaTables.values)
            .field("kpi", .string, .required)
            .field("municipality", .string, .required)
            .field("period", .string, .required)
            .field("gender", .string, .required)
            .field("value", .double)
            .field("count", .int, .required)
            .field("status", .string, .required)
            .unique(on: "kpi", "municipality", "period", "gender")
            .create()
        try await database.schema(KoladaTables.kpis)
            .field("id", .string, .identifier(auto: false))
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("municipality_type", .string)
            .field("divided_by_gender", .bool, .required)
            .field("operating_area", .string)
            .field("perspective", .string)
            .field("publication_period", .string)
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(KoladaTables.kpis).delete()
        try await database.schema(KoladaTables.values).delete()
    }
}

/// The Kolada tables, read and written with SQLKit only: imports move tens of thousands of rows.
public enum KoladaTables {
    public static let values = "followup_kolada_values"
    public static let kpis = "followup_kolada_kpis"
}
