import Core
import Fluent
import Foundation

/// A year's outcomes beside its budget: for each tertial the books have passed and for the latest month, each line's outcome
/// to date, the budget to date (the year's budget spread evenly over its months), and the deviation
/// in kronor and percent. Kronor are whole, rounded halves away from zero (docs/finance.md).
public struct OutcomeContent: Codable, Sendable, Equatable {
    public struct Column: Codable, Sendable, Equatable {
        /// The last month counted (4, 8 or 12) and its label ("januari–april").
        public let throughMonth: Int
        public let label: String
    }

    public struct Cell: Codable, Sendable, Equatable {
        public let throughMonth: Int
        public let outcome: Int
        public let budgetToDate: Int
        /// Outcome minus budget to date; for a cost a negative deviation is more spent than planned.
        public let deviation: Int
        /// The deviation as a percentage of the budget to date, one decimal with a point; absent where that budget is zero.
        public let deviationPercent: String?
    }

    public struct Row: Codable, Sendable, Equatable {
        public let side: BudgetSide
        public let costCentre: String
        public let name: String
        public let budget: Int
        public let cells: [Cell]
    }

    public let year: Int
    public let title: String
    public let columns: [Column]
    public let rows: [Row]
    /// Where the outcomes came from, e.g. "sie:utfall-2023.se".
    public let sources: [String]

    static let months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]

    static func cell(outcomeOre: Int, budget: Int, through month: Int) -> Cell {
        let outcome = FeeCalculation.rounded(Decimal(outcomeOre) / 100)
        let toDate = FeeCalculation.rounded(Decimal(budget) * Decimal(month) / 12)
        let deviation = outcome - toDate
        var percent: String?
        if toDate != 0 {
            var value = Decimal(deviation) * 100 / Decimal(abs(toDate)), rounded = Decimal()
            NSDecimalRound(&rounded, &value, 1, .plain)
            percent = NSDecimalNumber(decimal: rounded).description(withLocale: Locale(identifier: "en_US_POSIX"))
        }
        return Cell(throughMonth: month, outcome: outcome, budgetToDate: toDate, deviation: deviation, deviationPercent: percent)
    }

    public static func load(_ budget: Budget, on db: any Database) async throws -> OutcomeContent {
        let outcomes = try await Outcome.query(on: db).filter(\.$organisationID == budget.organisationID).filter(\.$year == budget.year).all()
        let last = outcomes.map(\.month).max() ?? 0
        let ends = last == 0 ? [] : [4, 8, 12].filter { $0 < last } + [last]
        let columns = ends.map { Column(throughMonth: $0, label: "januari–\(months[$0 - 1])") }
        let rows = budget.spec.lines.map { line in
            let mine = outcomes.filter { $0.side == line.side && $0.costCentre == line.costCentre }
            return Row(side: line.side, costCentre: line.costCentre, name: line.name, budget: line.amount, cells: ends.map { end in
                cell(outcomeOre: mine.filter { $0.month <= end }.reduce(0) { $0 + $1.ore }, budget: line.amount, through: end)
            })
        }
        return OutcomeContent(year: budget.year, title: budget.spec.title, columns: columns, rows: rows, sources: Set(outcomes.map(\.source)).sorted())
    }
}
