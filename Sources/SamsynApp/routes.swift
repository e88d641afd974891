import Agreements
import Auth
import Core
import Finance
import Fluent
import FollowUp
import Mail
import Organisation
import Plans
import Vapor

/// The domain modules, in dependency order. Adding a module is one line here.
public let allModules: [any AppModule.Type] = [AuthModule.self, MailModule.self, OrganisationModule.self, PlansModule.self, FollowUpModule.self, AgreementsModule.self, FinanceModule.self]

/// The builders of each access policy, with the middleware that enforces it.
func moduleRoutes(_ app: Application) -> ModuleRoutes {
    ModuleRoutes(
        pages: ScopedRoutes(app.grouped(DoubleSubmitCSRFMiddleware()), access: .publicRead, checksCSRF: true),
        // A write leads back to a signed-in page with ?klart=… saying what was done; every such page may show it.
        signedIn: ScopedRoutes(app.grouped(SessionAuthenticator(), SignedInGuard(), SessionCSRFMiddleware()), access: .signedIn, checksCSRF: true,
                               pageQuery: [EditorNotice.parameter]),
        publicAPI: ScopedRoutes(PublicReadRoutes(app), access: .publicRead, checksCSRF: false),
        tokenAPI: ScopedRoutes(app.grouped(APITokenAuthenticator(), APITokenGuard()), access: .apiToken, checksCSRF: false))
}

func routes(_ app: Application, modules: [any AppModule.Type]) throws {
    let routes = moduleRoutes(app)
    // The pages and API routes that combine modules, and the site's own.
    routes.pages.get(use: HomeController.home)
    // For load balancers and the benchmark's baseline: no database, no rendering.
    routes.pages.get("health") { _ in "ok" }
    routes.pages.get("assets", "samsyn.css", use: HomeController.stylesheet)
    routes.pages.get("assets", "editor.js", use: HomeController.editorScript)
    routes.pages.get(OrganisationURL.home.pathComponents, use: HomeController.organisation)
    routes.pages.get(OrganisationURL.siteOpenData.pathComponents, use: HomeController.openData)
    routes.pages.get("sitemap.xml", use: SitemapController.sitemap(modules: modules))
    routes.pages.get("robots.txt", use: SitemapController.robots)
    routes.publicAPI.get("api", "v1", "openapi.json", use: APIController.openAPI).describe(AppOpenAPI.openAPI)
    routes.publicAPI.get(OrganisationURL.API.organisations.pathComponents, use: HomeController.organisationsJSON).describe(AppOpenAPI.organisations)
    routes.publicAPI.get(OrganisationURL.API.organisation.pathComponents, use: HomeController.organisationJSON).describe(AppOpenAPI.organisation)
    ScopedRoutes(app.grouped(ImportTokenGuard()), access: .importToken, checksCSRF: false)
        .on(.POST, OrganisationURL.API.organisations.pathComponents, body: .collect(maxSize: "10mb"), use: APIController.importOrganisation)
        .describe(AppOpenAPI.importOrganisation)

    for module in modules { try module.routes(routes) }
    app.openAPIJSON = try AppOpenAPI.json(routes: app.routes.all, modules: modules)
}

/// Every migration of every module, in the global order their numbered names give.
func registerMigrations(_ migrations: Migrations, modules: [any AppModule.Type]) {
    for migration in modules.flatMap({ $0.migrations }).sorted(by: { $0.name < $1.name }) {
        migrations.add(migration)
    }
}

/// The shell every page is rendered in: the site's navigation, and each organisation's as the modules contribute it.
func siteShell() -> SiteShell {
    SiteShell(
        siteNavigation: [Breadcrumb("Organisationer", url: SiteURL.home), Breadcrumb("Öppna data", url: OrganisationURL.siteOpenData.link()),
                         Breadcrumb("Logga in", url: AuthURL.signIn.link())])
}

/// Each tenant page's navigation, from what the modules find the tenant has.
func tenantNavigation(modules: [any AppModule.Type]) -> TenantNavigationMiddleware {
    TenantNavigationMiddleware(home: OrganisationURL.home) { slug, req in
        guard let id = try await req.organisation(slug: slug)?.id else { return [] }
        var entries: [NavigationEntry] = []
        for module in modules { entries += try await module.navigation(tenant: Tenant(id: id, slug: slug), on: req.db) }
        return entries
    }
}
