import Core
import Foundation
import Organisation
import Plot

/// The external funding: the list (what each grant pays for, from whom, how much and for when)
/// and a page per funding with its reporting deadlines.
final class FundingIndexPage: OrganisationPage {
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

final class FundingPage: OrganisationPage {
    let funding: FundingContent

    init(organisation: OrganisationRecord, funding: FundingContent) {
        self.funding = funding
        super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
    }

    override func pageTitle() -> String { "\(funding.title) – \(organisationName)" }
    override func pageDescription() -> String {
        "\(funding.title): \(Formatting.thousands(funding.amount)) kronor från \(funding.funder.name) (\(funding.programme)), \(funding.startsOn) – \(funding.endsOn)."
    }
    override func breadcrumbs() -> [Breadcrumb] {
        organisationCrumbs(Breadcrumb("Budget", url: FinanceURL.budgets.link(organisationSlug)),
                           Breadcrumb("Extern finansiering", url: FinanceURL.fundings.link(organisationSlug)), Breadcrumb(funding.title))
    }

    override func content() -> Node<HTML.BodyContext> {
        .article(
            .header(.p(.class("level-label"), .text("Extern finansiering")), .h1(.text(funding.title))),
            .if(funding.example, .exampleMark("den här finansieringen är påhittad", "ett verkligt bidrag")),
            .dl(.class("facts"),
                .dt("Finansiär"), .dd(.text(funding.funder.name)),
                .dt("Program"), .dd(.text(funding.programme)),
                .dt("Beviljat belopp"), .dd(.text("\(Formatting.thousands(funding.amount)) kronor")),
                .dt("Period"), .dd(.text("\(funding.startsOn) – \(funding.endsOn)")),
                .unwrap(funding.byYear.isEmpty ? nil : funding.byYear) { years in
                    .group(.dt("Per budgetår"), .dd(.text(years.map { "\($0.year): \(Formatting.thousands($0.amount)) kronor" }.joined(separator: ", "))))
                },
                .unwrap(funding.costCentre) { .group(.dt("Budgetrad"), .dd(.text("Kostnadsställe \($0)"))) }),
            .unwrap(funding.summary) { .section(.markdown($0)) },
            .section(.h2(.text("Det här betalar finansieringen")),
                     funding.activities.isEmpty && funding.projects.isEmpty ? .p(.text("Finansieringen är inte knuten till någon nyckelaktivitet eller något projekt."))
                        : .ul(.forEach(funding.activities) { activity in
                            .li(activity.url.map { Node.a(.href(HTML.escape($0)), .text(activity.title)) } ?? .text(activity.title), .text(" (\(activity.documentTitle))"))
                        }, .forEach(funding.projects) { .li(.text("Projekt: \($0)")) })),
            .section(.h2(.text("Rapporter till finansiären")),
                     funding.deadlines.isEmpty ? .p(.text("Inga rapporter är angivna."))
                        : .ul(.forEach(funding.deadlines) { deadline in
                            .li(.strong(.text(deadline.on)), .text(" – \(deadline.what)"),
                                .text(deadline.reportedOn.map { " (lämnad \($0))" } ?? " (påminnelse \(deadline.remindDaysBefore) dagar före)"))
                        })),
            .p(.class("meta"), .a(.href(FinanceURL.API.funding.link(organisationSlug, funding.key)), .text("Som JSON")))
        )
    }
}

/// The editors' list of fundings, with the forms' links and the removal's buttons.
final class FundingKeepPage: OrganisationPage {
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
