import Core
import Foundation
import Organisation
import Plot

/// The budget form: title and placement, the lines as a grid (empty rows to add to), the notes and
/// the markers on the sums. A refusal comes back with the input and the reason beside its field or row.
enum BudgetEdit {
    final class View: OrganisationPage {
        let year: Int
        let values: [String: String]
        let documents: [(slug: String, title: String)]
        let error: (field: String, message: String)?
        let csrf: String
        let notice: String?

        init(organisation: OrganisationRecord, year: Int, values: [String: String], documents: [(slug: String, title: String)],
             error: (field: String, message: String)?, csrf: String, notice: String? = nil) {
            self.notice = notice
            self.year = year
            self.values = values
            self.documents = documents
            self.error = error
            self.csrf = csrf
            super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
        }

        override func pageTitle() -> String { "Ändra budget \(year) – \(organisationName)" }
        override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Budget", url: FinanceURL.budgets.link(organisationSlug)),
                               Breadcrumb("Hantera", url: FinanceURL.keep.link(organisationSlug)), Breadcrumb("Ändra budget \(year)"))
        }

        var state: Forms.FormState { Forms.FormState(values: values, error: error) }

        override func content() -> Node<HTML.BodyContext> {
            let fields: [Forms.FieldSpec] = [
                .init("title", "Rubrik", hint: "Till exempel Budget \(year)."),
                .init("listedIn", "Visas i planen", .select([.init("", "Ingen")] + documents.map { .init($0.slug, $0.title) }),
                      hint: "Planen visar budgeten som ett eget avsnitt efter sina egna."),
                .init("heading", "Avsnittets rubrik i planen", hint: "Till exempel Finansiering och budget."),
                .init("introduction", "Text före tabellen", .textarea(rows: 5), hint: "Markdown går bra."),
            ]
            let after: [Forms.FieldSpec] = [
                .init("notes", "Noter", .textarea(rows: 4), hint: "En per rad: markering, kolon, text. Till exempel 1: Styrelsen har fattat beslut om …"),
                .init("costSumNotes", "Noter på summan kostnader", hint: "Markeringar med mellanslag, till exempel 1 2."),
                .init("revenueSumNotes", "Noter på summan intäkter"),
                .init("resultNotes", "Noter på resultatet"),
                .init("financingCostCentre", "Kostnadsställe för medlemmarnas finansiering", hint: "Intäktsraden som fördelas på medlemmarna, till exempel 80."),
                .init("revision", "", .hidden),
            ]
            let inField = error.map { error in (fields + after).contains { $0.name == error.field } || error.field.hasPrefix("line") } ?? true
            return .group(
                .h1(.text("Ändra budget \(year)")),
                Forms.messages(error: error.map { inField ? "Budgeten är inte sparad. Se felet nedan." : $0.message }, notice: notice),
                .p(.text("Summorna och resultatet räknas fram ur raderna. Kostnader skrivs med minustecken, som i budgeten. En rad är ett kostnadsställe på "
                         + "kostnads- eller intäktssidan; samma kostnadsställe kan finnas på båda sidorna men bara en gång på varje.")),
                .form(.method(.post), .action(FinanceURL.edit.link(organisationSlug, String(year))), Forms.csrfField(csrf),
                      Forms.fields(fields, state: state), grid().node(), Forms.fields(after, state: state),
                      .div(.class("actions"), .button(.type(.submit), .text("Spara budgeten")), .a(.href(FinanceURL.keep.link(organisationSlug)), .text("Avbryt"))))
            )
        }

        /// The lines as a table of inputs; each input labelled by its column and row for screen readers.
        /// Built with `Markup` (up to 1 000 rows of five inputs; a Plot tree per cell was the page's cost).
        func grid() -> Markup {
            let rows = BudgetForm.rowCount(values) + BudgetForm.emptyRows
            func input(_ index: Int, _ name: String, _ label: String, size: Int) -> Markup {
                let key = "line.\(index).\(name)"
                return .element("td", [], [.void("input", [.value("type", "text"), .value("name", key), .value("id", key), .value("value", values[key] ?? ""),
                                                            .value("size", String(size)), .value("aria-label", "\(label), rad \(index + 1)")])])
            }
            func column(_ text: String) -> Markup { .element("th", [.value("scope", "col")], text: text) }
            var body: [Markup] = []
            for index in 0..<rows {
                let side = values["line.\(index).side"] ?? ""
                let choices = [Forms.Choice("", "–")] + BudgetSide.allCases.map { Forms.Choice($0.rawValue, $0 == .cost ? "Kostnad" : "Intäkt") }
                let invalid = error?.field == "line\(index)"
                body.append(.element("tr", [.value("class", invalid ? "invalid" : nil)], [
                    .element("td", [], [Forms.select(name: "line.\(index).side", id: nil, choices: choices, chosen: side,
                                                     extra: [.value("aria-label", "Sida, rad \(index + 1)")])]),
                    input(index, "costCentre", "Kostnadsställe", size: 4), input(index, "name", "Namn", size: 24),
                    input(index, "amount", "Belopp", size: 12), input(index, "notes", "Noter", size: 4),
                ]))
                if invalid, let error {
                    body.append(.element("tr", [], [.element("td", [.value("colspan", "5")], [
                        .element("p", [.value("class", "field-error"), .value("role", "alert")], text: "Rad \(index + 1): \(error.message)"),
                    ])]))
                }
            }
            return .element("fieldset", [.value("class", "budget-grid")], [
                .element("legend", text: "Rader"),
                .element("div", [.value("class", "table-scroll"), .value("role", "region"), .value("tabindex", "0"), .value("aria-label", "Budgetens rader")], [
                    .element("table", [], [
                        .element("thead", [], [.element("tr", [], ["Sida", "Kostnadsställe", "Namn", "Belopp, kronor", "Noter"].map(column))]),
                        .element("tbody", [], body),
                    ]),
                ]),
            ])
        }
    }
}
