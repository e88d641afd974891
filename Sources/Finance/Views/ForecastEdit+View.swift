import Core
import Foundation
import Organisation
import Plot

/// The forecasts made at one period's end: each line's outcome to date and budget beside an
/// input for the year's forecast and its comment.
enum ForecastEdit {
    final class View: OrganisationPage {
        let outcome: OutcomeContent
        let values: [String: String]
        let error: (field: String, message: String)?
        let csrf: String

        init(organisation: OrganisationRecord, content: OutcomeContent, values: [String: String], error: (field: String, message: String)?, csrf: String) {
            self.outcome = content
            self.values = values
            self.error = error
            self.csrf = csrf
            super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
        }

        var column: OutcomeContent.Column { outcome.columns[0] }
        override func pageTitle() -> String { "Prognos \(outcome.year) vid \(column.label) – \(organisationName)" }
        override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Budget", url: FinanceURL.budgets.link(organisationSlug)),
                               Breadcrumb("Utfall \(outcome.year)", url: FinanceURL.importOutcomes.link(organisationSlug, String(outcome.year))), Breadcrumb("Prognos"))
        }

        override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text("Prognos för \(outcome.year) vid \(column.label)")),
                Forms.messages(error: error.map { _ in "Prognosen är inte sparad. Se felet nedan." }, notice: nil),
                .p(.text("Vad varje rad väntas sluta på för helåret, i hela kronor med budgetens tecken, och varför. En rad utan belopp har ingen prognos."
                         + (column.periods.isEmpty ? "" : " Prognosen visas med \(column.periods.joined(separator: ", ")).")))
                ,
                .form(.method(.post), .action(FinanceURL.forecasts.link(organisationSlug, String(outcome.year), String(column.throughMonth))), Forms.csrfField(csrf),
                      grid().node(),
                      .div(.class("actions"), .button(.type(.submit), .text("Spara prognosen")),
                           .a(.href(FinanceURL.importOutcomes.link(organisationSlug, String(outcome.year))), .text("Avbryt"))))
            )
        }

        func grid() -> Markup {
            var body: [Markup] = []
            for (index, row) in outcome.rows.enumerated() {
                let label = "\(row.costCentre) \(row.name)"
                let invalid = error?.field == "line\(index)"
                body.append(.element("tr", [.value("class", invalid ? "invalid" : nil)], [
                    .element("th", [.value("scope", "row")], text: label),
                    .element("td", [.value("class", "amount")], text: Formatting.thousands(row.budget)),
                    .element("td", [.value("class", "amount")], text: Formatting.thousands(row.cells[0].outcome)),
                    .element("td", [], [.void("input", [.value("type", "text"), .value("inputmode", "numeric"), .value("name", "line.\(index).amount"),
                                                        .value("id", "line.\(index).amount"), .value("size", "12"), .value("aria-label", "Prognos, \(label)"),
                                                        .value("value", values["line.\(index).amount"] ?? ""), .value("aria-invalid", invalid ? "true" : nil)])]),
                    .element("td", [], [.void("input", [.value("type", "text"), .value("name", "line.\(index).comment"), .value("id", "line.\(index).comment"),
                                                        .value("size", "40"), .value("maxlength", "1000"), .value("aria-label", "Kommentar, \(label)"),
                                                        .value("value", values["line.\(index).comment"] ?? "")])]),
                ]))
                if invalid, let error {
                    body.append(.element("tr", [], [.element("td", [.value("colspan", "5")], [
                        .element("p", [.value("class", "field-error"), .value("role", "alert")], text: error.message)])]))
                }
            }
            return OutcomeGrid.table(label: "Prognos per rad", columns: [("Rad", nil), ("Budget, helår", "amount"), ("Utfall \(column.label)", "amount"),
                                                                       ("Prognos helår, kronor", nil), ("Kommentar", nil)], rows: body)
        }
    }
}
