import Auth
import Core
import Fluent
import Mail
import Organisation
import Plans
import SQLKit
import Vapor

/// Following up adopted plans: reporting periods, activity reports, goal assessments, public
/// dashboards and reminders by e-mail. Refers to the plans by document slug, version number and
/// node lineage, and never writes Plans' tables (docs/decisions/0008).
public enum FollowUpModule: AppModule {
    public static var migrations: [any Migration] { [CreateFollowUp(), CreateFollowUpIndicators(), UpdateFollowUpIndicatorsAddSource(), CreateFollowUpSurveys(), CreateFollowUpReportSnapshots()] }

    public static func routes(_ routes: ModuleRoutes) throws {
        routes.pages.get(FollowUpURL.index.pathComponents, use: FollowUpController.index)
        routes.pages.get(FollowUpURL.dashboard.pathComponents, use: FollowUpController.dashboard).reads("period")
        routes.pages.get(FollowUpURL.csv.pathComponents, use: FollowUpController.csv)
        routes.pages.get(FollowUpURL.indicator.pathComponents, use: IndicatorController.show)
        routes.pages.get(FollowUpURL.indicatorCSV.pathComponents, use: IndicatorController.csv)

        let form: HTTPBodyStreamStrategy = .collect(maxSize: "64kb")
        let signedIn = routes.signedIn
        signedIn.get(FollowUpURL.periods.pathComponents, use: EditorController.periods)
        signedIn.get(FollowUpURL.newPeriod.pathComponents, use: EditorController.newPeriodForm).reads("mall")
        signedIn.on(.POST, FollowUpURL.newPeriod.pathComponents, body: form, use: EditorController.newPeriod)
        signedIn.get(FollowUpURL.period.pathComponents, use: EditorController.period)
        signedIn.get(FollowUpURL.report.pathComponents, use: EditorController.reportForm)
        signedIn.on(.POST, FollowUpURL.report.pathComponents, body: form, use: EditorController.report)
        signedIn.get(FollowUpURL.assessment.pathComponents, use: EditorController.assessmentForm)
        signedIn.on(.POST, FollowUpURL.assessment.pathComponents, body: form, use: EditorController.assess)
        signedIn.get(FollowUpURL.close.pathComponents, use: EditorController.closeForm)
        signedIn.on(.POST, FollowUpURL.close.pathComponents, body: form, use: EditorController.close)
        signedIn.get(FollowUpURL.reporters.pathComponents, use: EditorController.reportersForm)
        signedIn.on(.POST, FollowUpURL.reporters.pathComponents, body: form, use: EditorController.saveReporters)
        signedIn.get(FollowUpURL.indicators.pathComponents, use: EditorController.indicators)
        signedIn.get(FollowUpURL.newIndicator.pathComponents, use: EditorController.newIndicatorForm).reads("mal")
        signedIn.on(.POST, FollowUpURL.newIndicator.pathComponents, body: form, use: EditorController.addIndicator)
        signedIn.get(FollowUpURL.editIndicator.pathComponents, use: EditorController.editIndicatorForm)
        signedIn.on(.POST, FollowUpURL.editIndicator.pathComponents, body: form, use: EditorController.saveIndicator)
        signedIn.get(FollowUpURL.indicatorValues.pathComponents, use: EditorController.valuesForm).reads("period")
        signedIn.on(.POST, FollowUpURL.indicatorValues.pathComponents, body: form, use: EditorController.saveValues)
        signedIn.get(FollowUpURL.deleteIndicator.pathComponents, use: EditorController.deleteIndicatorForm)
        signedIn.on(.POST, FollowUpURL.deleteIndicator.pathComponents, body: form, use: EditorController.deleteIndicator)
        signedIn.get(SurveyURL.contacts.pathComponents, use: EditorController.contacts)
        signedIn.get(SurveyURL.newContact.pathComponents, use: EditorController.newContactForm).reads("natverk")
        signedIn.on(.POST, SurveyURL.newContact.pathComponents, body: form, use: EditorController.addContact)
        signedIn.on(.POST, SurveyURL.removeContact.pathComponents, body: form, use: EditorController.removeContact)
        signedIn.get(SurveyURL.surveys.pathComponents, use: EditorController.surveys)
        signedIn.get(SurveyURL.newSurvey.pathComponents, use: EditorController.newSurveyForm)
        signedIn.on(.POST, SurveyURL.newSurvey.pathComponents, body: form, use: EditorController.openSurvey)
        signedIn.get(SurveyURL.results.pathComponents, use: EditorController.results)
        signedIn.on(.POST, SurveyURL.quotes.pathComponents, body: form, use: EditorController.quote)
        routes.pages.get(SurveyURL.answer.pathComponents, use: SurveyAnswerController.show).reads("klart")
        routes.pages.on(.POST, SurveyURL.answer.pathComponents, body: .collect(maxSize: "16kb"), use: SurveyAnswerController.answer)
        signedIn.get(FollowUpURL.templates.pathComponents, use: EditorController.templatesForm)
        signedIn.on(.POST, FollowUpURL.templates.pathComponents, body: form, use: EditorController.saveTemplates)

        typealias API = FollowUpURL.API
        let write: HTTPBodyStreamStrategy = .collect(maxSize: "64kb")
        routes.publicAPI.get(API.followUp.pathComponents, use: FollowUpAPIController.show).describe(FollowUpOpenAPI.followUp)
        routes.tokenAPI.get(API.periods.pathComponents, use: FollowUpAPIController.periods).describe(FollowUpOpenAPI.periods)
        routes.tokenAPI.on(.POST, API.periods.pathComponents, body: write, use: FollowUpAPIController.openPeriod).describe(FollowUpOpenAPI.openPeriod)
        routes.tokenAPI.get(API.period.pathComponents, use: FollowUpAPIController.showPeriod).describe(FollowUpOpenAPI.period)
        routes.tokenAPI.on(.PUT, API.report.pathComponents, body: write, use: FollowUpAPIController.putReport).describe(FollowUpOpenAPI.report)
        routes.tokenAPI.on(.PUT, API.assessment.pathComponents, body: write, use: FollowUpAPIController.putAssessment).describe(FollowUpOpenAPI.assessment)
        routes.tokenAPI.on(.POST, API.closure.pathComponents, body: write, use: FollowUpAPIController.close).describe(FollowUpOpenAPI.closure)
        routes.publicAPI.get(API.indicators.pathComponents, use: IndicatorAPIController.list).describe(FollowUpOpenAPI.indicators)
        routes.publicAPI.get(API.annualReport.pathComponents, use: IndicatorAPIController.annualReport).describe(FollowUpOpenAPI.annualReport)
        routes.publicAPI.get(API.indicator.pathComponents, use: IndicatorAPIController.show).describe(FollowUpOpenAPI.indicator)
        routes.tokenAPI.on(.POST, API.indicators.pathComponents, body: write, use: IndicatorAPIController.create).describe(FollowUpOpenAPI.createIndicator)
        routes.tokenAPI.on(.PUT, API.indicator.pathComponents, body: write, use: IndicatorAPIController.replace).describe(FollowUpOpenAPI.replaceIndicator)
        routes.tokenAPI.on(.DELETE, API.indicator.pathComponents, use: IndicatorAPIController.delete).describe(FollowUpOpenAPI.deleteIndicator)
        routes.tokenAPI.on(.POST, API.koladaImports.pathComponents, body: .collect(maxSize: "64mb"), use: IndicatorAPIController.importKolada)
            .describe(FollowUpOpenAPI.koladaImport)
        routes.tokenAPI.get(API.contacts.pathComponents, use: SurveyAPIController.contacts).describe(SurveyOpenAPI.contacts)
        routes.tokenAPI.on(.POST, API.contacts.pathComponents, body: write, use: SurveyAPIController.addContact).describe(SurveyOpenAPI.addContact)
        routes.tokenAPI.on(.DELETE, API.contact.pathComponents, use: SurveyAPIController.removeContact).describe(SurveyOpenAPI.removeContact)
        routes.tokenAPI.get(API.surveys.pathComponents, use: SurveyAPIController.surveys).describe(SurveyOpenAPI.surveys)
        routes.tokenAPI.on(.POST, API.surveys.pathComponents, body: write, use: SurveyAPIController.open).describe(SurveyOpenAPI.open)
        routes.tokenAPI.get(API.survey.pathComponents, use: SurveyAPIController.show).describe(SurveyOpenAPI.survey)
        routes.tokenAPI.on(.POST, API.quotes.pathComponents, body: write, use: SurveyAPIController.quote).describe(SurveyOpenAPI.quote)
    }

