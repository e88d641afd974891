import Core
import Organisation
import Plans
import Plot

/// One indicator: what it measures and where the figures come from, the members side by side in
/// the latest period, and the trend against the targets.
enum IndicatorShow {
    final class View: OrganisationPage {
        let indicator: IndicatorContent
        let documentTitle: String
        let goal: FollowedTree.Item?
        let versionNumber: Int

        init(organisationSlug: String, organisationName: String, indicator: IndicatorContent, documentTitle: String, goal: FollowedTree.Item?,
             versionNumber: Int) {
            self.indicator = indicator
            self.documentTitle = documentTitle
            self.goal = goal
            self.versionNumber = versionNumber
            super.init(organisationSlug: organisationSlug, organisationName: organisationName)
        }

        override func pageTitle() -> String { "\(indicator.title) – \(documentTitle)" }
        override func pageDescription() -> String { "Indikator för \(goal?.title ?? documentTitle): \(indicator.title), medlemmarna sida vid sida och utvecklingen mot målet." }

        override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Uppföljning", url: FollowUpURL.index.link(organisationSlug)),
                               Breadcrumb(documentTitle, url: FollowUpURL.dashboard(organisationSlug, indicator.documentSlug)), Breadcrumb(indicator.title))
        }

        override func content() -> Node<HTML.BodyContext> {
            .article(
                .class("indicator"),
                .header(.p(.class("level-label"), .text("Indikator")), .h1(.text(indicator.title)),
                        .if(indicator.example, DashboardSections.exampleMark("indikatorns värden och mål är påhittade", ""))),
                IndicatorSections.facts(indicator, goal: goal, organisationSlug: organisationSlug, versionNumber: versionNumber),
                .unwrap(indicator.latestPeriod) { period in
                    .section(.attribute(named: "aria-labelledby", value: "per-medlem"), .h2(.id("per-medlem"), .text("Medlemmarna, \(period)")),
                             IndicatorChart.members(indicator, period: period))
                },
                .section(.attribute(named: "aria-labelledby", value: "over-tid"), .h2(.id("over-tid"), .text("Över tid")), IndicatorChart.trend(indicator)),
                .p(.class("downloads"), .a(.href(FollowUpURL.indicatorCSV.link(organisationSlug, indicator.documentSlug, indicator.key)), .text("Ladda ned värdena som CSV")))
            )
        }
    }
}
