import Core
import Fluent
import Foundation

extension FollowUpSection {
    public static func export(tenant: UUID, context: inout InterchangeContext, on db: any Database) async throws -> Content {
        let periods = try await ReportingPeriod.query(on: db).filter(\.$organisationID == tenant).sort(\.$documentSlug).sort(\.$endsOn).sort(\.$key).all()
        let templates = try await PeriodTemplate.query(on: db).filter(\.$organisationID == tenant).sort(\.$position).all()
        let reporters = try await ActivityReporter.query(on: db).filter(\.$organisationID == tenant).sort(\.$documentSlug).sort(\.$lineage).all()
        let (indicators, kolada) = try await exportIndicators(tenant: tenant, on: db)
        let (contacts, surveys) = try await exportSurveys(tenant: tenant, on: db)
        let snapshots = try await exportSnapshots(tenant: tenant, on: db)
        guard !periods.isEmpty || !templates.isEmpty || !reporters.isEmpty || !indicators.isEmpty || !contacts.isEmpty || !surveys.isEmpty
                || !snapshots.isEmpty else {
            return Content(followUp: nil)
        }
        let contents = try await PeriodQuery.contents(periods, on: db)
        return Content(followUp: FollowUpEntry(
            periodTemplates: templates.isEmpty ? nil : templates.map(\.value),
            reporters: reporters.isEmpty ? nil : reporters.map { ReporterEntry(document: $0.documentSlug, lineage: $0.lineage, email: $0.email) },
            periods: zip(periods, contents).map { period, content in
                PeriodEntry(
                    document: period.documentSlug, version: period.versionNumber, key: period.key, name: period.name, endsOn: period.endsOn,
                    deadline: period.deadline, remindDaysBefore: period.remindDaysBefore, state: period.state, openedAt: moment(period.openedAt),
                    openedBy: period.openedBy, closedAt: period.closedAt.map(moment), closedBy: period.closedBy, example: period.example ? true : nil,
                    reports: content.reports.values.sorted { $0.lineage < $1.lineage }.map {
                        ReportEntry(lineage: $0.lineage, status: $0.status, progress: $0.progress, comment: $0.comment.isEmpty ? nil : $0.comment,
                                    reportedBy: $0.reportedBy, reportedAt: moment($0.reportedAt), revision: $0.revision)
                    },
                    assessments: content.assessments.values.sorted { $0.lineage < $1.lineage }.map {
                        AssessmentEntry(lineage: $0.lineage, verdict: $0.verdict, motivation: $0.motivation, assessedBy: $0.assessedBy,
                                        assessedAt: moment($0.assessedAt), revision: $0.revision)
                    })
            },
            indicators: indicators.isEmpty ? nil : indicators, kolada: kolada, contacts: contacts.isEmpty ? nil : contacts,
            surveys: surveys.isEmpty ? nil : surveys, reportSnapshots: snapshots.isEmpty ? nil : snapshots))
    }
}
