import AppTestSupport
import Core
import Fluent
import Foundation
@testable import Organisation
@testable import Plans
import Testing
import Vapor

/// The interface speaks the glossary's Swedish (issue 10, item 5): no "nod", no status value in
/// English, plural headings over several items, on every public page and every editor page of the demo.
@Suite("The glossary on every page")
struct GlossaryTests {
    static let forbidden = #"(?i)\b(nod|noden|noder|noderna|planned|ongoing|postponed|cancelled)\b"#

    @Test("Public pages and editor pages", arguments: Engine.enabled)
    func everyPage(engine: Engine) async throws {
        try await withApp(engine) { app in
            // A status on an activity, so that statuses are shown somewhere.
            try await PlanNode.query(on: app.db).filter(\.$key == "utredning-av-ungdomsmottagningarnas-organisering").set(\.$status, to: "ongoing").update()
            let organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == "norrbottens-kommuner").first())
            try await Factory.user("redaktor@example.se", roles: [.editor], in: organisation, on: app.db)
            var anonymous = Browser(app: app)
            let publicPages = try await anonymous.crawl(from: ["/"], within: ["/o/", "/"], limit: 500)
                .filter { $0.value.1.hasPrefix("<!DOCTYPE html>") }
            var editor = Browser(app: app)
            #expect(try await editor.signIn("redaktor@example.se", Factory.password) == .seeOther)
            let token = try #require(Browser.csrf(in: try await editor.send(.GET, "/o/norrbottens-kommuner/redigera").1))
            #expect(try await editor.send(.POST, "/o/norrbottens-kommuner/redigera/verksamhetsplan-2023/utkast", form: ["csrf": token]).0 == .seeOther)
            let editorPages = try await editor.crawl(from: ["/o/norrbottens-kommuner/redigera"], within: ["/o/norrbottens-kommuner/redigera"], limit: 300)
            #expect(publicPages.count > 200 && editorPages.count > 60)
            for (path, page) in publicPages.merging(editorPages, uniquingKeysWith: { $1 }) {
                let text = Browser.visibleText(page.1)
                if let found = text.range(of: Self.forbidden, options: .regularExpression) {
                    Issue.record("\(path) says \"\(text[found])\"")
                }
            }
            let activity = try #require(publicPages.first { $0.key.hasSuffix("/utredning-av-ungdomsmottagningarnas-organisering") }?.value)
            #expect(activity.1.contains("<dt>Status</dt><dd>Pågående</dd>"))
            let plan = try #require(publicPages.first { $0.key.hasSuffix("/dokument/verksamhetsplan-2023") || $0.key.hasSuffix("/verksamhetsplan-2023/version/1") }?.value).1
            #expect(plan.contains(">Nyckelaktiviteter</p>"), "a plural heading over the list of activities")
        }
    }

    @Test("Plurals for headings over several items")
    func plurals() {
        #expect(Glossary.heading("Nyckelaktivitet", count: 1) == "Nyckelaktivitet")
        #expect(Glossary.heading("Nyckelaktivitet", count: 3) == "Nyckelaktiviteter")
        #expect(Glossary.plural("Målområde") == "Målområden" && Glossary.plural("Mål") == "Mål")
        #expect(Glossary.plural("Målsättning") == "Målsättningar" && Glossary.plural("Prioritet") == "Prioriteter")
    }
}
