import Core
import Foundation
import Plot

/// A budget as the plan prints it: costs and revenues by cost centre beside the year before, the
/// sums, the result (a planned deficit said in words, not only by its sign), and the notes.
enum BudgetTable {
    static func table(_ budget: BudgetContent, headingLevel: Int = 2) -> Node<HTML.BodyContext> {
        let comparison = budget.comparisonYear != nil
        func amount(_ value: Int?, _ notes: [String]) -> Node<HTML.BodyContext> {
            let markers = notes.map { marker in
                Markup.element("sup", [], [.element("a", [.value("href", "#budget-\(budget.year)-not-\(marker)")], [
                    .element("span", [.value("class", "visually-hidden")], text: " not "), .text(marker),
                ])])
            }
            return .group(.text(value.map(Formatting.amount) ?? "–"), Markup.group(markers).node())
        }
        func row(_ row: BudgetContent.Row) -> Node<HTML.TableContext> {
            .tr(.td(.text(row.costCentre)), .th(.attribute(named: "scope", value: "row"), .text(row.name)),
                .td(.class("amount"), amount(row.amount, row.notes)),
                .if(comparison, .td(.class("amount"), amount(row.comparison, row.comparisonNotes))))
        }
        func total(_ label: String, _ total: BudgetContent.Total, strong: Bool = false) -> Node<HTML.TableContext> {
            .tr(.class(strong ? "sum result" : "sum"), .td(), .th(.attribute(named: "scope", value: "row"), .text(label)),
                .td(.class("amount"), amount(total.amount, total.notes)),
                .if(comparison, .td(.class("amount"), amount(total.comparison, total.comparisonNotes))))
        }
        func group(_ side: BudgetSide, _ rows: [BudgetContent.Row], _ sum: BudgetContent.Total) -> Node<HTML.TableContext> {
            .tbody(.tr(.class("group"), .th(.attribute(named: "colspan", value: comparison ? "4" : "3"), .attribute(named: "scope", value: "rowgroup"),
                                            .text(side.label))),
                   .forEach(rows, row), total("Summa \(side.label.lowercased())", sum))
        }
        let deficit = budget.result.amount < 0
        let caption = budget.title + (budget.comparisonTitle.map { " jämförd med \($0)" } ?? "") + ", kronor"
        let header: Node<HTML.TableContext> = .thead(.tr(
            .th(.attribute(named: "scope", value: "col"), .text("Kostnadsställe")), .th(.attribute(named: "scope", value: "col"), .text("Rad")),
            .th(.attribute(named: "scope", value: "col"), .class("amount"), .text(budget.title)),
            .unwrap(budget.comparisonTitle) { .th(.attribute(named: "scope", value: "col"), .class("amount"), .text($0)) }))
        let table: Node<HTML.BodyContext> = .table(.caption(.text(caption)), header, group(.cost, budget.costs, budget.costSum),
                                                   group(.revenue, budget.revenues, budget.revenueSum), .tbody(total("Resultat", budget.result, strong: true)))
        let deficitNote = "Budgeten har ett planerat underskott på \(Formatting.thousands(-budget.result.amount)) kronor"
            + (budget.result.notes.isEmpty ? "." : " (se not \(budget.result.notes.joined(separator: ", "))).")
        return .div(
            .class("budget"),
            .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "tabindex", value: "0"), .safeAriaLabel(budget.title), table),
            .if(deficit, .p(.class("note"), .text(deficitNote))),
            .unwrap(budget.notes.isEmpty ? nil : budget.notes) { notes in
                .ol(.class("footnotes"), .attribute(named: "aria-label", value: "Noter till budgeten"), .forEach(notes) { note in
                    .li(.id(HTML.escape("budget-\(budget.year)-not-\(note.marker)")), .attribute(named: "value", value: HTML.escape(note.marker)),
                        .text(note.text))
                })
            }
        )
    }
}
