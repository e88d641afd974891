import Vapor

/// Headers every response carries, errors and redirects included: a Content Security Policy
/// that allows no inline script or style and no framing (Samsyn needs neither: no page has
/// inline script, and no page should be framed, which stops clickjacking of the editor's
/// one-click buttons), no content-type sniffing, a referrer policy, and HSTS over TLS.
/// Installed outermost, so it also sees the error middleware's pages.
public struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy = [
        "default-src 'self'", "img-src 'self' data:", "style-src 'self'", "script-src 'self'", "object-src 'none'",
        "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
    ].joined(separator: "; ")

    public init() {}

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers = [
            ("Content-Security-Policy", Self.contentSecurityPolicy),
            ("X-Frame-Options", "DENY"),
            ("X-Content-Type-Options", "nosniff"),
        ]
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        // A page may ask for less (a personal link sends no referrer at all).
        if !response.headers.contains(name: "Referrer-Policy") {
            response.headers.add(name: "Referrer-Policy", value: "strict-origin-when-cross-origin")
        }
        if request.cameOverTLS {
            response.headers.replaceOrAdd(name: "Strict-Transport-Security", value: "max-age=31536000")
        }
        return response
    }
}
