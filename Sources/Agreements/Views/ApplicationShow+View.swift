import Core
import Foundation
import Organisation
import Plot

/// The applicant's page behind the secret link: what was sent, where it stands, and leaving.
enum ApplicationShow {
    final class View: OrganisationPage {
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
}
