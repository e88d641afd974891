import AppTestSupport
import Foundation
@testable import SamsynApp
import Testing
import Vapor

/// Sharing and search engines (issue 10, item 7): titles, descriptions, canonical addresses and
/// Open Graph on every page; a sitemap that lists every public page a visitor can reach; robots.txt.
@Suite("Search engines and sharing")
struct SearchEngineTests {
    @Test("The sitemap lists every public page the crawler finds from the home page", arguments: Engine.enabled)
    func sitemapCoversTheSite(engine: Engine) async throws {
        try await withApp(engine) { app in
            let (status, xml, headers) = try await app.get("/sitemap.xml", headers: ["Host": "samsyn.example"])
            #expect(status == .ok && headers.contentType == .xml)
            let listed = Set(HTMLCheck.matches(of: "<loc>http://samsyn.example([^<]+)</loc>", in: xml).map(HTMLForm.unescape))
            var visitor = Browser(app: app)
            let pages = try await visitor.crawl(from: ["/"], within: ["/"], limit: 600)
            let html = pages.filter { $0.value.0 == .ok && $0.value.1.hasPrefix("<!DOCTYPE html>") }
            #expect(html.count > 250)
            for path in html.keys.sorted() where !listed.contains(path) && !path.hasPrefix("/logga-in") {
                Issue.record("\(path) is a public page the sitemap does not list")
            }
            for path in listed.sorted().prefix(400) {
                #expect(try await app.get(path).status == .ok, "the sitemap lists \(path), which does not answer")
            }
        }
    }

    @Test("Pages carry a title, a description, a canonical address and Open Graph; robots.txt keeps crawlers out of the signed-in parts",
          arguments: Engine.enabled)
    func headTags(engine: Engine) async throws {
        try await withApp(engine) { app in
            let page = try await app.get("/o/norrbottens-kommuner/dokument/verksamhetsplan-2023").body
            #expect(page.contains(#"<link rel="canonical" href="/o/norrbottens-kommuner/dokument/verksamhetsplan-2023"/>"#))
            #expect(page.contains(#"<meta property="og:title" content="Verksamhetsplan 2023 – Norrbottens Kommuner"/>"#))
            #expect(page.contains(#"<meta name="description" content="Verksamhetsplan för Norrbottens Kommuner, 2023"#))
            #expect(page.contains(#"<meta property="og:locale" content="sv_SE"/>"#))
            let robots = try await app.get("/robots.txt", headers: ["Host": "samsyn.example"]).body
            #expect(robots.contains("Disallow: /o/*/redigera") && robots.contains("Sitemap: http://samsyn.example/sitemap.xml"))
        }
    }
}
