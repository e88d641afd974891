import Auth
import Core
import Fluent
import FollowUp
import Mail
import Organisation
import Plans
import Plot
import Vapor

/// Money beside the plan it pays for: budgets year by year, member fees under the ceiling, outcomes
/// from the books beside the follow-up's periods with forecasts, external funding tied to the key
/// activities it pays for, and their exports for spreadsheets and as open data.
public enum FinanceModule: AppModule {
    public static var migrations: [any Migration] { [CreateFinance(), CreateFinanceOutcomes(), CreateFinanceForecasts(), CreateFinanceFunding(), CreateFinanceMappings(), CreateFinanceLineGoals()] }

    public static func routes(_ routes: ModuleRoutes) throws {
        routes.pages.get(FinanceURL.budgets.pathComponents, use: BudgetController.index)
        routes.pages.get(FinanceURL.budget.pathComponents, use: BudgetController.show)
        routes.pages.get(FinanceURL.fees.pathComponents, use: BudgetController.feesPage)
        routes.pages.get(FinanceURL.outcomes.pathComponents, use: BudgetController.outcomesPage)
        routes.pages.get(FinanceURL.budgetSheet.pathComponents, use: BudgetController.budgetSheet)
        routes.pages.get(FinanceURL.feesSheet.pathComponents, use: BudgetController.feesSheet)
        routes.pages.get(FinanceURL.budgetCSV.pathComponents, use: BudgetController.budgetCSV)
        routes.pages.get(FinanceURL.feesCSV.pathComponents, use: BudgetController.feesCSV)
        routes.pages.get(FinanceURL.outcomeSheet.pathComponents, use: BudgetController.outcomeSheet)
        routes.pages.get(FinanceURL.outcomeCSV.pathComponents, use: BudgetController.outcomeCSV)
        routes.pages.get(FinanceURL.fundings.pathComponents, use: FundingController.index)
        routes.pages.get(FinanceURL.funding.pathComponents, use: FundingController.show)
        routes.pages.get(FinanceURL.fundingsSheet.pathComponents, use: FundingController.sheet)
        routes.pages.get(FinanceURL.fundingsCSV.pathComponents, use: FundingController.csv)

        let form: HTTPBodyStreamStrategy = .collect(maxSize: "256kb")
        let signedIn = routes.signedIn
        signedIn.get(FinanceURL.keep.pathComponents, use: EditorController.keep)
        signedIn.on(.POST, FinanceURL.create.pathComponents, body: form, use: EditorController.create)
        signedIn.get(FinanceURL.edit.pathComponents, use: EditorController.editForm)
        signedIn.on(.POST, FinanceURL.edit.pathComponents, body: form, use: EditorController.save)
        signedIn.get(FinanceURL.adopt.pathComponents, use: EditorController.adoptForm)
        signedIn.on(.POST, FinanceURL.adopt.pathComponents, body: form, use: EditorController.adopt)
        signedIn.on(.POST, FinanceURL.copy.pathComponents, body: form, use: EditorController.copy)
        signedIn.get(FinanceURL.editFees.pathComponents, use: FeeBasisController.form)
        signedIn.on(.POST, FinanceURL.editFees.pathComponents, body: form, use: FeeBasisController.save)
        signedIn.get(FinanceURL.importOutcomes.pathComponents, use: EditorController.outcomes).reads("manad")
        signedIn.upload(FinanceURL.importOutcomes.pathComponents, maxSize: "20mb", use: EditorController.importFile)
        signedIn.on(.POST, FinanceURL.typeOutcomes.pathComponents, body: form, use: EditorController.type)
        signedIn.get(FinanceURL.forecasts.pathComponents, use: EditorController.forecastForm)
        signedIn.on(.POST, FinanceURL.forecasts.pathComponents, body: form, use: EditorController.saveForecast)
        signedIn.get(FinanceURL.lineGoals.pathComponents, use: LineGoalController.form)
        signedIn.on(.POST, FinanceURL.lineGoals.pathComponents, body: form, use: LineGoalController.save)
        signedIn.get(FinanceURL.mapping.pathComponents, use: MappingController.form)
        signedIn.on(.POST, FinanceURL.mapping.pathComponents, body: form, use: MappingController.save)
        signedIn.get(FinanceURL.keepFundings.pathComponents, use: FundingController.keep)
        signedIn.get(FinanceURL.newFunding.pathComponents, use: FundingController.newForm)
        signedIn.on(.POST, FinanceURL.newFunding.pathComponents, body: form, use: FundingController.create)
        signedIn.get(FinanceURL.editFunding.pathComponents, use: FundingController.editForm)
        signedIn.on(.POST, FinanceURL.editFunding.pathComponents, body: form, use: FundingController.update)
        signedIn.get(FinanceURL.removeFunding.pathComponents, use: FundingController.removeForm)
        signedIn.on(.POST, FinanceURL.removeFunding.pathComponents, body: form, use: FundingController.remove)

        typealias API = FinanceURL.API
        routes.publicAPI.get(API.budgets.pathComponents, use: BudgetController.budgetsJSON).describe(FinanceOpenAPI.budgets)
        routes.publicAPI.get(API.budget.pathComponents, use: BudgetController.budgetJSON).describe(FinanceOpenAPI.budget)
        routes.publicAPI.get(API.fees.pathComponents, use: BudgetController.feesJSON).describe(FinanceOpenAPI.fees)
        routes.publicAPI.get(API.outcomes.pathComponents, use: BudgetController.outcomesJSON).describe(FinanceOpenAPI.outcomes)
        routes.publicAPI.get(API.financing.pathComponents, use: OutcomeAPIController.financing).describe(FinanceOpenAPI.financing)
        routes.publicAPI.get(API.fundings.pathComponents, use: FundingController.indexJSON).describe(FinanceOpenAPI.fundings)
        routes.publicAPI.get(API.mapping.pathComponents, use: MappingController.json).describe(FinanceOpenAPI.mapping)
        routes.publicAPI.get(API.funding.pathComponents, use: FundingController.showJSON).describe(FinanceOpenAPI.funding)
        let write: HTTPBodyStreamStrategy = .collect(maxSize: "256kb")
        routes.tokenAPI.on(.POST, API.budgets.pathComponents, body: write, use: BudgetAPIController.create).describe(FinanceOpenAPI.create)
        routes.tokenAPI.on(.PUT, API.budget.pathComponents, body: write, use: BudgetAPIController.replace).describe(FinanceOpenAPI.replace)
        routes.tokenAPI.on(.POST, API.adoption.pathComponents, body: write, use: BudgetAPIController.adopt).describe(FinanceOpenAPI.adopt)
        routes.tokenAPI.on(.POST, API.outcomes.pathComponents, body: .collect(maxSize: "20mb"), use: OutcomeAPIController.importFile)
            .describe(FinanceOpenAPI.importOutcomes)
        routes.tokenAPI.on(.POST, API.forecasts.pathComponents, body: write, use: OutcomeAPIController.forecasts).describe(FinanceOpenAPI.forecasts)
        routes.tokenAPI.on(.PUT, API.goalAreas.pathComponents, body: write, use: LineGoalController.replace).describe(FinanceOpenAPI.goalAreas)
        routes.tokenAPI.on(.PUT, API.mapping.pathComponents, body: write, use: MappingController.replace).describe(FinanceOpenAPI.replaceMapping)
        routes.tokenAPI.on(.POST, API.fundings.pathComponents, body: write, use: OutcomeAPIController.createFunding).describe(FinanceOpenAPI.createFunding)
        routes.tokenAPI.on(.PUT, API.funding.pathComponents, body: write, use: OutcomeAPIController.replaceFunding).describe(FinanceOpenAPI.replaceFunding)
        routes.tokenAPI.on(.DELETE, API.funding.pathComponents, use: OutcomeAPIController.deleteFunding).describe(FinanceOpenAPI.deleteFunding)
    }

