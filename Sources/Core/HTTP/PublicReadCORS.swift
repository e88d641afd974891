import Vapor

/// Public reads may be fetched by any web page, say a municipality's site showing the plan it
/// signed up to: every public API response carries `Access-Control-Allow-Origin: *`, and every
/// public GET route gets an OPTIONS route answering the browser's preflight (needed for
/// If-None-Match). Routes with a token or a session get neither, so no browser lets another
/// site act on them; the answers carry no cookies and no credentials are allowed.
public struct PublicReadCORSMiddleware: AsyncMiddleware {
    public init() {}

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        Self.addHeaders(to: response)
        return response
    }

    static func addHeaders(to response: Response) {
        response.headers.replaceOrAdd(name: .accessControlAllowOrigin, value: "*")
        response.headers.replaceOrAdd(name: .accessControlExpose, value: "ETag, Cache-Control")
    }
}

/// The builder of public read routes: each GET also answers OPTIONS as a CORS preflight.
public struct PublicReadRoutes: RoutesBuilder {
    let base: any RoutesBuilder

    public init(_ base: any RoutesBuilder) {
        self.base = base.grouped(PublicReadCORSMiddleware())
    }

    public func add(_ route: Route) {
        base.add(route)
        guard route.method == .GET else { return }
        let preflight = Route(method: .OPTIONS, path: route.path, responder: AsyncBasicResponder { _ in
            let response = Response(status: .noContent)
            response.headers.replaceOrAdd(name: .accessControlAllowMethods, value: "GET, HEAD, OPTIONS")
            response.headers.replaceOrAdd(name: .accessControlAllowHeaders, value: "If-None-Match, Accept")
            response.headers.replaceOrAdd(name: .accessControlMaxAge, value: "86400")
            return response
        }, requestType: Request.self, responseType: Response.self)
        preflight.userInfo = route.userInfo
        preflight.userInfo["preflight"] = true
        base.add(preflight)
    }
}
