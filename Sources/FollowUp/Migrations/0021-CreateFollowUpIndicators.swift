import Fluent
import Organisation

/// Kolada's key figures as imported: the values of every municipality in a file (not only members,
/// so a goal can be compared with the county or the country), and the KPIs' metadata; and the
/// indicators of goals, with their targets and typed-in values.
public struct CreateFollowUpIndicators: AsyncMigration {
    public init() {}
    public var name: String { "0021-followup-create-indicators" }

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
        try await database.schema(Indicator.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("document_slug", .string, .required)
            .field("lineage", .string, .required)
            .field("key", .string, .required)
            .field("position", .int, .required)
            .field("title", .string, .required)
            .field("unit", .string, .required)
            .field("direction", .string, .required)
            .field("baseline_value", .double)
            .field("baseline_year", .int)
            .field("kpi", .string)
            .field("example", .bool, .required)
            .unique(on: "organisation_id", "key")
            .create()
        try await database.schema(IndicatorTarget.schema)
            .id()
            .field("indicator_id", .uuid, .required, .references(Indicator.schema, "id", onDelete: .cascade))
            .field("year", .int, .required)
            .field("value", .double, .required)
            .unique(on: "indicator_id", "year")
            .create()
        try await database.schema(IndicatorValue.schema)
            .id()
            .field("indicator_id", .uuid, .required, .references(Indicator.schema, "id", onDelete: .cascade))
            .field("area", .string, .required)
            .field("period", .string, .required)
            .field("value", .double, .required)
            .unique(on: "indicator_id", "area", "period")
            .create()
    }

    public func revert(on database: any Database) async throws {
        for schema in [IndicatorValue.schema, IndicatorTarget.schema, Indicator.schema] { try await database.schema(schema).delete() }
        try await database.schema(KoladaTables.kpis).delete()
        try await database.schema(KoladaTables.values).delete()
    }
}

/// The Kolada tables, read and written with SQLKit only: imports move tens of thousands of rows.
public enum KoladaTables {
    public static let values = "followup_kolada_values"
    public static let kpis = "followup_kolada_kpis"
}
