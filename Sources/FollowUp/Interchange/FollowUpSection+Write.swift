import Core
import Fluent
import Foundation
import Mail
import Organisation
import Plans

extension FollowUpSection {
    /// Periods refer to versions in the file, reports to its key activities, assessments to its
    /// goals; dates exist; a closed period says when; nothing repeats.
    public static func validate(_ content: Content, context: inout InterchangeContext, on db: any Database) async throws {
        guard let entry = content.followUp else { return }
        let versions = context[DocumentsSection.Versions.self] ?? [:]
        if let templates = entry.periodTemplates {
            guard (1...12).contains(templates.count) else { throw ImportError("followUp.periodTemplates", "give 1–12 templates") }
            for (index, template) in templates.enumerated() {
                let path = "followUp.periodTemplates[\(index)]"
                try Core.requireText(template.name, at: "\(path).name")
                guard CalendarDate.isValid(String(format: "2024-%02d-%02d", template.endsMonth, template.endsDay)) else {
                    throw ImportError("\(path).endsDay", "the month and day do not exist")
                }
                guard (0...120).contains(template.deadlineDays) else { throw ImportError("\(path).deadlineDays", "0–120 days") }
                if let days = template.remindDaysBefore, !(0...90).contains(days) { throw ImportError("\(path).remindDaysBefore", "0–90 days") }
            }
        }
        var assigned = Set<String>()
        for (index, reporter) in (entry.reporters ?? []).enumerated() {
            let path = "followUp.reporters[\(index)]"
            guard versions[reporter.document]?.values.contains(where: { $0.activities.contains(reporter.lineage) }) == true else {
                throw ImportError("\(path).lineage", "no key activity \"\(reporter.lineage)\" in document \"\(reporter.document)\"")
            }
            guard SMTPClient.isAddress(reporter.email) else { throw ImportError("\(path).email", "not an e-mail address") }
            guard assigned.insert("\(reporter.document)/\(reporter.lineage)").inserted else { throw ImportError(path, "the activity already has a reporter") }
        }
        try validateIndicators(entry, versions: versions)
        try validateSurveys(entry, groups: context[OrganisationSection.GroupKeys.self] ?? [])
        try validateSnapshots(entry, versions: versions)
        var keys = Set<String>()
        for (index, period) in entry.periods.enumerated() {
            let path = "followUp.periods[\(index)]"
            guard let version = versions[period.document]?[period.version] else {
                throw ImportError("\(path).version", "document \"\(period.document)\" has no version \(period.version) in the file")
            }
            guard version.status != .draft else { throw ImportError("\(path).version", "a draft cannot be followed up") }
            guard Slug.isValid(period.key), period.key != "ny" else { throw ImportError("\(path).key", "lowercase letters, digits and hyphens, not \"ny\"") }
            guard keys.insert("\(period.document)/\(period.key)").inserted else { throw ImportError("\(path).key", "duplicate period \"\(period.key)\"") }
            try Core.requireText(period.name, at: "\(path).name")
            for (name, day) in [("endsOn", period.endsOn), ("deadline", period.deadline)] where !CalendarDate.isValid(day) {
                throw ImportError("\(path).\(name)", "a date that exists, as YYYY-MM-DD")
            }
            guard moment(period.openedAt) != nil else { throw ImportError("\(path).openedAt", "a moment in ISO 8601, e.g. 2023-05-02T08:00:00Z") }
            switch (period.state, period.closedAt) {
            case (.closed, let at?): guard moment(at) != nil else { throw ImportError("\(path).closedAt", "a moment in ISO 8601") }
            case (.closed, nil): throw ImportError("\(path).closedAt", "a closed period says when it was closed")
            case (.open, .some): throw ImportError("\(path).closedAt", "an open period has no closedAt")
            case (.open, nil): break
            }
            var reported = Set<String>()
            for (reportIndex, report) in period.reports.enumerated() {
                let reportPath = "\(path).reports[\(reportIndex)]"
                guard version.activities.contains(report.lineage) else { throw ImportError("\(reportPath).lineage", "no key activity \"\(report.lineage)\" in version \(period.version)") }
                guard reported.insert(report.lineage).inserted else { throw ImportError("\(reportPath).lineage", "reported twice") }
                if let progress = report.progress, !(0...100).contains(progress) { throw ImportError("\(reportPath).progress", "0–100") }
                guard report.revision >= 1 else { throw ImportError("\(reportPath).revision", "1 or more") }
                guard moment(report.reportedAt) != nil else { throw ImportError("\(reportPath).reportedAt", "a moment in ISO 8601") }
            }
            var assessed = Set<String>()
            for (assessmentIndex, assessment) in period.assessments.enumerated() {
                let assessmentPath = "\(path).assessments[\(assessmentIndex)]"
                guard version.goals.contains(assessment.lineage) else { throw ImportError("\(assessmentPath).lineage", "no goal \"\(assessment.lineage)\" in version \(period.version)") }
                guard assessed.insert(assessment.lineage).inserted else { throw ImportError("\(assessmentPath).lineage", "assessed twice") }
                try Core.requireText(assessment.motivation, at: "\(assessmentPath).motivation")
                guard assessment.revision >= 1 else { throw ImportError("\(assessmentPath).revision", "1 or more") }
                guard moment(assessment.assessedAt) != nil else { throw ImportError("\(assessmentPath).assessedAt", "a moment in ISO 8601") }
            }
        }
    }

