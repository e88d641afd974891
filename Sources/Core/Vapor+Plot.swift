import Plot
import Vapor

/// Lets a handler return Plot's `HTML` directly.
extension HTML: @retroactive AsyncResponseEncodable {
    public func encodeResponse(for request: Request) async throws -> Response {
        htmlResponse(render())
    }
}

public func htmlResponse(_ html: String, status: HTTPResponseStatus = .ok) -> Response {
    var headers = HTTPHeaders()
    headers.contentType = .html
    return Response(status: status, headers: headers, body: .init(string: html))
}

extension Request {
    /// Renders a page inside the application's shell (navigation assembled from the modules).
    public func render(_ page: Page) -> String {
        page.shell = application.siteShell
        page.path = url.path
        if let page = page as? TenantPage { page.tenantEntries = tenantNavigation(for: page.tenantSlug) }
        return page.document().render()
    }

    /// A path parameter the route pattern guarantees; 400 if it is somehow absent.
    public func requiredParameter(_ name: String) throws -> String {
        guard let value = parameters.get(name) else { throw Abort(.badRequest, reason: "missing \(name)") }
        return value
    }
}

/// An editor page: rendered per user, never stored by browsers or proxies.
public func privatePage(_ html: String, status: HTTPStatus = .ok) -> Response {
    let response = htmlResponse(html, status: status)
    response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
    return response
}

/// A page behind a secret link (a survey's, an application's): private, and the token in its address
/// must neither travel on as a referrer nor be indexed.
public func secretLinkPage(_ html: String, status: HTTPStatus = .ok) -> Response {
    let response = privatePage(html, status: status)
    response.headers.replaceOrAdd(name: "Referrer-Policy", value: "no-referrer")
    response.headers.replaceOrAdd(name: "X-Robots-Tag", value: "noindex")
    return response
}

extension Application {
    private struct SiteShellKey: StorageKey { typealias Value = SiteShell }

    public var siteShell: SiteShell {
        get { storage[SiteShellKey.self] ?? SiteShell() }
        set { storage[SiteShellKey.self] = newValue }
    }
}
