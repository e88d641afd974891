import Core
import Foundation
import Organisation
import Plot

/// A short message about joining (too many applications).
final class AccessionMessagePage: OrganisationPage {
    let heading: String
    let message: String

    init(organisation: OrganisationRecord, heading: String, message: String) {
        self.heading = heading
        self.message = message
        super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
    }

    override func pageTitle() -> String { "\(heading) – \(organisationName)" }
    override func content() -> Node<HTML.BodyContext> { .article(.h1(.text(heading)), .p(.text(message))) }
}

/// The applicant's page behind the secret link: what was sent, where it stands, and leaving.
final class ApplicationFollowPage: OrganisationPage {
    let agreement: Agreement
    let application: AccessionApplication
    let token: String
    let csrf: String
    let notice: String?

    init(organisation: OrganisationRecord, agreement: Agreement, application: AccessionApplication, token: String, csrf: String, notice: String?) {
        self.agreement = agreement
        self.application = application
        self.token = token
        self.csrf = csrf
        self.notice = notice
        super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
    }

    override func pageTitle() -> String { "Ansökan från \(application.name) – \(organisationName)" }
    override func breadcrumbs() -> [Breadcrumb] {
        tenantCrumbs([Breadcrumb("Avtal och överenskommelser", url: AgreementsURL.registry.link(organisationSlug)),
                      Breadcrumb(agreement.title, url: AgreementsURL.agreement.link(organisationSlug, agreement.key)),
                      Breadcrumb("Ansökan från \(application.name)")])
    }

    override func content() -> Node<HTML.BodyContext> {
        let a = application
        return .article(
            .header(.p(.class("level-label"), .text("Ansökan om anslutning")), .h1(.text(a.name))),
            Forms.messages(error: nil, notice: notice),
            .dl(.class("facts"),
                .dt("Överenskommelse"), .dd(.a(.href(AgreementsURL.agreement.link(organisationSlug, agreement.key)), .text(agreement.title))),
                .dt("Organisationsnummer"), .dd(.text(a.orgNumber)),
                .dt("Inskickad"), .dd(.text(CalendarDate.day(of: a.submittedAt))),
                .dt("Status"), .dd(.strong(.text(a.status.label))),
                .unwrap(a.decidedAt) { .group(.dt("Beslut"), .dd(.text(CalendarDate.day(of: $0)))) },
                .unwrap(a.reason) { .group(.dt(a.status == .rejected ? "Skäl" : "Kommentar"), .dd(.text($0))) },
                .unwrap(a.joinedOn) { .group(.dt("Ansluten från"), .dd(.text($0))) },
                .unwrap(a.leftOn) { .group(.dt("Lämnade"), .dd(.text($0))) }),
            .p(.text(explanation)),
            .if(a.status == .approved, .section(
                .h2(.text("Lämna överenskommelsen")),
                .p(.text("Organisationen kan när som helst lämna överenskommelsen. Den står då kvar i listan med datum för anslutning och för när den lämnade.")),
                .form(.method(.post), .action(AgreementsURL.leave.link(organisationSlug, agreement.key, token)),
                      Forms.csrfField(csrf),
                      .div(.class("actions"), .button(.type(.submit), .class("danger"), .text("Lämna överenskommelsen"))))
            )),
            .p(.a(.href(AgreementsURL.accessions.link(organisationSlug, agreement.key)), .text("Anslutna organisationer")))
        )
    }

    var explanation: String {
        switch application.status {
        case .pending: "Ledningsgruppen går igenom ansökan och beslutar. Beslutet skickas till kontaktpersonens e-post och visas här."
        case .approved: "Organisationen är ansluten och visas i den offentliga listan över anslutna organisationer. Kontaktuppgifterna visas aldrig offentligt."
        case .rejected: "Ansökan och kontaktuppgifterna raderas \(Accessions.rejectedKeptDays) dagar efter beslutet; därefter fungerar inte länken. Det går att ansöka igen."
        case .left: "Organisationen har lämnat överenskommelsen. Den står kvar i listan med datum för anslutning och för när den lämnade."
        }
    }
}

/// The organisations that joined an agreement, with the day each joined (and left).
final class AccessionListPage: OrganisationPage {
    let agreement: Agreement
    let accessions: [AccessionContent]

    init(organisation: OrganisationRecord, agreement: Agreement, accessions: [AccessionContent]) {
        self.agreement = agreement
        self.accessions = accessions
        super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
    }

    override func pageTitle() -> String { "Anslutna organisationer – \(agreement.title)" }
    override func pageDescription() -> String { "Organisationer som har anslutit sig till \(agreement.title), med datum." }
    override func breadcrumbs() -> [Breadcrumb] {
        tenantCrumbs([Breadcrumb("Avtal och överenskommelser", url: AgreementsURL.registry.link(organisationSlug)),
                      Breadcrumb(agreement.title, url: AgreementsURL.agreement.link(organisationSlug, agreement.key)),
                      Breadcrumb("Anslutna organisationer")])
    }

