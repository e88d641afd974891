import Auth
import Core
import Fluent
import Foundation
import Organisation
import Plans
import Vapor

/// External funding: the public list and pages with their CSV and JSON, and the editors' forms.
enum FundingController {
    static func contents(_ req: Request) async throws -> (OrganisationRecord, [FundingContent]) {
        let organisation = try await req.organisation()
        return (organisation, try await FundingQuery.contents(try await FundingQuery.fundings(of: organisation, on: req.db), of: organisation, on: req.db))
    }

    static func one(_ req: Request) async throws -> (OrganisationRecord, FundingContent) {
        let organisation = try await req.organisation()
        guard let funding = try await FundingQuery.funding(try req.requiredParameter("funding"), of: organisation, on: req.db),
              let content = try await FundingQuery.contents([funding], of: organisation, on: req.db).first else {
            throw Abort(.notFound, reason: "no such funding")
        }
        return (organisation, content)
    }

    @Sendable static func index(req: Request) async throws -> Response {
        try await req.cachedPage {
            let (organisation, fundings) = try await contents(req)
            return req.render(FundingIndex.View(organisation: organisation, fundings: fundings))
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try await req.cachedPage {
            let (organisation, funding) = try await one(req)
            return req.render(FundingShow.View(organisation: organisation, funding: funding))
        }
    }

    @Sendable static func indexJSON(req: Request) async throws -> Response { try await req.cachedJSON { try await contents(req).1 } }
    @Sendable static func showJSON(req: Request) async throws -> Response { try await req.cachedJSON { try await one(req).1 } }

    static func table(_ fundings: [FundingContent], _ dialect: CSVTable.Dialect) -> CSVTable {
        CSVTable(columns: ["key", "title", "funder", "funderName", "programme", "amount", "startsOn", "endsOn", "byYear", "costCentre", "activities",
                           "projects", "deadlines", "example"],
                 rows: fundings.map { funding in
                     [funding.key, funding.title, funding.funder.key, funding.funder.name, funding.programme, String(funding.amount), funding.startsOn,
                      funding.endsOn, CSVTable.list(funding.byYear.map { "\($0.year): \($0.amount)" }), funding.costCentre ?? "",
                      CSVTable.list(funding.activities.map(\.title)), CSVTable.list(funding.projects),
                      CSVTable.list(funding.deadlines.map { "\($0.on) \($0.what)" }), funding.example ? "true" : "false"]
                 }, dialect: dialect)
    }

    @Sendable static func csv(req: Request) async throws -> Response { try table(try await contents(req).1, .openData).response(filename: "extern-finansiering.csv") }
    @Sendable static func sheet(req: Request) async throws -> Response {
        try table(try await contents(req).1, .spreadsheet).response(filename: "extern-finansiering-kalkylark.csv")
    }

    // MARK: Editors

    static func notice(_ req: Request) -> String? {
        switch req.queryValue("klart") {
        case "sparad": "Finansieringen är sparad."
        case "oforandrad": "Inget ändrades: formuläret skickades utan ändringar."
        case "borttagen": "Finansieringen är borttagen."
        default: nil
        }
    }

    @Sendable static func keep(req: Request) async throws -> Response {
        let organisation = try await req.financeEditor().organisation
        return privatePage(req.render(FundingEditorIndex.View(organisation: organisation, fundings: try await FundingQuery.fundings(of: organisation, on: req.db),
                                                      notice: notice(req))))
    }

    static func form(_ req: Request, _ organisation: OrganisationRecord, funding: Funding?, values: [String: String],
                     error: (field: String, message: String)? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let funders = try await OrganisationRecord.query(on: req.db).all().filter { $0.id != organisation.id }.sorted { $0.name < $1.name }
        let activities = try await PublicNodes.list(of: organisation, on: req.db).filter(\.isActivity)
        let lines = try await BudgetQuery.budgets(organisation.requireID(), on: req.db).first?.spec.lines.filter { $0.side == .cost } ?? []
        var centres = lines.map { ($0.costCentre, $0.name) }
        // A line the newest budget no longer has stays choosable while the funding keeps it.
        if let centre = values["costCentre"], !centre.isEmpty, !centres.contains(where: { $0.0 == centre }) { centres.append((centre, "(inte i årets budget)")) }
        let fields = FundingForm.fields(funders: funders, activities: activities, costCentres: centres)
        let keep = FinanceURL.keepFundings.link(organisation.slug)
        var model = Forms.FormView.Model(
            heading: funding.map { "Ändra \($0.spec.title)" } ?? "Ny extern finansiering",
            intro: ["Ett bidrag eller en fond som betalar en del av arbetet: från vem, hur mycket, för vilken period, vad det betalar och när finansiären vill ha rapporter."],
            trail: [Breadcrumb("Budget", url: FinanceURL.budgets.link(organisation.slug)), Breadcrumb("Extern finansiering", url: keep)],
            action: funding.map { FinanceURL.editFunding.link(organisation.slug, $0.key) } ?? FinanceURL.newFunding.link(organisation.slug),
            fields: fields, state: .init(values: values), submit: "Spara finansieringen", cancelURL: keep)
        model.state.error = error
        return privatePage(req.render(Forms.FormView(tenantSlug: organisation.slug, tenantName: organisation.name, tenantHome: OrganisationURL.home.link(organisation.slug),
                                                     model: model, csrf: try req.signedIn.csrfToken)), status: status)
    }

    static func funding(_ req: Request, _ organisation: OrganisationRecord) async throws -> Funding {
        guard let funding = try await FundingQuery.funding(try req.requiredParameter("funding"), of: organisation, on: req.db) else {
            throw Abort(.notFound, reason: "no such funding")
        }
        return funding
    }

    @Sendable static func newForm(req: Request) async throws -> Response {
        let organisation = try await req.financeEditor().organisation
        return try await form(req, organisation, funding: nil, values: [:])
    }

    @Sendable static func editForm(req: Request) async throws -> Response {
        let organisation = try await req.financeEditor().organisation
        let funding = try await funding(req, organisation)
        return try await form(req, organisation, funding: funding, values: FundingForm.values(funding.spec, key: funding.key))
    }

    static func save(req: Request, replacing: Funding?, organisation: OrganisationRecord, user: Account) async throws -> Response {
        let values = FundingForm.submitted(try req.content.decode([String: String].self))
        do {
            let (_, outcome) = try await FundingWork.save(try FundingForm.spec(values), key: values["key"]?.trimmingCharacters(in: .whitespaces),
                                                          replacing: replacing, in: organisation, actor: .user(user), at: req.application.now(), on: req.db)
            return req.redirect(to: FinanceURL.keepFundings.link(organisation.slug, query: ["klart": outcome == .unchanged ? "oforandrad" : "sparad"]), redirectType: .normal)
        } catch let failure as FundingWork.Failure {
            return try await form(req, organisation, funding: replacing, values: values, error: (failure.field ?? "", failure.swedish), status: .unprocessableEntity)
        }
    }

    @Sendable static func create(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        return try await save(req: req, replacing: nil, organisation: organisation, user: user)
    }

    @Sendable static func update(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        return try await save(req: req, replacing: try await funding(req, organisation), organisation: organisation, user: user)
    }

    @Sendable static func removeForm(req: Request) async throws -> Response {
        let organisation = try await req.financeEditor().organisation
        let funding = try await funding(req, organisation)
        let keep = FinanceURL.keepFundings.link(organisation.slug)
        return privatePage(req.render(Forms.ConfirmView(
            tenantSlug: organisation.slug, tenantName: organisation.name, tenantHome: OrganisationURL.home.link(organisation.slug),
            trail: [Breadcrumb("Budget", url: FinanceURL.budgets.link(organisation.slug)), Breadcrumb("Extern finansiering", url: keep)],
            heading: "Ta bort \(funding.spec.title)", question: "Finansieringen och dess påminnelser tas bort. Det går inte att ångra.",
            action: FinanceURL.removeFunding.link(organisation.slug, funding.key), fields: ["csrf": try req.signedIn.csrfToken],
            confirmLabel: "Ta bort finansieringen", cancelURL: keep)))
    }

    @Sendable static func remove(req: Request) async throws -> Response {
        let editor = try await req.financeEditor(), organisation = editor.organisation, user = editor.user
        try await FundingWork.remove(try await funding(req, organisation), actor: .user(user), on: req.db)
        return req.redirect(to: FinanceURL.keepFundings.link(organisation.slug, query: ["klart": "borttagen"]), redirectType: .normal)
    }
}
