import Auth
import Core
import Fluent
import Organisation
import Plot
import Vapor

/// Administrators' pages: the audit trail of their organisation.
enum AdminController {
    static func requireAdministrator(_ req: Request) async throws -> (Organisation, User) {
        guard let (_, user) = try await AuthController.current(req) else { throw Abort(.unauthorized, reason: "sign in first") }
        let organisation = try await req.store.organisation(req.requiredParameter("org"))
        let isAdministrator = try await Role.query(on: req.db)
            .filter(\.$user.$id == user.requireID())
            .filter(\.$organisation.$id == organisation.requireID())
            .filter(\.$role == .administrator)
            .first() != nil
        guard isAdministrator else { throw Abort(.forbidden, reason: "the audit trail is for administrators of \(organisation.name)") }
        return (organisation, user)
    }

    /// GET /o/:org/admin/logg[?anvandare=EMAIL]: the organisation's changes, newest first; with a
    /// user, that user's changes here and their own account events.
    @Sendable static func audit(req: Request) async throws -> Response {
        let (organisation, _) = try await requireAdministrator(req)
        let user = (try? req.query.get(String.self, at: "anvandare")).map(User.normalise)
        let query = AuditEntry.query(on: req.db).sort(\.$createdAt, .descending).limit(500)
        if let user {
            let ownEvents = "user \(user)"
            query.filter(\.$actor == user).group(.or) { group in
                group.filter(\.$organisationID == organisation.id)
                group.filter(\.$subject == ownEvents)
            }
        } else {
            query.filter(\.$organisationID == organisation.id)
        }
        let page = AuditPage(organisationSlug: organisation.slug, organisationName: organisation.name, entries: try await query.all(), user: user)
        return EditorController.page(page.document().render())
    }
}
