import Core
import Organisation
import Plans
import Plot

/// The working page of one period, for the organisation's users: who has reported what and what is
/// missing, by reporter; each activity with its report; the goals' assessments; closing.
enum PeriodShow {
    final class View: OrganisationPage {
        struct Reporter: Sendable {
            let name: String
            let email: String?
            let lineages: [String]
        }

        let dashboard: Dashboard
        let reporters: [Reporter]
        /// The lineages the viewer may report, and whether they may manage (assess, close).
        let mayReport: Set<String>
        let mayManage: Bool
        let notice: String?
        /// The period's sections from modules above (its outcomes), last.
        let sections: [PageSection]

        init(dashboard: Dashboard, reporters: [Reporter], mayReport: Set<String>, mayManage: Bool, notice: String?, sections: [PageSection] = []) {
            self.sections = sections
            self.dashboard = dashboard
            self.reporters = reporters
            self.mayReport = mayReport
            self.mayManage = mayManage
            self.notice = notice
            super.init(organisationSlug: dashboard.tree.organisationSlug, organisationName: dashboard.tree.organisationName)
        }

        var tree: FollowedTree { dashboard.tree }
        var period: PeriodContent { dashboard.selected! }
        var isOpen: Bool { period.period.state == .open }
        func link(_ pattern: URLPattern, _ lineage: String) -> String { pattern.link(organisationSlug, tree.documentSlug, period.period.key, lineage) }

        override func pageTitle() -> String { "\(period.period.name): \(tree.title) – \(organisationName)" }
        override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Uppföljning", url: FollowUpURL.index.link(organisationSlug)),
                               Breadcrumb(tree.title, url: FollowUpURL.dashboard(organisationSlug, tree.documentSlug)),
                               Breadcrumb("Perioder", url: FollowUpURL.periods.link(organisationSlug, tree.documentSlug)),
                               Breadcrumb(period.period.name))
        }

        override func content() -> Node<HTML.BodyContext> {
            let all = dashboard.rollUp()
            return .article(
                .class("wide"),
                .header(
                    .p(.class("level-label"), .text("Uppföljning av \(tree.title)")),
                    .h1(.text(period.period.name)),
                    Forms.messages(error: nil, notice: notice),
                    .if(period.period.example, DashboardSections.exampleMark()),
                    .dl(.class("facts"),
                        .dt("Status"), .dd(.strong(.text(period.period.state.label))),
                        .dt("Perioden slutar"), .dd(.text(period.period.endsOn)),
                        .dt("Sista dag att rapportera"), .dd(.text(period.period.deadline)),
                        .dt("Rapporterat"), .dd(.text("\(all.activities - all.missing) av \(all.activities)")),
                        .unwrap(period.period.closedAt) { _ in .group(.dt("Stängd av"), .dd(.text(period.period.closedBy ?? ""))) }),
                    isOpen ? .p(.text("Rapporterna syns för organisationens användare medan perioden är öppen och blir offentliga när den stängs."))
                        : .p(.text("Perioden är stängd och rapporterna är offentliga: "),
                             .a(.href(FollowUpURL.dashboard(organisationSlug, tree.documentSlug, period: period.period.key)), .text("se den offentliga uppföljningen")), .text(".")),
                    .if(isOpen && mayManage, .p(.a(.class("button-link"), .href(FollowUpURL.close.link(organisationSlug, tree.documentSlug, period.period.key)), .text("Stäng perioden"))))
                ),
                byReporter(),
                activities(),
                DashboardSections.fulfilment(dashboard, assessLink: isOpen && mayManage ? { self.link(FollowUpURL.assessment, $0.lineage) } : nil, showBasis: true),
                DashboardSections.slotSections(sections)
            )
        }

        /// What each reporter has reported and what is missing.
        func byReporter() -> Node<HTML.BodyContext> {
            .section(
                .attribute(named: "aria-labelledby", value: "by-reporter"),
                .h2(.id("by-reporter"), .text("Per rapportör")),
                .scrollingTable("Rapportering per rapportör", .table(
                    .class("stack"),
                    .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text("Rapportör")), .th(.attribute(named: "scope", value: "col"), .text("Rapporterat")),
                               .th(.attribute(named: "scope", value: "col"), .text("Saknas")))),
                    .tbody(.forEach(reporters) { reporter in
                        let missing = reporter.lineages.filter { period.reports[$0] == nil }.compactMap(tree.item(lineage:))
                        return .tr(
                            .th(.attribute(named: "scope", value: "row"), .text(reporter.name), .unwrap(reporter.email) { .span(.class("meta"), .text(" \($0)")) }),
                            .td(.label("Rapporterat"), .text("\(reporter.lineages.count - missing.count) av \(reporter.lineages.count)")),
                            .td(.label("Saknas"), missing.isEmpty ? .text("Inget") : .ul(.forEach(missing) { item in
                                .li(isOpen && mayReport.contains(item.lineage) ? .a(.href(HTML.escape(link(FollowUpURL.report, item.lineage))), .text(item.title)) : .text(item.title))
                            }))
                        )
                    })
                ))
            )
        }

        func activities() -> Node<HTML.BodyContext> {
            .section(
                .attribute(named: "aria-labelledby", value: "activities"),
                .h2(.id("activities"), .text(Glossary.plural(dashboard.activityLevel))),
                StatusChart.legend(),
                .forEach(tree.goals.filter { tree.activities(under: $0).count > 0 && $0.children.contains(where: tree.isActivity) }) { goal in
                    .scrollingTable(goal.title, .table(
                        .class("stack"),
                        .caption(.text(goal.title), .br(), .span(.class("meta"), .text(dashboard.rollUp(goal).phrase(level: dashboard.activityLevel)))),
                        .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text(dashboard.activityLevel)), .th(.attribute(named: "scope", value: "col"), .text("Status")),
                                   .th(.attribute(named: "scope", value: "col"), .text("Kommentar")), .th(.attribute(named: "scope", value: "col"), .text("Rapporterad")))),
                        .tbody(.forEach(goal.children.filter(tree.isActivity)) { item in
                            let report = period.reports[item.lineage]
                            return .tr(
                                .th(.attribute(named: "scope", value: "row"), .a(.href(HTML.escape(DashboardSections.activityURL(dashboard, item))), .text(item.title))),
                                .td(.label("Status"), report.map { .group(.span(.attribute(named: "aria-hidden", value: "true"), .text("\(StatusChart.mark($0.status)) ")),
                                                                          .text($0.status.label + ($0.progress.map { ", \($0) %" } ?? ""))) } ?? .text("Ej rapporterad"),
                                    .if(isOpen && mayReport.contains(item.lineage),
                                        .group(.text(" "), .a(.href(HTML.escape(link(FollowUpURL.report, item.lineage))), .safeAriaLabel("Rapportera \(item.title)"),
                                                             .text(report == nil ? "Rapportera" : "Ändra"))))),
                                .td(.label("Kommentar"), .text(report?.comment ?? "")),
                                .td(.label("Rapporterad"), .text(report.map { "\($0.reportedBy), \(Formatting.minute($0.reportedAt))" } ?? ""))
                            )
                        })
                    ))
                }
            )
        }
    }
}
