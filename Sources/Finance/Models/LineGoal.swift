import Fluent
import Foundation

/// A cost line of a year's budget linked to the goal area it serves, so the goal area's page can say
/// what the member fees carry there. Kept beside the budget, not in it: an adopted budget is frozen,
/// the link is a reading of it. A line without a link is never split across goal areas.
final class LineGoal: Model, @unchecked Sendable {
    public static let schema = "finance_line_goals"

    @ID public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "year") public var year: Int
    @Field(key: "cost_centre") public var costCentre: String
    /// The goal area: a top-level node of a published plan, by document and lineage.
    @Field(key: "document") public var document: String
    @Field(key: "lineage") public var lineage: String
    /// The demo's reading of its budget, marked where it shows.
    @Field(key: "example") public var example: Bool

    public init() {}
}