    public static var openAPI: OpenAPIComponents { FollowUpOpenAPI.components.merging(SurveyOpenAPI.components) }

    /// "Uppföljning" once a period is opened.
    public static func navigation(tenant: Tenant, on db: any Database) async throws -> [NavigationEntry] {
        struct Has: Decodable { let periods: Int }
        let has = try await (db as! any SQLDatabase).raw("""
            SELECT CASE WHEN EXISTS (SELECT 1 FROM \(ident: ReportingPeriod.schema) WHERE organisation_id = \(bind: tenant.id)) THEN 1 ELSE 0 END AS periods
            """).first(decoding: Has.self)
        guard has?.periods == 1 else { return [] }
        return [NavigationEntry("Uppföljning", url: FollowUpURL.index.link(tenant.slug), order: 15)]
    }

    public static func sitemap(for organisation: String, on req: Request) async throws -> [String] {
        guard let record = try await OrganisationRecord.query(on: req.db).filter(\.$slug == organisation).first() else { return [] }
        let periods = try await ReportingPeriod.query(on: req.db).filter(\.$organisationID == record.requireID()).filter(\.$state == .closed).all()
        let indicators = try await Indicator.query(on: req.db).filter(\.$organisationID == record.requireID()).sort(\.$documentSlug).sort(\.$key).all()
            .map { FollowUpURL.indicator.link(organisation, $0.documentSlug, $0.key) }
        guard !periods.isEmpty else { return indicators }
        return [FollowUpURL.index.link(organisation)]
            + Set(periods.map(\.documentSlug)).sorted().map { FollowUpURL.dashboard(organisation, $0) }
            + periods.map { FollowUpURL.dashboard(organisation, $0.documentSlug, period: $0.key) } + indicators
    }

