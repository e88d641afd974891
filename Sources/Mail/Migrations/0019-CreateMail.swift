import Fluent

/// The outbox and the record of each delivery attempt.
public struct CreateMail: AsyncMigration {
    public init() {}
    public var name: String { "0019-mail-create" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(MailMessage.schema)
            .id()
            .field("organisation_id", .uuid)
            .field("recipient", .string, .required)
            .field("subject", .string, .required)
            .field("body", .string, .required)
            .field("reason", .string, .required)
            .field("status", .string, .required)
            .field("attempts", .int, .required)
            .field("next_attempt_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("last_error", .string)
            .field("created_at", .datetime)
            .create()
        try await database.schema(MailAttempt.schema)
            .id()
            .field("message_id", .uuid, .required, .references(MailMessage.schema, "id", onDelete: .cascade))
            .field("at", .datetime, .required)
            .field("delivered", .bool, .required)
            .field("detail", .string, .required)
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(MailAttempt.schema).delete()
        try await database.schema(MailMessage.schema).delete()
    }
}
