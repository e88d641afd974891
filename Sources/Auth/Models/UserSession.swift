import Fluent
import Foundation

/// A signed-in session, kept in the database so any app instance can serve any user.
/// Only the token's SHA-256 hash is stored; the token itself lives in the user's cookie.
final class UserSession: Model, @unchecked Sendable {
    public static let schema = "auth_sessions"

    @ID public var id: UUID?
    @Parent(key: "user_id") public var user: User
    @Field(key: "token_hash") public var tokenHash: String
    /// Every form of a signed-in user carries this token.
    @Field(key: "csrf_token") public var csrfToken: String
    @Field(key: "expires_at") public var expiresAt: Date
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}

/// Counts attempts per key in a time window (sign-in per e-mail and per address), in the
/// database so that every instance counts together.
final class RateCounter: Model, @unchecked Sendable {
    public static let schema = "auth_rate_counters"

    @ID public var id: UUID?
    @Field(key: "key") public var key: String
    @Field(key: "window_start") public var windowStart: Date
    @Field(key: "count") public var count: Int

    public init() {}
}

/// One change, who made it and when, from what to what. Written in the same transaction
/// as the change; the application has no way to edit or delete it.
final class AuditEntry: Model, @unchecked Sendable {
    public static let schema = "auth_audit_entries"

    @ID public var id: UUID?
    @OptionalField(key: "organisation_id") public var organisationID: UUID?
    @OptionalField(key: "actor_id") public var actorID: UUID?
    /// Who, in words: an e-mail address, or "command line".
    @Field(key: "actor") public var actor: String
    @Field(key: "action") public var action: String
    @Field(key: "subject") public var subject: String
    @OptionalField(key: "before") public var before: String?
    @OptionalField(key: "after") public var after: String?
    /// At write time: the subject's name, and the document, its title, version and item it concerns.
    @OptionalField(key: "subject_name") public var subjectName: String?
    @OptionalField(key: "document") public var document: String?
    @OptionalField(key: "document_title") public var documentTitle: String?
    @OptionalField(key: "version") public var version: Int?
    /// A node's lineage, or "avsnitt:KEY" for a prose section.
    @OptionalField(key: "item") public var item: String?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    public init() {}
}
