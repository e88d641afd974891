import Fluent
import Organisation

public struct CreateAuth: AsyncMigration {
    public init() {}
    public var name: String { "0010-auth-create-users-roles-sessions-audit" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(User.schema)
            .id()
            .field("email", .string, .required)
            .field("name", .string, .required)
            .field("password_hash", .string, .required)
            .field("disabled", .bool, .required)
            .field("created_at", .datetime)
            .unique(on: "email")
            .create()
        try await database.schema(Role.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(Organisation.schema, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("represents_id", .uuid, .references(Organisation.schema, "id", onDelete: .setNull))
            .unique(on: "user_id", "organisation_id", "role")
            .create()
        try await database.schema(UserSession.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("token_hash", .string, .required)
            .field("csrf_token", .string, .required)
            .field("expires_at", .datetime, .required)
            .field("created_at", .datetime)
            .unique(on: "token_hash")
            .create()
        try await database.schema(RateCounter.schema)
            .id()
            .field("key", .string, .required)
            .field("window_start", .datetime, .required)
            .field("count", .int, .required)
            .unique(on: "key")
            .create()
        try await database.schema(AuditEntry.schema)
            .id()
            .field("organisation_id", .uuid)
            .field("actor_id", .uuid)
            .field("actor", .string, .required)
            .field("action", .string, .required)
            .field("subject", .string, .required)
            .field("before", .string)
            .field("after", .string)
            .field("created_at", .datetime)
            .create()
    }

    public func revert(on database: any Database) async throws {
        for schema in [AuditEntry.schema, RateCounter.schema, UserSession.schema, Role.schema, User.schema] {
            try await database.schema(schema).delete()
        }
    }
}
