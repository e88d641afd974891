import Fluent
import Vapor

/// A tenant's navigation for one page request, looked up before the page renders: each module
/// offers entries only for what the tenant has, so a tenant without goals has no
/// "Agenda 2030" and one without members no "Medlemmar". Kept with the page cache, so a cached
/// page costs no query for it.
public struct TenantNavigationMiddleware: AsyncMiddleware {
    /// The tenant's home (`/o/:org`): the first parameter of a path below it is the tenant.
    let home: URLPattern
    let entries: @Sendable (_ tenant: String, _ request: Request) async throws -> [NavigationEntry]

    public init(home: URLPattern, entries: @escaping @Sendable (_ tenant: String, _ request: Request) async throws -> [NavigationEntry]) {
        self.home = home
        self.entries = entries
    }

    public func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        // Files (a CSV, a calendar) have no navigation.
        if request.method == .GET || request.method == .HEAD, !(request.url.path.split(separator: "/").last ?? "").contains("."),
           let tenant = request.tenant(below: home) {
            let found = try await request.application.pageCache.remembered("navigation:\(tenant)") {
                try await entries(tenant, request).sorted { $0.order < $1.order }
            }
            request.storage[TenantNavigationKey.self] = (tenant, found)
        }
        return try await next.respond(to: request)
    }
}

struct TenantNavigationKey: StorageKey {
    typealias Value = (tenant: String, entries: [NavigationEntry])
}

extension Request {
    /// The navigation of the tenant this request's page belongs to, when it has been looked up.
    func tenantNavigation(for tenant: String) -> [NavigationEntry] {
        guard let found = storage[TenantNavigationKey.self], found.tenant == tenant else { return [] }
        return found.entries
    }
}

extension Request {
    /// The tenant this request is about: the value of the parameter in `home` (`/o/:org`) when the
    /// route the router matched lies below `home`; nil elsewhere. Read from the route, never from
    /// the path's text, and resolved once per request for every middleware and page that asks.
    public func tenant(below home: URLPattern) -> String? {
        if let known = storage[ResolvedTenantKey.self] { return known.slug }
        var slug: String?
        if let path = route?.path, path.count >= home.parts.count {
            slug = nil
            var matches = true
            for (pattern, component) in zip(home.parts, path) {
                switch component {
                case .constant(let text) where text == pattern: continue
                case .parameter(let name) where pattern == ":" + name: slug = parameters.get(name)
                default: matches = false
                }
            }
            if !matches { slug = nil }
        }
        storage[ResolvedTenantKey.self] = ResolvedTenant(slug: slug)
        return slug
    }
}

private struct ResolvedTenant { let slug: String? }
private struct ResolvedTenantKey: StorageKey { typealias Value = ResolvedTenant }
