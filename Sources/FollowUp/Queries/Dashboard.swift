import Foundation

/// What a dashboard or a period page shows for one version: its tree, its periods and the one
/// chosen, with roll-ups, proposals and the activities that lag. Pure values, computed once.
public struct Dashboard: Sendable {
    public let tree: FollowedTree
    /// The version's periods the reader may see, oldest first.
    public let periods: [PeriodContent]
    public let selected: PeriodContent?
    /// The document's indicators, for the proposals.
    public let indicators: [IndicatorContent]

    public init(tree: FollowedTree, periods: [PeriodContent], selectedKey: String?, indicators: [IndicatorContent] = []) {
        self.tree = tree
        self.periods = periods
        self.indicators = indicators
        self.selected = selectedKey.map { key in periods.first { $0.period.key == key } } ?? periods.last { $0.period.state == .closed } ?? periods.last
    }

    public var activityLevel: String { tree.levels.last ?? "Aktivitet" }
    public var example: Bool { periods.contains { $0.period.example } }

    public func report(_ lineage: String, in period: PeriodContent? = nil) -> ReportValue? {
        (period ?? selected)?.reports[lineage]
    }

    public func rollUp(_ item: FollowedTree.Item, in period: PeriodContent? = nil) -> RollUp {
        RollUp(statuses: tree.activities(under: item).map { report($0.lineage, in: period) })
    }

    /// Every activity of the version.
    public func rollUp(in period: PeriodContent? = nil) -> RollUp {
        RollUp(statuses: tree.activities.map { report($0.lineage, in: period) })
    }

    /// The indicators of a goal, and of the goals under a goal area.
    public func indicators(of item: FollowedTree.Item) -> [IndicatorContent] {
        var lineages: Set<String> = []
        func walk(_ item: FollowedTree.Item) { lineages.insert(item.lineage); item.children.forEach(walk) }
        walk(item)
        return indicators.filter { lineages.contains($0.lineage) }
    }

    public func proposal(_ item: FollowedTree.Item) -> FulfilmentRule.Proposal {
        let year = (selected?.period.endsOn.prefix(4)).flatMap { Int($0) }
        let standings = year.map { year in indicators(of: item).compactMap { $0.reachedTarget(in: year) } } ?? []
        return FulfilmentRule.propose(.init(rollUp: rollUp(item), indicatorsMeasured: standings.count, indicatorsReached: standings.filter { $0 }.count,
                                            year: year), level: activityLevel)
    }

    public func assessment(_ item: FollowedTree.Item) -> AssessmentValue? { selected?.assessments[item.lineage] }

    /// The share of the year the period covers, in percent: what progress "on time" would be.
    public static func expectedProgress(endsOn: String) -> Int? {
        let parts = endsOn.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return min(100, Int((Double(parts[1] - 1) + Double(parts[2]) / 31) / 12 * 100))
    }

    /// The activities that lag in the chosen period: postponed, or not done with progress more than
    /// 25 points behind the share of the year that has passed (docs/follow-up.md).
    public var lagging: [(item: FollowedTree.Item, report: ReportValue)] {
        guard let selected, let expected = Self.expectedProgress(endsOn: selected.period.endsOn) else { return [] }
        return tree.activities.compactMap { item in
            guard let report = selected.reports[item.lineage] else { return nil }
            let behind = [.planned, .ongoing].contains(report.status) && (report.progress ?? 0) + 25 < expected
            return report.status == .postponed || behind ? (item, report) : nil
        }
    }
}
