import Fluent
import Foundation
import Organisation

/// A person who signs in. The password is kept only as a bcrypt hash.
public final class User: Model, @unchecked Sendable {
    public static let schema = "auth_users"

    // managed fields
    @ID public var id: UUID?
    @Timestamp(key: "created_at", on: .create) public var createdAt: Date?

    // data fields
    @Field(key: "email") public var email: String
    @Field(key: "name") public var name: String
    @Field(key: "password_hash") public var passwordHash: String
    @Field(key: "disabled") public var disabled: Bool

    @Children(for: \.$user) public var roles: [Role]

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

/// What a user may do in one organisation.
public final class Role: Model, @unchecked Sendable {
    public static let schema = "auth_roles"

    @ID public var id: UUID?
    @Parent(key: "user_id") public var user: User
    @Parent(key: "organisation_id") public var organisation: Organisation
    @Field(key: "role") public var role: RoleKind
    /// For a member representative: the member (a municipality, an organisation) they answer for.
    @OptionalParent(key: "represents_id") public var represents: Organisation?

    public init() {}

    public init(userID: UUID, organisationID: UUID, role: RoleKind, representsID: UUID? = nil) {
        self.$user.id = userID
        self.$organisation.id = organisationID
        self.role = role
        self.$represents.id = representsID
    }
}

public enum RoleKind: String, Codable, CaseIterable, Sendable {
    case administrator, editor
    case memberRepresentative = "member-representative"
    case reader

    public var label: String {
        switch self {
        case .administrator: "Administratör"
        case .editor: "Redaktör"
        case .memberRepresentative: "Medlemsrepresentant"
        case .reader: "Läsare"
        }
    }
}
