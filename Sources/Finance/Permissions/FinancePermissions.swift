import Auth
import Fluent
import Organisation
import Vapor

/// Who may do what with budgets: everyone reads them; editors and administrators of the
/// organisation keep them (proposals, decisions, next year's copy).
enum FinancePermissions {
    static func mayEdit(_ roles: Set<RoleKind>) -> Bool { roles.contains { $0.mayEdit } }
}

extension Request {
    /// The organisation of the path and the acting user, who must be an editor or administrator there.
    func financeEditor() async throws -> (OrganisationRecord, User) {
        let organisation = try await organisation()
        let user = try user
        let roles = Set(try await Role.query(on: db).filter(\.$user.$id == user.requireID()).filter(\.$organisation.$id == organisation.requireID()).all().map(\.role))
        guard FinancePermissions.mayEdit(roles) else {
            throw Abort(.forbidden, reason: "keeping the budget needs the editor or administrator role in \(organisation.name)")
        }
        return (organisation, user)
    }
}
