import Core
import Organisation
import Plans
import Plot

/// One indicator: what it measures and where the figures come from, the members side by side in
/// the latest period, and the trend against the targets.
final class IndicatorPage: OrganisationPage {
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
                    .if(indicator.example, DashboardSections.exampleMark())),
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

enum IndicatorSections {
    static func facts(_ indicator: IndicatorContent, goal: FollowedTree.Item?, organisationSlug: String, versionNumber: Int) -> Node<HTML.BodyContext> {
        .dl(.class("facts"),
            .unwrap(goal) { goal in .group(.dt(.text(goal.level)), .dd(.a(.href(PlansURL.node(organisationSlug, indicator.documentSlug, goal.key, version: versionNumber)), .text(goal.title)))) },
            .unwrap(indicator.unit.isEmpty ? nil : indicator.unit) { .group(.dt("Enhet"), .dd(.text($0))) },
            .dt("Riktning"), .dd(.text(indicator.direction.label)),
            .unwrap(indicator.baselineValue) { value in .group(.dt("Utgångsvärde"), .dd(.text(IndicatorChart.number(value) + (indicator.baselineYear.map { " (\($0))" } ?? "")))) },
            .unwrap(indicator.targets.isEmpty ? nil : indicator.targets) { targets in
                .group(.dt("Mål"), .dd(.text(targets.keys.sorted().map { "\($0): \(IndicatorChart.number(targets[$0]!))" }.joined(separator: ", "))))
            },
            .dt("Källa"), .dd(indicator.kpi.map { kpi in
                .group(.text("Kolada, nyckeltal \(kpi)"), .unwrap(indicator.kpiTitle) { .text(" – \($0)") },
                       .unwrap(indicator.kpiDescription.flatMap { $0.isEmpty ? nil : $0 }) { .group(.br(), .span(.class("meta"), .text($0))) })
            } ?? .text("Inskrivna värden")))
    }

    /// A goal's indicators on its page: each with its latest figures and a link to its own page.
    static func onGoal(_ indicators: [IndicatorContent], organisationSlug: String) -> Node<HTML.BodyContext> {
        .forEach(indicators) { indicator in
            .section(
                .class("indicator-summary"),
                .h3(.a(.href(FollowUpURL.indicator.link(organisationSlug, indicator.documentSlug, indicator.key)), .text(indicator.title))),
                .if(indicator.example, .p(.class("example-mark"), .strong(.text("Exempeldata")), .text(" – värdena är påhittade för att visa hur Samsyn fungerar."))),
                .unwrap(indicator.latestPeriod) { IndicatorChart.members(indicator, period: $0) }
            )
        }
    }
}
