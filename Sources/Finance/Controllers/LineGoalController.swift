import Auth
import Core
import Foundation
import Organisation
import Plans
import Vapor

/// Linking a year's cost lines to goal areas: a select per line for editors, a token's PUT.
enum LineGoalController {
    static func model(_ organisation: OrganisationRecord, _ budget: Budget, areas: [PublicNode], values: [String: String],
                      error: (field: String, message: String)? = nil) -> Forms.FormView.Model {
        let choices = [Forms.Choice("", "Inget målområde")] + areas.map { .init("\($0.document)/\($0.lineage)", "\($0.documentTitle): \($0.title)") }
        let lines = budget.spec.lines.filter { $0.side == .cost }
        var model = Forms.FormView.Model(
            heading: "Budgetrader och målområden \(budget.year)",
            intro: ["Koppla en kostnadsrad till det målområde den finansierar, så visar målområdets sida vad medlemsavgifterna bär där. "
                    + "En rad utan koppling fördelas inte på målområden."],
            trail: [Breadcrumb("Budget", url: FinanceURL.budgets.link(organisation.slug)), Breadcrumb("Hantera", url: FinanceURL.keep.link(organisation.slug))],
            action: FinanceURL.lineGoals.link(organisation.slug, String(budget.year)),
            fields: lines.map { .init("goal.\($0.costCentre)", "\($0.costCentre) \($0.name)", .select(choices)) },
            state: .init(values: values), submit: "Spara kopplingarna", cancelURL: FinanceURL.keep.link(organisation.slug))
        model.state.error = error
        return model
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let organisation = try await req.financeEditor().organisation
        let budget = try await EditorController.budget(req, organisation)
        var values: [String: String] = [:]
        for link in try await LineGoalWork.links(budget.year, of: organisation, on: req.db) { values["goal.\(link.costCentre)"] = "\(link.document)/\(link.lineage)" }
        var model = model(organisation, budget, areas: try await LineGoalWork.goalAreas(of: organisation, on: req.db), values: values)
        model.notice = switch req.queryValue("klart") {
        case "sparad": "Kopplingarna är sparade."
        case "oforandrad": "Inget ändrades: formuläret skickades utan ändringar."
        default: nil
        }
        return try EditorController.formPage(req, organisation, model)
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        let budget = try await EditorController.budget(req, organisation)
        let values = try req.content.decode([String: String].self).filter { $0.key != FormCSRF.field }
        let links = values.filter { $0.key.hasPrefix("goal.") && !$0.value.isEmpty }.sorted { $0.key < $1.key }.map { key, value in
            let slash = value.firstIndex(of: "/") ?? value.endIndex
            return LineGoalWork.Link(costCentre: String(key.dropFirst(5)), document: String(value[..<slash]),
                                     lineage: slash < value.endIndex ? String(value[value.index(after: slash)...]) : "")
        }
        do {
            let changed = try await LineGoalWork.set(links, year: budget.year, in: organisation, actor: .user(user), on: req.db)
            return req.redirect(to: FinanceURL.lineGoals.link(organisation.slug, String(budget.year), query: ["klart": changed ? "sparad" : "oforandrad"]),
                                redirectType: .normal)
        } catch let failure as BudgetWork.Failure {
            let areas = try await LineGoalWork.goalAreas(of: organisation, on: req.db)
            return try EditorController.formPage(req, organisation, model(organisation, budget, areas: areas, values: values,
                                                                                error: (failure.field ?? "", failure.swedish)), status: .unprocessableEntity)
        }
    }

    struct Input: Codable, Sendable {
        let lines: [LineGoalWork.Link]
    }

    @Sendable static func replace(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        let budget = try await EditorController.budget(req, organisation)
        let input = try req.content.decode(Input.self)
        try await LineGoalWork.set(input.lines, year: budget.year, in: organisation, actor: .user(user), on: req.db)
        return try BudgetAPIController.json(try await FinancingContent.load(budget, of: organisation, on: req.db))
    }
}
