import Core
import Fluent
import Foundation
import Mail
import Organisation

/// Reminds the person responsible for an agreement's review 60 and 14 days before the review date
/// and once it has passed; each stage once per agreement and review date (a moved date starts
/// again). The reminder and its record land in one transaction; the record's unique key keeps a
/// second instance from sending it twice.
public enum ReviewReminders {
    /// The stage due on `today` for a review date, if any: the latest one reached.
    static func stage(reviewOn: String, today: String) -> ReviewReminder.Stage? {
        if today > reviewOn { return .overdue }
        if let fourteen = CalendarDate.adding(-14, to: reviewOn), today >= fourteen { return .days14 }
        if let sixty = CalendarDate.adding(-60, to: reviewOn), today >= sixty { return .days60 }
        return nil
    }

    /// Puts the reminders due at `now` in the outbox; returns how many.
    @discardableResult
    public static func enqueueDue(at now: Date, publicURL: String, on db: any Database) async throws -> Int {
        let today = CalendarDate.day(of: now)
        var enqueued = 0
        let candidates = try await Agreement.query(on: db).filter(\.$reviewOn != nil)
            .filter(\.$status ~~ [.inForce, .underReview, .draft]).all()
        for agreement in candidates {
            guard let reviewOn = agreement.reviewOn, let stage = stage(reviewOn: reviewOn, today: today), let reviewer = agreement.spec.reviewer else { continue }
            let sent = try await ReviewReminder.query(on: db).filter(\.$agreement.$id == agreement.requireID())
                .filter(\.$reviewOn == reviewOn).filter(\.$stage == stage).first()
            guard sent == nil, let organisation = try await OrganisationRecord.find(agreement.organisationID, on: db) else { continue }
            let url = publicURL + AgreementsURL.staffAgreement.link(organisation.slug, agreement.key)
            try await db.write { db in
                let record = ReviewReminder()
                record.$agreement.id = try agreement.requireID()
                record.reviewOn = reviewOn
                record.stage = stage
                record.recipient = reviewer
                record.sentAt = now
                try await record.create(on: db)
                try await Outbox.enqueue(mail(stage, agreement: agreement, reviewOn: reviewOn, organisation: organisation, url: url, to: reviewer),
                                         organisationID: organisation.requireID(), at: now, on: db)
            }
            enqueued += 1
        }
        return enqueued
    }

    static func mail(_ stage: ReviewReminder.Stage, agreement: Agreement, reviewOn: String, organisation: OrganisationRecord, url: String,
                     to recipient: String) -> Outbox.Mail {
        let subject = stage == .overdue ? "Omprövningen har passerat: \(agreement.title)" : "Omprövning \(reviewOn): \(agreement.title)"
        let opening = switch stage {
        case .days60: "Om två månader, \(reviewOn), ska avtalet omprövas"
        case .days14: "Om två veckor, \(reviewOn), ska avtalet omprövas"
        case .overdue: "Avtalet skulle ha omprövats \(reviewOn)"
        }
        let body = """
        Hej!

        \(opening):

        \(agreement.title)

        Du står som ansvarig för omprövningen i \(organisation.name)s avtalsregister. När omprövningen är gjord: ändra avtalets status eller sätt ett nytt omprövningsdatum här: \(url)

        Påminnelser skickas 60 och 14 dagar före omprövningsdatumet och när det har passerat, var och en en gång.

        Samsyn
        """
        return Outbox.Mail(to: recipient, subject: subject, body: body, reason: "agreements.review.\(stage.rawValue)")
    }
}
