import Core
import Foundation
import Organisation
import Plot

/// The reviews to come and those overdue, with the responsible person; and the calendar links.
enum ReviewIndex {
    final class View: OrganisationPage {
        let overdue: [AgreementContent]
        let coming: [AgreementContent]
        let months: Int
        let mayEdit: Bool
        let hasSecretFeed: Bool
        let newFeedURL: String?
        let csrf: String
        let notice: String?

        init(organisation: OrganisationRecord, overdue: [AgreementContent], coming: [AgreementContent], months: Int, mayEdit: Bool,
             hasSecretFeed: Bool, newFeedURL: String?, csrf: String, notice: String?) {
            self.overdue = overdue
            self.coming = coming
            self.months = months
            self.mayEdit = mayEdit
            self.hasSecretFeed = hasSecretFeed
            self.newFeedURL = newFeedURL
            self.csrf = csrf
            self.notice = notice
            super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
        }

        override func pageTitle() -> String { "Omprövningar av avtal – \(organisationName)" }
        override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Avtal och överenskommelser", url: AgreementsURL.registry.link(organisationSlug)), Breadcrumb("Omprövningar"))
        }

        override func content() -> Node<HTML.BodyContext> {
            let org = organisationSlug
            return .article(.class("wide"),
                .h1(.text("Omprövningar")),
                Forms.messages(error: nil, notice: notice),
                .p(.text("Avtal som ska omprövas de närmaste \(months) månaderna och de vars omprövningsdatum har passerat. Den ansvariga påminns med e-post 60 och 14 dagar före och när datumet har passerat.")),
                .form(.method(.get), .action(AgreementsURL.reviews.link(org)), .class("filters"),
                      .div(.class("field"), .label(.for("manader"), .text("Antal månader framåt")),
                           .input(.type(.number), .name("manader"), .id("manader"), .value(HTML.escape(String(months))), .attribute(named: "min", value: "1"),
                                  .attribute(named: "max", value: "60"))),
                      .div(.class("actions"), .button(.type(.submit), .text("Visa")))),
                .section(.h2(.text("Passerade")), overdue.isEmpty ? .p(.text("Inget avtal har ett passerat omprövningsdatum.")) : list(overdue)),
                .section(.h2(.text("Kommande")), coming.isEmpty ? .p(.text("Inga omprövningar de närmaste \(months) månaderna.")) : list(coming)),
                .section(.h2(.text("Kalender")),
                         .p(.text("Omprövningsdatumen som heldagshändelser i en kalender (iCalendar). Den offentliga kalendern har de offentliga avtalen; den hemliga adressen har alla, också interna."),
                            .text(" "), .a(.href(AgreementsURL.calendar.link(org)), .text("Offentlig kalender"))),
                         .unwrap(newFeedURL) { url in
                             .p(.class("form-ok"), .attribute(named: "role", value: "status"),
                                .text("Den nya hemliga adressen (visas bara nu; kopiera den till kalendern): "), .code(.text(url)))
                         },
                         .p(.text(hasSecretFeed ? "En hemlig adress finns. En ny adress gör den gamla ogiltig." : "Ingen hemlig adress finns.")),
                         .if(mayEdit, .form(.method(.post), .action(AgreementsURL.calendarLink.link(org)), Forms.csrfField(csrf),
                                            .div(.class("actions"),
                                                 .button(.type(.submit), .name("action"), .value("new"), .text(hasSecretFeed ? "Skapa en ny hemlig adress" : "Skapa en hemlig adress")),
                                                 .if(hasSecretFeed, .button(.type(.submit), .class("secondary"), .name("action"), .value("revoke"), .text("Återkalla den hemliga adressen")))))))
            )
        }

        func list(_ agreements: [AgreementContent]) -> Node<HTML.BodyContext> {
            .scrollingTable("Omprövningar", .table(
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text("Datum")), .th(.attribute(named: "scope", value: "col"), .text("Avtal")),
                           .th(.attribute(named: "scope", value: "col"), .text("Ansvarig")), .th(.attribute(named: "scope", value: "col"), .text("Status")))),
                .tbody(.forEach(agreements) { agreement in
                    .tr(.td(.text(agreement.reviewOn ?? "")),
                        .th(.attribute(named: "scope", value: "row"), .a(.href(AgreementsURL.staffAgreement.link(organisationSlug, agreement.key)), .text(agreement.title))),
                        .td(.text(agreement.reviewer ?? "Ingen utsedd")),
                        .td(.text(agreement.status.label)))
                })))
        }
    }
}
