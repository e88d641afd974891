import Core
import Foundation
import Organisation
import Plot

/// A year's outcomes at each period's end beside the budget to date, with deviations, forecasts
/// and their comments.
enum OutcomeShow {
    final class View: OrganisationPage {
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

        override func content() -> Node<HTML.BodyContext> {
            let year = String(outcomes.year)
            return .article(
                .class("wide"),
                .header(.p(.class("level-label"), .text(outcomes.title)), .h1(.text("Utfall \(outcomes.year)"))),
                .if(outcomes.example, .exampleMark("bokföringen här är påhittad", "organisationens eget utfall")),
                OutcomeTable.refused(outcomes),
                outcomes.columns.isEmpty ? .p(.text("Det finns inget utfall för \(outcomes.year) ännu. Utfallet läses in från bokföringen som en SIE-fil.")) : .group(
                    OutcomeTable.explanation(),
                    .p(.text("Kolumnerna följer uppföljningens perioder: " + outcomes.columns.map { column in
                        column.label + (column.periods.isEmpty ? " (senaste bokförda månad)" : " (\(column.periods.joined(separator: ", ")))")
                    }.joined(separator: "; ") + ".")),
                    OutcomeTable.table(outcomes, caption: "Utfall, avvikelse och prognos per rad \(outcomes.year), kronor"),
                    OutcomeTable.comments(outcomes),
                    OutcomeTable.sources(outcomes),
                    .p(.class("meta"), .text("Ladda ner: "),
                       .a(.href(FinanceURL.outcomeSheet.link(organisationSlug, year)), .text("för kalkylprogram (CSV med semikolon)")), .text(" · "),
                       .a(.href(FinanceURL.outcomeCSV.link(organisationSlug, year)), .text("öppna data per månad (CSV)")), .text(" · "),
                       .a(.href(FinanceURL.API.outcomes.link(organisationSlug, year)), .text("JSON"))))
            )
        }
    }
}
