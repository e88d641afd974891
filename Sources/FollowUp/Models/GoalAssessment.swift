import Fluent
import Foundation

/// An editor's assessment of one goal or goal area (by lineage) in one period.
final class GoalAssessment: Model, @unchecked Sendable {
    public static let schema = "followup_assessments"

    @ID public var id: UUID?
    @Parent(key: "period_id") public var period: ReportingPeriod
    @Field(key: "lineage") public var lineage: String
    @Field(key: "verdict") public var verdict: Verdict
    @Field(key: "motivation") public var motivation: String
    @Field(key: "assessed_by") public var assessedBy: String
    @Field(key: "assessed_at") public var assessedAt: Date
    @Field(key: "revision") public var revision: Int

    public init() {}
}
