import Core
import Fluent
import Plot
import Vapor

/// Signing in and out, the account page, changing the password, personal API tokens. CSRF
/// tokens are checked by middleware: before sign-in a double-submit cookie, after it the
/// session's own token.
enum AccountController {
    struct SignInInput: Content {
        let email: String
        let password: String
        let csrf: String
    }

    struct PasswordForm: Content {
        let current: String
        let new: String
        let revokeTokens: String?
    }

    struct TokenForm: Content {
        let name: String
    }

    @Sendable static func signInPage(req: Request) async throws -> Response {
        let token = Accounts.randomToken()
        let response = privatePage(req.render(SignInForm.View(csrf: token)))
        response.cookies[DoubleSubmitCSRFMiddleware.cookie] = cookie(token, req: req, sameSite: .strict, path: AuthURL.signIn.link(), maxAge: 3600)
        return response
    }

    @Sendable static func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInInput.self)
        do {
            let token = try await Accounts.signIn(email: form.email, password: form.password, client: req.clientAddress,
                                                       hasher: req.password.async, dummyHash: try await req.application.dummyPasswordHash(), now: req.application.now(),
                                                       on: req.db)
            let response = req.redirect(to: AuthURL.account.link(), redirectType: .normal)
            response.cookies[SessionAuthenticator.cookie] = cookie(token, req: req, sameSite: .lax, path: "/", maxAge: Int(Accounts.sessionLifetime))
            response.cookies[DoubleSubmitCSRFMiddleware.cookie] = cookie("", req: req, sameSite: .strict, path: AuthURL.signIn.link(), maxAge: 0)
            return response
        } catch let failure as AccountFailure {
            let page = SignInForm.View(csrf: form.csrf, email: form.email, message: failure.swedish)
            return privatePage(req.render(page), status: failure == .rateLimited ? .tooManyRequests : .unauthorized)
        }
    }

    @Sendable static func account(req: Request) async throws -> Response {
        try await accountResponse(req, message: nil)
    }

    /// A form page of the account, outside any organisation.
    static func formPage(_ req: Request, _ model: Forms.FormView.Model, status: HTTPStatus = .ok) throws -> Response {
        privatePage(req.render(Forms.FormView(tenantSlug: "", tenantName: "", tenantHome: "", model: model, csrf: try req.signedIn.csrfToken)),
                    status: status)
    }

    static let accountTrail = [Breadcrumb("Mitt konto", url: AuthURL.account.link())]

    static func passwordModel(error: (field: String, message: String)? = nil, revoke: Bool = false) -> Forms.FormView.Model {
        .init(heading: "Byt lösenord", intro: ["Andra inloggningar med ditt konto avslutas när lösenordet byts."], trail: accountTrail,
              action: AuthURL.changePassword.link(),
              fields: [.init("current", "Nuvarande lösenord", .password(autocomplete: "current-password")),
                       .init("new", "Nytt lösenord", .password(autocomplete: "new-password"), hint: "Minst \(Accounts.minimumPasswordLength) tecken."),
                       .init("revokeTokens", "Återkalla också mina API-nycklar", .checkbox)],
              state: .init(values: ["revokeTokens": revoke ? "on" : ""], error: error), submit: "Byt lösenord", cancelURL: AuthURL.account.link())
    }

    @Sendable static func passwordForm(req: Request) async throws -> Response {
        try formPage(req, passwordModel())
    }

    @Sendable static func changePassword(req: Request) async throws -> Response {
        let form = try req.content.decode(PasswordForm.self)
        let revoke = form.revokeTokens == "on"
        do {
            try await Accounts.changePassword(try req.user, current: form.current, new: form.new, keeping: try req.signedIn.session,
                                              revokeTokens: revoke, hasher: req.password.async, on: req.db)
            return try await accountResponse(req, message: "Lösenordet är bytt. Du är utloggad på andra enheter"
                                                + (revoke ? " och dina API-nycklar är återkallade." : "."))
        } catch let failure as AccountFailure {
            // Passwords are never sent back to the page.
            return try formPage(req, passwordModel(error: (failure == .wrongCurrentPassword ? "current" : "new", failure.swedish), revoke: revoke),
                                status: .unprocessableEntity)
        }
    }

    static func tokenModel(name: String = "", error: String? = nil) -> Forms.FormView.Model {
        .init(heading: "Ny API-nyckel",
              intro: ["En personlig nyckel ger JSON-API:t samma rättigheter som du har. Den visas bara en gång, direkt efter att den skapats."],
              trail: accountTrail, action: AuthURL.tokens.link(),
              fields: [.init("name", "Namn på nyckeln", hint: "Till exempel det skript eller system som ska använda den.")],
              state: .init(values: ["name": name], error: error.map { ("name", $0) }), submit: "Skapa nyckel", cancelURL: AuthURL.account.link())
    }

    @Sendable static func tokenForm(req: Request) async throws -> Response {
        try formPage(req, tokenModel())
    }

    @Sendable static func signOut(req: Request) async throws -> Response {
        try await Accounts.signOut(try req.signedIn.session, on: req.db)
        let response = req.redirect(to: SiteURL.home, redirectType: .normal)
        response.cookies[SessionAuthenticator.cookie] = cookie("", req: req, sameSite: .lax, path: "/", maxAge: 0)
        return response
    }

    @Sendable static func createToken(req: Request) async throws -> Response {
        let form = try req.content.decode(TokenForm.self)
        do {
            let token = try await Accounts.createToken(for: try req.user, name: form.name, on: req.db)
            return try await accountResponse(req, message: nil, newToken: token)
        } catch let failure as AccountFailure {
            return try formPage(req, tokenModel(name: form.name, error: failure.swedish), status: .unprocessableEntity)
        }
    }

    @Sendable static func revokeToken(req: Request) async throws -> Response {
        guard let id = req.parameters.get("token", as: UUID.self) else { throw Abort(.badRequest, reason: "no such token") }
        do {
            try await Accounts.revokeToken(id, of: try req.user, on: req.db)
        } catch AccountFailure.unknownToken {
            throw Abort(.notFound, reason: "no such token")
        }
        return try await accountResponse(req, message: "Nyckeln är återkallad.")
    }

    static func accountResponse(_ req: Request, message: String?, status: HTTPStatus = .ok, newToken: String? = nil) async throws -> Response {
        let signedIn = try req.signedIn
        let user = signedIn.user
        let tokens = try await ApiToken.query(on: req.db).filter(\.$user.$id == user.id).sort(\.$createdAt).all()
        let roles = try await req.application.pageSlots.items(AuthSlots.accountRoles, for: user, request: req)
        let page = AccountShow.View(name: user.name, email: user.email, roles: roles, csrf: signedIn.csrfToken, message: message, isError: status != .ok,
                               tokens: tokens.map { ($0.id!.uuidString, $0.name, $0.revokedAt != nil) }, newToken: newToken)
        return privatePage(req.render(page), status: status)
    }

    /// HttpOnly always; Secure when the request came over TLS (directly or through a trusted proxy).
    static func cookie(_ value: String, req: Request, sameSite: HTTPCookies.SameSitePolicy, path: String, maxAge: Int) -> HTTPCookies.Value {
        HTTPCookies.Value(string: value, expires: nil, maxAge: maxAge, domain: nil, path: path,
                          isSecure: req.cameOverTLS, isHTTPOnly: true, sameSite: sameSite)
    }
}

/// Places on Auth's pages that modules above it fill.
public enum AuthSlots {
    /// The account page's list of roles: Auth knows identities, not organisations.
    public static let accountRoles = PageSlot<Account, AccountShow.View.RoleLine>("auth.account-roles")
}

extension Application {
    private struct PasswordCostKey: StorageKey { typealias Value = Int }

    /// bcrypt's cost factor: 12 in production; tests lower it to keep the suite fast.
    public var passwordCost: Int {
        get { storage[PasswordCostKey.self] ?? 12 }
        set { storage[PasswordCostKey.self] = newValue }
    }
}
