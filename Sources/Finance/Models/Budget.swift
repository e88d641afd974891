import Core
import Fluent
import Foundation

/// One year's budget of an organisation: its lines, the notes the lines and sums point at, its
/// status, and the inputs its member fees are computed from. Sums and the result are computed from
/// the lines, never stored. The whole budget is kept as one spec (like an agreement), so that every
/// saved state is a revision and a form or file carries it whole.
final class Budget: Model, @unchecked Sendable {
    public static let schema = "finance_budgets"

    @ID public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "year") public var year: Int
    @Field(key: "status") public var status: BudgetStatus
    /// The spec as JSON (`BudgetSpec`).
    @Field(key: "spec") public var specJSON: String
    @Field(key: "revision") public var revision: Int
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public var spec: BudgetSpec {
        get { JSONColumn.decode(BudgetSpec.self, from: specJSON, default: BudgetSpec(title: "Budget \(year)")) }
        set { specJSON = JSONColumn.encode(newValue) }
    }
}

/// A saved state of a budget: who, when, and the whole spec.
final class BudgetRevision: Model, @unchecked Sendable {
    public static let schema = "finance_budget_revisions"

    @ID public var id: UUID?
    @Parent(key: "budget_id") public var budget: Budget
    @Field(key: "number") public var number: Int
    @Field(key: "status") public var status: BudgetStatus
    @Field(key: "spec") public var specJSON: String
    @Field(key: "changed_at") public var changedAt: Date
    @Field(key: "changed_by") public var changedBy: String

    public init() {}
}

public enum BudgetStatus: String, Codable, CaseIterable, Sendable {
    /// Förbundsstyrelsens förslag: editable.
    case proposal
    /// Decided by förbundsfullmäktige: frozen; a change is next year's copy or a new proposal.
    case adopted

    public var label: String {
        switch self {
        case .proposal: "Förslag"
        case .adopted: "Beslutad"
        }
    }
}

/// Costs and revenues: a line is identified by its side and cost centre (10 is both a cost and a revenue).
public enum BudgetSide: String, Codable, CaseIterable, Sendable {
    case cost, revenue

    public var label: String {
        switch self {
        case .cost: "Kostnader"
        case .revenue: "Intäkter"
        }
    }
}
