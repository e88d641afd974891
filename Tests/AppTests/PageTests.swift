import AppTestSupport
import Foundation
@testable import Plans
@testable import SamsynApp
import Testing
import Vapor

@Suite("Public pages: content, structure and safety")
struct PageTests {
    @Test("Every public page is Swedish, has landmarks, one h1 and headings in order", arguments: Engine.enabled)
    func structure(engine: Engine) async throws {
        try await withApp(engine) { app in
            let pages = try await PublicPaths.all(app).filter { !$0.hasPrefix("/api") }
            #expect(pages.count > 80)
            for path in pages {
                let (status, html, headers) = try await app.get(path)
                #expect(status == .ok, "\(path)")
                #expect(headers.contentType == .html)
                #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"sv\">"), "\(path)")
                for landmark in ["<header", "<main", "<footer", "<nav"] { #expect(html.contains(landmark), "\(path) lacks \(landmark)") }
                #expect(html.contains("href=\"#innehall\""), "\(path) lacks the skip link")
                let levels = HTMLCheck.headingLevels(html)
                #expect(levels.filter { $0 == 1 }.count == 1, "\(path) must have exactly one h1")
                #expect(levels.first == 1, "\(path) starts below h1")
                for (previous, next) in zip(levels, levels.dropFirst()) {
                    #expect(next <= previous + 1, "\(path) skips from h\(previous) to h\(next)")
                }
                for header in HTMLCheck.tableHeaders(html) { #expect(header.contains("scope="), "\(path): \(header)") }
            }
        }
    }

    @Test("The annual plan reads like the PDF: goal areas, their text, goals and key activities in order", arguments: Engine.enabled)
    func documentPage(engine: Engine) async throws {
        try await withApp(engine) { app in
            let html = try await app.get("/o/norrbottens-kommuner/dokument/verksamhetsplan-2023").body
            let expected = SeedText.verksamhetsplanGoals()
            var cursor = html.startIndex
            for goal in expected {
                for text in [goal.title] + goal.activities {
                    let escaped = text.replacingOccurrences(of: "&", with: "&amp;")
                    guard let found = html.range(of: escaped, range: cursor..<html.endIndex) else {
                        Issue.record("\(text) is missing or out of order")
                        continue
                    }
                    cursor = found.upperBound
                }
            }
            #expect(html.contains("Det gemensamma förbundet"))
            #expect(html.contains("Målområde → Mål → Nyckelaktivitet"))
        }
    }

    @Test("Every rendered prose paragraph of both document pages stands in its own seed text", arguments: Engine.enabled)
    func renderedProse(engine: Engine) async throws {
        try await withApp(engine) { app in
            for (slug, seedText) in [("verksamhetsplan-2023", Fixtures.verksamhetsplan), ("inriktning-2023-2026", Fixtures.inriktning)] {
                let html = try await app.get("/o/norrbottens-kommuner/dokument/\(slug)").body
                let seed = SeedText.normalized(seedText)
                let main = try #require(html.range(of: "<main")).lowerBound..<(try #require(html.range(of: "</main>")).upperBound)
                let paragraphs = HTMLCheck.matches(of: #"<p>(.*?)</p>"#, in: String(html[main])).map(HTMLCheck.text)
                #expect(paragraphs.count > 40)
                for paragraph in paragraphs {
                    #expect(seed.contains(SeedText.normalized(paragraph)), "\(slug): \(paragraph.prefix(80))…")
                }
            }
        }
    }

    @Test("A node page shows its facts, breadcrumbs and the direction goal it carries out", arguments: Engine.enabled)
    func nodePage(engine: Engine) async throws {
        try await withApp(engine) { app in
            let html = try await app.get("/o/norrbottens-kommuner/dokument/verksamhetsplan-2023/vi-stodjer-innovativa-losningar-kring-valfardens-utmaningar").body
            #expect(html.contains("aria-label=\"Brödsmulor\""))
            #expect(html.contains(">Jämlik välfärd</a>"))
            #expect(html.contains("<h2>Bidrar till</h2>"))
            #expect(html.contains("/o/norrbottens-kommuner/dokument/inriktning-2023-2026/vi-stodjer-innovativa-losningar-kring-valfardens-utmaningar"))
            #expect(html.contains("Vidareutveckla förutsättningarna för utökad organisatorisk samverkan och kommunförsöksverksamhet"))
        }
    }

    @Test("The Agenda 2030 page shows all 17 goals and 169 targets, and the goals the direction serves by role", arguments: Engine.enabled)
    func agendaPage(engine: Engine) async throws {
        try await withApp(engine) { app in
            let html = try await app.get("/o/norrbottens-kommuner/agenda-2030").body
            #expect(HTMLCheck.count("<section id=\"mal-", in: html) == 17)
            #expect(HTMLCheck.count("<li><strong>", in: html) == 169)
            #expect(html.contains("9 av 17 mål berörs"))
            let goal11 = try #require(html.range(of: "id=\"mal-11\"")).upperBound
            let goal12 = try #require(html.range(of: "id=\"mal-12\"")).lowerBound
            #expect(html[goal11..<goal12].contains("Primär påverkan"))
            let agenda = try await app.getJSON("/api/v1/organisations/norrbottens-kommuner/agenda-2030", as: DocumentAPIController.Agenda2030DTO.self)
            #expect(Set(agenda.servedGoals) == ["3", "4", "5", "8", "9", "10", "11", "16", "17"])
        }
    }

    @Test("Text from an import is escaped: markup in a file never reaches the page as markup", arguments: Engine.enabled)
    func escaping(engine: Engine) async throws {
        try await withApp(engine, demo: false) { app in
            var file = try demoJSON()
            file.edit("documents", 1, "versions", 0, "nodes", 0) {
                $0["title"] = "\"><script>alert('x')</script>"
                $0["text"] = "**fet** <img src=x onerror=alert(1)>"
            }
            _ = try await OrganisationImporter.importFile(data(file), on: app.db)
            for path in ["/o/norrbottens-kommuner/dokument/verksamhetsplan-2023", "/o/norrbottens-kommuner/dokument/verksamhetsplan-2023/jamlik-valfard"] {
                let html = try await app.get(path).body
                #expect(!html.contains("<script>"), "\(path)")
                #expect(!html.contains("<img"), "\(path)")
                #expect(html.contains("&lt;script&gt;"), "\(path)")
            }
        }
    }

    @Test("The print stylesheet is served", arguments: Engine.enabled)
    func stylesheet(engine: Engine) async throws {
        try await withApp(engine, demo: false) { app in
            let (status, css, headers) = try await app.get("/assets/samsyn.css")
            #expect(status == .ok)
            #expect(headers.contentType?.subType == "css")
            #expect(css.contains("@media print"))
        }
    }
}
