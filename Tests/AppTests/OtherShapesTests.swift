import AppTestSupport
import Foundation
@testable import SamsynApp
import Testing
import Vapor

/// Nothing hard-codes the demo's shape (issue 11, item 6, begun): a document with other level
/// names never shows the demo's, and an organisation without units still shows every network.
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
}
