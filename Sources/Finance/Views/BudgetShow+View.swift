import Core
import Foundation
import Organisation
import Plot

/// One year's budget beside the year before, with its notes, facts and downloads.
enum BudgetShow {
    final class View: OrganisationPage {
        let budget: BudgetContent
        let hasFees: Bool
        let financing: FinancingContent

        init(organisation: OrganisationRecord, budget: BudgetContent, hasFees: Bool, financing: FinancingContent) {
            self.budget = budget
            self.hasFees = hasFees
            self.financing = financing
            super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
        }

        override func pageTitle() -> String { "\(budget.title) – \(organisationName)" }
        override func pageDescription() -> String {
            "\(budget.title) för \(organisationName): kostnader \(Formatting.thousands(budget.costSum.amount)), intäkter "
                + "\(Formatting.thousands(budget.revenueSum.amount)), resultat \(Formatting.thousands(budget.result.amount)) kronor."
        }
        override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Budget", url: FinanceURL.budgets.link(organisationSlug)), Breadcrumb(budget.title))
        }

        override func content() -> Node<HTML.BodyContext> {
            let year = String(budget.year)
            return .article(
                .header(.p(.class("level-label"), .text("Budget")), .h1(.text(budget.title))),
                .dl(.class("facts"),
                    .dt("Status"), .dd(.text(budget.statusLabel)),
                    .unwrap(budget.adoptedBy) { .group(.dt("Beslutad av"), .dd(.text($0))) },
                    .unwrap(budget.adoptedOn) { .group(.dt("Beslutad den"), .dd(.text($0))) },
                    .unwrap(budget.decisionReference) { .group(.dt("Beslut"), .dd(.text($0))) },
                    .if(budget.status == .adopted && budget.adoptedBy == nil && budget.adoptedOn == nil,
                        .group(.dt("Beslut"), .dd(.text("Dokumentet anger inte när eller av vem budgeten beslutades."))))),
                .unwrap(budget.introduction) { .section(.markdown($0)) },
                BudgetTable.table(budget),
                .ul(.class("more"),
                    .if(hasFees, .li(.a(.href(FinanceURL.fees.link(organisationSlug, year)), .text("Medlemsavgifterna under taket \(budget.year)")))),
                    .li(.a(.href(FinanceURL.outcomes.link(organisationSlug, year)), .text("Utfall \(budget.year) ur bokföringen"))),
                    .li(.a(.href(FinanceURL.fundings.link(organisationSlug)), .text("Extern finansiering")))),
                FinancingSection.section(financing, organisation: organisationSlug),
                .unwrap(budget.history.isEmpty ? nil : budget.history) { history in
                    .section(.h2(.text("Versioner")), .ol(.class("history"), .forEach(history) { change in
                        .li(.text("Version \(change.revision), \(change.changedAt.prefix(10)) (\(change.status.label.lowercased())): \(change.changes.isEmpty ? "inga ändringar" : change.changes.joined(separator: ", "))"))
                    }))
                },
                .p(.class("meta"), .text("Ladda ner: "),
                   .a(.href(FinanceURL.budgetSheet.link(organisationSlug, year)), .text("för kalkylprogram (CSV med semikolon)")), .text(" · "),
                   .a(.href(FinanceURL.budgetCSV.link(organisationSlug, year)), .text("öppna data (CSV)")), .text(" · "),
                   .a(.href(FinanceURL.API.budget.link(organisationSlug, year)), .text("JSON")))
            )
        }
    }
}
