import Auth
import Core
import Fluent
import Foundation
import Organisation
import Vapor

/// Outcomes and forecasts in the browser, for the organisation's editors: a file from the books
/// (SIE or CSV, told apart by their first character), a month typed in, a period's forecasts.
extension EditorController {
    struct Upload: Content {
        var file: File?
    }

    static func outcomeNotice(_ req: Request) -> String? {
        switch req.queryValue("klart") {
        case "prognos": "Prognosen är sparad."
        case "oforandrad": "Inget ändrades: formuläret skickades utan ändringar."
        default: nil
        }
    }

    static func page(_ req: Request, _ organisation: OrganisationRecord, _ budget: Budget, notice: String?, warnings: [OutcomeImport.Warning] = [],
                     uploadError: String? = nil, typed: [String: String]? = nil, typedError: (field: String, message: String)? = nil,
                     status: HTTPStatus = .ok) async throws -> Response {
        let content = try await OutcomeContent.load(budget, on: req.db)
        let month = typed?["month"] ?? String(max(1, content.latestMonth))
        var values = typed ?? [:]
        if typed == nil { values = try await monthValues(budget, month: Int(month) ?? 1, on: req.db) }
        return privatePage(req.render(OutcomeEdit.View(organisation: organisation, year: budget.year, title: budget.spec.title, columns: content.columns,
                                                      csrf: try req.signedIn.csrfToken, notice: notice, warnings: warnings, uploadError: uploadError,
                                                      mapping: try await MappingWork.mapping(of: organisation, on: req.db),
                                                      typed: (values, budget.spec.lines, typedError))), status: status)
    }

    /// The month's outcomes as the form shows them: whole kronor per line.
    static func monthValues(_ budget: Budget, month: Int, on db: any Database) async throws -> [String: String] {
        let rows = try await Outcome.query(on: db).filter(\.$organisationID == budget.organisationID).filter(\.$year == budget.year).filter(\.$month == month).all()
        var values = ["month": String(month)]
        for (index, line) in budget.spec.lines.enumerated() {
            if let row = rows.first(where: { $0.side == line.side && $0.costCentre == line.costCentre }) {
                values["line.\(index).amount"] = String(OutcomeWork.shownKronor(row.ore))
            }
        }
        return values
    }

    @Sendable static func outcomes(req: Request) async throws -> Response {
        let organisation = try await req.financeEditor().organisation
        let budget = try await EditorController.budget(req, organisation)
        let month = req.queryValue("manad", as: Int.self).flatMap { (1...12).contains($0) ? $0 : nil }
        var typed: [String: String]?
        if let month { typed = try await monthValues(budget, month: month, on: req.db) }
        return try await page(req, organisation, budget, notice: outcomeNotice(req), typed: typed)
    }

    /// Reads an SIE file or a CSV of outcomes for the year of the address.
    @Sendable static func importFile(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        let budget = try await EditorController.budget(req, organisation)
        guard let file = (try? req.content.decode(Upload.self))?.file, file.data.readableBytes > 0 else {
            return try await page(req, organisation, budget, notice: nil, uploadError: "Välj en fil att läsa in.", status: .unprocessableEntity)
        }
        let data = Data(buffer: file.data)
        do {
            let report = try await OutcomeWork.importFile(data, name: file.filename, year: budget.year, in: organisation, actor: .user(user),
                                                    at: req.application.now(), on: req.db)
            return try await page(req, organisation, budget, notice: report.swedish, warnings: report.warnings)
        } catch let failure as OutcomeImport.Failure {
            return try await page(req, organisation, budget, notice: nil, uploadError: failure.swedish, status: .unprocessableEntity)
        }
    }

