import Auth
import Core
import Fluent
import Organisation
import Plot
import Vapor

/// Administrators' pages: the audit trail of their organisation.
enum AdminController {
    static func requireAdministrator(_ req: Request) async throws -> (OrganisationRecord, User) {
        let (organisation, user, _) = try await requireAdministratorSession(req)
        return (organisation, user)
    }

    static func requireAdministratorSession(_ req: Request) async throws -> (OrganisationRecord, User, UserSession) {
        guard let (session, user) = try await AuthController.current(req) else { throw Abort(.unauthorized, reason: "sign in first") }
        let organisation = try await req.store.organisation(req.requiredParameter("org"))
        let isAdministrator = try await Role.query(on: req.db)
            .filter(\.$user.$id == user.requireID())
            .filter(\.$organisation.$id == organisation.requireID())
            .filter(\.$role == .administrator)
            .first() != nil
        guard isAdministrator else { throw Abort(.forbidden, reason: "this is for administrators of \(organisation.name)") }
        return (organisation, user, session)
    }

    protocol AdminForm: Content { var csrf: String { get }; var role: String { get } }
    struct NewUserForm: AdminForm { let csrf: String; let email: String; let name: String; let role: String; let represents: String?; let password: String }
    struct GrantForm: AdminForm { let csrf: String; let email: String; let role: String; let represents: String? }

    static func usersPage(_ req: Request, _ organisation: OrganisationRecord, message: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        guard let (session, _) = try await AuthController.current(req) else { throw Abort(.unauthorized, reason: "sign in first") }
        let roles = try await Role.query(on: req.db).filter(\.$organisation.$id == organisation.requireID())
            .with(\.$user).with(\.$represents).all().sorted { ($0.user.email, $0.role.rawValue) < ($1.user.email, $1.role.rawValue) }
        let members = try await req.store.members(organisation).map { (key: $0.scbCode ?? $0.slug, name: $0.name) }
        let page = UsersPage(organisationSlug: organisation.slug, organisationName: organisation.name,
                             lines: roles.map { .init(email: $0.user.email, name: $0.user.name, role: $0.role, represents: $0.represents?.name, disabled: $0.user.disabled) },
                             members: members, csrf: session.csrfToken, message: message, isError: status != .ok)
        return EditorController.page(page.document().render(), status: status)
    }

    @Sendable static func users(req: Request) async throws -> Response {
        let (organisation, _) = try await requireAdministrator(req)
        return try await usersPage(req, organisation)
    }

    /// The shared shape of the users page's forms: check the administrator and the CSRF token,
    /// read the role, run the action, and show the page again with its outcome.
    static func usersAction<Form: AdminForm>(_ req: Request, _: Form.Type,
                                             _ action: (OrganisationRecord, User, RoleKind, Form) async throws -> String) async throws -> Response {
        let (organisation, admin, session) = try await requireAdministratorSession(req)
        let form = try req.content.decode(Form.self)
        try AuthController.requireCSRF(form.csrf, session: session)
        guard let role = RoleKind(rawValue: form.role) else { throw Abort(.badRequest, reason: "unknown role") }
        do {
            let message = try await action(organisation, admin, role, form)
            return try await usersPage(req, organisation, message: message)
        } catch let failure as AccountFailure {
            return try await usersPage(req, organisation, message: failure.swedish, status: .unprocessableEntity)
        }
    }

    @Sendable static func createUser(req: Request) async throws -> Response {
        try await usersAction(req, NewUserForm.self) { organisation, admin, role, form in
            try await Roles.createUser(email: form.email, name: form.name, password: form.password, organisationSlug: organisation.slug, role: role,
                                          represents: form.represents.flatMap { $0.isEmpty ? nil : $0 }, actor: .user(admin.id!, email: admin.email),
                                          cost: req.application.passwordCost, on: req.db)
            return "Användaren \(User.normalise(email: form.email)) är skapad."
        }
    }

    @Sendable static func grantRole(req: Request) async throws -> Response {
        try await usersAction(req, GrantForm.self) { organisation, admin, role, form in
            try await Roles.grantRole(email: form.email, organisationID: organisation.requireID(), role: role,
                                         represents: form.represents.flatMap { $0.isEmpty ? nil : $0 }, actor: .user(admin.id!, email: admin.email), on: req.db)
            return "Rollen är given."
        }
    }

    @Sendable static func revokeRole(req: Request) async throws -> Response {
        try await usersAction(req, GrantForm.self) { organisation, admin, role, form in
            try await Roles.revokeRole(email: form.email, organisationID: organisation.requireID(), role: role,
                                          actor: .user(admin.id!, email: admin.email), on: req.db)
            return "Rollen är borttagen."
        }
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
