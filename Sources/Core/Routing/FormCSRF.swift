import Vapor

/// Checking a form's CSRF token in middleware, before any handler runs. The token travels in
/// the form field `csrf`; the expected value comes from the session or, for anonymous forms,
/// from a cookie (double submit).
public enum FormCSRF {
    public static let field = "csrf"

    /// The route's own body limit, where it is larger than a form's (an upload: `RoutesBuilder.upload`).
    public static let bodyLimitKey = "bodyLimit"

    /// The submitted token. Collects the body first: middleware runs before the route's own body
    /// collection, so it collects up to the route's limit where the route declares one (an upload
    /// of a document or an SIE file), else up to `limit`.
    public static func submittedToken(_ request: Request, limit: Int) async throws -> String? {
        if request.body.data == nil {
            let routeLimit = request.route?.userInfo[bodyLimitKey] as? Int
            _ = try await request.body.collect(max: routeLimit ?? limit).get()
        }
        return try? request.content.get(String.self, at: field)
    }

}

/// Compares secrets (tokens) in time independent of where they differ; an empty secret never matches.
public func secretsMatch(_ lhs: String, _ rhs: String) -> Bool {
    let left = Array(lhs.utf8), right = Array(rhs.utf8)
    guard left.count == right.count, !left.isEmpty else { return false }
    return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
}

/// Anonymous forms (sign-in, and later public surveys and applications): the form's token must
/// equal the cookie set with the page that holds the form.
public struct DoubleSubmitCSRFMiddleware: AsyncMiddleware {
    public static let cookie = "samsyn_csrf"
    let limit: Int

    public init(limit: Int = 16 * 1024) {
        self.limit = limit
    }

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method != .GET, request.method != .HEAD else { return try await next.respond(to: request) }
        let submitted = try await FormCSRF.submittedToken(request, limit: limit)
        guard let expected = request.cookies[Self.cookie]?.string, let submitted, secretsMatch(expected, submitted) else {
            throw Abort(.forbidden, reason: "the form's CSRF token is missing or wrong; reload the page")
        }
        return try await next.respond(to: request)
    }
}

extension RoutesBuilder {
    /// A form that uploads a file: the body is collected up to `maxSize`, by the CSRF check too,
    /// which reads the form's token before the route runs (a 256 kB cap there refused real PDFs).
    @discardableResult
    public func upload<Response: AsyncResponseEncodable>(_ path: [PathComponent], maxSize: ByteCount,
                                                         use closure: @Sendable @escaping (Request) async throws -> Response) -> Route {
        let route = on(.POST, path, body: .collect(maxSize: maxSize), use: closure)
        route.userInfo[FormCSRF.bodyLimitKey] = maxSize.value
        return route
    }
}
