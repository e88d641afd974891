import Core
import Foundation
import Organisation
import Plot

/// A document's indicators for the organisation's users, goal by goal, with the editors' ways to
/// add, change, type values and remove.
enum IndicatorIndex {
    final class View: OrganisationPage {
        let tree: FollowedTree
        let indicators: [IndicatorContent]
        let mayManage: Bool
        let notice: String?

        init(tree: FollowedTree, indicators: [IndicatorContent], mayManage: Bool, notice: String?) {
            self.tree = tree
            self.indicators = indicators
            self.mayManage = mayManage
            self.notice = notice
            super.init(organisationSlug: tree.organisationSlug, organisationName: tree.organisationName)
        }

        override func pageTitle() -> String { "Indikatorer: \(tree.title) – \(organisationName)" }
        override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Uppföljning", url: FollowUpURL.index.link(organisationSlug)),
                               Breadcrumb(tree.title, url: FollowUpURL.dashboard(organisationSlug, tree.documentSlug)), Breadcrumb("Indikatorer"))
        }

        override func content() -> Node<HTML.BodyContext> {
            let (org, doc) = (organisationSlug, tree.documentSlug)
            let goals = tree.goals.filter { goal in indicators.contains { $0.lineage == goal.lineage } }
            return .group(
                .p(.class("level-label"), .text("Uppföljning av \(tree.title)")),
                .h1(.text("Indikatorer")),
                Forms.messages(error: nil, notice: notice),
                .p(.text("Indikatorer mäter målen med tal, per medlem och år. Värdena skrivs in här eller hämtas ur det som importerats från Kolada.")),
                .if(mayManage, .ul(.class("more"), .li(.a(.href(FollowUpURL.newIndicator.link(org, doc)), .text("Lägg till en indikator"))))),
                indicators.isEmpty ? .p(.text("Målen har inga indikatorer ännu.")) : .forEach(goals) { goal in
                    .section(
                        .h2(.span(.class("level-label"), .text(goal.level)), .text(goal.title)),
                        .ul(.class("indicator-list"), .forEach(indicators.filter { $0.lineage == goal.lineage }) { indicator in
                            .li(
                                .a(.href(FollowUpURL.indicator.link(org, doc, indicator.key)), .text(indicator.title)),
                                .text(" (\(indicator.unit); " + (indicator.kpi.map { "Kolada \($0)" } ?? "inskrivna värden")
                                      + "; \(indicator.periods.count) \(indicator.periods.count == 1 ? "period" : "perioder") med värden)"),
                                .if(indicator.example, .span(.class("meta"), .text(" exempeldata"))),
                                .if(mayManage, .span(
                                    .text(" · "), .a(.href(FollowUpURL.editIndicator.link(org, doc, indicator.key)), .text("Ändra"),
                                                     .span(.class("visually-hidden"), .text(" \(indicator.title)"))),
                                    .if(indicator.kpi == nil, .group(.text(" · Skriv in värden för "), .forEach(Array(yearsToType(indicator).enumerated())) { index, year in
                                        .group(.if(index > 0, .text(", ")),
                                               .a(.href(FollowUpURL.indicatorValues.link(org, doc, indicator.key, query: ["period": "\(year)"])), .text(year),
                                                  .span(.class("visually-hidden"), .text(" för \(indicator.title)"))))
                                    })),
                                    .text(" · "), .a(.href(FollowUpURL.deleteIndicator.link(org, doc, indicator.key)), .text("Ta bort"),
                                                     .span(.class("visually-hidden"), .text(" \(indicator.title)")))))
                            )
                        })
                    )
                }
            )
        }

        /// The periods with values, and the year after the last (or this year): where typing goes on.
        func yearsToType(_ indicator: IndicatorContent) -> [String] {
            let next = indicator.periods.compactMap { Int($0.prefix(4)) }.max().map { $0 + 1 } ?? Calendar.current.component(.year, from: Date())
            return indicator.periods + (indicator.periods.contains(String(next)) ? [] : [String(next)])
        }
    }
}
