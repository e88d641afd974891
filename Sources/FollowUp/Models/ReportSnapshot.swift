import Fluent
import Foundation

/// An adopted annual report's figures as they were at adoption (JSON `AnnualReportData`), by
/// document and version number: reports, indicators and quotes changing afterwards change nothing.
final class ReportSnapshot: Model, @unchecked Sendable {
    public static let schema = "followup_report_snapshots"

    @ID public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "document_slug") public var documentSlug: String
    @Field(key: "version_number") public var versionNumber: Int
    @Field(key: "data") public var dataJSON: String
    @Field(key: "taken_at") public var takenAt: Date

    public init() {}
}
