import Fluent
import Foundation

/// A person who signs in. The password is kept only as a bcrypt hash.
final class User: Model, @unchecked Sendable {
    public static let schema = "auth_users"

    // managed fields
    @ID public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    // data fields
    @Field(key: "email") public var email: String
    @Field(key: "name") public var name: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "disabled") public var disabled: Bool
    @OptionalField(key: "last_signed_in_at") public var lastSignedInAt: Date?

    public init() {}

    public init(email: String, name: String, passwordHash: String) {
        self.email = User.normalise(email: email)
        self.name = name
        self.passwordHash = passwordHash
        self.disabled = false
    }

    /// E-mail addresses are compared without case and surrounding space.
    public static func normalise(email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }
}
