import Auth
import Fluent
import Vapor

/// What a role allows in one organisation. Every signed-in or token route that reads or writes
/// an organisation's private data asks here; nothing reaches another organisation's data.
public enum OrganisationPermissions {
    public enum Action: Sendable {
        /// Write the organisation's content (documents, and what later modules add).
        case edit
        /// Manage users and roles, read the audit trail.
        case administer

        var allowedRoles: Set<RoleKind> {
            switch self {
            case .edit: [.editor, .administrator]
            case .administer: [.administrator]
            }
        }

        func refusal(_ organisation: OrganisationRecord) -> String {
            switch self {
            case .edit: "editing needs the editor or administrator role in \(organisation.name)"
            case .administer: "this is for administrators of \(organisation.name)"
            }
        }
    }

    public static func allows(_ action: Action, in organisation: OrganisationRecord, for user: User, on db: any Database) async throws -> Bool {
        try await Role.query(on: db)
            .filter(\.$user.$id == user.requireID())
            .filter(\.$organisation.$id == organisation.requireID())
            .all()
            .contains { action.allowedRoles.contains($0.role) }
    }

    /// Refuses with 403 unless the user may do `action` in `organisation`.
    public static func require(_ action: Action, in organisation: OrganisationRecord, for user: User, on db: any Database) async throws {
        guard try await allows(action, in: organisation, for: user, on: db) else { throw Abort(.forbidden, reason: action.refusal(organisation)) }
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
        let organisation = try await organisation()
        try await OrganisationPermissions.require(action, in: organisation, for: try user, on: db)
        return organisation
    }
}

private struct FoundOrganisationKey: StorageKey { typealias Value = OrganisationRecord }
