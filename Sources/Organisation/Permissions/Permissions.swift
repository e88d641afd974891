import Auth
import Fluent
import Vapor

/// One module's rules: which of a user's roles in an organisation allow an action. A module adds
/// only this table; the role look-up, the organisation of the path and the refusal are here,
/// once — the shape of Decidim's `DefaultPermissions` with each component's permissions.
public protocol PermissionRules {
    associatedtype Action: Sendable
    static func allows(_ action: Action, roles: Set<RoleKind>) -> Bool
    /// Why `action` is refused in the organisation named, in English (the API's and the log's words).
    static func refusal(_ action: Action, in organisationName: String) -> String
}

/// The acting user in the organisation of the path, after a module's rules allowed the action:
/// the one context every signed-in or token controller works with.
public struct SignedInContext: Sendable {
    public let organisation: OrganisationRecord
    public let user: Account
    public let roles: Set<RoleKind>
    /// The session's CSRF token for the forms a page shows; empty for an API token.
    public let csrf: String

    public var slug: String { organisation.slug }
    public var actor: AuditLog.Actor { .user(user) }
    public var mayEdit: Bool { roles.contains { $0.mayEdit } }
}

/// The one look-up of roles. Other modules read roles only through here (ArchitectureTests).
public enum RoleQuery {
    /// The user's roles in the organisation.
    public static func roles(of user: Account, in organisation: OrganisationRecord, on db: any Database) async throws -> Set<RoleKind> {
        Set(try await Role.query(on: db).filter(\.$userID == user.id).filter(\.$organisation.$id == organisation.requireID())
            .all().map(\.role))
    }

    /// The people with a role in the organisation (any role, or one of `kinds`), each with the role, in no set order.
    public static func holders(in organisationID: UUID, kinds: Set<RoleKind>? = nil, on db: any Database) async throws -> [(user: Account, role: RoleKind)] {
        var query = Role.query(on: db).filter(\.$organisation.$id == organisationID)
        if let kinds { query = query.filter(\.$role ~~ Array(kinds)) }
        let roles = try await query.all()
        let accounts = try await Accounts.accounts(ids: roles.map(\.userID), on: db)
        return roles.compactMap { role in accounts[role.userID].map { ($0, role.role) } }
    }

    /// The organisations where the user holds a role (any, or one of `kinds`), each once, by name.
    public static func organisations(of user: Account, kinds: Set<RoleKind>? = nil, on db: any Database) async throws -> [OrganisationRecord] {
        var query = Role.query(on: db).filter(\.$userID == user.id).with(\.$organisation)
        if let kinds { query = query.filter(\.$role ~~ Array(kinds)) }
        return try await query.all().reduce(into: [String: OrganisationRecord]()) { $0[$1.organisation.slug] = $1.organisation }
            .values.sorted { $0.name < $1.name }
    }

    /// Every role of every user as `role@organisation`, by user: for `samsyn user list`.
    public static func everyRole(on db: any Database) async throws -> [UUID: [String]] {
        Dictionary(grouping: try await Role.query(on: db).with(\.$organisation).all(), by: \.userID)
            .mapValues { $0.map { "\($0.role.rawValue)@\($0.organisation.slug)" } }
    }
}

extension Request {
    /// The organisation of the path and the acting user (session or API token) there, after
    /// `rules` allowed `action`; 404 for an unknown organisation, 403 with the rules' reason.
    public func access<Rules: PermissionRules>(_ action: Rules.Action, by rules: Rules.Type) async throws -> SignedInContext {
        let organisation = try await organisation()
        let user = try user
        let roles = try await RoleQuery.roles(of: user, in: organisation, on: db)
        guard Rules.allows(action, roles: roles) else { throw Abort(.forbidden, reason: Rules.refusal(action, in: organisation.name)) }
        return SignedInContext(organisation: organisation, user: user, roles: roles, csrf: (try? signedIn.csrfToken) ?? "")
    }
}