    /// Replaces the organisation's follow-up with the file's.
    public static func write(_ content: Content, context: inout InterchangeContext, on db: any Database) async throws {
        guard let organisationID = context.tenant else { preconditionFailure("the organisation section writes the tenant first") }
        try await ReportingPeriod.query(on: db).filter(\.$organisationID == organisationID).delete()
        try await PeriodTemplate.query(on: db).filter(\.$organisationID == organisationID).delete()
        try await ActivityReporter.query(on: db).filter(\.$organisationID == organisationID).delete()
        guard let entry = content.followUp else {
            try await Indicator.query(on: db).filter(\.$organisationID == organisationID).delete()
            try await NetworkContact.query(on: db).filter(\.$organisationID == organisationID).delete()
            try await Survey.query(on: db).filter(\.$organisationID == organisationID).delete()
            try await writeSnapshots(nil, organisationID: organisationID, on: db)
            return
        }
        try await writeSnapshots(entry, organisationID: organisationID, on: db)
        try await writeIndicators(entry, organisationID: organisationID, on: db)
        try await writeSurveys(entry, organisationID: organisationID, on: db)
        for (position, template) in (entry.periodTemplates ?? []).enumerated() {
            try await PeriodTemplate(organisationID: organisationID, position: position, value: template).create(on: db)
        }
        for reporter in entry.reporters ?? [] {
            let row = ActivityReporter()
            row.organisationID = organisationID
            row.documentSlug = reporter.document
            row.lineage = reporter.lineage
            row.email = reporter.email.lowercased()
            try await row.create(on: db)
        }
        var periods: [ReportingPeriod] = [], reports: [ActivityReport] = [], assessments: [GoalAssessment] = []
        for entry in entry.periods {
            let period = ReportingPeriod()
            period.id = UUID()
            period.organisationID = organisationID
            period.documentSlug = entry.document
            period.versionNumber = entry.version
            period.key = entry.key
            period.name = entry.name
            period.endsOn = entry.endsOn
            period.deadline = entry.deadline
            period.remindDaysBefore = entry.remindDaysBefore
            period.state = entry.state
            period.openedAt = moment(entry.openedAt)!
            period.openedBy = entry.openedBy
            period.closedAt = entry.closedAt.flatMap(moment)
            period.closedBy = entry.closedBy
            period.example = entry.example ?? false
            periods.append(period)
            for report in entry.reports {
                let row = ActivityReport()
                row.$period.id = try period.requireID()
                row.lineage = report.lineage
                row.status = report.status
                row.progress = report.progress
                row.comment = report.comment ?? ""
                row.reportedBy = report.reportedBy
                row.reportedAt = moment(report.reportedAt)!
                row.revision = report.revision
                reports.append(row)
            }
            for assessment in entry.assessments {
                let row = GoalAssessment()
                row.$period.id = try period.requireID()
                row.lineage = assessment.lineage
                row.verdict = assessment.verdict
                row.motivation = assessment.motivation
                row.assessedBy = assessment.assessedBy
                row.assessedAt = moment(assessment.assessedAt)!
                row.revision = assessment.revision
                assessments.append(row)
            }
        }
        try await periods.create(inBatchesOf: 100, on: db)
        try await reports.create(inBatchesOf: 100, on: db)
        try await assessments.create(inBatchesOf: 100, on: db)
        context.counts["periods"] = entry.periods.count
        context.counts["indicators"] = entry.indicators?.count ?? 0
    }
}
