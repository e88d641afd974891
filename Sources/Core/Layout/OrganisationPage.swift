import Plot

/// A page inside one organisation: adds the organisation's navigation and the first breadcrumbs.
open class OrganisationPage: Page {
    public let organisationSlug: String
    public let organisationName: String

    public init(organisationSlug: String, organisationName: String) {
        self.organisationSlug = organisationSlug
        self.organisationName = organisationName
    }

    open override func organisationNavigation() -> [Breadcrumb] {
        [
            Breadcrumb(organisationName, url: SiteURL.organisation(organisationSlug)),
            Breadcrumb("Styrdokument", url: SiteURL.documents(organisationSlug)),
            Breadcrumb("Organisation och nätverk", url: SiteURL.structure(organisationSlug)),
            Breadcrumb("Medlemmar", url: SiteURL.members(organisationSlug)),
            Breadcrumb("Agenda 2030", url: SiteURL.agenda2030(organisationSlug)),
        ]
    }

    /// Start, organisation, then the page's own trail.
    public func organisationCrumbs(_ trail: Breadcrumb...) -> [Breadcrumb] {
        [Breadcrumb("Start", url: SiteURL.home), Breadcrumb(organisationName, url: SiteURL.organisation(organisationSlug))] + trail
    }
}