    override func content() -> Node<HTML.BodyContext> {
        let current = accessions.filter { $0.leftOn == nil }.count
        return .article(
            .header(.p(.class("level-label"), .text(agreement.title)), .h1(.text("Anslutna organisationer"))),
            .p(.text(accessions.isEmpty ? "Ingen organisation har anslutit sig ännu." : "\(current) organisationer är anslutna"
                + (current == accessions.count ? "." : "; \(accessions.count - current) har anslutit sig och sedan lämnat."))),
            .unwrap(accessions.isEmpty ? nil : accessions) { accessions in
                .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "tabindex", value: "0"), .ariaLabel("Anslutna organisationer"),
                     .table(.thead(.tr(.th(.attribute(named: "scope", value: "col"), .text("Organisation")),
                                       .th(.attribute(named: "scope", value: "col"), .text("Ansluten")),
                                       .th(.attribute(named: "scope", value: "col"), .text("Lämnade")))),
                            .tbody(.forEach(accessions) { accession in
                                .tr(.th(.attribute(named: "scope", value: "row"), .text(accession.name)), .td(.text(accession.joinedOn)),
                                    .td(.text(accession.leftOn ?? "–")))
                            })))
            },
            .p(.a(.href(AgreementsURL.accession.link(organisationSlug, agreement.key)), .text("Ansök om att ansluta er organisation"))),
            .p(.class("meta"), .text("Listan som öppna data: "), .a(.href(AgreementsURL.API.accessions.link(organisationSlug, agreement.key)), .text("JSON")))
        )
    }
}

/// The applications to join, for the ledningsgrupp: those waiting with a decision form each, then the decided.
final class ApplicationsPage: OrganisationPage {
    /// A refused decision: shown beside its field in the form of that application, with the input kept.
    struct Refusal {
        let id: String
        let field: String
        let message: String
        let decision: String
        let reason: String
    }

    let agreement: Agreement
    let applications: [ApplicationContent]
    let csrf: String
    let notice: String?
    let refusal: Refusal?

    init(organisation: OrganisationRecord, agreement: Agreement, applications: [ApplicationContent], csrf: String, notice: String? = nil, refusal: Refusal? = nil) {
        self.agreement = agreement
        self.applications = applications
        self.csrf = csrf
        self.notice = notice
        self.refusal = refusal
        super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
    }

    override func pageTitle() -> String { "Ansökningar om anslutning – \(agreement.title)" }
    override func breadcrumbs() -> [Breadcrumb] {
        tenantCrumbs([Breadcrumb("Avtal och överenskommelser", url: AgreementsURL.registry.link(organisationSlug)),
                      Breadcrumb("Hantera", url: AgreementsURL.staffRegistry.link(organisationSlug)),
                      Breadcrumb(agreement.title, url: AgreementsURL.staffAgreement.link(organisationSlug, agreement.key)),
                      Breadcrumb("Ansökningar")])
    }

    override func content() -> Node<HTML.BodyContext> {
        let pending = applications.filter { $0.status == .pending }, decided = applications.filter { $0.status != .pending }
        return .article(
            .header(.p(.class("level-label"), .text(agreement.title)), .h1(.text("Ansökningar om anslutning"))),
            Forms.messages(error: refusal.map { _ in "Beslutet sparades inte. Se meddelandet vid ansökan." }, notice: notice),
            .p(.text("Kontaktuppgifterna är bara för ledningsgruppen. Avslagna ansökningar raderas \(Accessions.rejectedKeptDays) dagar efter beslutet; "
                     + "ledningsgruppen påminns varje vecka om ansökningar som har väntat i \(Accessions.reminderDays) dagar.")),
            .section(.h2(.text("Väntar på beslut (\(pending.count))")),
                     pending.isEmpty ? .p(.text("Inga ansökningar väntar.")) : .forEach(pending) { pendingItem($0) }),
            .if(!decided.isEmpty, .section(.h2(.text("Avgjorda (\(decided.count))")), .ul(.forEach(decided) { application in
                .li(.strong(.text(application.name)), .text(" (\(application.orgNumber)) – \(application.status.label.lowercased())"),
                    .text(application.decidedAt.map { ", beslut \($0.prefix(10))" } ?? ""),
                    .unwrap(application.reason) { .text(". Skäl: \($0)") },
                    .unwrap(application.leftOn) { .text(". Lämnade \($0).") })
            }))),
            .p(.a(.href(AgreementsURL.accessions.link(organisationSlug, agreement.key)), .text("Den offentliga listan över anslutna")))
        )
    }

    func pendingItem(_ application: ApplicationContent) -> Node<HTML.BodyContext> {
        let id = application.id
        return .section(
            .class("application"), .attribute(named: "aria-labelledby", value: HTML.escape("ansokan-\(id)")),
            .h3(.id(HTML.escape("ansokan-\(id)")), .text(application.name)),
            .dl(.class("facts"),
                .dt("Organisationsnummer"), .dd(.text(application.orgNumber)),
                .dt("Inskickad"), .dd(.text(String(application.submittedAt.prefix(10)))),
                .dt("Kontaktperson"), .dd(.text("\(application.contactName), \(application.contactEmail)")),
                .dt("Verkar i"), .dd(.text(application.area)),
                .dt("Inriktning och omfattning"), .dd(.text(application.scope))),
            decisionForm(application)
        )
    }

    func decisionForm(_ application: ApplicationContent) -> Node<HTML.BodyContext> {
        let id = application.id
        let refused = refusal?.id == id ? refusal : nil
        let fields: [Forms.FieldSpec] = [
            .init("decision", "Beslut om \(application.name)", .select([.init("", "Välj…"), .init("approve", "Godkänn"), .init("reject", "Avslå")])),
            .init("reason", "Skäl eller kommentar", .textarea(rows: 3), hint: "Krävs vid avslag. Den sökande får läsa det."),
        ]
        let state = Forms.FormState(values: ["decision": refused?.decision ?? "", "reason": refused?.reason ?? ""],
                                    error: refused.map { ($0.field, $0.message) })
        return .form(.method(.post), .action(AgreementsURL.decision.link(organisationSlug, agreement.key, id)),
                     Forms.csrfField(csrf), Forms.fields(fields, state: state, idPrefix: "\(id)-"),
                     .div(.class("actions"), .button(.type(.submit), .text("Spara beslutet"), .span(.class("visually-hidden"), .text(" om \(application.name)")))))
    }
}
