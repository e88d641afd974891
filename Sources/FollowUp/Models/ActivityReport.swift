import Fluent
import Foundation

/// What was reported for one key activity (by its lineage) in one period. Saving again is a new
/// revision of the same row; the audit trail keeps each one.
final class ActivityReport: Model, @unchecked Sendable {
    public static let schema = "followup_reports"

    @ID public var id: UUID?
    @Parent(key: "period_id") public var period: ReportingPeriod
    @Field(key: "lineage") public var lineage: String
    @Field(key: "status") public var status: ActivityStatus
    @OptionalField(key: "progress") public var progress: Int?
    @Field(key: "comment") public var comment: String
    @Field(key: "reported_by") public var reportedBy: String
    @Field(key: "reported_at") public var reportedAt: Date
    @Field(key: "revision") public var revision: Int

    public init() {}
}
