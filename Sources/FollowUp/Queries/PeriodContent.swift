import Fluent
import Foundation

/// A period with what was reported and assessed in it, as plain values: the pages, the API and the
/// organisation file all read these.
public struct PeriodValue: Codable, Sendable, Equatable {
    public var key: String
    public var name: String
    public var version: Int
    public var endsOn: String
    public var deadline: String
    public var remindDaysBefore: Int?
    public var state: PeriodState
    public var openedAt: Date
    public var openedBy: String
    public var closedAt: Date?
    public var closedBy: String?
    public var example: Bool

    init(_ period: ReportingPeriod) {
        key = period.key
        name = period.name
        version = period.versionNumber
        endsOn = period.endsOn
        deadline = period.deadline
        remindDaysBefore = period.remindDaysBefore
        state = period.state
        openedAt = period.openedAt
        openedBy = period.openedBy
        closedAt = period.closedAt
        closedBy = period.closedBy
        example = period.example
    }
}

public struct ReportValue: Codable, Sendable, Equatable {
    public var lineage: String
    public var status: ActivityStatus
    public var progress: Int?
    public var comment: String
    public var reportedBy: String
    public var reportedAt: Date
    public var revision: Int

    init(_ report: ActivityReport) {
        lineage = report.lineage
        status = report.status
        progress = report.progress
        comment = report.comment
        reportedBy = report.reportedBy
        reportedAt = report.reportedAt
        revision = report.revision
    }
}

public struct AssessmentValue: Codable, Sendable, Equatable {
    public var lineage: String
    public var verdict: Verdict
    public var motivation: String
    public var assessedBy: String
    public var assessedAt: Date
    public var revision: Int

    init(_ assessment: GoalAssessment) {
        lineage = assessment.lineage
        verdict = assessment.verdict
        motivation = assessment.motivation
        assessedBy = assessment.assessedBy
        assessedAt = assessment.assessedAt
        revision = assessment.revision
    }
}

public struct PeriodContent: Sendable, Equatable {
    public let period: PeriodValue
    public let reports: [String: ReportValue]
    public let assessments: [String: AssessmentValue]
}

enum PeriodQuery {
    /// A document's periods, oldest first (by end date, then key).
    static func periods(organisationID: UUID, document: String, on db: any Database) async throws -> [ReportingPeriod] {
        try await ReportingPeriod.query(on: db).filter(\.$organisationID == organisationID).filter(\.$documentSlug == document)
            .sort(\.$endsOn).sort(\.$key).all()
    }

    static func period(organisationID: UUID, document: String, key: String, on db: any Database) async throws -> ReportingPeriod? {
        try await ReportingPeriod.query(on: db).filter(\.$organisationID == organisationID).filter(\.$documentSlug == document)
            .filter(\.$key == key).first()
    }

    /// The periods' reports and assessments, in two queries whatever their number.
    static func contents(_ periods: [ReportingPeriod], on db: any Database) async throws -> [PeriodContent] {
        let ids = periods.compactMap(\.id)
        guard !ids.isEmpty else { return [] }
        async let reportRows = ActivityReport.query(on: db).filter(\.$period.$id ~~ ids).all()
        async let assessmentRows = GoalAssessment.query(on: db).filter(\.$period.$id ~~ ids).all()
        let (reports, assessments) = try await (reportRows, assessmentRows)
        let reportsByPeriod = Dictionary(grouping: reports, by: { $0.$period.id })
        let assessmentsByPeriod = Dictionary(grouping: assessments, by: { $0.$period.id })
        return periods.map { period in
            PeriodContent(period: PeriodValue(period),
                          reports: Dictionary((reportsByPeriod[period.id!] ?? []).map { ($0.lineage, ReportValue($0)) }) { $1 },
                          assessments: Dictionary((assessmentsByPeriod[period.id!] ?? []).map { ($0.lineage, AssessmentValue($0)) }) { $1 })
        }
    }
}
