import Auth
import Fluent
import Organisation
import Vapor

/// Who may do what with budgets: everyone reads them; editors and administrators of the
/// organisation keep them (proposals, decisions, next year's copy).
enum FinancePermissions: PermissionRules {
    enum Action { case edit }

    static func allows(_ action: Action, roles: Set<RoleKind>) -> Bool { roles.contains { $0.mayEdit } }

    static func refusal(_ action: Action, in organisationName: String) -> String {
        "keeping the budget needs the editor or administrator role in \(organisationName)"
    }
}

extension Request {
    /// The organisation of the path and the acting user, who must be an editor or administrator there.
    func financeEditor() async throws -> SignedInContext {
        try await access(.edit, by: FinancePermissions.self)
    }
}
