import Auth
import Fluent
import Foundation

/// What a user may do in one organisation. The user is Auth's account, by id: Auth's model
/// stays inside Auth, and its accounts are read through `Accounts`.
final class Role: Model, @unchecked Sendable {
    public static let schema = "auth_roles"

    @ID public var id: UUID?
    @Field(key: "user_id") public var userID: UUID
    @Parent(key: "organisation_id") public var organisation: OrganisationRecord
    @Field(key: "role") public var role: RoleKind
    /// For a member representative: the member (a municipality, an organisation) they answer for.
    @OptionalParent(key: "represents_id") public var represents: OrganisationRecord?

    public init() {}

    public init(userID: UUID, organisationID: UUID, role: RoleKind, representsID: UUID? = nil) {
        self.userID = userID
        self.$organisation.id = organisationID
        self.role = role
        self.$represents.id = representsID
    }
}

public enum RoleKind: String, Codable, CaseIterable, Sendable {
    case administrator, editor
    case memberRepresentative = "member-representative"
    case reader

    /// Editors and administrators write the organisation's content.
    public var mayEdit: Bool { self == .editor || self == .administrator }

    public var label: String {
        switch self {
        case .administrator: "Administratör"
        case .editor: "Redaktör"
        case .memberRepresentative: "Medlemsrepresentant"
        case .reader: "Läsare"
        }
    }
}
