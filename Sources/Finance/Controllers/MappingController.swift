import Auth
import Core
import Foundation
import Organisation
import Vapor

/// The mapping from the books' accounts to the budget's lines: a form for editors, JSON for all and a
/// token's PUT. A rule is one line: "3000–3999 intäkt", "5010 kostnad 14", "6990 objekt 10 kostnad 10".
enum MappingController {
    static func model(_ organisation: OrganisationRecord, values: [String: String], error: (field: String, message: String)? = nil,
                      notice: String? = nil) -> Forms.FormView.Model {
        var model = Forms.FormView.Model(
            heading: "Konton till budgetrader",
            intro: ["Budgetens rader är kostnadsställen, bokföringen har konton. Reglerna prövas uppifrån; den första som passar ett konto (och, om regeln "
                    + "anger ett, kostnadsställets objekt i dimension 1) ger sidan och raden. Utan kostnadsställe i regeln blir radens objekt budgetraden.",
                    "Standard: 3000–3999 intäkt och 4000–8999 kostnad. Rader som ingen regel passar räknas men läses inte in."],
            trail: [Breadcrumb("Budget", url: FinanceURL.budgets.link(organisation.slug)), Breadcrumb("Hantera", url: FinanceURL.keep.link(organisation.slug))],
            action: FinanceURL.mapping.link(organisation.slug),
            fields: [.init("rules", "Regler", .textarea(rows: 8),
                           hint: "En regel per rad: konton (ett eller ett intervall), eventuellt objekt och dess nummer, kostnad eller intäkt, eventuellt budgetradens kostnadsställe. Till exempel 6990 objekt 10 kostnad 10.")],
            state: .init(values: values), submit: "Spara reglerna", cancelURL: FinanceURL.keep.link(organisation.slug))
        model.state.error = error
        model.notice = notice
        return model
    }

    static func text(_ mapping: OutcomeMapping) -> String { mapping.rules.map(OutcomeMapping.text).joined(separator: "\n") }

    @Sendable static func form(req: Request) async throws -> Response {
        let organisation = try await req.financeEditor().organisation
        let notice: String? = switch req.queryValue("klart") {
        case "sparad": "Reglerna är sparade. De gäller nästa inläsning."
        case "oforandrad": "Inget ändrades: formuläret skickades utan ändringar."
        default: nil
        }
        return try EditorController.formPage(req, organisation, model(organisation, values: ["rules": text(try await MappingWork.mapping(of: organisation, on: req.db))],
                                                                         notice: notice))
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        let values = try req.content.decode([String: String].self).filter { $0.key != FormCSRF.field }
        var rules: [OutcomeMapping.Rule] = []
        for line in (values["rules"] ?? "").split(whereSeparator: \.isNewline).map({ $0.trimmingCharacters(in: .whitespaces) }) where !line.isEmpty {
            guard let rule = OutcomeMapping.rule(line) else {
                return try EditorController.formPage(req, organisation, model(organisation, values: values,
                    error: ("rules", "Raden ”\(line)” är ingen regel. Skriv till exempel 3000–3999 intäkt eller 5010 kostnad 14.")), status: .unprocessableEntity)
            }
            rules.append(rule)
        }
        do {
            let changed = try await MappingWork.save(OutcomeMapping(rules: rules), in: organisation, actor: .user(user), at: req.application.now(), on: req.db)
            return req.redirect(to: FinanceURL.mapping.link(organisation.slug, query: ["klart": changed ? "sparad" : "oforandrad"]), redirectType: .normal)
        } catch let failure as BudgetWork.Failure {
            return try EditorController.formPage(req, organisation, model(organisation, values: values, error: ("rules", failure.swedish)),
                                                       status: .unprocessableEntity)
        }
    }

    @Sendable static func json(req: Request) async throws -> Response {
        try await req.cachedJSON { try await MappingWork.mapping(of: try await req.organisation(), on: req.db) }
    }

    @Sendable static func replace(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        let mapping = try req.content.decode(OutcomeMapping.self)
        // A mapping is one rule table: every refusal is about its content (422), whatever BudgetWork's status.
        do {
            try await MappingWork.save(mapping, in: organisation, actor: .user(user), at: req.application.now(), on: req.db)
        } catch let failure as BudgetWork.Failure {
            throw Abort(.unprocessableEntity, reason: failure.english)
        }
        return try BudgetAPIController.json(mapping)
    }
}