    @Sendable static func type(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        let budget = try await EditorController.budget(req, organisation)
        let values = try req.content.decode([String: String].self).filter { $0.key != FormCSRF.field }
        guard let month = values["month"].flatMap(Int.init), (1...12).contains(month) else {
            return try await page(req, organisation, budget, notice: nil, typed: values, typedError: ("month", "Välj en månad."), status: .unprocessableEntity)
        }
        var amounts: [OutcomeWork.LineKey: Int] = [:]
        for (index, line) in budget.spec.lines.enumerated() {
            let text = (values["line.\(index).amount"] ?? "").trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty else { continue }
            guard let amount = BudgetForm.amount(text) else {
                return try await page(req, organisation, budget, notice: nil, typed: values,
                                      typedError: ("line\(index)", "Skriv utfallet för \(line.costCentre) \(line.name) i hela kronor, som -125 000."), status: .unprocessableEntity)
            }
            amounts[.init(side: line.side, costCentre: line.costCentre)] = amount
        }
        let report = try await OutcomeWork.type(month: month, year: budget.year, amounts: amounts, in: organisation, actor: .user(user),
                                                at: req.application.now(), on: req.db)
        let notice = report.added + report.changed + report.removed == 0 ? "Inget ändrades: formuläret skickades utan ändringar."
            : "Utfallet för \(OutcomeContent.months[month - 1]) \(budget.year) är sparat: \(report.added) tillagda, \(report.changed) ändrade, \(report.removed) borttagna rader."
        return try await page(req, organisation, budget, notice: notice, typed: try await monthValues(budget, month: month, on: req.db))
    }

    // MARK: Forecasts

    static func month(_ req: Request) throws -> Int {
        guard let month = Int(try req.requiredParameter("month")), (1...12).contains(month) else { throw Abort(.notFound, reason: "no such month") }
        return month
    }

    static func forecastValues(_ content: OutcomeContent) -> [String: String] {
        var values: [String: String] = [:]
        for (index, row) in content.rows.enumerated() {
            if let forecast = row.cells[0].forecast { values["line.\(index).amount"] = String(forecast) }
            if let comment = row.cells[0].forecastComment { values["line.\(index).comment"] = comment }
        }
        return values
    }

    @Sendable static func forecastForm(req: Request) async throws -> Response {
        let organisation = try await req.financeEditor().organisation
        let budget = try await EditorController.budget(req, organisation)
        let content = try await OutcomeContent.load(budget, through: try month(req), on: req.db)
        return privatePage(req.render(ForecastEdit.View(organisation: organisation, content: content, values: forecastValues(content), error: nil,
                                                   csrf: try req.signedIn.csrfToken)))
    }

    @Sendable static func saveForecast(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        let budget = try await EditorController.budget(req, organisation)
        let month = try month(req)
        let values = try req.content.decode([String: String].self).filter { $0.key != FormCSRF.field }
        var inputs: [OutcomeWork.LineKey: OutcomeWork.ForecastInput] = [:]
        for (index, line) in budget.spec.lines.enumerated() {
            let text = (values["line.\(index).amount"] ?? "").trimmingCharacters(in: .whitespaces)
            let comment = values["line.\(index).comment"] ?? ""
            if text.isEmpty && comment.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard let amount = BudgetForm.amount(text), comment.count <= 1_000, TextRules.problem(in: comment, as: .title, limit: 1_000) == nil else {
                let content = try await OutcomeContent.load(budget, through: month, on: req.db)
                let message = text.isEmpty ? "Raden \(line.costCentre) \(line.name) har en kommentar men ingen prognos."
                    : BudgetForm.amount(text) == nil ? "Skriv prognosen för \(line.costCentre) \(line.name) i hela kronor, som -1 250 000."
                    : "Kommentaren till \(line.costCentre) \(line.name) är för lång eller har otillåtna tecken."
                return privatePage(req.render(ForecastEdit.View(organisation: organisation, content: content, values: values, error: ("line\(index)", message),
                                                           csrf: try req.signedIn.csrfToken)), status: .unprocessableEntity)
            }
            inputs[.init(side: line.side, costCentre: line.costCentre)] = .init(amount: amount, comment: comment)
        }
        let changed = try await OutcomeWork.forecast(year: budget.year, throughMonth: month, inputs, in: organisation, actor: .user(user),
                                                     at: req.application.now(), on: req.db)
        return req.redirect(to: FinanceURL.importOutcomes.link(organisation.slug, String(budget.year), query: ["klart": changed ? "prognos" : "oforandrad"]),
                            redirectType: .normal)
    }
}
