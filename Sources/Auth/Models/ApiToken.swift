import Core
import Fluent
import Foundation

/// A personal API token: the same rights as its user, until revoked. Only its hash is stored.
final class ApiToken: Model, @unchecked Sendable {
    public static let schema = "auth_api_tokens"

    @ID public var id: UUID?
    @Parent(key: "user_id") public var user: User
    @Field(key: "name") public var name: String
    @Field(key: "token_hash") public var tokenHash: String
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?
    @OptionalField(key: "revoked_at") public var revokedAt: Date?

    public init() {}
}

public struct CreateAuthApiTokens: AsyncMigration {
    public init() {}
    public var name: String { "0012-auth-create-api-tokens" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(ApiToken.schema)
            .id()
            .field("user_id", .uuid, .required, .references(User.schema, "id", onDelete: .cascade))
            .field("name", .string, .required)
            .field("token_hash", .string, .required)
            .field("created_at", .datetime)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(ApiToken.schema).delete()
    }
}

extension Accounts {
    /// Creates a token and returns it; this is the only time it is shown.
    public static func createToken(for user: Account, name: String, on db: any Database) async throws -> String {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty, TextRules.problem(in: name, as: .title, limit: 100) == nil else { throw AccountFailure.invalidTokenName }
        let token = "samsyn_" + randomToken()
        try await db.write { db in
            let record = ApiToken()
            record.$user.id = user.id
            record.name = name
            record.tokenHash = hash(token)
            try await record.create(on: db)
            try await AuditLog.record("token.create", subject: "user \(user.email)", actor: .user(user), after: name, on: db)
        }
        return token
    }

    public static func revokeToken(_ id: UUID, of user: Account, on db: any Database) async throws {
        guard let token = try await ApiToken.query(on: db).filter(\.$id == id).filter(\.$user.$id == user.id).first() else {
            throw AccountFailure.unknownToken
        }
        try await db.write { db in
            token.revokedAt = Date()
            try await token.update(on: db)
            try await AuditLog.record("token.revoke", subject: "user \(user.email)", actor: .user(user), before: token.name, on: db)
        }
    }

    /// The user behind a bearer token, when it is a current token of an enabled user.
    public static func user(apiToken: String, on db: any Database) async throws -> Account? {
        guard apiToken.hasPrefix("samsyn_"),
              let token = try await ApiToken.query(on: db).filter(\.$tokenHash == hash(apiToken)).with(\.$user).first(),
              token.revokedAt == nil, !token.user.disabled else { return nil }
        return Account(token.user)
    }
}
