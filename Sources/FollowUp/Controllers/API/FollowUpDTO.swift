import Foundation
import Vapor

/// The follow-up of a document as the API gives it: what the dashboard shows, as data.
struct FollowUpDTO: Content {
    let organisation: String
    let document: String
    /// The version the periods follow up, and the name of its key-activity level.
    let version: Int
    let activityLevel: String
    let periods: [PeriodDTO]
}

struct PeriodDTO: Content {
    let key: String
    let name: String
    let version: Int
    let endsOn: String
    let deadline: String
    let remindDaysBefore: Int?
    let state: PeriodState
    let closedAt: String?
    /// True for demonstration data (the demo's invented follow-up).
    let example: Bool
    let rollUp: RollUpDTO
    let reports: [ReportDTO]
    let assessments: [AssessmentDTO]

    init(_ period: PeriodContent, tree: FollowedTree, indicators: [IndicatorContent], showReporters: Bool) {
        let dashboard = Dashboard(tree: tree, periods: [period], selectedKey: period.period.key, indicators: indicators)
        key = period.period.key
        name = period.period.name
        version = period.period.version
        endsOn = period.period.endsOn
        deadline = period.period.deadline
        remindDaysBefore = period.period.remindDaysBefore
        state = period.period.state
        closedAt = period.period.closedAt.map(FollowUpSection.moment)
        example = period.period.example
        rollUp = RollUpDTO(dashboard.rollUp())
        reports = tree.activities.compactMap { item in period.reports[item.lineage].map { ReportDTO($0, title: item.title, showReporter: showReporters) } }
        assessments = tree.goals.map { item in AssessmentDTO(item, dashboard: dashboard, showAssessor: showReporters) }
    }
}

struct RollUpDTO: Content {
    let activities: Int
    /// Reported activities by status (only statuses that occur).
    let counts: [String: Int]
    let missing: Int
    let meanProgress: Int?

    init(_ rollUp: RollUp) {
        activities = rollUp.activities
        counts = Dictionary(rollUp.counts.map { ($0.key.rawValue, $0.value) }) { $1 }
        missing = rollUp.missing
        meanProgress = rollUp.meanProgress
    }
}

struct ReportDTO: Content {
    let lineage: String
    let title: String
    let status: ActivityStatus
    let statusLabel: String
    let progress: Int?
    let comment: String
    let reportedAt: String
    /// Who reported; only for the organisation's users (token API), never public.
    let reportedBy: String?
    let revision: Int

    init(_ report: ReportValue, title: String, showReporter: Bool) {
        lineage = report.lineage
        self.title = title
        status = report.status
        statusLabel = report.status.label
        progress = report.progress
        comment = report.comment
        reportedAt = FollowUpSection.moment(report.reportedAt)
        reportedBy = showReporter ? report.reportedBy : nil
        revision = report.revision
    }
}

struct AssessmentDTO: Content {
    struct Proposal: Content {
        let verdict: Verdict
        let rule: Int
        let basis: String
    }

    let lineage: String
    let title: String
    let level: String
    let rollUp: RollUpDTO
    /// The editor's assessment, absent until one is made.
    let verdict: Verdict?
    let verdictLabel: String?
    let motivation: String?
    let assessedAt: String?
    let assessedBy: String?
    let revision: Int
    /// What Samsyn proposes from the activities' statuses, and why.
    let proposal: Proposal

    init(_ item: FollowedTree.Item, dashboard: Dashboard, showAssessor: Bool) {
        let assessment = dashboard.assessment(item)
        let proposal = dashboard.proposal(item)
        lineage = item.lineage
        title = item.title
        level = item.level
        rollUp = RollUpDTO(dashboard.rollUp(item))
        verdict = assessment?.verdict
        verdictLabel = assessment?.verdict.label
        motivation = assessment?.motivation
        assessedAt = assessment.map { FollowUpSection.moment($0.assessedAt) }
        assessedBy = showAssessor ? assessment?.assessedBy : nil
        revision = assessment?.revision ?? 0
        self.proposal = Proposal(verdict: proposal.verdict, rule: proposal.rule, basis: proposal.basis)
    }
}

struct NewPeriodDTO: Content {
    let name: String
    let endsOn: String
    let deadline: String
    let remindDaysBefore: Int?
}

struct ReportInputDTO: Content {
    let status: ActivityStatus
    let progress: Int?
    let comment: String?
    /// The revision this report replaces (0 for a first report); a stale one is refused with 409.
    let revision: Int?
}

struct AssessmentInputDTO: Content {
    let verdict: Verdict
    let motivation: String
    let revision: Int?
}
