import Auth
import Core
import Fluent
import Plot
import Vapor

/// Administrators' pages: users and roles in their organisation, and its audit trail.
enum AdminController {
    protocol AdminForm: Content { var role: String { get } }
    struct NewUserForm: AdminForm { let email: String; let name: String; let role: String; let represents: String?; let password: String }
    struct GrantForm: AdminForm { let email: String; let role: String; let represents: String? }

    static func usersPage(_ req: Request, _ organisation: OrganisationRecord, message: String? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let roles = try await Role.query(on: req.db).filter(\.$organisation.$id == organisation.requireID())
            .with(\.$user).with(\.$represents).all().sorted { ($0.user.email, $0.role.rawValue) < ($1.user.email, $1.role.rawValue) }
        let members = try await MemberQuery.members(of: organisation, on: req.db).map { (key: $0.scbCode ?? $0.slug, name: $0.name) }
        let page = UsersPage(organisationSlug: organisation.slug, organisationName: organisation.name,
                             lines: roles.map { .init(email: $0.user.email, name: $0.user.name, role: $0.role, represents: $0.represents?.name, disabled: $0.user.disabled) },
                             members: members, csrf: try req.signedIn.csrfToken, message: message, isError: status != .ok)
        return privatePage(req.render(page), status: status)
    }

    @Sendable static func users(req: Request) async throws -> Response {
        try await usersPage(req, try await req.organisation(permitting: .administer))
    }

    /// The shared shape of the users page's forms: check the administrator, read the role, run
    /// the action, and show the page again with its outcome.
    static func usersAction<Form: AdminForm>(_ req: Request, _: Form.Type,
                                             _ action: (OrganisationRecord, User, RoleKind, Form) async throws -> String) async throws -> Response {
        let organisation = try await req.organisation(permitting: .administer)
        let form = try req.content.decode(Form.self)
        guard let role = RoleKind(rawValue: form.role) else { throw Abort(.badRequest, reason: "unknown role") }
        do {
            let message = try await action(organisation, try req.user, role, form)
            return try await usersPage(req, organisation, message: message)
        } catch let failure as AccountFailure {
            return try await usersPage(req, organisation, message: failure.swedish, status: .unprocessableEntity)
        }
    }

    @Sendable static func createUser(req: Request) async throws -> Response {
        try await usersAction(req, NewUserForm.self) { organisation, admin, role, form in
            try await Roles.createUser(email: form.email, name: form.name, password: form.password, organisationSlug: organisation.slug, role: role,
                                       represents: form.represents.nonEmpty, actor: .user(admin), hasher: req.password.async, on: req.db)
            return "Användaren \(User.normalise(email: form.email)) är skapad."
        }
    }

    @Sendable static func grantRole(req: Request) async throws -> Response {
        try await usersAction(req, GrantForm.self) { organisation, admin, role, form in
            try await Roles.grantRole(email: form.email, organisationID: organisation.requireID(), role: role,
                                      represents: form.represents.nonEmpty, actor: .user(admin), on: req.db)
            return "Rollen är given."
        }
    }

    @Sendable static func revokeRole(req: Request) async throws -> Response {
        try await usersAction(req, GrantForm.self) { organisation, admin, role, form in
            // An administrator cannot take away their own administration by a slip of the hand.
            guard !(role == .administrator && User.normalise(email: form.email) == admin.email) else { throw AccountFailure.ownAdministratorRole }
            try await Roles.revokeRole(email: form.email, organisationID: organisation.requireID(), role: role, actor: .user(admin), on: req.db)
            return "Rollen är borttagen."
        }
    }

    /// GET /o/:org/admin/logg: the organisation's changes, newest first, filtered and paged. With a
    /// user, also that user's own account events, if they have a role here.
    @Sendable static func audit(req: Request) async throws -> Response {
        let organisation = try await req.organisation(permitting: .administer)
        let filter = AuditFilter(req)
        var hasRoleHere = false
        if let user = filter.user {
            hasRoleHere = try await Role.query(on: req.db).join(User.self, on: \Role.$user.$id == \User.$id)
                .filter(User.self, \.$email == user).filter(\.$organisation.$id == organisation.requireID()).first() != nil
        }
        let (entries, hasMore) = try await AuditQuery.page(organisationID: organisation.requireID(), filter: filter,
                                                           includeAccountEvents: hasRoleHere, on: req.db)
        let model = AuditPage.Model(heading: filter.user.map { "Ändringslogg för \($0)" } ?? "Ändringslogg", trail: [],
                                    base: OrganisationURL.auditTrail.link(organisation.slug), entries: entries, hasMore: hasMore, filter: filter,
                                    documents: [])
        return privatePage(req.render(AuditPage(organisationSlug: organisation.slug, organisationName: organisation.name, model: model)))
    }
}