    public static var fileSections: [any InterchangeSection.Type] { [FollowUpSection.self] }

    public static func register(in app: Application) throws {
        app.carryOverRule = ReportedCarryOver()
        // Every user of an organisation finds its follow-up from the account page.
        app.pageSlots.register(AuthSlots.accountRoles) { user, req in
            try await RoleQuery.organisations(of: user, on: req.db)
                .map { AccountShow.View.RoleLine(description: "Uppföljning i \($0.name)", links: [Breadcrumb("perioder och rapporter", url: FollowUpURL.index.link($0.slug))]) }
        }
        app.pageSlots.register(PlansSlots.documentParts) { content, req in try await AnnualReportProvider.parts(for: content, on: req) }
        app.adoptionHooks.append(AnnualReportProvider.snapshot)
        app.pageSlots.register(PlansSlots.nodeSections) { subject, req in try await IndicatorController.sections(for: subject, on: req) }
        app.pageSlots.register(PlansSlots.reportedProgress) { content, req in
            try await ProgressProvider.progress(for: content, on: req).map { [$0] } ?? []
        }
        app.mailProducers.append { app, now in
            try await Reminders.enqueueDue(at: now, publicURL: app.siteShell.publicURL, on: app.db)
            // Not mail, but the same periodic pass: survey free text past its retention period goes.
            try await SurveyWork.purgeOldText(at: now, on: app.db)
        }
    }
}
