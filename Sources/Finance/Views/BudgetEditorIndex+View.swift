import Core
import Foundation
import Organisation
import Plot

/// The organisation's budgets for its editors: change a proposal, record the decision, copy to next year.
enum BudgetEditorIndex {
    final class View: OrganisationPage {
        let budgets: [BudgetSummary]
        let csrf: String
        let notice: String?
        let error: String?
        /// The year typed into the new-budget form, kept when it is refused.
        let year: String?

        init(organisation: OrganisationRecord, budgets: [BudgetSummary], csrf: String, notice: String?, error: String? = nil, year: String? = nil) {
            self.budgets = budgets
            self.csrf = csrf
            self.notice = notice
            self.error = error
            self.year = year
            super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
        }

        override func pageTitle() -> String { "Hantera budget – \(organisationName)" }
        override func breadcrumbs() -> [Breadcrumb] { organisationCrumbs(Breadcrumb("Budget", url: FinanceURL.budgets.link(organisationSlug)), Breadcrumb("Hantera")) }

        override func content() -> Node<HTML.BodyContext> {
            let org = organisationSlug
            return .group(
                .h1(.text("Hantera budget")),
                Forms.messages(error: error, notice: notice),
                .p(.text("Ett förslag kan ändras tills förbundsfullmäktige har beslutat det. En beslutad budget är låst; nästa års budget börjar som en kopia av den.")),
                .ul(.li(.a(.href(FinanceURL.keepFundings.link(org)), .text("Extern finansiering: bidrag, fonder och rapporter till finansiärer"))),
                    .li(.a(.href(FinanceURL.mapping.link(org)), .text("Konton till budgetrader: hur bokföringens utfall läses in")))),
                .ul(.class("budget-keep"), .forEach(budgets) { budget in
                    let year = String(budget.year)
                    return .li(
                        .a(.href(FinanceURL.budget.link(org, year)), .text(budget.title)), .text(" – \(budget.status.label.lowercased())"),
                        .text(" · "), .a(.href(FinanceURL.importOutcomes.link(org, year)), .text("Utfall och prognos"), .span(.class("visually-hidden"), .text(" \(budget.year)"))),
                        .text(" · "), .a(.href(FinanceURL.lineGoals.link(org, year)), .text("Målområden"), .span(.class("visually-hidden"), .text(" för budgetraderna \(budget.year)"))),
                        .if(budget.status == .proposal, .group(
                            .text(" · "), .a(.href(FinanceURL.edit.link(org, year)), .text("Ändra"), .span(.class("visually-hidden"), .text(" \(budget.title)"))),
                            .text(" · "), .a(.href(FinanceURL.editFees.link(org, year)), .text("Indata för medlemsavgifterna"),
                                             .span(.class("visually-hidden"), .text(" \(budget.year)"))),
                            .text(" · "), .a(.href(FinanceURL.adopt.link(org, year)), .text("Besluta"), .span(.class("visually-hidden"), .text(" \(budget.title)"))))),
                        .unwrap(budgets.contains { $0.year == budget.year + 1 } ? nil : budget) { budget in
                            .form(.method(.post), .action(FinanceURL.copy.link(org, String(budget.year))), .class("inline"), Forms.csrfField(csrf),
                                  .button(.type(.submit), .class("secondary"), .text("Kopiera till \(budget.year + 1)"),
                                          .span(.class("visually-hidden"), .text(" från \(budget.title)"))))
                        })
                }),
                .h2(.text("Ny budget")),
                .form(.method(.post), .action(FinanceURL.create.link(org)), Forms.csrfField(csrf),
                      Forms.fields([.init("year", "År", .number, hint: "En tom budget som förslag. Nästa års budget kan också börja som en kopia av årets.")],
                                   state: .init(values: ["year": year ?? ""], error: year == nil ? nil : ("year", error ?? ""))),
                      .div(.class("actions"), .button(.type(.submit), .text("Skapa budgeten"))))
            )
        }
    }
}
