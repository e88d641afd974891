import Auth
import Fluent
import Organisation
import Vapor

/// Who may do what with follow-up. Closed periods are public. An open period is read by anyone
/// with a role in the organisation; a key activity is reported by its reporter or an editor;
/// periods, assessments, reporters and templates are the editors'.
enum FollowUpPermissions: PermissionRules {
    enum Action {
        /// Read open periods and their reports.
        case read
        /// Open and close periods, assess goals, assign reporters, set the templates, and report any activity.
        case manage
    }

    static func allows(_ action: Action, roles: Set<RoleKind>) -> Bool {
        switch action {
        case .read: !roles.isEmpty
        case .manage: roles.contains { $0.mayEdit }
        }
    }

    static func refusal(_ action: Action, in organisationName: String) -> String {
        action == .read ? "follow-up in progress is for the users of \(organisationName)" : "this needs the editor or administrator role in \(organisationName)"
    }

    /// Whether the user may report the activity: its reporter, or an editor.
    static func mayReport(lineage: String, assigned: [String: String], user: Account, roles: Set<RoleKind>) -> Bool {
        allows(.manage, roles: roles) || (!roles.isEmpty && assigned[lineage] == user.email.lowercased())
    }
}

extension SignedInContext {
    /// Whether the user manages the organisation's follow-up (not only reports).
    var mayManage: Bool { FollowUpPermissions.allows(.manage, roles: roles) }
}
