import Core

/// A page of one organisation: its navigation and breadcrumbs start at the organisation.
open class OrganisationPage: TenantPage {
    public var organisationSlug: String { tenantSlug }
    public var organisationName: String { tenantName }

    public init(organisationSlug: String, organisationName: String) {
        super.init(tenantSlug: organisationSlug, tenantName: organisationName, tenantHome: OrganisationURL.home.link(organisationSlug))
    }

    open override func pageDescription() -> String {
        "\(organisationName) i Samsyn: styrdokument, mål och aktiviteter, organisation, nätverk och medlemmar, öppet för alla."
    }

    /// Start, organisation, then the page's own trail.
    public func organisationCrumbs(_ trail: Breadcrumb...) -> [Breadcrumb] {
        tenantCrumbs(trail)
    }
}
