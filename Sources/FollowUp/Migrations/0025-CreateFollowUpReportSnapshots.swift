import Fluent
import Organisation

/// The figures of adopted annual reports, as they were at adoption.
public struct CreateFollowUpReportSnapshots: AsyncMigration {
    public init() {}
    public var name: String { "0025-followup-create-report-snapshots" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(ReportSnapshot.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("document_slug", .string, .required)
            .field("version_number", .int, .required)
            .field("data", .string, .required)
            .field("taken_at", .datetime, .required)
            .unique(on: "organisation_id", "document_slug", "version_number")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(ReportSnapshot.schema).delete()
    }
}
