import Core
import Fluent
import Foundation
import Organisation
import Vapor

/// The public budget pages, their CSV (for a spreadsheet and as open data) and JSON.
enum BudgetController {
    static func year(_ req: Request) throws -> Int {
        guard let year = Int(try req.requiredParameter("year")), (1900...2200).contains(year) else {
            throw Abort(.notFound, reason: "no such year")
        }
        return year
    }

    static func content(_ req: Request) async throws -> (OrganisationRecord, BudgetContent) {
        let organisation = try await req.organisation()
        let year = try year(req)
        guard let content = try await BudgetQuery.content(year, organisationID: organisation.requireID(), on: req.db) else {
            throw Abort(.notFound, reason: "no budget for \(year)")
        }
        return (organisation, content)
    }

    static func fees(_ req: Request) async throws -> (OrganisationRecord, FeeContent) {
        let organisation = try await req.organisation()
        let year = try year(req)
        guard let budget = try await BudgetQuery.budget(year, organisationID: organisation.requireID(), on: req.db) else {
            throw Abort(.notFound, reason: "no budget for \(year)")
        }
        do {
            guard let fees = try await BudgetQuery.fees(budget, organisation: organisation, on: req.db) else {
                throw Abort(.notFound, reason: "the budget for \(year) computes no member fees")
            }
            return (organisation, fees)
        } catch let failure as FeeCalculation.Failure {
            // A member added after the budget was set has no population in its inputs.
            throw Abort(.conflict, reason: "the fee inputs do not fit the members: \(failure)")
        }
    }

    static func summaries(_ organisationID: UUID, on db: any Database) async throws -> [BudgetSummary] {
        try await BudgetQuery.budgets(organisationID, on: db).map {
            BudgetSummary(year: $0.year, title: $0.spec.title, status: $0.status, result: $0.spec.result)
        }
    }