    public static var openAPI: OpenAPIComponents { FinanceOpenAPI.components }
    public static var fileSections: [any InterchangeSection.Type] { [FinanceSection.self] }

    /// "Budget" once the organisation has one.
    public static func navigation(tenant: Tenant, on db: any Database) async throws -> [NavigationEntry] {
        try await Budget.query(on: db).filter(\.$organisationID == tenant.id).first() == nil ? [] : [NavigationEntry("Budget", url: FinanceURL.budgets.link(tenant.slug), order: 20)]
    }

    public static func sitemap(for organisation: String, on req: Request) async throws -> [String] {
        guard let record = try await OrganisationRecord.query(on: req.db).filter(\.$slug == organisation).first() else { return [] }
        let budgets = try await BudgetQuery.budgets(record.requireID(), on: req.db)
        guard !budgets.isEmpty else { return [] }
        let fundings = try await FundingQuery.fundings(of: record, on: req.db)
        return [FinanceURL.budgets.link(organisation)]
            + (fundings.isEmpty ? [] : [FinanceURL.fundings.link(organisation)] + fundings.map { FinanceURL.funding.link(organisation, $0.key) })
            + budgets.flatMap { budget in
            [FinanceURL.budget.link(organisation, String(budget.year)), FinanceURL.outcomes.link(organisation, String(budget.year))]
                + (budget.spec.fees == nil ? [] : [FinanceURL.fees.link(organisation, String(budget.year))])
        }
    }

