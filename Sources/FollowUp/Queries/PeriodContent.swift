import Fluent
import Foundation
import SQLKit

/// A period with what was reported and assessed in it, as plain values: the pages, the API and the
/// organisation file all read these.
public struct PeriodValue: Codable, Sendable, Equatable {
    public var id: UUID
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

    init(id: UUID, key: String, name: String, version: Int, endsOn: String, deadline: String, remindDaysBefore: Int?, state: PeriodState,
         openedAt: Date, openedBy: String, closedAt: Date?, closedBy: String?, example: Bool) {
        self.id = id
        self.key = key
        self.name = name
        self.version = version
        self.endsOn = endsOn
        self.deadline = deadline
        self.remindDaysBefore = remindDaysBefore
        self.state = state
        self.openedAt = openedAt
        self.openedBy = openedBy
        self.closedAt = closedAt
        self.closedBy = closedBy
        self.example = example
    }

    init(_ period: ReportingPeriod) {
        id = period.id!
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

    init(_ row: PeriodQuery.ReportRow) {
        lineage = row.lineage
        status = row.status
        progress = row.progress
        comment = row.comment
        reportedBy = row.reported_by
        reportedAt = row.reported_at
        revision = row.revision
    }

    init(lineage: String, status: ActivityStatus, progress: Int?, comment: String, reportedBy: String, reportedAt: Date, revision: Int) {
        self.lineage = lineage
        self.status = status
        self.progress = progress
        self.comment = comment
        self.reportedBy = reportedBy
        self.reportedAt = reportedAt
        self.revision = revision
    }
}

public struct AssessmentValue: Codable, Sendable, Equatable {
    public var lineage: String
    public var verdict: Verdict
    public var motivation: String
    public var assessedBy: String
    public var assessedAt: Date
    public var revision: Int

    init(_ row: PeriodQuery.AssessmentRow) {
        lineage = row.lineage
        verdict = row.verdict
        motivation = row.motivation
        assessedBy = row.assessed_by
        assessedAt = row.assessed_at
        revision = row.revision
    }
}

public struct PeriodContent: Sendable, Equatable {
    public let period: PeriodValue
    public let reports: [String: ReportValue]
    public let assessments: [String: AssessmentValue]
}

public enum PeriodQuery {
    /// The end date and name of the organisation's periods (of every document) that end in `year`,
    /// by end date and name: what other modules mark on their own year (Finance's month columns).
    public static func ends(organisationID: UUID, year: Int, on db: any Database) async throws -> [(endsOn: String, name: String)] {
        // Dates are stored as YYYY-MM-DD, so the year's are those from "YYYY-" up to the next year's.
        try await ReportingPeriod.query(on: db).filter(\.$organisationID == organisationID)
            .filter(\.$endsOn >= "\(year)-").filter(\.$endsOn < "\(year + 1)-").sort(\.$endsOn).sort(\.$name).all()
            .map { ($0.endsOn, $0.name) }
    }

    /// A document's periods, oldest first (by end date, then key).
    static func periods(organisationID: UUID, document: String, on db: any Database) async throws -> [ReportingPeriod] {
        try await ReportingPeriod.query(on: db).filter(\.$organisationID == organisationID).filter(\.$documentSlug == document)
            .sort(\.$endsOn).sort(\.$key).all()
    }

    /// The same as plain values, read with SQLKit: what the public pages need, without Fluent's models.
    static func values(organisationID: UUID, document: String, on db: any Database) async throws -> [PeriodValue] {
        struct Row: Decodable {
            let id: UUID, key: String, name: String, version_number: Int, ends_on: String, deadline: String, remind_days_before: Int?
            let state: PeriodState, opened_at: Date, opened_by: String, closed_at: Date?, closed_by: String?, example: Bool
        }
        return try await (db as! any SQLDatabase).select()
            .columns("id", "key", "name", "version_number", "ends_on", "deadline", "remind_days_before", "state", "opened_at", "opened_by",
                     "closed_at", "closed_by", "example")
            .from(ReportingPeriod.schema)
            .where("organisation_id", .equal, SQLBind(organisationID)).where("document_slug", .equal, SQLBind(document))
            .orderBy("ends_on").orderBy("key")
            .all(decoding: Row.self)
            .map { row in
                PeriodValue(id: row.id, key: row.key, name: row.name, version: row.version_number, endsOn: row.ends_on, deadline: row.deadline,
                            remindDaysBefore: row.remind_days_before, state: row.state, openedAt: row.opened_at, openedBy: row.opened_by,
                            closedAt: row.closed_at, closedBy: row.closed_by, example: row.example)
            }
    }

    static func period(organisationID: UUID, document: String, key: String, on db: any Database) async throws -> ReportingPeriod? {
        try await ReportingPeriod.query(on: db).filter(\.$organisationID == organisationID).filter(\.$documentSlug == document)
            .filter(\.$key == key).first()
    }

    /// The periods' reports and assessments, in two queries whatever their number, read with SQLKit
    /// into plain values: a dashboard reads hundreds of reports, and Fluent's models cost most of
    /// an uncached page's time decoding them (docs/performance.md).
    static func contents(_ periods: [ReportingPeriod], on db: any Database) async throws -> [PeriodContent] {
        try await contents(values: periods.map(PeriodValue.init), on: db)
    }

    static func contents(values periods: [PeriodValue], on db: any Database) async throws -> [PeriodContent] {
        let ids = periods.map(\.id)
        guard !ids.isEmpty, let sql = db as? any SQLDatabase else { return [] }
        async let reportRows = sql.select()
            .columns("period_id", "lineage", "status", "progress", "comment", "reported_by", "reported_at", "revision")
            .from(ActivityReport.schema).where("period_id", .in, SQLBind.group(ids)).all(decoding: ReportRow.self)
        async let assessmentRows = sql.select()
            .columns("period_id", "lineage", "verdict", "motivation", "assessed_by", "assessed_at", "revision")
            .from(GoalAssessment.schema).where("period_id", .in, SQLBind.group(ids)).all(decoding: AssessmentRow.self)
        let (reports, assessments) = try await (reportRows, assessmentRows)
        let reportsByPeriod = Dictionary(grouping: reports, by: \.period_id)
        let assessmentsByPeriod = Dictionary(grouping: assessments, by: \.period_id)
        return periods.map { period in
            PeriodContent(period: period,
                          reports: Dictionary((reportsByPeriod[period.id] ?? []).map { ($0.lineage, ReportValue($0)) }) { $1 },
                          assessments: Dictionary((assessmentsByPeriod[period.id] ?? []).map { ($0.lineage, AssessmentValue($0)) }) { $1 })
        }
    }

    struct ReportRow: Decodable {
        let period_id: UUID, lineage: String, status: ActivityStatus, progress: Int?, comment: String, reported_by: String, reported_at: Date, revision: Int
    }

    struct AssessmentRow: Decodable {
        let period_id: UUID, lineage: String, verdict: Verdict, motivation: String, assessed_by: String, assessed_at: Date, revision: Int
    }
}
