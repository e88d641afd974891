import Vapor

/// A routes builder for one access policy. `base` already carries the middleware that enforces
/// the policy; every route added here is tagged with it, so a route cannot be registered
/// without one and the route-policy test checks what actually runs.
public struct ScopedRoutes: RoutesBuilder {
    let base: any RoutesBuilder
    let access: Access
    let checksCSRF: Bool
    /// Query parameters every page of this policy reads (the signed-in pages' notice of what a write did).
    let pageQuery: [String]

    public init(_ base: any RoutesBuilder, access: Access, checksCSRF: Bool, pageQuery: [String] = []) {
        self.base = base
        self.access = access
        self.checksCSRF = checksCSRF
        self.pageQuery = pageQuery
    }

    public func add(_ route: Route) {
        route.userInfo["access"] = access
        if route.method == .GET, !pageQuery.isEmpty { route.reads(pageQuery) }
        if route.method != .GET, route.method != .HEAD { route.userInfo["csrf"] = checksCSRF }
        base.add(route)
    }
}

/// The builders a module registers its routes on, one per access policy. The composition root
/// makes them with the authentication, guard and CSRF middleware of each policy.
public struct ModuleRoutes {
    /// Public pages, and anonymous forms (checked with a double-submit CSRF token).
    public let pages: any RoutesBuilder
    /// Pages and forms for signed-in users; forms carry the session's CSRF token.
    public let signedIn: any RoutesBuilder
    /// Public reads under /api/v1.
    public let publicAPI: any RoutesBuilder
    /// /api/v1 with a personal API token (Authorization: Bearer).
    public let tokenAPI: any RoutesBuilder

    public init(pages: any RoutesBuilder, signedIn: any RoutesBuilder, publicAPI: any RoutesBuilder, tokenAPI: any RoutesBuilder) {
        self.pages = pages
        self.signedIn = signedIn
        self.publicAPI = publicAPI
        self.tokenAPI = tokenAPI
    }
}
