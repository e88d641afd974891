import Auth
import Core
import Fluent
import Organisation
import Plot
import Vapor

/// Signing in and out, the account page, changing the password. Forms carry CSRF tokens:
/// before sign-in a double-submit cookie, after it the session's own token.
enum AuthController {
    static let sessionCookie = "samsyn_session"
    static let csrfCookie = "samsyn_csrf"

    struct SignInForm: Content {
        let email: String
        let password: String
        let csrf: String
    }

    struct PasswordForm: Content {
        let current: String
        let new: String
        let csrf: String
    }

    struct CSRFForm: Content {
        let csrf: String
    }

    @Sendable static func signInPage(req: Request) async throws -> Response {
        let token = Accounts.randomToken()
        let response = htmlResponse(SignInPage(csrf: token).document().render())
        response.cookies[csrfCookie] = cookie(token, req: req, sameSite: .strict, path: SiteURL.signIn, maxAge: 3600)
        noStore(response)
        return response
    }

    @Sendable static func signIn(req: Request) async throws -> Response {
        let form = try req.content.decode(SignInForm.self)
        guard let expected = req.cookies[csrfCookie]?.string, Accounts.tokensMatch(expected, form.csrf) else {
            throw Abort(.forbidden, reason: "the form's CSRF token is missing or wrong; reload the sign-in page")
        }
        do {
            let (_, token) = try await Accounts.signIn(email: form.email, password: form.password,
                                                       client: req.remoteAddress?.ipAddress ?? "unknown", on: req.db)
            let response = req.redirect(to: SiteURL.account, redirectType: .normal)
            response.cookies[sessionCookie] = cookie(token, req: req, sameSite: .lax, path: "/", maxAge: Int(Accounts.sessionLifetime))
            response.cookies[csrfCookie] = cookie("", req: req, sameSite: .strict, path: SiteURL.signIn, maxAge: 0)
            return response
        } catch let failure as AccountFailure {
            let page = SignInPage(csrf: form.csrf, email: form.email, message: failure.swedish)
            let response = htmlResponse(page.document().render(), status: failure == .rateLimited ? .tooManyRequests : .unauthorized)
            noStore(response)
            return response
        }
    }

    @Sendable static func account(req: Request) async throws -> Response {
        guard let (session, user) = try await current(req) else { return req.redirect(to: SiteURL.signIn, redirectType: .normal) }
        return try await accountResponse(req, session: session, user: user, message: nil)
    }

    @Sendable static func changePassword(req: Request) async throws -> Response {
        guard let (session, user) = try await current(req) else { throw Abort(.unauthorized, reason: "sign in first") }
        let form = try req.content.decode(PasswordForm.self)
        try requireCSRF(form.csrf, session: session)
        do {
            try await Accounts.changePassword(user, current: form.current, new: form.new, cost: req.application.passwordCost, on: req.db)
            return try await accountResponse(req, session: session, user: user, message: "Lösenordet är bytt.")
        } catch let failure as AccountFailure {
            return try await accountResponse(req, session: session, user: user, message: failure.swedish, status: .badRequest)
        }
    }

    @Sendable static func signOut(req: Request) async throws -> Response {
        guard let (session, _) = try await current(req) else { throw Abort(.unauthorized, reason: "sign in first") }
        try requireCSRF(try req.content.decode(CSRFForm.self).csrf, session: session)
        try await Accounts.signOut(session, on: req.db)
        let response = req.redirect(to: SiteURL.home, redirectType: .normal)
        response.cookies[sessionCookie] = cookie("", req: req, sameSite: .lax, path: "/", maxAge: 0)
        return response
    }

    // MARK: helpers

    /// The signed-in session, from the session cookie; nil when absent, expired or disabled.
    static func current(_ req: Request) async throws -> (UserSession, User)? {
        guard let token = req.cookies[sessionCookie]?.string, !token.isEmpty else { return nil }
        return try await Accounts.session(token: token, on: req.db)
    }

    static func requireCSRF(_ submitted: String, session: UserSession) throws {
        guard Accounts.tokensMatch(submitted, session.csrfToken) else {
            throw Abort(.forbidden, reason: "the form's CSRF token is missing or wrong; reload the page")
        }
    }

    struct TokenForm: Content {
        let csrf: String
        let name: String
    }

    @Sendable static func createToken(req: Request) async throws -> Response {
        guard let (session, user) = try await current(req) else { throw Abort(.unauthorized, reason: "sign in first") }
        let form = try req.content.decode(TokenForm.self)
        try requireCSRF(form.csrf, session: session)
        do {
            let token = try await Accounts.createToken(for: user, name: form.name, on: req.db)
            return try await accountResponse(req, session: session, user: user, message: nil, newToken: token)
        } catch let failure as AccountFailure {
            return try await accountResponse(req, session: session, user: user, message: failure.swedish, status: .badRequest)
        }
    }

    @Sendable static func revokeToken(req: Request) async throws -> Response {
        guard let (session, user) = try await current(req) else { throw Abort(.unauthorized, reason: "sign in first") }
        try requireCSRF(try req.content.decode(CSRFForm.self).csrf, session: session)
        guard let id = req.parameters.get("token", as: UUID.self) else { throw Abort(.badRequest, reason: "no such token") }
        do {
            try await Accounts.revokeToken(id, of: user, on: req.db)
        } catch AccountFailure.unknownToken {
            throw Abort(.notFound, reason: "no such token")
        }
        return try await accountResponse(req, session: session, user: user, message: "Nyckeln är återkallad.")
    }

    static func accountResponse(_ req: Request, session: UserSession, user: User, message: String?, status: HTTPStatus = .ok,
                                newToken: String? = nil) async throws -> Response {
        let tokens = try await ApiToken.query(on: req.db).filter(\.$user.$id == user.requireID()).sort(\.$createdAt).all()
        let roles = try await Role.query(on: req.db).filter(\.$user.$id == user.requireID()).with(\.$organisation).with(\.$represents).all()
        let page = AccountPage(name: user.name, email: user.email,
                               roles: roles.map { .init(organisation: $0.organisation.name, organisationSlug: $0.organisation.slug, roleLabel: $0.role.label,
                                                                  mayEdit: $0.role.mayEdit, isAdministrator: $0.role == .administrator, represents: $0.represents?.name) },
                               csrf: session.csrfToken, message: message, isError: status != .ok,
                               tokens: tokens.map { ($0.id!.uuidString, $0.name, $0.revokedAt != nil) }, newToken: newToken)
        let response = htmlResponse(page.document().render(), status: status)
        noStore(response)
        return response
    }

    /// HttpOnly always; Secure when the request came over TLS (directly or through a proxy).
    static func cookie(_ value: String, req: Request, sameSite: HTTPCookies.SameSitePolicy, path: String, maxAge: Int) -> HTTPCookies.Value {
        let overTLS = req.url.scheme == "https" || req.headers.first(name: "X-Forwarded-Proto") == "https"
        return HTTPCookies.Value(string: value, expires: nil, maxAge: maxAge, domain: nil, path: path,
                                 isSecure: overTLS, isHTTPOnly: true, sameSite: sameSite)
    }

    static func noStore(_ response: Response) {
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
    }
}

extension Application {
    private struct PasswordCostKey: StorageKey { typealias Value = Int }

    /// bcrypt's cost factor: 12 in production; tests lower it to keep the suite fast.
    var passwordCost: Int {
        get { storage[PasswordCostKey.self] ?? 12 }
        set { storage[PasswordCostKey.self] = newValue }
    }
}
