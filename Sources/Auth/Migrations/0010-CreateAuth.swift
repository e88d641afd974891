import Fluent

public struct CreateAuth: AsyncMigration {
    public init() {}
    public var name: String { "0010-auth-create-users-roles-sessions-audit" }

    // Roles now live in the Organisation module, which sits above Auth. A shipped migration must
    // keep doing exactly what it did, so it names those tables as it found them.
    static let roles = "auth_roles"
    static let organisations = "organisation_organisations"

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
        try await database.schema(Self.roles)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("organisation_id", .uuid, .required, .references(Self.organisations, "id", onDelete: .cascade))
            .field("role", .string, .required)
            .field("represents_id", .uuid, .references(Self.organisations, "id", onDelete: .setNull))
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
        for schema in [AuditEntry.schema, RateCounter.schema, UserSession.schema, Self.roles, User.schema] {
            try await database.schema(schema).delete()
        }
    }
}
