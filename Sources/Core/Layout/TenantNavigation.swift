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
        if request.method == .GET || request.method == .HEAD, let tenant = tenant(of: request.url.path) {
            let found = try await request.application.pageCache.remembered("navigation:\(tenant)") {
                try await entries(tenant, request).sorted { $0.order < $1.order }
            }
            request.storage[TenantNavigationKey.self] = (tenant, found)
        }
        return try await next.respond(to: request)
    }

    /// The tenant a page path belongs to; nil for other paths and for files (a CSV has no navigation).
    func tenant(of path: String) -> String? {
        let parts = path.split(separator: "/").map(String.init)
        guard parts.count >= home.parts.count, !(parts.last ?? "").contains(".") else { return nil }
        var tenant: String?
        for (pattern, part) in zip(home.parts, parts) {
            if pattern.hasPrefix(":") { tenant = part } else if pattern != part { return nil }
        }
        return tenant
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
