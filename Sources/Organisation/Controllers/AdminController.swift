import Auth
import Core
import Fluent
import Mail
import Plot
import Vapor

/// Administrators' pages: users and roles in their organisation, and its audit trail. Each
/// change has a page of its own; refusals come back with the input and the reason beside the
/// field; what cannot be undone is asked first.
enum AdminController {
    struct NewUserForm: Content { let email: String; let name: String; let role: String; let represents: String?; let password: String }
    struct GrantForm: Content { let email: String; let role: String; let represents: String?; let confirmed: String? }
    struct AccountForm: Content { let email: String; let disabled: String; let confirmed: String? }

    /// What the last change did, said on the users page: a fixed set, so no request text reaches the page.
    enum Notice: String, CaseIterable {
        case created = "skapad", granted = "roll-given", revoked = "roll-borttagen", disabled = "avstangt", enabled = "oppnat", unchanged = "oforandrad"
        static let parameter = "klart"
        var message: String {
            switch self {
            case .created: "Användaren är skapad. Be personen logga in och byta lösenord."
            case .granted: "Rollen är given."
            case .revoked: "Rollen är borttagen."
            case .disabled: "Kontot är avstängt och personen är utloggad."
            case .enabled: "Kontot är öppnat igen."
            case .unchanged: "Inget var ändrat."
            }
        }
    }

    static func redirect(_ req: Request, _ organisation: OrganisationRecord, _ notice: Notice) -> Response {
        req.redirect(to: OrganisationURL.users.link(organisation.slug, query: [Notice.parameter: notice.rawValue]), redirectType: .normal)
    }

    @Sendable static func users(req: Request) async throws -> Response {
        let organisation = try await req.organisation(permitting: .administer)
        let notice = req.queryValue(Notice.parameter).flatMap(Notice.init(rawValue:))
        return try await usersPage(req, organisation, notice: notice?.message)
    }

    static func usersPage(_ req: Request, _ organisation: OrganisationRecord, notice: String? = nil, error: String? = nil,
                          status: HTTPStatus = .ok) async throws -> Response {
        let roles = try await Role.query(on: req.db).filter(\.$organisation.$id == organisation.requireID()).with(\.$represents).all()
        let accounts = try await Accounts.accounts(ids: roles.map(\.userID), on: req.db)
        let people = Dictionary(grouping: roles.filter { accounts[$0.userID] != nil }, by: \.userID).map { id, held in
            let account = accounts[id]!
            return UserIndex.View.Person(email: account.email, name: account.name,
                                    roles: held.sorted { $0.role.rawValue < $1.role.rawValue }.map { .init(role: $0.role, represents: $0.represents?.name) },
                                    disabled: account.disabled, lastSignedIn: account.lastSignedInAt)
        }.sorted { $0.email < $1.email }
        let page = UserIndex.View(organisationSlug: organisation.slug, organisationName: organisation.name, people: people,
                             viewer: try req.user.email, csrf: try req.signedIn.csrfToken, notice: notice, error: error)
        return privatePage(req.render(page), status: status)
    }

    // MARK: - One-form pages

    static func roleFields(_ req: Request, _ organisation: OrganisationRecord) async throws -> [Forms.FieldSpec] {
        let members = try await MemberQuery.members(of: organisation, on: req.db).map { Forms.Choice($0.scbCode ?? $0.slug, $0.name) }
        return [.init("role", "Roll", .select(RoleKind.allCases.map { .init($0.rawValue, $0.label) }),
                      hint: "Läsare läser det som är publicerat; redaktörer skriver, ser utkast och antar; administratörer hanterar också användare."),
                .init("represents", "Företräder", .select([.init("", "Ingen (behövs bara för medlemsrepresentant)")] + members))]
    }

    static func page(_ req: Request, _ organisation: OrganisationRecord, _ model: Forms.FormView.Model, status: HTTPStatus = .ok) throws -> Response {
        privatePage(req.render(Forms.FormView(tenantSlug: organisation.slug, tenantName: organisation.name,
                                              tenantHome: OrganisationURL.home.link(organisation.slug), model: model, csrf: try req.signedIn.csrfToken)),
                    status: status)
    }

    static func trail(_ organisation: OrganisationRecord) -> [Breadcrumb] { [Breadcrumb("Användare", url: OrganisationURL.users.link(organisation.slug))] }

    static func newUserModel(_ req: Request, _ organisation: OrganisationRecord, values: [String: String]) async throws -> Forms.FormView.Model {
        .init(heading: "Ny användare", trail: trail(organisation), action: OrganisationURL.newUser.link(organisation.slug),
              fields: [.init("email", "E-postadress"), .init("name", "Namn")] + (try await roleFields(req, organisation))
                + [.init("password", "Första lösenord", hint: "Minst \(Accounts.minimumPasswordLength) tecken. Be personen byta det vid första inloggningen.")],
              state: .init(values: values), submit: "Skapa användare", cancelURL: OrganisationURL.users.link(organisation.slug))
    }

