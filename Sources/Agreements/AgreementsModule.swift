import Auth
import Core
import Fluent
import Mail
import Organisation
import Plans
import Vapor

/// The registry of agreements: records with parties, period, status, review date and documents,
/// linked to goals, key activities and networks; reviews reminded by e-mail and published as a
/// calendar. An agreement's own text, where it has one, is a steering document in Plans.
public enum AgreementsModule: AppModule {
    public static var migrations: [any Migration] { [CreateAgreements(), CreateAgreementsParticipation(), CreateAgreementsAccessions()] }

    public static func routes(_ routes: ModuleRoutes) throws {
        routes.pages.get(AgreementsURL.registry.pathComponents, use: RegistryController.registry).reads(RegistryFilter.pageParameters)
        routes.pages.get(AgreementsURL.calendar.pathComponents, use: RegistryController.calendar)
        routes.pages.get(AgreementsURL.secretCalendar.pathComponents, use: RegistryController.secretCalendar)
        routes.pages.get(AgreementsURL.agreement.pathComponents, use: RegistryController.agreement)
        routes.pages.get(AgreementsURL.document.pathComponents, use: RegistryController.document)
        routes.pages.get(AgreementsURL.party.pathComponents, use: RegistryController.party)
        routes.pages.get(AgreementsURL.csv.pathComponents, use: RegistryController.csv)
        routes.pages.get(AgreementsURL.participation.pathComponents, use: ParticipationController.page).reads("niva")
        routes.pages.get(AgreementsURL.accession.pathComponents, use: AccessionController.form)
        routes.pages.on(.POST, AgreementsURL.accession.pathComponents, body: .collect(maxSize: "16kb"), use: AccessionController.apply)
        routes.pages.get(AgreementsURL.application.pathComponents, use: AccessionController.follow).reads("klart")
        routes.pages.on(.POST, AgreementsURL.leave.pathComponents, body: .collect(maxSize: "4kb"), use: AccessionController.leave)
        routes.pages.get(AgreementsURL.accessions.pathComponents, use: AccessionController.list)

        let form: HTTPBodyStreamStrategy = .collect(maxSize: "256kb")
        let signedIn = routes.signedIn
        signedIn.get(AgreementsURL.staffRegistry.pathComponents, use: EditorController.registry).reads(RegistryFilter.pageParameters)
        signedIn.get(AgreementsURL.staffAgreement.pathComponents, use: EditorController.agreementPage)
        signedIn.get(AgreementsURL.newAgreement.pathComponents, use: EditorController.newForm)
        signedIn.on(.POST, AgreementsURL.newAgreement.pathComponents, body: form, use: EditorController.create)
        signedIn.get(AgreementsURL.editAgreement.pathComponents, use: EditorController.editForm)
        signedIn.on(.POST, AgreementsURL.editAgreement.pathComponents, body: form, use: EditorController.update)
        signedIn.get(AgreementsURL.commitments.pathComponents, use: CommitmentsController.form)
        signedIn.on(.POST, AgreementsURL.commitments.pathComponents, body: form, use: CommitmentsController.save)
        signedIn.upload(AgreementsURL.uploadDocument.pathComponents, maxSize: "11mb", use: EditorController.upload)
        signedIn.get(AgreementsURL.staffDocument.pathComponents, use: EditorController.document)
        signedIn.get(AgreementsURL.removeDocument.pathComponents, use: EditorController.removeDocumentForm)
        signedIn.on(.POST, AgreementsURL.removeDocument.pathComponents, body: form, use: EditorController.removeDocument)
        signedIn.get(AgreementsURL.markParticipation.pathComponents, use: ParticipationController.form).reads("niva")
        signedIn.on(.POST, AgreementsURL.markParticipation.pathComponents, body: form, use: ParticipationController.mark)
        signedIn.get(AgreementsURL.reviews.pathComponents, use: EditorController.reviews).reads("manader")
        signedIn.on(.POST, AgreementsURL.calendarLink.pathComponents, body: form, use: EditorController.calendarLink)
        signedIn.get(AgreementsURL.applications.pathComponents, use: AccessionController.applications)
        signedIn.on(.POST, AgreementsURL.decision.pathComponents, body: form, use: AccessionController.decide)

        typealias API = AgreementsURL.API
        routes.publicAPI.get(API.agreements.pathComponents, use: AgreementsAPIController.list).describe(AgreementsOpenAPI.list)
        routes.publicAPI.get(API.agreement.pathComponents, use: AgreementsAPIController.show).describe(AgreementsOpenAPI.show)
        routes.publicAPI.get(API.party.pathComponents, use: AgreementsAPIController.party).describe(AgreementsOpenAPI.partyCommitments)
        routes.publicAPI.get(API.participation.pathComponents, use: ParticipationController.json).describe(AgreementsOpenAPI.participation)
        routes.publicAPI.get(API.accessions.pathComponents, use: AccessionController.json).describe(AgreementsOpenAPI.accessions)
        routes.tokenAPI.get(API.applications.pathComponents, use: AgreementsAPIController.applications).describe(AgreementsOpenAPI.applications)
        routes.tokenAPI.on(.POST, API.decision.pathComponents, body: .collect(maxSize: "16kb"), use: AgreementsAPIController.decide)
            .describe(AgreementsOpenAPI.decide)
        routes.tokenAPI.get(API.registry.pathComponents, use: AgreementsAPIController.registry).describe(AgreementsOpenAPI.registry)
        routes.tokenAPI.on(.POST, API.agreements.pathComponents, body: .collect(maxSize: "64kb"), use: AgreementsAPIController.create)
            .describe(AgreementsOpenAPI.create)
        routes.tokenAPI.on(.PUT, API.agreement.pathComponents, body: .collect(maxSize: "64kb"), use: AgreementsAPIController.replace)
            .describe(AgreementsOpenAPI.replace)
    }

