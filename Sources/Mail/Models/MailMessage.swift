import Fluent
import Foundation

/// One e-mail in the outbox: written in the same transaction as what causes it, delivered by
/// `MailSender`, kept with every attempt, so nothing is lost when no SMTP server is configured.
final class MailMessage: Model, @unchecked Sendable {
    public static let schema = "mail_messages"

    @ID public var id: UUID?
    /// The tenant the message is about, when it is about one (its administrators see it).
    @OptionalField(key: "organisation_id") public var organisationID: UUID?
    @Field(key: "recipient") public var recipient: String
    @Field(key: "subject") public var subject: String
    @Field(key: "body") public var body: String
    /// What caused it ("reminder.period-deadline"), for the outbox list and for tests.
    @Field(key: "reason") public var reason: String
    @Field(key: "status") public var status: MailStatus
    @Field(key: "attempts") public var attempts: Int
    @Field(key: "next_attempt_at") public var nextAttemptAt: Date
    @OptionalField(key: "sent_at") public var sentAt: Date?
    @OptionalField(key: "last_error") public var lastError: String?
    /// A personal link in the body, kept only until the message is sent or given up.
    @OptionalField(key: "secret") public var secret: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}

    public init(organisationID: UUID?, recipient: String, subject: String, body: String, reason: String, at now: Date) {
        self.organisationID = organisationID
        self.recipient = recipient
        self.subject = subject
        self.body = body
        self.reason = reason
        self.status = .pending
        self.attempts = 0
        self.nextAttemptAt = now
    }
}

public enum MailStatus: String, Codable, CaseIterable, Sendable {
    /// Waiting for its first or next attempt.
    case pending
    case sent
    /// Given up after the last retry; kept with its attempts.
    case failed
}

/// One try at delivering a message: when, and what the server or the network said.
final class MailAttempt: Model, @unchecked Sendable {
    public static let schema = "mail_attempts"

    @ID public var id: UUID?
    @Parent(key: "message_id") public var message: MailMessage
    @Field(key: "at") public var at: Date
    @Field(key: "delivered") public var delivered: Bool
    @Field(key: "detail") public var detail: String

    public init() {}

    public init(messageID: UUID, at: Date, delivered: Bool, detail: String) {
        self.$message.id = messageID
        self.at = at
        self.delivered = delivered
        self.detail = detail
    }
}
