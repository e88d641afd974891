import Fluent
import Foundation
import Organisation
import Plans
import Vapor

/// What the plan's own pages show of the follow-up: the latest closed period of the version.
enum ProgressProvider {
    static func progress(for content: DocumentContent, on req: Request) async throws -> ReportedProgress? {
        let db = req.db
        guard content.version.status != .draft, let organisation = try await req.organisation(slug: content.organisation.slug) else { return nil }
        let periods = try await PeriodQuery.values(organisationID: organisation.requireID(), document: content.slug, on: db)
            .filter { $0.version == content.version.number && $0.state == .closed }
        guard !periods.isEmpty else { return nil }
        let dashboard = Dashboard(tree: FollowedTree(content), periods: try await PeriodQuery.contents(values: periods, on: db), selectedKey: nil)
        guard let latest = dashboard.selected else { return nil }
        let entry = { (period: PeriodContent, report: ReportValue) in
            ReportedProgress.Entry(period: period.period.name, status: "\(StatusChart.mark(report.status)) \(report.status.label)" + (report.progress.map { ", \($0) %" } ?? ""),
                                   comment: report.comment)
        }
        var activities: [String: ReportedProgress.Entry] = [:], history: [String: [ReportedProgress.Entry]] = [:]
        for item in dashboard.tree.activities {
            if let report = latest.reports[item.lineage] { activities[item.lineage] = entry(latest, report) }
            history[item.lineage] = dashboard.periods.compactMap { period in period.reports[item.lineage].map { entry(period, $0) } }
        }
        var rollUps: [String: String] = [:], verdicts: [String: String] = [:]
        for goal in dashboard.tree.goals {
            rollUps[goal.lineage] = dashboard.rollUp(goal).phrase(level: dashboard.activityLevel)
            if let assessment = dashboard.assessment(goal) { verdicts[goal.lineage] = "\(assessment.verdict.symbol) \(assessment.verdict.label)" }
        }
        return ReportedProgress(periodName: latest.period.name, url: FollowUpURL.dashboard(organisation.slug, content.slug, period: latest.period.key),
                                example: latest.period.example, activities: activities, rollUps: rollUps, verdicts: verdicts, history: history)
    }
}

extension FollowedTree {
    /// The tree of a version already read in full (the plan's own page).
    init(_ content: DocumentContent) {
        func item(_ node: DocumentContent.Node) -> Item {
            Item(key: node.key, lineage: node.lineage, title: node.title, depth: node.depth, level: node.level, children: node.children.map(item))
        }
        self.init(organisationSlug: content.organisation.slug, organisationName: content.organisation.name, documentSlug: content.slug,
                  title: content.title, versionNumber: content.version.number, status: content.version.status,
                  periodStart: content.version.periodStart, levels: content.version.levels, roots: content.nodes.map(item))
    }
}
