import Fluent
import Foundation

/// Who reports a key activity of a document (by lineage): a user, by e-mail address, so the
/// assignment survives the organisation file without its accounts. Without one, the
/// organisation's editors report.
final class ActivityReporter: Model, @unchecked Sendable {
    public static let schema = "followup_reporters"

    @ID public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "document_slug") public var documentSlug: String
    @Field(key: "lineage") public var lineage: String
    @Field(key: "email") public var email: String

    public init() {}
}

/// A reminder sent for a period to one recipient, so each kind goes once.
final class SentReminder: Model, @unchecked Sendable {
    public static let schema = "followup_reminders"

    public enum Kind: String, Codable, Sendable { case beforeDeadline = "before-deadline", afterDeadline = "after-deadline" }

    @ID public var id: UUID?
    @Parent(key: "period_id") public var period: ReportingPeriod
    @Field(key: "recipient") public var recipient: String
    @Field(key: "kind") public var kind: Kind
    @Field(key: "sent_at") public var sentAt: Date

    public init() {}
}
