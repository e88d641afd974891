import Core
import Foundation
import Organisation
import Plot

enum FundingShow {
    final class View: OrganisationPage {
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
}