    public static func register(in app: Application) throws {
        app.pageSlots.register(OrganisationSlots.openDataSets) { organisation, req in
            guard let latest = try await BudgetQuery.budgets(organisation.requireID(), on: req.db).first else { return [] }
            let year = String(latest.year)
            return [OpenDataSet(title: "Budget \(year)", description: "Budgetens rader per kostnadsställe bredvid året före, summor och resultat. Alla år finns under Budget.",
                                csv: FinanceURL.budgetCSV.link(organisation.slug, year), json: FinanceURL.API.budget.link(organisation.slug, year), order: 40)]
                + (latest.spec.fees == nil ? [] : [OpenDataSet(title: "Medlemsavgifter \(year)", description: "Tak och andel av finansieringen per medlem, med befolkning och medelskattekraft.",
                                                               csv: FinanceURL.feesCSV.link(organisation.slug, year), json: FinanceURL.API.fees.link(organisation.slug, year), order: 41)])
        }
        app.pageSlots.register(FollowUpSlots.periodSections) { subject, req in try await FinanceSlotSections.period(subject, on: req) }
        app.pageSlots.register(PlansSlots.documentParts) { content, req in try await FinanceSlotSections.annualReport(content, on: req) }
        app.pageSlots.register(PlansSlots.nodeSections) { subject, req in try await FinanceSlotSections.node(subject, on: req) }
        app.mailProducers.append { app, now in
            try await FundingReminders.enqueueDue(at: now, publicURL: app.siteShell.publicURL, on: app.db)
        }
        app.pageSlots.register(AuthSlots.accountRoles) { user, req in
            try await RoleQuery.organisations(of: user, kinds: [.editor, .administrator], on: req.db)
                .map { AccountShow.View.RoleLine(description: "Budgeten i \($0.name)", links: [Breadcrumb("hantera budget", url: FinanceURL.keep.link($0.slug)),
                                                                             Breadcrumb("extern finansiering", url: FinanceURL.keepFundings.link($0.slug))]) }
        }
        // The plan's "Finansiering och budget": its paragraphs and the table, after the plan's own sections.
        app.pageSlots.register(PlansSlots.documentParts) { content, req in
            let organisation = try await req.organisation()
            var parts: [PageSection] = []
            for budget in try await BudgetQuery.budgets(organisation.requireID(), on: req.db) where budget.spec.listedIn == content.slug {
                guard let shown = try await BudgetQuery.content(budget.year, organisationID: organisation.requireID(), on: req.db) else { continue }
                let html = Node<HTML.BodyContext>.div(
                    .id("finansiering-och-budget"), .unwrap(shown.introduction) { .markdown($0) }, .h3(.text(shown.title)), BudgetTable.table(shown),
                    .ul(.class("more"), .li(.a(.href(FinanceURL.budget.link(organisation.slug, String(shown.year))), .text("Budgeten med medlemsavgifter och nedladdningar")))))
                parts.append(PageSection(heading: shown.heading ?? "Finansiering och budget", content: html))
            }
            return parts
        }
    }
}
