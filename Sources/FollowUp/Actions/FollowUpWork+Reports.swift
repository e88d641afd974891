import Auth
import Core
import Fluent
import Foundation
import Organisation

extension FollowUpWork {
    public struct ReportInput: Sendable, Equatable {
        public var status: ActivityStatus
        public var progress: Int?
        public var comment: String

        public init(status: ActivityStatus, progress: Int?, comment: String) {
            self.status = status
            self.progress = progress
            self.comment = comment
        }
    }

    public enum Outcome: Sendable, Equatable { case saved(revision: Int), unchanged(revision: Int) }

    /// Records or revises the report of one key activity. Saving what is already saved changes nothing.
    /// `expectedRevision` (0 for a first report) guards against overwriting someone else's report.
    static func report(_ input: ReportInput, lineage: String, in period: ReportingPeriod, tree: FollowedTree, expectedRevision: Int?,
                              actor: AuditLog.Actor, at now: Date = Date(), on db: any Database) async throws -> Outcome {
        guard let item = tree.item(lineage: lineage), tree.isActivity(item) else { throw Failure.notFound("key activity \"\(lineage)\"") }
        if let progress = input.progress, !(0...100).contains(progress) {
            throw Failure.invalid("Ange hur långt aktiviteten har kommit som ett heltal 0–100.", english: "progress must be a whole number 0–100", field: "progress")
        }
        if let problem = TextRules.problem(in: input.comment, as: .text, limit: commentLength) {
            throw Failure.invalid(problem.swedish, english: "comment \(problem.english)", field: "comment")
        }
        let input = ReportInput(status: input.status, progress: input.status == .done ? (input.progress ?? 100) : input.progress,
                                comment: TextRules.plainLineBreaks(input.comment).trimmingCharacters(in: .whitespacesAndNewlines))
        return try await db.write { db in
            try await holdOpen(period, on: db)
            let existing = try await ActivityReport.query(on: db).filter(\.$period.$id == period.requireID()).filter(\.$lineage == lineage).first()
            if let expectedRevision, expectedRevision != (existing?.revision ?? 0) { throw Failure.conflict(currentRevision: existing?.revision ?? 0) }
            if let existing, ReportInput(status: existing.status, progress: existing.progress, comment: existing.comment) == input {
                return .unchanged(revision: existing.revision)
            }
            let report = existing ?? ActivityReport()
            let before = existing.map(describe)
            report.$period.id = try period.requireID()
            report.lineage = lineage
            report.status = input.status
            report.progress = input.progress
            report.comment = input.comment
            report.reportedBy = actor.description
            report.reportedAt = now
            report.revision = (existing?.revision ?? 0) + 1
            try await report.save(on: db)
            try await AuditLog.record(existing == nil ? "report.create" : "report.update", subject: "\(period.documentSlug) \(period.key) \(lineage)",
                                      actor: actor, organisationID: period.organisationID, before: before, after: describe(report),
                                      context: context(period, tree: tree, item: item), on: db)
            return .saved(revision: report.revision)
        }
    }

    static func describe(_ report: ActivityReport) -> String {
        "\(report.status.label)" + (report.progress.map { ", \($0) %" } ?? "") + (report.comment.isEmpty ? "" : ": \(report.comment)")
    }

    /// Records or revises the assessment of a goal or goal area.
    static func assess(_ verdict: Verdict, motivation: String, lineage: String, in period: ReportingPeriod, tree: FollowedTree,
                              expectedRevision: Int?, actor: AuditLog.Actor, at now: Date = Date(), on db: any Database) async throws -> Outcome {
        guard let item = tree.item(lineage: lineage), !tree.isActivity(item) else { throw Failure.notFound("goal \"\(lineage)\"") }
        if let problem = TextRules.problem(in: motivation, as: .text, limit: commentLength) {
            throw Failure.invalid(problem.swedish, english: "motivation \(problem.english)", field: "motivation")
        }
        let motivation = TextRules.plainLineBreaks(motivation).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !motivation.isEmpty else {
            throw Failure.invalid("Motivera bedömningen: vad bygger den på?", english: "motivation is empty", field: "motivation")
        }
        return try await db.write { db in
            try await holdOpen(period, on: db)
            let existing = try await GoalAssessment.query(on: db).filter(\.$period.$id == period.requireID()).filter(\.$lineage == lineage).first()
            if let expectedRevision, expectedRevision != (existing?.revision ?? 0) { throw Failure.conflict(currentRevision: existing?.revision ?? 0) }
            if let existing, existing.verdict == verdict, existing.motivation == motivation { return .unchanged(revision: existing.revision) }
            let assessment = existing ?? GoalAssessment()
            let before = existing.map { "\($0.verdict.label): \($0.motivation)" }
            assessment.$period.id = try period.requireID()
            assessment.lineage = lineage
            assessment.verdict = verdict
            assessment.motivation = motivation
            assessment.assessedBy = actor.description
            assessment.assessedAt = now
            assessment.revision = (existing?.revision ?? 0) + 1
            try await assessment.save(on: db)
            try await AuditLog.record(existing == nil ? "assessment.create" : "assessment.update", subject: "\(period.documentSlug) \(period.key) \(lineage)",
                                      actor: actor, organisationID: period.organisationID, before: before, after: "\(verdict.label): \(motivation)",
                                      context: context(period, tree: tree, item: item), on: db)
            return .saved(revision: assessment.revision)
        }
    }

