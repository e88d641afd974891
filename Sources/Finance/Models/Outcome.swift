import Fluent
import Foundation

/// The outcome of one budget line (side and cost centre) in one month, in öre, as the accounting
/// system reported it (an SIE file) or an editor typed it. Months add up to any period's outcome.
public final class Outcome: Model, @unchecked Sendable {
    public static let schema = "finance_outcomes"

    @ID public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "year") public var year: Int
    @Field(key: "month") public var month: Int
    @Field(key: "side") public var side: BudgetSide
    @Field(key: "cost_centre") public var costCentre: String
    /// Öre, signed as the budget: costs negative, revenues positive.
    @Field(key: "ore") public var ore: Int
    /// Where it came from: "sie:<file name>", "csv" or "form".
    @Field(key: "source") public var source: String
    @Field(key: "imported_at") public var importedAt: Date

    public init() {}
}
