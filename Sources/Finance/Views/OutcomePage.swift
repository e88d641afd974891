import Core
import Foundation
import Organisation
import Plot

/// A year's outcomes per line and tertial beside the budget to date, with the deviation in kronor and percent.
final class OutcomePage: OrganisationPage {
    let outcomes: OutcomeContent

    init(organisation: OrganisationRecord, content: OutcomeContent) {
        self.outcomes = content
        super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
    }

    override func pageTitle() -> String { "Utfall \(outcomes.year) – \(organisationName)" }
    override func breadcrumbs() -> [Breadcrumb] {
        organisationCrumbs(Breadcrumb("Budget", url: FinanceURL.budgets.link(organisationSlug)),
                           Breadcrumb(outcomes.title, url: FinanceURL.budget.link(organisationSlug, String(outcomes.year))), Breadcrumb("Utfall"))
    }

    static func percent(_ text: String?) -> String { text.map { $0.replacingOccurrences(of: ".", with: ",") + " %" } ?? "–" }

    override func content() -> Node<HTML.BodyContext> {
        let columns = outcomes.columns
        let header: Node<HTML.TableContext> = .thead(.tr(
            .th(.attribute(named: "scope", value: "col"), .text("Rad")), .th(.attribute(named: "scope", value: "col"), .class("amount"), .text("Budget, helår")),
            .forEach(columns) { column in
                .group(.th(.attribute(named: "scope", value: "col"), .class("amount"), .text("Utfall \(column.label)")),
                       .th(.attribute(named: "scope", value: "col"), .class("amount"), .text("Budget \(column.label)")),
                       .th(.attribute(named: "scope", value: "col"), .class("amount"), .text("Avvikelse")))
            }))
        let body: Node<HTML.TableContext> = .tbody(.forEach(outcomes.rows) { row in
            .tr(.th(.attribute(named: "scope", value: "row"), .text("\(row.costCentre) \(row.name) (\(row.side == .cost ? "kostnad" : "intäkt"))")),
                .td(.class("amount"), .text(Formatting.thousands(row.budget))),
                .forEach(row.cells) { cell in
                    .group(.td(.class("amount"), .text(Formatting.thousands(cell.outcome))), .td(.class("amount"), .text(Formatting.thousands(cell.budgetToDate))),
                           .td(.class("amount"), .text("\(Formatting.thousands(cell.deviation)) (\(Self.percent(cell.deviationPercent)))")))
                })
        })
        return .article(
            .header(.p(.class("level-label"), .text(outcomes.title)), .h1(.text("Utfall \(outcomes.year)"))),
            columns.isEmpty ? .p(.text("Det finns inget utfall för \(outcomes.year) ännu. Utfallet läses in från bokföringen som en SIE-fil.")) : .group(
                .p(.text("Utfallet till och med varje tertial bredvid budgeten för samma månader (årets budget jämnt fördelad över månaderna). "
                         + "Kostnader och intäkter med budgetens tecken: en negativ avvikelse på en kostnad är mer använt än planerat.")),
                .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "tabindex", value: "0"), .ariaLabel("Utfall per rad"),
                     .table(.caption(.text("Utfall och avvikelse per rad \(outcomes.year), kronor")), header, body)),
                .p(.class("meta"), .text("Källa: " + outcomes.sources.map { $0.hasPrefix("sie:") ? "SIE-filen \($0.dropFirst(4))" : $0 }.joined(separator: ", ") + ".")))
        )
    }
}