    /// Sets who reports each listed key activity (nil or empty: the editors). Only changes are written.
    /// Returns the number of activities whose reporter changed.
    public static func setReporters(_ reporters: [String: String?], tree: FollowedTree, organisationID: UUID, actor: AuditLog.Actor,
                                    on db: any Database) async throws -> Int {
        let candidates = Set(try await ReporterQuery.candidates(organisationID: organisationID, on: db).map { $0.email.lowercased() })
        for (lineage, email) in reporters {
            guard let item = tree.item(lineage: lineage), tree.isActivity(item) else { throw Failure.notFound("key activity \"\(lineage)\"") }
            if let email, !email.isEmpty, !candidates.contains(email.lowercased()) {
                throw Failure.invalid("\(email) har ingen roll i organisationen.", english: "\(email) has no role in the organisation", field: lineage)
            }
        }
        return try await db.write { db in
            let current = try await ActivityReporter.query(on: db).filter(\.$organisationID == organisationID)
                .filter(\.$documentSlug == tree.documentSlug).all()
            var changed = 0
            for (lineage, email) in reporters.sorted(by: { $0.key < $1.key }) {
                let email = email.flatMap { $0.isEmpty ? nil : $0.lowercased() }
                let row = current.first { $0.lineage == lineage }
                guard row?.email != email else { continue }
                if let row { try await row.delete(on: db) }
                if let email {
                    let new = ActivityReporter()
                    new.organisationID = organisationID
                    new.documentSlug = tree.documentSlug
                    new.lineage = lineage
                    new.email = email
                    try await new.create(on: db)
                }
                changed += 1
                let item = tree.item(lineage: lineage)
                try await AuditLog.record("reporter.set", subject: "\(tree.documentSlug) \(lineage)", actor: actor, organisationID: organisationID,
                                          before: row?.email ?? "redaktörerna", after: email ?? "redaktörerna",
                                          context: .init(name: item?.title, document: tree.documentSlug, documentTitle: tree.title, item: item?.key), on: db)
            }
            return changed
        }
    }

    /// Replaces the organisation's period templates. Unchanged templates write nothing.
    static func saveTemplates(_ templates: [PeriodTemplate.Value], organisationID: UUID, actor: AuditLog.Actor,
                                     on db: any Database) async throws -> Bool {
        guard (1...12).contains(templates.count) else {
            throw Failure.invalid("Ange mellan en och tolv perioder.", english: "give 1–12 period templates", field: "name0")
        }
        for (index, template) in templates.enumerated() {
            let name = template.name.trimmingCharacters(in: .whitespaces)
            if name.isEmpty || TextRules.problem(in: name, as: .title, limit: 60) != nil {
                throw Failure.invalid("Ange ett namn på högst 60 tecken.", english: "template \(index + 1): name must be 1–60 characters", field: "name\(index)")
            }
            guard (1...12).contains(template.endsMonth), (1...31).contains(template.endsDay),
                  CalendarDate.isValid(String(format: "2024-%02d-%02d", template.endsMonth, template.endsDay)) else {
                throw Failure.invalid("Ange en dag som finns, som MM-DD.", english: "template \(index + 1): the end day does not exist", field: "ends\(index)")
            }
            guard (0...120).contains(template.deadlineDays) else {
                throw Failure.invalid("Ange 0–120 dagar.", english: "template \(index + 1): deadlineDays must be 0–120", field: "deadline\(index)")
            }
            if let days = template.remindDaysBefore, !(0...90).contains(days) {
                throw Failure.invalid("Ange 0–90 dagar, eller lämna tomt.", english: "template \(index + 1): remindDaysBefore must be 0–90", field: "remind\(index)")
            }
        }
        let templates = templates.map { PeriodTemplate.Value(name: $0.name.trimmingCharacters(in: .whitespaces), endsMonth: $0.endsMonth, endsDay: $0.endsDay,
                                                             deadlineDays: $0.deadlineDays, remindDaysBefore: $0.remindDaysBefore) }
        return try await db.write { db in
            let current = try await TemplateQuery.templates(organisationID: organisationID, on: db)
            guard current != templates else { return false }
            try await PeriodTemplate.query(on: db).filter(\.$organisationID == organisationID).delete()
            for (position, template) in templates.enumerated() {
                try await PeriodTemplate(organisationID: organisationID, position: position, value: template).create(on: db)
            }
            try await AuditLog.record("periods.templates", subject: "period templates", actor: actor, organisationID: organisationID,
                                      before: current.map(\.name).joined(separator: ", "), after: templates.map(\.name).joined(separator: ", "), on: db)
            return true
        }
    }
}
