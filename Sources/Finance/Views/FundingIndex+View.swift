import Core
import Foundation
import Organisation
import Plot

/// The external funding: the list (what each grant pays for, from whom, how much and for when)
/// and a page per funding with its reporting deadlines.
enum FundingIndex {
    final class View: OrganisationPage {
        let fundings: [FundingContent]

        init(organisation: OrganisationRecord, fundings: [FundingContent]) {
            self.fundings = fundings
            super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
        }

        override func pageTitle() -> String { "Extern finansiering – \(organisationName)" }
        override func pageDescription() -> String { "Statsbidrag, EU-medel och andra externa medel som finansierar \(organisationName)s arbete, och vad de betalar." }
        override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Budget", url: FinanceURL.budgets.link(organisationSlug)), Breadcrumb("Extern finansiering"))
        }

        override func content() -> Node<HTML.BodyContext> {
            .article(
                .class("wide"),
                .h1(.text("Extern finansiering")),
                .if(fundings.contains(where: \.example), .exampleMark("finansieringar märkta exempel är påhittade", "organisationens egna bidrag")),
                fundings.isEmpty ? .p(.text("Organisationen har ingen extern finansiering i Samsyn.")) : .group(
                    .p(.text("Bidrag och fonder som betalar delar av arbetet, med nyckelaktiviteterna och projekten de finansierar. "
                             + "Resten av budgeten finansieras av medlemsavgifterna och övriga intäkter.")),
                    .scrollingTable("Extern finansiering", .table(
                        .class("stack"),
                        .caption(.text("Extern finansiering, kronor")),
                        .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text("Finansiering")), .th(.attribute(named: "scope", value: "col"), .text("Finansiär")),
                                   .th(.attribute(named: "scope", value: "col"), .text("Program")), .th(.attribute(named: "scope", value: "col"), .class("amount"), .text("Belopp")),
                                   .th(.attribute(named: "scope", value: "col"), .text("Period")), .th(.attribute(named: "scope", value: "col"), .text("Betalar")))),
                        .tbody(.forEach(fundings) { funding in
                            .tr(.th(.attribute(named: "scope", value: "row"), .a(.href(FinanceURL.funding.link(organisationSlug, funding.key)), .text(funding.title)),
                                    .if(funding.example, .text(" (exempel)"))),
                                .td(.label("Finansiär"), .text(funding.funder.name)), .td(.label("Program"), .text(funding.programme)),
                                .td(.class("amount"), .label("Belopp"), .text(Formatting.thousands(funding.amount))),
                                .td(.label("Period"), .text("\(funding.startsOn) – \(funding.endsOn)")),
                                .td(.label("Betalar"), .text((funding.activities.map(\.title) + funding.projects).joined(separator: "; "))))
                        }))),
                    .downloads("den externa finansieringen", csv: FinanceURL.fundingsCSV.link(organisationSlug), json: FinanceURL.API.fundings.link(organisationSlug)),
                    .p(.class("meta"), .a(.href(FinanceURL.fundingsSheet.link(organisationSlug)), .text("För kalkylprogram (CSV med semikolon)"))))
            )
        }
    }
}
