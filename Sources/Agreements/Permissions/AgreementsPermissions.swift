import Auth
import Fluent
import Organisation
import Vapor

/// Who may do what with the registry. Public agreements and their public documents are for
/// everyone; users with a role in the organisation also read internal ones, the review list and
/// the responsible people; editors and administrators keep the registry.
enum AgreementsPermissions {
    enum Action { case read, edit }

    static func allows(_ action: Action, roles: Set<RoleKind>) -> Bool {
        switch action {
        case .read: !roles.isEmpty
        case .edit: roles.contains { $0.mayEdit }
        }
    }

    static func roles(of user: User, in organisation: OrganisationRecord, on db: any Database) async throws -> Set<RoleKind> {
        Set(try await Role.query(on: db).filter(\.$user.$id == user.requireID()).filter(\.$organisation.$id == organisation.requireID()).all().map(\.role))
    }
}

extension Request {
    /// The organisation of the path and the acting user's roles there, after checking `action`.
    func agreementsAccess(_ action: AgreementsPermissions.Action) async throws -> (OrganisationRecord, User, Set<RoleKind>) {
        let organisation = try await organisation()
        let user = try user
        let roles = try await AgreementsPermissions.roles(of: user, in: organisation, on: db)
        guard AgreementsPermissions.allows(action, roles: roles) else {
            throw Abort(.forbidden, reason: action == .read ? "the registry's internal view is for the users of \(organisation.name)"
                                                           : "keeping the registry needs the editor or administrator role in \(organisation.name)")
        }
        return (organisation, user, roles)
    }
}
