import Core
import Foundation
import Organisation
import Plot

/// The organisation's budgets, newest first.
enum BudgetIndex {
    final class View: OrganisationPage {
        let budgets: [BudgetSummary]

        init(organisation: OrganisationRecord, budgets: [BudgetSummary]) {
            self.budgets = budgets
            super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
        }

        override func pageTitle() -> String { "Budget – \(organisationName)" }
        override func pageDescription() -> String { "\(organisationName)s budgetar år för år, med medlemsavgifterna under taket." }
        override func breadcrumbs() -> [Breadcrumb] { organisationCrumbs(Breadcrumb("Budget")) }

        override func content() -> Node<HTML.BodyContext> {
            .article(
                .h1(.text("Budget")),
                budgets.isEmpty ? .p(.text("Organisationen har ingen budget i Samsyn ännu.")) : .ul(.forEach(budgets) { budget in
                    .li(.a(.href(FinanceURL.budget.link(organisationSlug, String(budget.year))), .text(budget.title)),
                        .text(" – \(budget.status.label.lowercased()), resultat \(Formatting.thousands(budget.result)) kronor"))
                })
            )
        }
    }
}