    public static var openAPI: OpenAPIComponents { AgreementsOpenAPI.components }

    /// "Avtal" once the registry has a public agreement; "Medverkan" once a key activity is marked.
    public static func navigation(tenant: Tenant, on db: any Database) async throws -> [NavigationEntry] {
        let registry = try await Agreement.query(on: db).filter(\.$organisationID == tenant.id).filter(\.$isPublic == true).first() != nil
        let marks = try await ParticipationMark.query(on: db).filter(\.$organisationID == tenant.id).first() != nil
        return (registry ? [NavigationEntry("Avtal", url: AgreementsURL.registry.link(tenant.slug), order: 18)] : [])
            + (marks ? [NavigationEntry("Medverkan", url: AgreementsURL.participation.link(tenant.slug), order: 19)] : [])
    }

    public static func sitemap(for organisation: String, on req: Request) async throws -> [String] {
        guard let record = try await OrganisationRecord.query(on: req.db).filter(\.$slug == organisation).first() else { return [] }
        let agreements = try await Agreement.query(on: req.db).filter(\.$organisationID == record.requireID()).filter(\.$isPublic == true)
            .filter(\.$status != .draft).sort(\.$key).all()
        let marked = try await ParticipationMark.query(on: req.db).filter(\.$organisationID == record.requireID()).first() != nil
        return (marked ? [AgreementsURL.participation.link(organisation)] : [])
            + (agreements.isEmpty ? [] : [AgreementsURL.registry.link(organisation)] + agreements.flatMap { agreement in
                // The parties' pages, where the agreement has commitments to list.
                let parties = agreement.spec.commitments.isEmpty ? [] : agreement.spec.parties.compactMap(\.organisation)
                let joining = agreement.spec.acceptsAccessions
                    ? [AgreementsURL.accession.link(organisation, agreement.key), AgreementsURL.accessions.link(organisation, agreement.key)] : []
                return [AgreementsURL.agreement.link(organisation, agreement.key)] + parties.map { AgreementsURL.party.link(organisation, agreement.key, $0) } + joining
            })
    }

    public static var fileSections: [any InterchangeSection.Type] { [AgreementsSection.self] }

    public static func register(in app: Application) throws {
        app.pageSlots.register(PlansSlots.documentParts) { content, req in try await PlanLinks.documentParts(for: content, on: req) }
        app.pageSlots.register(PlansSlots.nodeSections) { subject, req in try await PlanLinks.nodeSections(for: subject, on: req) }
        app.pageSlots.register(OrganisationSlots.actorSections) { subject, req in try await PlanLinks.actorSections(for: subject, on: req) }
        app.pageSlots.register(OrganisationSlots.openDataSets) { organisation, req in
            guard try await Agreement.query(on: req.db).filter(\.$organisationID == organisation.requireID()).filter(\.$isPublic == true).first() != nil else {
                return []
            }
            return [OpenDataSet(title: "Avtal och överenskommelser", description: "Registrets offentliga avtal med slag, status, period, omprövning, parter och kopplade aktiviteter.",
                                csv: AgreementsURL.csv.link(organisation.slug), json: AgreementsURL.API.agreements.link(organisation.slug), order: 30)]
        }
        app.pageSlots.register(AuthSlots.accountRoles) { user, req in
            try await RoleQuery.organisations(of: user, on: req.db)
                .map { AccountShow.View.RoleLine(description: "Avtalsregistret i \($0.name)",
                                            links: [Breadcrumb("alla avtal", url: AgreementsURL.staffRegistry.link($0.slug)),
                                                    Breadcrumb("omprövningar", url: AgreementsURL.reviews.link($0.slug))]) }
        }
        app.mailProducers.append { app, now in
            try await ReviewReminders.enqueueDue(at: now, publicURL: app.siteShell.publicURL, on: app.db)
            try await Accessions.tend(at: now, publicURL: app.siteShell.publicURL, on: app.db)
        }
    }
}
