import Core
import Foundation
import Organisation
import Plot

/// The applications to join, for the ledningsgrupp: those waiting with a decision form each, then the decided.
enum ApplicationIndex {
    final class View: OrganisationPage {
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
}
