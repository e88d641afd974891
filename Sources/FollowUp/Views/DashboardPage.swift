import Core
import Organisation
import Plans
import Plot

/// The public dashboard of a followed-up plan: the chosen closed period's activities by status,
/// per goal area and goal, fulfilment at a glance, progress over the year and what lags.
final class DashboardPage: OrganisationPage {
    let dashboard: Dashboard
    /// For users of the organisation: where the work (open periods included) is.
    let workURL: String?

    init(dashboard: Dashboard, workURL: String? = nil) {
        self.dashboard = dashboard
        self.workURL = workURL
        super.init(organisationSlug: dashboard.tree.organisationSlug, organisationName: dashboard.tree.organisationName)
    }

    var tree: FollowedTree { dashboard.tree }

    override func pageTitle() -> String { "Uppföljning: \(tree.title) – \(organisationName)" }
    override func pageDescription() -> String {
        "Hur nyckelaktiviteterna i \(tree.title) går" + (dashboard.selected.map { ", \($0.period.name)" } ?? "") + ": status, framsteg och måluppfyllelse."
    }

    override func breadcrumbs() -> [Breadcrumb] {
        organisationCrumbs(Breadcrumb("Uppföljning", url: FollowUpURL.index.link(organisationSlug)), Breadcrumb(tree.title))
    }

    override func content() -> Node<HTML.BodyContext> {
        .article(
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
                        .dt("Styrdokument"), .dd(.a(.href(PlansURL.document(organisationSlug, tree.documentSlug, version: tree.versionNumber)),
                                                  .text("\(tree.title), version \(tree.versionNumber)"))))
                },
                .unwrap(workURL) { .p(.a(.href($0), .text("Rapportera och följ pågående perioder"))) }
            ),
            DashboardSections.periodNavigation(dashboard) { FollowUpURL.dashboard(organisationSlug, tree.documentSlug, period: $0.period.key) },
            dashboard.selected == nil
                ? .p(.text("Ingen period är stängd ännu. Rapporterna blir offentliga när en period stängs."))
                : body()
        )
    }

    func body() -> Node<HTML.BodyContext> {
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
            .downloads("uppföljningen", csv: FollowUpURL.csv.link(organisationSlug, tree.documentSlug),
                       json: FollowUpURL.API.followUp.link(organisationSlug, tree.documentSlug))
        )
    }
}

/// The organisation's documents in force and their follow-up: the public dashboards of closed
/// periods, and for the organisation's users the way to the periods in progress.
final class FollowUpIndexPage: OrganisationPage {
    struct Entry: Sendable {
        let slug: String
        let title: String
        /// The closed periods, oldest first, and how many are open.
        let periods: [PeriodValue]
        let open: Int
    }

    let entries: [Entry]

    init(organisationSlug: String, organisationName: String, entries: [Entry]) {
        self.entries = entries
        super.init(organisationSlug: organisationSlug, organisationName: organisationName)
    }

    override func pageTitle() -> String { "Uppföljning – \(organisationName)" }
    override func breadcrumbs() -> [Breadcrumb] { organisationCrumbs(Breadcrumb("Uppföljning")) }

    override func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text("Uppföljning")),
            .p(.text("Hur det går med de gällande styrdokumentens nyckelaktiviteter och mål, period för period. Rapporterna blir offentliga när perioden stängs.")),
            entries.isEmpty ? .p(.text("Det finns inget gällande styrdokument att följa upp.")) : .ul(.class("follow-up-index"), .forEach(entries) { entry in
                .li(
                    .strong(.text(entry.title)), .text(": "),
                    entry.periods.isEmpty ? .text("ingen stängd period ännu")
                        : .a(.href(FollowUpURL.dashboard(organisationSlug, entry.slug)), .text("uppföljning " + entry.periods.map(\.name).joined(separator: ", "))),
                    .if(entry.periods.contains { $0.example }, .text(" (exempeldata)")),
                    .text(" · "),
                    .a(.href(FollowUpURL.periods.link(organisationSlug, entry.slug)),
                       .text(entry.open == 0 ? "perioder och rapportering" : "\(entry.open) öppen period" + (entry.open == 1 ? "" : "er") + ", rapportera")),
                    .span(.class("meta"), .text(" (för organisationens användare)"))
                )
            })
        )
    }
}