    @Sendable static func newUserForm(req: Request) async throws -> Response {
        let organisation = try await req.organisation(permitting: .administer)
        // The least role is the default: a new user reads until someone gives more.
        return try page(req, organisation, try await newUserModel(req, organisation, values: ["role": RoleKind.reader.rawValue]))
    }

    @Sendable static func createUser(req: Request) async throws -> Response {
        let organisation = try await req.organisation(permitting: .administer)
        let form = try req.content.decode(NewUserForm.self)
        do {
            guard let role = RoleKind(rawValue: form.role) else { throw Abort(.badRequest, reason: "unknown role") }
            try await Roles.createUser(email: form.email, name: form.name, password: form.password, organisationSlug: organisation.slug, role: role,
                                       represents: form.represents.nonEmpty, actor: .user(try req.user), hasher: req.password.async, on: req.db)
            return redirect(req, organisation, .created)
        } catch let failure as AccountFailure {
            // The password is never sent back to the page.
            var model = try await newUserModel(req, organisation, values: ["email": form.email, "name": form.name, "role": form.role,
                                                                           "represents": form.represents ?? ""])
            model.state.refuse(failure, fallbackField: "role")
            return try page(req, organisation, model, status: .unprocessableEntity)
        }
    }

    static func grantModel(_ req: Request, _ organisation: OrganisationRecord, values: [String: String]) async throws -> Forms.FormView.Model {
        .init(heading: "Ge en roll", intro: ["Personen måste redan ha ett konto i Samsyn."], trail: trail(organisation),
              action: OrganisationURL.grantRole.link(organisation.slug),
              fields: [.init("email", "E-postadress")] + (try await roleFields(req, organisation)),
              state: .init(values: values), submit: "Ge roll", cancelURL: OrganisationURL.users.link(organisation.slug))
    }

    @Sendable static func grantRoleForm(req: Request) async throws -> Response {
        let organisation = try await req.organisation(permitting: .administer)
        return try page(req, organisation, try await grantModel(req, organisation, values: ["role": RoleKind.reader.rawValue]))
    }

    @Sendable static func grantRole(req: Request) async throws -> Response {
        let organisation = try await req.organisation(permitting: .administer)
        let form = try req.content.decode(GrantForm.self)
        guard let role = RoleKind(rawValue: form.role) else { throw Abort(.badRequest, reason: "unknown role") }
        do {
            try await Roles.grantRole(email: form.email, organisationID: organisation.requireID(), role: role,
                                      represents: form.represents.nonEmpty, actor: .user(try req.user), on: req.db)
            return redirect(req, organisation, .granted)
        } catch let failure as AccountFailure {
            var model = try await grantModel(req, organisation, values: ["email": form.email, "role": form.role, "represents": form.represents ?? ""])
            model.state.refuse(failure, fallbackField: "role")
            return try page(req, organisation, model, status: .unprocessableEntity)
        }
    }

    static func confirm(_ req: Request, _ organisation: OrganisationRecord, heading: String, question: String, action: String,
                        fields: [String: String], confirmLabel: String) throws -> Response {
        privatePage(req.render(Forms.ConfirmView(tenantSlug: organisation.slug, tenantName: organisation.name,
                                                 tenantHome: OrganisationURL.home.link(organisation.slug), trail: trail(organisation),
                                                 heading: heading, question: question, action: action,
                                                 fields: fields.merging(["csrf": try req.signedIn.csrfToken]) { $1 },
                                                 confirmLabel: confirmLabel, cancelURL: OrganisationURL.users.link(organisation.slug))))
    }

    /// The users page again with a refusal, changing nothing.
    static func refused(_ req: Request, _ organisation: OrganisationRecord, _ failure: AccountFailure) async throws -> Response {
        try await usersPage(req, organisation, error: failure.swedish, status: .unprocessableEntity)
    }

    /// Removing a role: refused at once when it cannot be done, otherwise asked first.
    static func revoke(_ req: Request, email rawEmail: String, role: RoleKind, confirmed: Bool) async throws -> Response {
        let organisation = try await req.organisation(permitting: .administer)
        let admin = try req.user
        let email = Accounts.normalise(email: rawEmail)
        do {
            // An administrator cannot take away their own administration by a slip of the hand.
            guard !(role == .administrator && email == admin.email) else { throw AccountFailure.ownAdministratorRole }
            guard confirmed else {
                return try confirm(req, organisation, heading: "Ta bort rollen?",
                                   question: "\(email) förlorar rollen \(role.label.lowercased()) i \(organisation.name). Kontot och eventuella andra roller finns kvar.",
                                   action: OrganisationURL.revokeRole.link(organisation.slug), fields: ["email": email, "role": role.rawValue],
                                   confirmLabel: "Ja, ta bort rollen")
            }
            try await Roles.revokeRole(email: email, organisationID: organisation.requireID(), role: role, actor: .user(admin), on: req.db)
            return redirect(req, organisation, .revoked)
        } catch let failure as AccountFailure {
            return try await refused(req, organisation, failure)
        }
    }

