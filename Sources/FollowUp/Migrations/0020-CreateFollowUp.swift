import Fluent
import Organisation

/// Periods, reports, assessments, templates, reporters and the reminders sent.
public struct CreateFollowUp: AsyncMigration {
    public init() {}
    public var name: String { "0020-followup-create" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(ReportingPeriod.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("document_slug", .string, .required)
            .field("version_number", .int, .required)
            .field("key", .string, .required)
            .field("name", .string, .required)
            .field("ends_on", .string, .required)
            .field("deadline", .string, .required)
            .field("remind_days_before", .int)
            .field("state", .string, .required)
            .field("opened_at", .datetime, .required)
            .field("opened_by", .string, .required)
            .field("closed_at", .datetime)
            .field("closed_by", .string)
            .field("example", .bool, .required)
            .unique(on: "organisation_id", "document_slug", "key")
            .create()
        try await database.schema(ActivityReport.schema)
            .id()
            .field("period_id", .uuid, .required, .references(ReportingPeriod.schema, "id", onDelete: .cascade))
            .field("lineage", .string, .required)
            .field("status", .string, .required)
            .field("progress", .int)
            .field("comment", .string, .required)
            .field("reported_by", .string, .required)
            .field("reported_at", .datetime, .required)
            .field("revision", .int, .required)
            .unique(on: "period_id", "lineage")
            .create()
        try await database.schema(GoalAssessment.schema)
            .id()
            .field("period_id", .uuid, .required, .references(ReportingPeriod.schema, "id", onDelete: .cascade))
            .field("lineage", .string, .required)
            .field("verdict", .string, .required)
            .field("motivation", .string, .required)
            .field("assessed_by", .string, .required)
            .field("assessed_at", .datetime, .required)
            .field("revision", .int, .required)
            .unique(on: "period_id", "lineage")
            .create()
        try await database.schema(PeriodTemplate.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("name", .string, .required)
            .field("ends_month", .int, .required)
            .field("ends_day", .int, .required)
            .field("deadline_days", .int, .required)
            .field("remind_days_before", .int)
            .create()
        try await database.schema(ActivityReporter.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("document_slug", .string, .required)
            .field("lineage", .string, .required)
            .field("email", .string, .required)
            .unique(on: "organisation_id", "document_slug", "lineage")
            .create()
        try await database.schema(SentReminder.schema)
            .id()
            .field("period_id", .uuid, .required, .references(ReportingPeriod.schema, "id", onDelete: .cascade))
            .field("recipient", .string, .required)
            .field("kind", .string, .required)
            .field("sent_at", .datetime, .required)
            .unique(on: "period_id", "recipient", "kind")
            .create()
    }

    public func revert(on database: any Database) async throws {
        for schema in [SentReminder.schema, ActivityReporter.schema, PeriodTemplate.schema, GoalAssessment.schema, ActivityReport.schema, ReportingPeriod.schema] {
            try await database.schema(schema).delete()
        }
    }
}
