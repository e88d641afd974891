import AppTestSupport
import Foundation
@testable import SamsynApp
import Testing
import Vapor

/// Nothing hard-codes the demo's shape (issue 11, item 6): a document with other level names never
/// shows the demo's, an organisation without units still shows every network, and the navigation
/// offers only what an organisation has.
@Suite("Organisations shaped differently from the demo")
struct OtherShapesTests {
    @Test("Other level names, no units, networks outside any unit", arguments: Engine.enabled)
    func otherShape(engine: Engine) async throws {
        try await withApp(engine, demo: false) { app in
            var file = try demoJSON()
            file.edit("structure") { structure in
                structure["units"] = [Any]()
                structure["groups"] = (structure["groups"] as! [[String: Any]]).map { group in
                    var group = group
                    group.removeValue(forKey: "runBy")
                    return group
                }
            }
            let renamed = ["Målområde": "Fokusområde", "Mål": "Insats", "Nyckelaktivitet": "Aktivitet"]
            func rename(_ value: Any) -> Any {
                if let list = value as? [Any] { return list.map(rename) }
                guard var object = value as? [String: Any] else { return value }
                for (key, child) in object { object[key] = key == "level" ? renamed[child as? String ?? ""] ?? child : rename(child) }
                return object
            }
            for index in 0..<2 {
                file.edit("documents", index, "versions", 0) { version in
                    version["levels"] = (version["levels"] as! [String]).map { renamed[$0] ?? $0 }
                    version["nodes"] = rename(version["nodes"] as Any)
                }
            }
            _ = try await OrganisationImporter.importFile(data(file), on: app.db)
            let structure = try await app.get("/o/norrbottens-kommuner/organisation").body
            #expect(structure.contains("11 organ och 88 nätverk och forum."), "no units, and nothing says 0 of them")
            #expect(!structure.contains("Förbundsorganisationen") && structure.contains("<h2>Nätverk och forum</h2>"))
            #expect(structure.contains(">Socialchefsnätverket</a>") || HTMLCheck.count("<li><a href=\"/o/norrbottens-kommuner/organisation/", in: structure) > 88,
                    "every network is listed")
            let plan = try await app.get("/o/norrbottens-kommuner/dokument/verksamhetsplan-2023").body
            #expect(!plan.contains("Målområden och mål") && !plan.contains(">Målområde<") && !plan.contains(">Nyckelaktivitet"),
                    "no level name the document does not have")
            #expect(plan.contains("Fokusområde"))
        }
    }

    /// An organisation written for the test: four levels with other names, a leaf and a node without
    /// children at the first level, networks under no unit, no units, no members, no Agenda 2030.
    static var fjallen: [String: Any] { [
        "format": "samsyn-organisation", "formatVersion": 1,
        "organisation": ["slug": "fjallsamverkan", "name": "Fjällsamverkan", "kind": "samverkan", "members": [String]()],
        "registry": [["key": "region-fjallen", "kind": "region", "name": "Region Fjällen"]],
        "structure": [
            "units": [Any](), "people": [Any](),
            "groups": [
                ["key": "samverkansrad", "name": "Samverkansrådet", "kind": "styrelse", "body": true, "mandate": "Rådet beslutar om planen."],
                ["key": "turismnatverk", "name": "Turismnätverket", "kind": "lansnatverk", "body": false, "convener": "region-fjallen"],
                ["key": "skoterleder", "name": "Skoterledsgruppen", "kind": "samverkansforum", "body": false],
            ],
        ],
        "documents": [[
            "slug": "handlingsplan-2027", "kind": "verksamhetsplan",
            "versions": [[
                "number": 1, "title": "Handlingsplan 2027", "status": "adopted", "periodStart": 2027, "periodEnd": 2027,
                "levels": ["Tema", "Delmål", "Insats", "Steg"],
                "sections": [
                    ["key": "inledning", "depth": 1, "heading": "Inledning", "body": "Planen samlar fjällkommunernas arbete."],
                    ["key": "teman", "depth": 1, "body": "", "role": "goal-tree"],
                ],
                "agenda2030": [Any](),
                "nodes": [
                    ["key": "besoksnaring", "level": "Tema", "title": "Besöksnäring", "text": ""],
                    ["key": "fler-gaster", "parent": "besoksnaring", "level": "Delmål", "title": "Fler gäster året om", "text": ""],
                    ["key": "vinterled", "parent": "fler-gaster", "level": "Insats", "title": "Märka vinterleder", "text": ""],
                    ["key": "inventera", "parent": "vinterled", "level": "Steg", "title": "Inventera lederna", "text": ""],
                    ["key": "ledarskap", "level": "Tema", "title": "Ledarskap", "text": "Ett tema utan delmål ännu."],
                    ["key": "digitalisering", "level": "Tema", "title": "Digitalisering", "text": ""],
                ],
            ]],
        ]],
    ] }

    @Test("Four levels, leaves at the first level, no units, no members: every page and API response names only what it has",
          arguments: Engine.enabled)
    func writtenForTheTest(engine: Engine) async throws {
        try await withApp(engine) { app in
            let first = try data(Self.fjallen)
            _ = try await OrganisationImporter.importFile(first, on: app.db)
            var reader = Browser(app: app)
            let pages = try await reader.crawl(from: ["/o/fjallsamverkan"], within: ["/o/fjallsamverkan"], limit: 100)
            #expect(pages.count > 8)
            let demoWords = ["Målområde", "Nyckelaktivitet", "målen och aktiviteterna", "Norrbottens Kommuner", "Politiska styrgrupper", "Förbundsdirektör"]
            for (path, (status, html)) in pages where html.hasPrefix("<!DOCTYPE html>") {
                #expect(status == .ok, "\(path)")
                let text = Browser.visibleText(html)
                for word in demoWords { #expect(!text.contains(word), "\(path) says \(word)") }
                #expect(!html.contains("aria-label=\"Målområden"), "\(path)")
                // The navigation offers what there is: documents, the structure, open data; no members, no Agenda 2030.
                let navigation = HTMLCheck.matches(of: #"(<nav[^>]*aria-label="Organisationens sidor"[\s\S]*?</nav>)"#, in: html).joined()
                #expect(!navigation.contains("Medlemmar") && !navigation.contains("Agenda 2030"), "\(path)")
                #expect(navigation.contains("Styrdokument") && navigation.contains("Organisation och nätverk"), "\(path)")
            }
            let plan = try #require(pages["/o/fjallsamverkan/dokument/handlingsplan-2027"]?.1)
            #expect(plan.contains("Teman och delmål"), "the tree is named by the document's own levels")
            for title in ["Besöksnäring", "Fler gäster året om", "Märka vinterleder", "Inventera lederna", "Ledarskap", "Digitalisering"] {
                #expect(plan.contains(title))
            }
            let structure = try #require(pages["/o/fjallsamverkan/organisation"]?.1)
            #expect(structure.contains("1 organ och 2 nätverk och forum."))
            for name in ["Samverkansrådet", "Turismnätverket", "Skoterledsgruppen"] { #expect(structure.contains(name), "\(name) is on the structure page") }
            let group = try #require(pages["/o/fjallsamverkan/organisation/turismnatverk"]?.1)
            #expect(group.contains("Sammankallande") && !group.contains("Drivs av") && !group.contains("deltar"),
                    "a network listed under no unit and run by no one stated")

            for path in ["/api/v1/organisations/fjallsamverkan", "/api/v1/organisations/fjallsamverkan/structure",
                         "/api/v1/organisations/fjallsamverkan/documents", "/api/v1/organisations/fjallsamverkan/documents/handlingsplan-2027"] {
                let (status, body, _) = try await app.get(path)
                #expect(status == .ok, "\(path)")
                for word in demoWords + ["\"Mål\""] { #expect(!body.contains(word), "\(path) says \(word)") }
            }
            let export = try OrganisationExporter.encode(try await OrganisationExporter.export(slug: "fjallsamverkan", on: app.db))
            try await withApp(engine, demo: false) { target in
                _ = try await OrganisationImporter.importFile(export, on: target.db)
                let again = try OrganisationExporter.encode(try await OrganisationExporter.export(slug: "fjallsamverkan", on: target.db))
                #expect(export == again, "the round trip keeps the shape")
            }
        }
    }
}
