import AppTestSupport
import Fluent
import Foundation
@testable import Plans
@testable import SamsynApp
import Testing
import Vapor

/// Text that cannot corrupt or spoof (security probe findings 14, 18 and the title part of 15):
/// control characters other than tab and line breaks are refused everywhere, bidirectional
/// overrides in names and titles, and titles have a length limit, in files and in writes alike.
@Suite("Text rules")
struct TextRulesTests {
    static let cases: [(String, String, @Sendable (inout [String: Any]) -> Void)] = [
        ("NUL in a title", "documents[0].versions[0].title", { file in
            file.edit("documents", 0, "versions", 0) { $0["title"] = "S\u{0}Testförbundet" }
        }),
        ("ESC in prose", "documents[0].versions[0].sections[0].body", { file in
            file.edit("documents", 0, "versions", 0, "sections", 0) { $0["body"] = "Text \u{1B}[31m" }
        }),
        ("DEL in a name", "organisation.name", { file in
            file.editObject("organisation") { $0["name"] = "Förbund\u{7F}" }
        }),
        ("a right-to-left override in a node title", "documents[0].versions[0].nodes[0].title", { file in
            file.edit("documents", 0, "versions", 0, "nodes", 0) { $0["title"] = "Mål \u{202E}txet" }
        }),
        ("a title beyond the limit", "documents[0].versions[0].title", { file in
            file.edit("documents", 0, "versions", 0) { $0["title"] = String(repeating: "a", count: 2_001) }
        }),
    ]

    @Test("A file with such text is refused by path, changing nothing", arguments: Engine.enabled)
    func files(engine: Engine) async throws {
        try await withApp(engine) { app in try await expectRefusals(app, Self.cases) }
    }

    @Test("Writes refuse them with the same rule; tabs and line breaks are text", arguments: Engine.enabled)
    func writes(engine: Engine) async throws {
        try await withApp(engine) { app in
            let document = try #require(try await SteeringDocument.query(on: app.db).filter(\.$slug == "verksamhetsplan-2023").with(\.$versions).first())
            let organisationID = document.$organisation.id
            let draft = try await PlanEditing.newDraft(of: document, from: document.versions[0], actor: .commandLine, on: app.db)
            let node = try #require(try await PlanNode.query(on: app.db).filter(\.$version.$id == draft.requireID()).first())
            let before = try await DatabaseFingerprint.take(app.db)
            for (title, text) in [("Rubrik", "A\u{0}B"), ("Rubrik \u{202E}", "text"), (String(repeating: "a", count: 2_001), "text")] {
                await #expect(throws: PlanEditing.Failure.self) {
                    try await PlanEditing.updateNode(node.requireID(), expectedRevision: node.revision, title: title, text: text,
                                                     actor: .commandLine, organisationID: organisationID, on: app.db)
                }
            }
            await #expect(throws: PlanEditing.Failure.self) {
                try await PlanEditing.createDocument(organisationID: organisationID, slug: "lang", title: String(repeating: "a", count: 301), kind: .annan,
                                                     period: (nil, nil), levels: ["Mål"], actor: .commandLine, on: app.db)
            }
            #expect(try await DatabaseFingerprint.take(app.db) == before, "nothing was written")
            _ = try await PlanEditing.updateNode(node.requireID(), expectedRevision: node.revision, title: "Rubrik", text: "Rad ett\n\tRad två\r\n",
                                                 actor: .commandLine, organisationID: organisationID, on: app.db)
        }
    }
}
