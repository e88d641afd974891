import Fluent

/// Adds the secret a message's body holds until it is sent (a personal survey link), so that the
/// outbox never keeps a working link after sending.
public struct UpdateMailAddSecret: AsyncMigration {
    public init() {}
    public var name: String { "0023-mail-add-secret" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(MailMessage.schema).field("secret", .string).update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(MailMessage.schema).deleteField("secret").update()
    }
}
