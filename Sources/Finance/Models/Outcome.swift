import Fluent
import Foundation

/// The outcome of one budget line (side and cost centre) in one month, in öre, as the accounting
/// system reported it (an SIE file) or an editor typed it. Months add up to any period's outcome.
final class Outcome: Model, @unchecked Sendable {
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
    /// Invented books (the demo's), marked wherever they are shown.
    @Field(key: "example") public var example: Bool

    public init() {}
}

/// What an editor expects a budget line's year to end at, said at a period's end (the month it
/// runs through) with the reason: whole kronor, signed as the budget.
final class Forecast: Model, @unchecked Sendable {
    public static let schema = "finance_forecasts"

    @ID public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "year") public var year: Int
    @Field(key: "through_month") public var throughMonth: Int
    @Field(key: "side") public var side: BudgetSide
    @Field(key: "cost_centre") public var costCentre: String
    @Field(key: "amount") public var amount: Int
    @OptionalField(key: "comment") public var comment: String?
    @Field(key: "changed_at") public var changedAt: Date
    @Field(key: "changed_by") public var changedBy: String

    public init() {}
}
