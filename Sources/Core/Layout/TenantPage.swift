import Plot

/// A page inside one tenant (an association that publishes here): the tenant's navigation, as
/// the modules contribute it, and the first breadcrumbs.
open class TenantPage: Page {
    public let tenantSlug: String
    public let tenantName: String
    public let tenantHome: String
    /// The tenant's navigation entries, looked up for this request (`TenantNavigationMiddleware`).
    public var tenantEntries: [NavigationEntry] = []

    public init(tenantSlug: String, tenantName: String, tenantHome: String) {
        self.tenantSlug = tenantSlug
        self.tenantName = tenantName
        self.tenantHome = tenantHome
    }

    /// A page outside any tenant (the user's own account) passes an empty slug: the site's
    /// navigation then, and no tenant in the breadcrumbs.
    open override func tenantNavigation() -> [Breadcrumb] {
        guard !tenantSlug.isEmpty else { return [] }
        return [Breadcrumb(tenantName, url: tenantHome)]
            + tenantEntries.map { Breadcrumb($0.title, url: $0.url) }
    }

    /// Start, the tenant, then the page's own trail.
    public func tenantCrumbs(_ trail: [Breadcrumb]) -> [Breadcrumb] {
        [Breadcrumb("Start", url: SiteURL.home)] + (tenantSlug.isEmpty ? [] : [Breadcrumb(tenantName, url: tenantHome)]) + trail
    }
}
