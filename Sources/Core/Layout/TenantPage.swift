import Plot

/// A page inside one tenant (an association that publishes here): the tenant's navigation, as
/// the modules contribute it, and the first breadcrumbs.
open class TenantPage: Page {
    public let tenantSlug: String
    public let tenantName: String
    public let tenantHome: String

    public init(tenantSlug: String, tenantName: String, tenantHome: String) {
        self.tenantSlug = tenantSlug
        self.tenantName = tenantName
        self.tenantHome = tenantHome
    }

    open override func tenantNavigation() -> [Breadcrumb] {
        [Breadcrumb(tenantName, url: tenantHome)]
            + shell.tenantNavigation(tenantSlug).sorted { $0.order < $1.order }.map { Breadcrumb($0.title, url: $0.url) }
    }

    /// Start, the tenant, then the page's own trail.
    public func tenantCrumbs(_ trail: [Breadcrumb]) -> [Breadcrumb] {
        [Breadcrumb("Start", url: SiteURL.home), Breadcrumb(tenantName, url: tenantHome)] + trail
    }
}
