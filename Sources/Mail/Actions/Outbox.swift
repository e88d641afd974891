import Fluent
import Foundation

/// Puts mail in the outbox. Call it with the database of the transaction that causes the mail,
/// so the mail exists exactly when its cause does.
public enum Outbox {
    public struct Mail: Sendable, Equatable {
        public let recipient: String
        public let subject: String
        public let body: String
        public let reason: String
        /// Text in the body that must not outlive the sending (a personal link): replaced once sent.
        public let secret: String?

        public init(to recipient: String, subject: String, body: String, reason: String, secret: String? = nil) {
            self.recipient = recipient
            self.subject = subject
            self.body = body
            self.reason = reason
            self.secret = secret
        }
    }

    public static func enqueue(_ mail: Mail, organisationID: UUID?, at now: Date = Date(), on db: any Database) async throws {
        guard SMTPClient.isAddress(mail.recipient) else { throw OutboxError.invalidRecipient(mail.recipient) }
        let message = MailMessage(organisationID: organisationID, recipient: mail.recipient, subject: mail.subject, body: mail.body,
                                  reason: mail.reason, at: now)
        message.secret = mail.secret
        try await message.create(on: db)
    }

    /// The outbox as administrators (one organisation's) and the command line (all) list it: newest first.
    public static func messages(organisationID: UUID? = nil, status: MailStatus? = nil, limit: Int = 100,
                                on db: any Database) async throws -> [OutboxEntry] {
        let query = MailMessage.query(on: db).sort(\.$createdAt, .descending).limit(limit)
        if let organisationID { query.filter(\.$organisationID == organisationID) }
        if let status { query.filter(\.$status == status) }
        return try await query.all().map(OutboxEntry.init)
    }
}

/// One message in the outbox as lists show it: a plain value read from Mail's `MailMessage`,
/// without its body or personal link.
public struct OutboxEntry: Sendable, Equatable {
    public let id: UUID
    public let organisationID: UUID?
    public let recipient: String
    public let subject: String
    public let reason: String
    public let status: MailStatus
    public let attempts: Int
    public let sentAt: Date?
    public let lastError: String?
    public let createdAt: Date?

    init(_ message: MailMessage) {
        id = message.id!
        organisationID = message.organisationID
        recipient = message.recipient
        subject = message.subject
        reason = message.reason
        status = message.status
        attempts = message.attempts
        sentAt = message.sentAt
        lastError = message.lastError
        createdAt = message.createdAt
    }
}

public enum OutboxError: Error, CustomStringConvertible {
    case invalidRecipient(String)

    public var description: String {
        switch self {
        case .invalidRecipient(let address): "\"\(address)\" is not an e-mail address"
        }
    }
}
