import Auth
import Core
import Fluent
import Foundation
import Organisation
import Plans
import Vapor

/// Keeping budgets in the browser, for the organisation's editors: the list, a proposal's form,
/// the decision and next year's copy. Signed-in routes (session and CSRF by middleware); a refused
/// form comes back with the input and the reason beside its field; a write says what it did.
enum EditorController {
    static func budget(_ req: Request, _ organisation: OrganisationRecord) async throws -> Budget {
        guard let budget = try await BudgetQuery.budget(try BudgetController.year(req), organisationID: organisation.requireID(), on: req.db) else {
            throw Abort(.notFound, reason: "no such budget")
        }
        return budget
    }

    static func notice(_ req: Request) -> String? {
        switch req.queryValue("klart") {
        case "sparad": "Budgeten är sparad som en ny version."
        case "oforandrad": "Inget ändrades: formuläret skickades utan ändringar."
        case "beslutad": "Beslutet är registrerat. Budgeten är låst."
        case "kopierad": "Nästa års budget är skapad som förslag, en kopia av den här."
        default: nil
        }
    }

    @Sendable static func keep(req: Request) async throws -> Response {
        let organisation = try await req.financeEditor().organisation
        return privatePage(req.render(BudgetEditorIndex.View(organisation: organisation, budgets: try await BudgetController.summaries(organisation.requireID(), on: req.db),
                                                     csrf: try req.signedIn.csrfToken, notice: notice(req))))
    }

    static func documents(_ organisation: OrganisationRecord, on db: any Database) async throws -> [(slug: String, title: String)] {
        try await DocumentQuery.summaries(organisationID: organisation.requireID(), on: db).map { ($0.slug, $0.title) }
    }

    static func editPage(_ req: Request, _ organisation: OrganisationRecord, _ year: Int, _ values: [String: String],
                         error: (field: String, message: String)? = nil, status: HTTPStatus = .ok) async throws -> Response {
        privatePage(req.render(BudgetEdit.View(organisation: organisation, year: year, values: values, documents: try await documents(organisation, on: req.db),
                                              error: error, csrf: try req.signedIn.csrfToken, notice: error == nil ? notice(req) : nil)), status: status)
    }

    @Sendable static func editForm(req: Request) async throws -> Response {
        let organisation = try await req.financeEditor().organisation
        let budget = try await budget(req, organisation)
        guard budget.status == .proposal else { throw Abort(.conflict, reason: BudgetWork.Failure.adopted.english) }
        return try await editPage(req, organisation, budget.year, BudgetForm.values(budget.spec, revision: budget.revision))
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        let budget = try await budget(req, organisation)
        let values = try req.content.decode([String: String].self).filter { $0.key != FormCSRF.field }
        do {
            let outcome = try await BudgetWork.update(budget, to: try BudgetForm.spec(values, keeping: budget.spec), expectedRevision: values["revision"].flatMap(Int.init),
                                                      in: organisation, actor: .user(user), at: req.application.now(), on: req.db)
            return req.redirect(to: FinanceURL.keep.link(organisation.slug, query: ["klart": outcome == .unchanged ? "oforandrad" : "sparad"]), redirectType: .normal)
        } catch let failure as BudgetWork.Failure {
            return try await editPage(req, organisation, budget.year, values, error: (failure.field ?? "", failure.swedish),
                                      status: failure.status)
        }
    }

    static func adoptModel(_ organisation: OrganisationRecord, _ budget: Budget, values: [String: String]) -> Forms.FormView.Model {
        .init(heading: "Besluta \(budget.spec.title)",
              intro: ["När förbundsfullmäktige har beslutat budgeten: ange organet, datumet och beslutsreferensen. Budgeten låses; "
                      + "nästa års budget börjar som en kopia av den. Resultatet är \(Formatting.thousands(budget.spec.result)) kronor."],
              trail: [Breadcrumb("Budget", url: FinanceURL.budgets.link(organisation.slug)), Breadcrumb("Hantera", url: FinanceURL.keep.link(organisation.slug))],
              action: FinanceURL.adopt.link(organisation.slug, String(budget.year)),
              fields: [.init("adoptedBy", "Beslutande organ", hint: "Till exempel Förbundsfullmäktige."),
                       .init("adoptedOn", "Beslutsdatum", .date, hint: "ÅÅÅÅ-MM-DD."),
                       .init("decisionReference", "Beslutsreferens (frivillig)", hint: "Till exempel § 12.")],
              state: .init(values: values), submit: "Registrera beslutet", cancelURL: FinanceURL.keep.link(organisation.slug))
    }

    static func formPage(_ req: Request, _ organisation: OrganisationRecord, _ model: Forms.FormView.Model, status: HTTPStatus = .ok) throws -> Response {
        privatePage(req.render(Forms.FormView(tenantSlug: organisation.slug, tenantName: organisation.name, tenantHome: OrganisationURL.home.link(organisation.slug),
                                              model: model, csrf: try req.signedIn.csrfToken)), status: status)
    }

    @Sendable static func adoptForm(req: Request) async throws -> Response {
        let organisation = try await req.financeEditor().organisation
        let budget = try await budget(req, organisation)
        guard budget.status == .proposal else { throw Abort(.conflict, reason: BudgetWork.Failure.adopted.english) }
        return try formPage(req, organisation, adoptModel(organisation, budget, values: ["adoptedBy": "Förbundsfullmäktige"]))
    }

    @Sendable static func adopt(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        let budget = try await budget(req, organisation)
        let values = try req.content.decode([String: String].self)
        do {
            try await BudgetWork.adopt(budget, by: values["adoptedBy"] ?? "", on: values["adoptedOn"] ?? "", reference: values["decisionReference"],
                                       in: organisation, actor: .user(user), at: req.application.now(), on: req.db)
            return req.redirect(to: FinanceURL.keep.link(organisation.slug, query: ["klart": "beslutad"]), redirectType: .normal)
        } catch let failure as BudgetWork.Failure {
            var model = adoptModel(organisation, budget, values: values)
            model.state.refuse(failure)
            return try formPage(req, organisation, model, status: failure.status)
        }
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        let year = (try? req.content.get(String.self, at: "year")) ?? ""
        do {
            let budget = try await BudgetWork.create(year: Int(year.trimmingCharacters(in: .whitespaces)) ?? 0, in: organisation, actor: .user(user),
                                                     at: req.application.now(), on: req.db)
            return req.redirect(to: FinanceURL.edit.link(organisation.slug, String(budget.year)), redirectType: .normal)
        } catch let failure as BudgetWork.Failure {
            return privatePage(req.render(BudgetEditorIndex.View(organisation: organisation, budgets: try await BudgetController.summaries(organisation.requireID(), on: req.db),
                                                         csrf: try req.signedIn.csrfToken, notice: nil, error: failure.swedish, year: year)),
                               status: .unprocessableEntity)
        }
    }

    @Sendable static func copy(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        let budget = try await budget(req, organisation)
        do {
            let copy = try await BudgetWork.copy(budget, in: organisation, actor: .user(user), at: req.application.now(), on: req.db)
            return req.redirect(to: FinanceURL.edit.link(organisation.slug, String(copy.year), query: ["klart": "kopierad"]), redirectType: .normal)
        } catch let failure as BudgetWork.Failure {
            return privatePage(req.render(BudgetEditorIndex.View(organisation: organisation, budgets: try await BudgetController.summaries(organisation.requireID(), on: req.db),
                                                         csrf: try req.signedIn.csrfToken, notice: nil, error: failure.swedish)), status: .conflict)
        }
    }
}
