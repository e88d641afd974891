import Core
import Organisation
import Plot
import Vapor

/// For search engines: the sitemap of every public page, and robots.txt pointing at it and away
/// from the signed-in parts. Not cached: the sitemap's addresses need the site's own address.
enum SitemapController {
    /// The site's address for absolute links: SAMSYN_PUBLIC_URL, or else the address the request came to.
    static func base(_ req: Request) -> String {
        let configured = req.application.siteShell.publicURL
        guard configured.isEmpty else { return configured }
        return (req.cameOverTLS ? "https://" : "http://") + (req.headers.first(name: .host) ?? "localhost")
    }

    /// Every public page: the site's own, and each organisation's from every module.
    static func paths(_ req: Request, modules: [any AppModule.Type]) async throws -> [String] {
        var paths = [SiteURL.home, OrganisationURL.siteOpenData.link()]
        for organisation in try await HomeController.hostedOrganisations(on: req.db) {
            paths.append(OrganisationURL.home.link(organisation.slug))
            for module in modules { paths += try await module.sitemap(for: organisation.slug, on: req) }
        }
        var seen = Set<String>()
        return paths.filter { seen.insert($0).inserted }
    }

    static func sitemap(modules: [any AppModule.Type]) -> @Sendable (Request) async throws -> Response {
        { req in
            let base = base(req)
            let entries = try await paths(req, modules: modules).map { "<url><loc>\(HTML.escape(base + $0))</loc></url>" }.joined(separator: "\n")
            var headers = HTTPHeaders()
            headers.contentType = .xml
            return Response(status: .ok, headers: headers, body: .init(string: """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
            \(entries)
            </urlset>
            """))
        }
    }

    @Sendable static func robots(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .plainText
        return Response(status: .ok, headers: headers, body: .init(string: """
        User-agent: *
        Disallow: /konto
        Disallow: /logga-in
        Disallow: /o/*/redigera
        Disallow: /o/*/admin
        Sitemap: \(base(req))/sitemap.xml

        """))
    }
}
