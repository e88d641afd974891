import Auth
import Fluent
import Organisation
import Vapor

/// Who may do what with follow-up. Closed periods are public. An open period is read by anyone
/// with a role in the organisation; a key activity is reported by its reporter or an editor;
/// periods, assessments, reporters and templates are the editors'.
enum FollowUpPermissions {
    enum Action {
        /// Read open periods and their reports.
        case read
        /// Open and close periods, assess goals, assign reporters, set the templates, and report any activity.
        case manage
    }

    /// The roles the user has in the organisation.
    static func roles(of user: User, in organisation: OrganisationRecord, on db: any Database) async throws -> Set<RoleKind> {
        Set(try await Role.query(on: db).filter(\.$user.$id == user.requireID()).filter(\.$organisation.$id == organisation.requireID()).all().map(\.role))
    }

    static func allows(_ action: Action, roles: Set<RoleKind>) -> Bool {
        switch action {
        case .read: !roles.isEmpty
        case .manage: roles.contains { $0.mayEdit }
        }
    }

    /// Whether the user may report the activity: its reporter, or an editor.
    static func mayReport(lineage: String, assigned: [String: String], user: User, roles: Set<RoleKind>) -> Bool {
        allows(.manage, roles: roles) || (!roles.isEmpty && assigned[lineage] == user.email.lowercased())
    }
}

extension Request {
    /// The organisation of the path and the acting user's roles there, after checking `action`.
    func followUpAccess(_ action: FollowUpPermissions.Action) async throws -> (OrganisationRecord, User, Set<RoleKind>) {
        let organisation = try await organisation()
        let user = try user
        let roles = try await FollowUpPermissions.roles(of: user, in: organisation, on: db)
        guard FollowUpPermissions.allows(action, roles: roles) else {
            throw Abort(.forbidden, reason: action == .read ? "follow-up in progress is for the users of \(organisation.name)"
                                                           : "this needs the editor or administrator role in \(organisation.name)")
        }
        return (organisation, user, roles)
    }
}
