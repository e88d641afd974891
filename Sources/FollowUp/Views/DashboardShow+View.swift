import Core
import Organisation
import Plans
import Plot

/// The public dashboard of a followed-up plan: the chosen closed period's activities by status,
/// per goal area and goal, fulfilment at a glance, progress over the year and what lags. The
/// article is rendered apart from the page (`article(_:)`), so that it can be remembered.
enum DashboardShow {
    final class View: OrganisationPage {
        let documentSlug: String
        let title: String
        let periodName: String?
        let article: Markup
        /// The period's sections from modules above (its outcomes), after the article.
        let sections: [PageSection]

        init(organisationSlug: String, organisationName: String, documentSlug: String, title: String, periodName: String?, article: Markup,
             sections: [PageSection] = []) {
            self.sections = sections
            self.documentSlug = documentSlug
            self.title = title
            self.periodName = periodName
            self.article = article
            super.init(organisationSlug: organisationSlug, organisationName: organisationName)
        }

        override func pageTitle() -> String { "Uppföljning: \(title) – \(organisationName)" }
        override func pageDescription() -> String {
            "Hur nyckelaktiviteterna i \(title) går" + (periodName.map { ", \($0)" } ?? "") + ": status, framsteg och måluppfyllelse."
        }

        override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Uppföljning", url: FollowUpURL.index.link(organisationSlug)), Breadcrumb(title))
        }

        override func content() -> Node<HTML.BodyContext> { .group(article.node(), DashboardSections.slotSections(sections)) }

        static func article(_ dashboard: Dashboard) -> Node<HTML.BodyContext> {
            let tree = dashboard.tree
            let (org, doc) = (tree.organisationSlug, tree.documentSlug)
            return .article(
                .class("dashboard wide"),
                .header(
                    .p(.class("level-label"), .text("Uppföljning")),
                    .h1(.text(tree.title)),
                    .if(dashboard.example, DashboardSections.exampleMark()),
                    .unwrap(dashboard.selected) { selected in
                        .dl(.class("facts"),
                            .dt("Period"), .dd(.text(selected.period.name)),
                            .dt("Perioden slutade"), .dd(.text(selected.period.endsOn)),
                            .dt("Status"), .dd(.text(selected.period.state == .closed ? "Stängd – rapporterna är slutliga" : "Öppen – rapporteringen pågår")),
                            .dt("Styrdokument"), .dd(.a(.href(PlansURL.document(org, doc, version: tree.versionNumber)),
                                                      .text("\(tree.title), version \(tree.versionNumber)"))))
                    },
                    .p(.a(.href(FollowUpURL.periods.link(org, doc)), .text("Rapportera och följ pågående perioder")))
                ),
                DashboardSections.periodNavigation(dashboard) { FollowUpURL.dashboard(org, doc, period: $0.period.key) },
                dashboard.selected == nil
                    ? .p(.text("Ingen period är stängd ännu. Rapporterna blir offentliga när en period stängs."))
                    : body(dashboard)
            )
        }

        static func body(_ dashboard: Dashboard) -> Node<HTML.BodyContext> {
            let tree = dashboard.tree
            let all = dashboard.rollUp()
            return .group(
                .section(
                    .attribute(named: "aria-labelledby", value: "overview"),
                    .h2(.id("overview"), .text("Översikt")),
                    .p(.class("lead"), .text(all.phrase(level: dashboard.activityLevel) + ".")),
                    StatusChart.legend(),
                    DashboardSections.rollUpTable(dashboard, caption: "Nyckelaktiviteter per målområde", rows: tree.roots) { "#omrade-\($0.key)" }
                ),
                DashboardSections.fulfilment(dashboard),
                .forEach(tree.roots) { area in
                    .section(
                        .id("omrade-\(area.key)"),
                        .attribute(named: "aria-labelledby", value: "omrade-\(area.key)-rubrik"),
                        .h2(.id("omrade-\(area.key)-rubrik"), .span(.class("level-label"), .text(area.level)), .text(area.title)),
                        .p(.text(dashboard.rollUp(area).phrase(level: dashboard.activityLevel) + ".")),
                        DashboardSections.rollUpTable(dashboard, caption: "\(area.title): nyckelaktiviteter per mål",
                                                      rows: area.children.filter { !tree.isActivity($0) }) { DashboardSections.activityURL(dashboard, $0) }
                    )
                },
                DashboardSections.progressOverYear(dashboard),
                DashboardSections.lagging(dashboard),
                IndicatorSections.onDashboard(dashboard),
                .downloads("uppföljningen", csv: FollowUpURL.csv.link(tree.organisationSlug, tree.documentSlug),
                           json: FollowUpURL.API.followUp.link(tree.organisationSlug, tree.documentSlug))
            )
        }
    }
}
