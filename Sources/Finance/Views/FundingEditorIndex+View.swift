import Core
import Foundation
import Organisation
import Plot

/// The editors' list of fundings, with the forms' links and the removal's buttons.
enum FundingEditorIndex {
    final class View: OrganisationPage {
        let fundings: [Funding]
        let notice: String?

        init(organisation: OrganisationRecord, fundings: [Funding], notice: String?) {
            self.fundings = fundings
            self.notice = notice
            super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
        }

        override func pageTitle() -> String { "Hantera extern finansiering – \(organisationName)" }
        override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Budget", url: FinanceURL.budgets.link(organisationSlug)),
                               Breadcrumb("Hantera", url: FinanceURL.keep.link(organisationSlug)), Breadcrumb("Extern finansiering"))
        }

        override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text("Hantera extern finansiering")),
                Forms.messages(error: nil, notice: notice),
                .p(.text("Finansiärens rapporter påminns med e-post före sista dagen, till kontaktpersonen eller organisationens redaktörer, tills de är markerade som lämnade.")),
                .p(.a(.class("button-link"), .href(FinanceURL.newFunding.link(organisationSlug)), .text("Lägg till en finansiering"))),
                fundings.isEmpty ? .p(.text("Ingen extern finansiering är registrerad.")) : .ul(.forEach(fundings) { funding in
                    .li(.a(.href(FinanceURL.funding.link(organisationSlug, funding.key)), .text(funding.spec.title)),
                        .text(" – \(Formatting.thousands(funding.spec.amount)) kronor · "),
                        .a(.href(FinanceURL.editFunding.link(organisationSlug, funding.key)), .text("Ändra"), .span(.class("visually-hidden"), .text(" \(funding.spec.title)"))),
                        .text(" · "),
                        .a(.href(FinanceURL.removeFunding.link(organisationSlug, funding.key)), .text("Ta bort"), .span(.class("visually-hidden"), .text(" \(funding.spec.title)"))))
                })
            )
        }
    }
}
