import Core
import Fluent
import Foundation
import Mail
import Organisation

/// Reminds the reporters of an open period whose reports are missing: `remindDaysBefore` days
/// before the deadline, and once the deadline has passed; each kind once per recipient and period.
/// The reminder and its record land in one transaction, and the record's unique key keeps a second
/// instance from sending it again.
public enum Reminders {
    /// Puts the reminders due at `now` in the outbox; returns how many.
    @discardableResult
    public static func enqueueDue(at now: Date, publicURL: String, on db: any Database) async throws -> Int {
        let today = Calendar.day(now)
        var enqueued = 0
        for period in try await ReportingPeriod.query(on: db).filter(\.$state == .open).all() {
            guard let kind = kind(of: period, today: today) else { continue }
            guard let organisation = try await OrganisationRecord.find(period.organisationID, on: db),
                  let tree = try await FollowedTreeQuery.load(organisation, document: period.documentSlug, version: period.versionNumber, on: db) else { continue }
            let reported = Set(try await ActivityReport.query(on: db).filter(\.$period.$id == period.requireID()).all().map(\.lineage))
            let missing = tree.activities.filter { !reported.contains($0.lineage) }
            guard !missing.isEmpty else { continue }
            let assigned = try await ReporterQuery.assigned(organisationID: organisation.requireID(), document: period.documentSlug, on: db)
            let editors = try await ReporterQuery.editors(organisationID: organisation.requireID(), on: db).map(\.email)
            var byRecipient: [String: [FollowedTree.Item]] = [:]
            for item in missing {
                for recipient in assigned[item.lineage].map({ [$0] }) ?? editors { byRecipient[recipient, default: []].append(item) }
            }
            let sent = Set(try await SentReminder.query(on: db).filter(\.$period.$id == period.requireID()).filter(\.$kind == kind).all().map(\.recipient))
            for (recipient, items) in byRecipient.sorted(by: { $0.key < $1.key }) where !sent.contains(recipient) {
                let url = publicURL + FollowUpURL.period.link(organisation.slug, period.documentSlug, period.key)
                try await db.write { db in
                    let record = SentReminder()
                    record.$period.id = try period.requireID()
                    record.recipient = recipient
                    record.kind = kind
                    record.sentAt = now
                    try await record.create(on: db)
                    try await Outbox.enqueue(mail(kind, period: period, tree: tree, items: items, url: url, to: recipient),
                                             organisationID: organisation.requireID(), at: now, on: db)
                }
                enqueued += 1
            }
        }
        return enqueued
    }

    /// Which reminder a period has due today, if any.
    static func kind(of period: ReportingPeriod, today: String) -> SentReminder.Kind? {
        if today > period.deadline { return .afterDeadline }
        guard let days = period.remindDaysBefore, let deadline = Calendar.stockholm.date(from: dateComponents(period.deadline)),
              let from = Calendar.stockholm.date(byAdding: .day, value: -days, to: deadline) else { return nil }
        return today >= Calendar.day(from) ? .beforeDeadline : nil
    }

    static func dateComponents(_ day: String) -> DateComponents {
        let parts = day.split(separator: "-").compactMap { Int($0) }
        return parts.count == 3 ? DateComponents(year: parts[0], month: parts[1], day: parts[2], hour: 12) : DateComponents()
    }

    static func mail(_ kind: SentReminder.Kind, period: ReportingPeriod, tree: FollowedTree, items: [FollowedTree.Item], url: String,
                     to recipient: String) -> Outbox.Mail {
        let subject = kind == .beforeDeadline
            ? "Påminnelse: rapportera \(period.name) senast \(period.deadline)"
            : "Sista dagen har passerat: rapportera \(period.name)"
        let opening = kind == .beforeDeadline
            ? "Sista dag att rapportera \(period.name) för \(tree.title) är \(period.deadline)."
            : "Sista dag att rapportera \(period.name) för \(tree.title) var \(period.deadline)."
        let body = """
        Hej!

        \(opening) Det här saknar fortfarande rapport:

        \(items.map { "- \($0.title)" }.joined(separator: "\n"))

        Rapportera här: \(url)

        Du får det här meddelandet för att du är rapportör för aktiviteterna, eller redaktör i organisationen. Meddelandet skickas en gång.

        Samsyn
        """
        return Outbox.Mail(to: recipient, subject: subject, body: body, reason: "followup.reminder.\(kind.rawValue)")
    }
}
