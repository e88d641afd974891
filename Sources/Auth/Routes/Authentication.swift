import Core
import Vapor

/// A request's signed-in session and its user.
public struct SignedIn: Authenticatable, Sendable {
    let session: UserSession
    public let user: Account

    public var csrfToken: String { session.csrfToken }
}

/// Reads the session cookie. Logs in `SignedIn` and its `Account` when the session is current and
/// the user enabled; otherwise the request stays anonymous.
public struct SessionAuthenticator: AsyncRequestAuthenticator {
    public static let cookie = "samsyn_session"

    public init() {}

    public func authenticate(request: Request) async throws {
        guard let token = request.cookies[Self.cookie]?.string, !token.isEmpty,
              let (session, user) = try await Accounts.session(token: token, now: request.application.now(), on: request.db) else { return }
        let account = Account(user)
        request.auth.login(SignedIn(session: session, user: account))
        request.auth.login(account)
    }
}

/// Signed-in routes: a page asked for without a session leads to the sign-in page; anything
/// else is refused with 401.
public struct SignedInGuard: AsyncMiddleware {
    public init() {}

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.auth.has(SignedIn.self) else {
            if request.method == .GET { return request.redirect(to: AuthURL.signIn.link(), redirectType: .normal) }
            throw Abort(.unauthorized, reason: "sign in first")
        }
        return try await next.respond(to: request)
    }
}

/// Signed-in forms: the form's token must be the session's.
public struct SessionCSRFMiddleware: AsyncMiddleware {
    let limit: Int

    public init(limit: Int = 256 * 1024) {
        self.limit = limit
    }

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method != .GET, request.method != .HEAD else { return try await next.respond(to: request) }
        let signedIn = try request.auth.require(SignedIn.self)
        guard let submitted = try await FormCSRF.submittedToken(request, limit: limit), secretsMatch(submitted, signedIn.csrfToken) else {
            throw Abort(.forbidden, reason: "the form's CSRF token is missing or wrong; reload the page")
        }
        return try await next.respond(to: request)
    }
}

/// Personal API tokens (Authorization: Bearer). Logs in the token's `Account`; the guard refuses
/// requests without a valid token, saying which of the two is wrong.
public struct APITokenAuthenticator: AsyncBearerAuthenticator {
    public init() {}

    public func authenticate(bearer: BearerAuthorization, for request: Request) async throws {
        if let user = try await Accounts.user(apiToken: bearer.token, on: request.db) { request.auth.login(user) }
    }
}

public struct APITokenGuard: AsyncMiddleware {
    public init() {}

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.headers.bearerAuthorization != nil else {
            throw Abort(.unauthorized, reason: "send a personal API token as Authorization: Bearer <token>")
        }
        guard request.auth.has(Account.self) else { throw Abort(.unauthorized, reason: "the API token is not valid or has been revoked") }
        return try await next.respond(to: request)
    }
}

extension Request {
    /// The signed-in session and user; only on routes behind `SignedInGuard`.
    public var signedIn: SignedIn {
        get throws { try auth.require(SignedIn.self) }
    }

    /// The acting user, from a session or an API token.
    public var user: Account {
        get throws { try auth.require(Account.self) }
    }
}

extension AuditLog.Actor {
    public static func user(_ account: Account) -> Self { .user(account.id, email: account.email) }
    static func user(_ user: User) -> Self { .user(user.id!, email: user.email) }
}