    @Sendable static func index(req: Request) async throws -> Response {
        try await req.cachedPage {
            let organisation = try await req.organisation()
            return req.render(BudgetIndex.View(organisation: organisation, budgets: try await summaries(organisation.requireID(), on: req.db)))
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try await req.cachedPage {
            let organisation = try await req.organisation()
            let budget = try await EditorController.budget(req, organisation)
            let content = try await BudgetQuery.content(of: budget, on: req.db)
            let financing = try await FinancingContent.load(budget, of: organisation, on: req.db)
            return req.render(BudgetShow.View(organisation: organisation, budget: content, hasFees: budget.spec.fees != nil, financing: financing))
        }
    }

    @Sendable static func feesPage(req: Request) async throws -> Response {
        try await req.cachedPage {
            let (organisation, fees) = try await fees(req)
            return req.render(FeeShow.View(organisation: organisation, fees: fees))
        }
    }

    @Sendable static func outcomesPage(req: Request) async throws -> Response {
        try await req.cachedPage {
            let organisation = try await req.organisation()
            let budget = try await EditorController.budget(req, organisation)
            return req.render(OutcomeShow.View(organisation: organisation, content: try await OutcomeContent.load(budget, on: req.db)))
        }
    }

    @Sendable static func outcomesJSON(req: Request) async throws -> Response {
        try await req.cachedJSON {
            let organisation = try await req.organisation()
            return try await OutcomeContent.load(try await EditorController.budget(req, organisation), on: req.db)
        }
    }

    // MARK: CSV

    static func budgetTable(_ content: BudgetContent, _ dialect: CSVTable.Dialect) throws -> CSVTable {
        func amount(_ value: Int?) -> String { value.map(String.init) ?? "" }
        var rows: [[String]] = []
        for row in content.costs + content.revenues {
            rows.append([row.side.rawValue, row.costCentre, row.name, amount(row.amount), row.notes.joined(separator: " "), amount(row.comparison)])
        }
        let totals: [(String, String, BudgetContent.Total)] = [("costSum", "Summa kostnader", content.costSum),
                                                              ("revenueSum", "Summa intäkter", content.revenueSum), ("result", "Resultat", content.result)]
        for (name, label, total) in totals {
            rows.append([name, "", label, amount(total.amount), total.notes.joined(separator: " "), amount(total.comparison)])
        }
        let comparison = "comparison" + (content.comparisonYear.map(String.init) ?? "")
        return CSVTable(columns: ["side", "costCentre", "name", "amount", "notes", comparison], rows: rows, dialect: dialect)
    }

    static func feeTable(_ fees: FeeContent, _ dialect: CSVTable.Dialect) -> CSVTable {
        let rate = CSVTable(columns: [], rows: [], dialect: dialect).number(Decimal(string: fees.basis.perMille, locale: Locale(identifier: "en_US_POSIX")) ?? 0)
        let rows = fees.table.members.map { member in
            [member.member, member.name, String(member.population), String(member.ceiling), member.financing.map(String.init) ?? ""]
        } + [["total", "Summa", String(fees.table.population), String(fees.table.ceiling), fees.table.financing.map(String.init) ?? ""]]
        return CSVTable(columns: ["member", "name", "population", "ceiling", "financing", "perMille", "taxCapacity", "populationDate"],
                        rows: rows.map { $0 + [rate, String(fees.basis.taxCapacity), fees.basis.populationDate] }, dialect: dialect)
    }

    @Sendable static func budgetCSV(req: Request) async throws -> Response {
        let (_, content) = try await content(req)
        return try budgetTable(content, .openData).response(filename: "budget-\(content.year).csv")
    }

    @Sendable static func budgetSheet(req: Request) async throws -> Response {
        let (_, content) = try await content(req)
        return try budgetTable(content, .spreadsheet).response(filename: "budget-\(content.year)-kalkylark.csv")
    }

    @Sendable static func feesCSV(req: Request) async throws -> Response {
        let (_, fees) = try await fees(req)
        return try feeTable(fees, .openData).response(filename: "medlemsavgifter-\(fees.year).csv")
    }

    @Sendable static func feesSheet(req: Request) async throws -> Response {
        let (_, fees) = try await fees(req)
        return try feeTable(fees, .spreadsheet).response(filename: "medlemsavgifter-\(fees.year)-kalkylark.csv")
    }

    static func outcomeRows(_ req: Request) async throws -> (Budget, [Outcome]) {
        let budget = try await EditorController.budget(req, try await req.organisation())
        let rows = try await Outcome.query(on: req.db).filter(\.$organisationID == budget.organisationID).filter(\.$year == budget.year).all()
        let order = Dictionary(budget.spec.lines.enumerated().map { ("\($1.side.rawValue) \($1.costCentre)", $0) }, uniquingKeysWith: { first, _ in first })
        return (budget, rows.sorted { ($0.month, order["\($0.side.rawValue) \($0.costCentre)"] ?? 0) < ($1.month, order["\($1.side.rawValue) \($1.costCentre)"] ?? 0) })
    }

    /// Open data, and the CSV import's own format: a row per line and month, kronor with öre.
    @Sendable static func outcomeCSV(req: Request) async throws -> Response {
        let (budget, rows) = try await outcomeRows(req)
        let names = Dictionary(budget.spec.lines.map { ("\($0.side.rawValue) \($0.costCentre)", $0.name) }, uniquingKeysWith: { first, _ in first })
        let format = CSVTable(columns: [], rows: [])
        return try CSVTable(columns: OutcomeWork.csvColumns + ["name", "example"], rows: rows.map { row in
            [String(row.year), String(row.month), row.side.rawValue, row.costCentre, format.number(Decimal(row.ore) / 100),
             names["\(row.side.rawValue) \(row.costCentre)"] ?? "", row.example ? "true" : "false"]
        }).response(filename: "utfall-\(budget.year).csv")
    }

    /// For a spreadsheet: a row per line and period, as the outcome page shows them.
    @Sendable static func outcomeSheet(req: Request) async throws -> Response {
        let budget = try await EditorController.budget(req, try await req.organisation())
        let content = try await OutcomeContent.load(budget, on: req.db)
        let table = CSVTable(columns: [], rows: [], dialect: .spreadsheet)
        let rows = content.columns.indices.flatMap { index in
            content.rows.map { row in
                let cell = row.cells[index]
                return [row.side.rawValue, row.costCentre, row.name, String(row.budget), String(cell.throughMonth), CSVTable.list(content.columns[index].periods),
                        String(cell.outcome), String(cell.budgetToDate), String(cell.deviation),
                        cell.deviationPercent.map { table.number(Decimal(string: $0, locale: Locale(identifier: "en_US_POSIX")) ?? 0) } ?? "",
                        table.number(cell.forecast), cell.forecastComment ?? ""]
            }
        }
        return try CSVTable(columns: ["side", "costCentre", "name", "budget", "throughMonth", "periods", "outcome", "budgetToDate", "deviation",
                                      "deviationPercent", "forecast", "forecastComment"], rows: rows, dialect: .spreadsheet)
            .response(filename: "utfall-\(budget.year)-kalkylark.csv")
    }

    // MARK: API

    @Sendable static func budgetsJSON(req: Request) async throws -> Response {
        try await req.cachedJSON {
            try await summaries(try await req.organisation().requireID(), on: req.db)
        }
    }

    @Sendable static func budgetJSON(req: Request) async throws -> Response {
        try await req.cachedJSON { try await content(req).1 }
    }

    @Sendable static func feesJSON(req: Request) async throws -> Response {
        try await req.cachedJSON { try await fees(req).1 }
    }
}
