import Auth
import Fluent
import Organisation
import Vapor

/// Who may do what with the registry. Public agreements and their public documents are for
/// everyone; users with a role in the organisation also read internal ones, the review list and
/// the responsible people; editors and administrators keep the registry.
enum AgreementsPermissions: PermissionRules {
    enum Action { case read, edit }

    static func allows(_ action: Action, roles: Set<RoleKind>) -> Bool {
        switch action {
        case .read: !roles.isEmpty
        case .edit: roles.contains { $0.mayEdit }
        }
    }

    static func refusal(_ action: Action, in organisationName: String) -> String {
        action == .read ? "the registry's internal view is for the users of \(organisationName)"
            : "keeping the registry needs the editor or administrator role in \(organisationName)"
    }
}