    @Sendable static func revokeRoleForm(req: Request) async throws -> Response {
        guard let email = req.queryValue("epost"), let role = req.queryValue("roll").flatMap(RoleKind.init) else {
            // Without a user and role there is nothing to ask about: the list to choose from.
            return req.redirect(to: OrganisationURL.users.link(try req.requiredParameter("org")), redirectType: .normal)
        }
        return try await revoke(req, email: email, role: role, confirmed: false)
    }

    @Sendable static func revokeRole(req: Request) async throws -> Response {
        let form = try req.content.decode(GrantForm.self)
        guard let role = RoleKind(rawValue: form.role) else { throw Abort(.badRequest, reason: "unknown role") }
        return try await revoke(req, email: form.email, role: role, confirmed: form.confirmed == "ja")
    }

    /// Disabling an account asks first; enabling does not.
    static func account(_ req: Request, email: String, disable: Bool, confirmed: Bool) async throws -> Response {
        let organisation = try await req.organisation(permitting: .administer)
        do {
            if disable && !confirmed {
                guard Accounts.normalise(email: email) != (try req.user).email else { throw AccountFailure.ownAccount }
                return try confirm(req, organisation, heading: "Stäng av kontot?",
                                   question: "\(Accounts.normalise(email: email)) kan inte logga in förrän kontot öppnas igen, och loggas ut nu. Rollerna finns kvar.",
                                   action: OrganisationURL.account.link(organisation.slug), fields: ["email": email, "disabled": "ja"],
                                   confirmLabel: "Ja, stäng av kontot")
            }
            let changed = try await Roles.setAccountDisabled(disable, email: email, organisationID: organisation.requireID(), by: try req.user, on: req.db)
            return redirect(req, organisation, changed ? (disable ? .disabled : .enabled) : .unchanged)
        } catch let failure as AccountFailure {
            return try await refused(req, organisation, failure)
        }
    }

    @Sendable static func accountForm(req: Request) async throws -> Response {
        guard let email = req.queryValue("epost") else {
            return req.redirect(to: OrganisationURL.users.link(try req.requiredParameter("org")), redirectType: .normal)
        }
        return try await account(req, email: email, disable: true, confirmed: false)
    }

    @Sendable static func setAccount(req: Request) async throws -> Response {
        let form = try req.content.decode(AccountForm.self)
        return try await account(req, email: form.email, disable: form.disabled == "ja", confirmed: form.confirmed == "ja")
    }

    /// GET /o/:org/admin/logg: the organisation's changes, newest first, filtered and paged. With a
    /// user, also that user's own account events, if they have a role here.
    @Sendable static func audit(req: Request) async throws -> Response {
        let organisation = try await req.organisation(permitting: .administer)
        let filter = AuditFilter(req)
        var hasRoleHere = false
        if let user = filter.user {
            if let account = try await Accounts.account(email: user, on: req.db) {
                hasRoleHere = try await Role.query(on: req.db).filter(\.$userID == account.id).filter(\.$organisation.$id == organisation.requireID()).first() != nil
            }
        }
        let (entries, hasMore) = try await AuditQuery.page(organisationID: organisation.requireID(), filter: filter,
                                                           includeAccountEvents: hasRoleHere, on: req.db)
        let model = AuditIndex.View.Model(heading: filter.user.map { "Ändringslogg för \($0)" } ?? "Ändringslogg", trail: [],
                                    base: OrganisationURL.auditTrail.link(organisation.slug), entries: entries, hasMore: hasMore, filter: filter,
                                    documents: [])
        return privatePage(req.render(AuditIndex.View(organisationSlug: organisation.slug, organisationName: organisation.name, model: model)))
    }

    /// The organisation's e-mail outbox: administrators only, never public.
    @Sendable static func outbox(req: Request) async throws -> Response {
        let organisation = try await req.organisation(permitting: .administer)
        let messages = try await Outbox.messages(organisationID: organisation.requireID(), on: req.db)
        return privatePage(req.render(OutboxIndex.View(organisationSlug: organisation.slug, organisationName: organisation.name,
                                                 messages: messages, configured: req.application.smtpSettings != nil)))
    }
}
