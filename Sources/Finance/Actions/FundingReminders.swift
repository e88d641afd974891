import Core
import Fluent
import Foundation
import FollowUp
import Mail
import Organisation

/// Reminds of a funding's reporting deadlines: from `remindDaysBefore` days ahead until the day,
/// unless the report is marked as sent; once per deadline and recipient (the funding's contact, or
/// the organisation's editors). The mail and its record land in one transaction; the record's unique
/// key keeps a second instance from sending it again.
public enum FundingReminders {
    @discardableResult
    public static func enqueueDue(at now: Date, publicURL: String, on db: any Database) async throws -> Int {
        let today = CalendarDate.day(of: now)
        var enqueued = 0
        for funding in try await Funding.query(on: db).all() {
            let spec = funding.spec
            let due = spec.deadlines.filter { $0.reportedOn == nil && $0.on >= today && today >= firstDay(of: $0) }
            guard !due.isEmpty, let organisation = try await OrganisationRecord.find(funding.organisationID, on: db) else { continue }
            var recipients = spec.contact.map { [$0] } ?? []
            if recipients.isEmpty { recipients = try await ReporterQuery.editors(organisationID: funding.organisationID, on: db).map(\.email) }
            let sent = try await FundingReminder.query(on: db).filter(\.$funding.$id == funding.requireID()).all()
            let url = publicURL + FinanceURL.funding.link(organisation.slug, funding.key)
            for deadline in due {
                for recipient in recipients.sorted() where !sent.contains(where: { $0.deadline == deadline.on && $0.recipient == recipient }) {
                    try await db.write { db in
                        let record = FundingReminder()
                        record.$funding.id = try funding.requireID()
                        record.deadline = deadline.on
                        record.recipient = recipient
                        record.sentAt = now
                        try await record.create(on: db)
                        try await Outbox.enqueue(mail(deadline, funding: spec, organisation: organisation.name, url: url, to: recipient),
                                                 organisationID: funding.organisationID, at: now, on: db)
                    }
                    enqueued += 1
                }
            }
        }
        return enqueued
    }

    /// The first day a deadline is reminded of, YYYY-MM-DD.
    static func firstDay(of deadline: FundingSpec.Deadline) -> String {
        CalendarDate.adding(-deadline.remindDaysBefore, to: deadline.on) ?? deadline.on
    }

    static func mail(_ deadline: FundingSpec.Deadline, funding: FundingSpec, organisation: String, url: String, to recipient: String) -> Outbox.Mail {
        let body = """
        Hej!

        Senast \(deadline.on) ska \(organisation) rapportera till finansiären av \(funding.title) (\(funding.programme)):

        \(deadline.what)

        Finansieringen i Samsyn: \(url)

        När rapporten är lämnad: markera den som lämnad på finansieringens sida, så kommer inga fler påminnelser. \
        Du får det här meddelandet för att du är kontaktperson för finansieringen, eller redaktör i organisationen. Det skickas en gång.

        Samsyn
        """
        return Outbox.Mail(to: recipient, subject: "Påminnelse: \(deadline.what) senast \(deadline.on)", body: body, reason: "finance.funding.deadline")
    }
}
