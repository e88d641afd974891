import Auth
import Fluent
import Vapor

/// What a role allows in one organisation. Every signed-in or token route that reads or writes
/// an organisation's private data asks here; nothing reaches another organisation's data.
public enum OrganisationPermissions: PermissionRules {
    public enum Action: Sendable {
        /// Write the organisation's content (documents, and what later modules add).
        case edit
        /// Manage users and roles, read the audit trail.
        case administer
    }

    public static func allows(_ action: Action, roles: Set<RoleKind>) -> Bool {
        switch action {
        case .edit: roles.contains { $0.mayEdit }
        case .administer: roles.contains(.administrator)
        }
    }

    public static func refusal(_ action: Action, in organisationName: String) -> String {
        switch action {
        case .edit: "editing needs the editor or administrator role in \(organisationName)"
        case .administer: "this is for administrators of \(organisationName)"
        }
    }
}

extension Request {
    /// The organisation named by the path's `:org`, or 404.
    public func organisation() async throws -> OrganisationRecord {
        let slug = try requiredParameter("org")
        guard let organisation = try await organisation(slug: slug) else {
            throw Abort(.notFound, reason: "no organisation with slug \"\(slug)\"")
        }
        return organisation
    }

    /// The organisation with that slug, looked up once per request (the navigation and the page ask alike).
    public func organisation(slug: String) async throws -> OrganisationRecord? {
        if let known = storage[FoundOrganisationKey.self], known.slug == slug { return known }
        guard let found = try await OrganisationRecord.query(on: db).filter(\.$slug == slug).first() else { return nil }
        storage[FoundOrganisationKey.self] = found
        return found
    }

    /// The organisation of the path, after checking that the acting user (session or API token) may do `action` there.
    public func organisation(permitting action: OrganisationPermissions.Action) async throws -> OrganisationRecord {
        try await access(action, by: OrganisationPermissions.self).organisation
    }
}

private struct FoundOrganisationKey: StorageKey { typealias Value = OrganisationRecord }
