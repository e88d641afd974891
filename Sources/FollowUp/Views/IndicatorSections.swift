import Core
import Organisation
import Plans
import Plot

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
            .dt("Hela organisationen"), .dd(.text(indicator.values[IndicatorValue.organisation] == nil ? indicator.aggregate.label : "Egna värden")),
            .dt("Källa"), .dd(
                .unwrap(indicator.kpi) { kpi in
                    .group(.text("Kolada, nyckeltal "), .a(.href(HTML.escape(indicator.kpiURL ?? "")), .text(kpi)), .unwrap(indicator.kpiTitle) { .text(" – \($0)") },
                           .unwrap(indicator.kpiDescription.flatMap { $0.isEmpty ? nil : $0 }) { .group(.br(), .span(.class("meta"), .text($0))) })
                },
                .unwrap(indicator.source) { source in .group(.if(indicator.kpi != nil, .br()), .text(source)) },
                .if(indicator.kpi == nil && indicator.source == nil, .text("Inskrivna värden"))))
    }

    /// The newest value of the trend against that year's target, in words.
    static func standing(_ indicator: IndicatorContent) -> String? {
        let (label, series) = indicator.trend
        guard let period = series.keys.max(), let value = series[period] else { return nil }
        var text = "\(label) \(period): \(IndicatorChart.number(value)) \(indicator.unit)"
        if let year = Int(period), let target = indicator.targets[year] {
            text += "; målvärde \(IndicatorChart.number(target)) \(indicator.unit) – " + (indicator.direction.reaches(value, target) ? "har nått målvärdet" : "har inte nått målvärdet")
        }
        return text + "."
    }

    /// A goal's indicators on its page: each with its latest figures and a link to its own page.
    static func onGoal(_ indicators: [IndicatorContent], organisationSlug: String) -> Node<HTML.BodyContext> {
        .forEach(indicators) { indicator in
            .section(
                .class("indicator-summary"),
                .h3(.a(.href(FollowUpURL.indicator.link(organisationSlug, indicator.documentSlug, indicator.key)), .text(indicator.title))),
                .if(indicator.example, DashboardSections.exampleMark("värdena är påhittade", "")),
                .unwrap(standing(indicator)) { .p(.text($0)) },
                .unwrap(indicator.latestPeriod) { IndicatorChart.members(indicator, period: $0) }
            )
        }
    }
}

extension IndicatorSections {
    /// The document's indicators on its dashboard: a table of where each stands against the target
    /// of the period's year, then each one's trend.
    static func onDashboard(_ dashboard: Dashboard) -> Node<HTML.BodyContext> {
        guard !dashboard.indicators.isEmpty else { return .empty }
        let tree = dashboard.tree
        let year = (dashboard.selected?.period.endsOn.prefix(4)).flatMap { Int($0) }
        let th = { (text: String) -> Node<HTML.TableRowContext> in .th(.attribute(named: "scope", value: "col"), .text(text)) }
        return .section(
            .attribute(named: "aria-labelledby", value: "indikatorer"),
            .h2(.id("indikatorer"), .text("Indikatorer")),
            .p(.text("Målens indikatorer, med senaste värde och målvärdet för \(year.map(String.init) ?? "året"). En indikator med värde och målvärde för periodens år räknas i förslaget till bedömning (regel 1, 3 och 4).")),
            .scrollingTable("Indikatorer", .table(
                .caption(.text("Indikatorer och målvärden")),
                .thead(.tr(th("Indikator"), th("Mål"), th("Senaste värde"), th("Målvärde \(year.map(String.init) ?? "")"), th("Läge"))),
                .tbody(.forEach(dashboard.indicators) { indicator in
                    let (_, series) = indicator.trend
                    let latest = series.keys.max()
                    let reached = year.flatMap { indicator.reachedTarget(in: $0) }
                    return .tr(
                        .th(.attribute(named: "scope", value: "row"),
                            .a(.href(FollowUpURL.indicator.link(tree.organisationSlug, indicator.documentSlug, indicator.key)), .text(indicator.title)),
                            .if(indicator.example, .span(.class("meta"), .text(" (exempeldata)")))),
                        .td(.text(tree.item(lineage: indicator.lineage)?.title ?? "")),
                        .td(.class("number"), .text(latest.map { "\(IndicatorChart.number(series[$0]!)) \(indicator.unit) (\($0))" } ?? "–")),
                        .td(.class("number"), .text(year.flatMap { indicator.targets[$0] }.map { "\(IndicatorChart.number($0)) \(indicator.unit)" } ?? "–")),
                        .td(.text(reached.map { $0 ? "Har nått målvärdet" : "Har inte nått målvärdet" } ?? "Saknar värde eller målvärde för året")))
                })
            )),
            .forEach(dashboard.indicators) { indicator in
                .section(.class("indicator-summary"),
                         .h3(.a(.href(FollowUpURL.indicator.link(tree.organisationSlug, indicator.documentSlug, indicator.key)), .text(indicator.title))),
                         IndicatorChart.trend(indicator))
            }
        )
    }
}
