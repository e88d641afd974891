import Core
import Fluent
import FollowUp
import Foundation

/// A year's outcomes beside its budget, at the end of each reporting period of the follow-up (the
/// tertials where the organisation has none) that the books have reached, and at their latest month:
/// each line's outcome to date, the budget to date (the year's budget spread evenly over its months),
/// the deviation in kronor and percent, and the forecast for the year made at that point with its
/// comment. Kronor are whole, rounded halves away from zero (docs/finance.md).
public struct OutcomeContent: Codable, Sendable, Equatable {
    public struct Column: Codable, Sendable, Equatable {
        /// The last month counted and its label ("januari–april").
        public let throughMonth: Int
        public let label: String
        /// The follow-up's reporting periods that end with this month: "Tertial 1 2023".
        public let periods: [String]
    }

    public struct Cell: Codable, Sendable, Equatable {
        public let throughMonth: Int
        public let outcome: Int
        public let budgetToDate: Int
        /// Outcome minus budget to date; for a cost a negative deviation is more spent than planned.
        public let deviation: Int
        /// The deviation as a percentage of the budget to date, one decimal with a point; absent where that budget is zero.
        public let deviationPercent: String?
        /// The year's outcome as forecast at this point, and why.
        public let forecast: Int?
        public let forecastComment: String?
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
    /// The latest month the books have reached (0: none yet).
    public let latestMonth: Int
    public let columns: [Column]
    public let rows: [Row]
    /// The result: every line added up (costs negative); its forecast only where every line has one.
    public let result: [Cell]
    /// Where the outcomes came from, e.g. "sie:utfall-2023.se", "csv", "form".
    public let sources: [String]
    /// The outcomes are invented (the demo's books).
    public let example: Bool
    /// Stored values beyond the bounds (`Bounds`, from an older database), left out of every sum: "outcome 2023-03 cost 12".
    public let refused: [String]

    static let months = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober", "november", "december"]

    static func cell(outcomeOre: Int, budget: Int, through month: Int, forecast: Forecast?) -> Cell {
        let outcome = FeeCalculation.rounded(Decimal(outcomeOre) / 100)
        let toDate = FeeCalculation.rounded(Decimal(budget) * Decimal(month) / 12)
        return cell(outcome: outcome, budgetToDate: toDate, through: month, forecast: forecast?.amount, comment: forecast?.comment)
    }

    static func cell(outcome: Int, budgetToDate toDate: Int, through month: Int, forecast: Int?, comment: String?) -> Cell {
        let deviation = outcome - toDate
        var percent: String?
        if toDate != 0 {
            var value = Decimal(deviation) * 100 / Decimal(abs(toDate)), rounded = Decimal()
            NSDecimalRound(&rounded, &value, 1, .plain)
            percent = NSDecimalNumber(decimal: rounded).description(withLocale: Locale(identifier: "en_US_POSIX"))
        }
        return Cell(throughMonth: month, outcome: outcome, budgetToDate: toDate, deviation: deviation, deviationPercent: percent,
                    forecast: forecast, forecastComment: comment)
    }

    /// The months the follow-up's periods of `year` end with, and their names.
    static func periodEnds(_ organisationID: UUID, year: Int, on db: any Database) async throws -> [Int: [String]] {
        let periods = try await PeriodQuery.ends(organisationID: organisationID, year: year, on: db)
        var ends: [Int: [String]] = [:]
        for period in periods {
            guard let month = Int(period.endsOn.dropFirst(5).prefix(2)), (1...12).contains(month) else { continue }
            if !(ends[month] ?? []).contains(period.name) { ends[month, default: []].append(period.name) }
        }
        return ends
    }

    /// Every column the books have reached; `through` asks for one month only (a period's view), shown even before the books reach it.
    static func load(_ budget: Budget, through: Int? = nil, on db: any Database) async throws -> OutcomeContent {
        let storedOutcomes = try await Outcome.query(on: db).filter(\.$organisationID == budget.organisationID).filter(\.$year == budget.year).all()
        let storedForecasts = try await Forecast.query(on: db).filter(\.$organisationID == budget.organisationID).filter(\.$year == budget.year).all()
        // A value beyond the bounds is shown as refused, never added up (docs/security.md, "Bounds").
        let outcomes = storedOutcomes.filter { Bounds.isOre($0.ore) }, forecasts = storedForecasts.filter { Bounds.isKronor($0.amount) }
        let refused = storedOutcomes.filter { !Bounds.isOre($0.ore) }.map { "utfall \(budget.year)-\($0.month) \($0.side.rawValue) \($0.costCentre)" }
            + storedForecasts.filter { !Bounds.isKronor($0.amount) }.map { "prognos \(budget.year)-\($0.throughMonth) \($0.side.rawValue) \($0.costCentre)" }
            + budget.spec.lines.filter { !Bounds.isKronor($0.amount) }.map { "budget \($0.side.rawValue) \($0.costCentre)" }
        let latest = outcomes.map(\.month).max() ?? 0
        let named = try await periodEnds(budget.organisationID, year: budget.year, on: db)
        let ends: [Int]
        if let through {
            ends = [through]
        } else {
            let marks = named.isEmpty ? [4, 8, 12] : named.keys.sorted()
            ends = latest == 0 ? [] : marks.filter { $0 < latest } + [latest]
        }
        let columns = ends.map { Column(throughMonth: $0, label: "januari–\(months[$0 - 1])", periods: named[$0] ?? []) }
        let rows = budget.spec.lines.map { line in
            let mine = outcomes.filter { $0.side == line.side && $0.costCentre == line.costCentre }
            let amount = Bounds.isKronor(line.amount) ? line.amount : 0
            return Row(side: line.side, costCentre: line.costCentre, name: line.name, budget: amount, cells: ends.map { end in
                cell(outcomeOre: mine.filter { $0.month <= end }.reduce(0) { $0 + $1.ore }, budget: amount, through: end,
                     forecast: forecasts.first { $0.throughMonth == end && $0.side == line.side && $0.costCentre == line.costCentre })
            })
        }
        let result = ends.indices.map { index in
            let cells = rows.map { $0.cells[index] }
            let forecasts = cells.compactMap(\.forecast)
            return cell(outcome: cells.reduce(0) { $0 + $1.outcome }, budgetToDate: cells.reduce(0) { $0 + $1.budgetToDate }, through: ends[index],
                        forecast: forecasts.count == cells.count && !cells.isEmpty ? forecasts.reduce(0, +) : nil, comment: nil)
        }
        return OutcomeContent(year: budget.year, title: budget.spec.title, latestMonth: latest, columns: columns, rows: rows, result: result,
                              sources: Set(outcomes.map(\.source)).sorted(), example: outcomes.contains(where: \.example), refused: refused.sorted())
    }
}
