import Core
import Foundation
import Plans
import Plot

/// The parts of a dashboard that the public dashboard and a period's working page share.
enum DashboardSections {
    static func exampleMark(_ what: String = "uppföljningen här är påhittad", _ not: String = "organisationens egen rapportering") -> Node<HTML.BodyContext> {
        .exampleMark(what, not)
    }

    /// Sections other modules add to a period, each under its heading.
    static func slotSections(_ sections: [PageSection]) -> Node<HTML.BodyContext> {
        .forEach(sections) { section in
            .section(.class("wide"), .attribute(named: "aria-label", value: HTML.escape(section.heading)), .h2(.text(section.heading)), section.content.node())
        }
    }

    static func activityURL(_ dashboard: Dashboard, _ item: FollowedTree.Item) -> String {
        PlansURL.node(dashboard.tree.organisationSlug, dashboard.tree.documentSlug, item.key, version: dashboard.tree.versionNumber)
    }

    /// The columns of a roll-up table, in the order of the chart's segments.
    static let countColumns: [(status: ActivityStatus?, title: String)] =
        StatusChart.marks.map { ($0.status, $0.status.map { Glossary.plural($0.label) } ?? "Ej rapporterade") }

    /// A table with one row per item: its bar and its counts by status, and the mean progress.
    static func rollUpTable(_ dashboard: Dashboard, caption: String, rows: [FollowedTree.Item], link: (FollowedTree.Item) -> String) -> Node<HTML.BodyContext> {
        .scrollingTable(caption, .table(
            .class("stack"),
            .caption(.text(caption)),
            .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text("Mål")), .th(.attribute(named: "scope", value: "col"), .text("Fördelning")),
                       .forEach(countColumns) { column in
                           .th(.attribute(named: "scope", value: "col"), .class("number"), .span(.attribute(named: "aria-hidden", value: "true"), .text("\(StatusChart.mark(column.status)) ")),
                               .text(statusHeading(column.status)))
                       },
                       .th(.attribute(named: "scope", value: "col"), .class("number"), .text("Snitt framsteg")))),
            .tbody(.forEach(rows) { item in
                let rollUp = dashboard.rollUp(item)
                return .tr(
                    .th(.attribute(named: "scope", value: "row"), .a(.href(HTML.escape(link(item))), .text(item.title))),
                    .td(StatusChart.bar(rollUp, label: rollUp.phrase(level: dashboard.activityLevel))),
                    .forEach(countColumns) { column in
                        .td(.class("number"), .label("\(StatusChart.mark(column.status)) \(statusHeading(column.status))"),
                            .text("\(column.status.map(rollUp.count) ?? rollUp.missing)"))
                    },
                    .td(.class("number"), .label("Snitt framsteg"), .text(rollUp.meanProgress.map { "\($0) %" } ?? "–"))
                )
            })
        ))
    }

    static func statusHeading(_ status: ActivityStatus?) -> String {
        switch status {
        case .done: "Genomförda"
        case .ongoing: "Pågående"
        case .planned: "Planerade"
        case .postponed: "Uppskjutna"
        case .cancelled: "Avbrutna"
        case nil: "Ej rapporterade"
        }
    }

    /// Each goal and goal area with its assessment (or none yet) and the proposal.
    /// `showBasis` adds the counts and the rule each proposal rests on (the working page).
    static func fulfilment(_ dashboard: Dashboard, assessLink: ((FollowedTree.Item) -> String)? = nil, showBasis: Bool = false) -> Node<HTML.BodyContext> {
        .section(
            .attribute(named: "aria-labelledby", value: "fulfilment"),
            .h2(.id("fulfilment"), .text("Måluppfyllelse")),
            .p(.class("hint"), .text("Bedömningen görs av en redaktör med motivering. Samsyns förslag bygger på nyckelaktiviteternas rapporterade status enligt en regeltabell: "),
               .text(FulfilmentRule.table.map { "regel \($0.number): \($0.condition.dropLast()) → \($0.verdict.label.lowercased())" }.joined(separator: "; ") + ".")),
            .scrollingTable("Måluppfyllelse", .table(
                .class("stack"),
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text("Mål")), .th(.attribute(named: "scope", value: "col"), .text("Bedömning")),
                           .th(.attribute(named: "scope", value: "col"), .text("Motivering")), .th(.attribute(named: "scope", value: "col"), .text("Samsyns förslag")))),
                .tbody(.forEach(dashboard.tree.goals) { item in
                    let assessment = dashboard.assessment(item)
                    let proposal = dashboard.proposal(item)
                    return .tr(
                        .class(item.depth == 0 ? "goal-area-row" : "goal-row"),
                        .th(.attribute(named: "scope", value: "row"), .span(.class("level-label"), .text(item.level)), .text(item.title)),
                        .td(.label("Bedömning"), assessment.map { verdict($0.verdict) } ?? .text("Ej bedömd"),
                            .unwrap(assessLink) { link in .group(.text(" "), .a(.href(HTML.escape(link(item))), .safeAriaLabel("Bedöm \(item.title)"), .text(assessment == nil ? "Bedöm" : "Ändra"))) }),
                        .td(.label("Motivering"), .text(assessment?.motivation ?? "")),
                        .td(.label("Samsyns förslag"), verdict(proposal.verdict), .span(.class("meta"), .text(" (regel \(proposal.rule))")),
                            .if(showBasis, .group(.br(), .span(.class("meta"), .text(proposal.basis)))))
                    )
                })
            ))
        )
    }

    static func verdict(_ verdict: Verdict) -> Node<HTML.BodyContext> {
        .span(.class("verdict verdict-\(verdict.rawValue)"), .span(.attribute(named: "aria-hidden", value: "true"), .text("\(verdict.symbol) ")), .text(verdict.label))
    }

    /// Mean progress per goal area across the version's periods.
    static func progressOverYear(_ dashboard: Dashboard) -> Node<HTML.BodyContext> {
        guard dashboard.periods.count > 0 else { return .empty }
        let areas = dashboard.tree.roots
        return .section(
            .attribute(named: "aria-labelledby", value: "over-year"),
            .h2(.id("over-year"), .text("Framsteg under året")),
            .p(.class("hint"), .text("Genomsnittligt rapporterat framsteg för nyckelaktiviteterna, per period.")),
            .scrollingTable("Framsteg under året", .table(
                .class("stack"),
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text("Målområde")), .th(.attribute(named: "scope", value: "col"), .text("Diagram")),
                           .forEach(dashboard.periods) { .th(.attribute(named: "scope", value: "col"), .class("number"), .text($0.period.name)) })),
                .tbody(.forEach(areas + [nil]) { area in
                    let values = dashboard.periods.map { period in
                        (period.period.name, area.map { dashboard.rollUp($0, in: period) } ?? dashboard.rollUp(in: period))
                    }
                    let title = area?.title ?? "Hela planen"
                    return .tr(
                        .th(.attribute(named: "scope", value: "row"), .text(title)),
                        .td(StatusChart.progress(values.map { ($0.0, $0.1.meanProgress) },
                                                 label: "\(title): " + values.map { "\($0.0) \($0.1.meanProgress.map { "\($0) %" } ?? "ingen rapport")" }.joined(separator: ", "))),
                        .forEach(values) { value in .td(.class("number"), .label(value.0), .text(value.1.meanProgress.map { "\($0) %" } ?? "–")) }
                    )
                })
            ))
        )
    }

    static func lagging(_ dashboard: Dashboard) -> Node<HTML.BodyContext> {
        let lagging = dashboard.lagging
        return .section(
            .attribute(named: "aria-labelledby", value: "lagging"),
            .h2(.id("lagging"), .text("Försenade och uppskjutna")),
            lagging.isEmpty ? .p(.text("Ingen nyckelaktivitet är uppskjuten eller efter tidplanen i perioden."))
                : .ul(.class("lagging"), .forEach(lagging) { entry in
                    .li(.a(.href(HTML.escape(activityURL(dashboard, entry.item))), .text(entry.item.title)), .text(" – "), reportSummary(entry.report))
                })
        )
    }

    static func reportSummary(_ report: ReportValue) -> Node<HTML.BodyContext> {
        .group(.span(.attribute(named: "aria-hidden", value: "true"), .text("\(StatusChart.mark(report.status)) ")), .strong(.text(report.status.label)),
               .text(report.progress.map { ", \($0) %" } ?? ""), .unwrap(report.comment.isEmpty ? nil : report.comment) { .span(.class("meta"), .text(". \($0)")) })
    }

    static func periodNavigation(_ dashboard: Dashboard, link: (PeriodContent) -> String) -> Node<HTML.BodyContext> {
        guard dashboard.periods.count > 1 else { return .empty }
        return .nav(.class("period-nav"), .ariaLabel("Perioder"), .ul(.forEach(dashboard.periods) { period in
            period.period.key == dashboard.selected?.period.key
                ? .li(.a(.href(HTML.escape(link(period))), .attribute(named: "aria-current", value: "page"), .strong(.text(period.period.name))))
                : .li(.a(.href(HTML.escape(link(period))), .text(period.period.name)))
        }))
    }
}
