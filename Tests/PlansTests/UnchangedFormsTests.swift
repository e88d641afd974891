import AppTestSupport
@testable import Auth
import Fluent
import Foundation
@testable import Organisation
@testable import Plans
import Testing
import Vapor

/// "Submitting a form unchanged changes nothing": every signed-in page an editor and an
/// administrator can reach, every form on it that has fields to fill in, submitted with exactly
/// the values it renders; the content of every table, audit trail and revisions included, is the
/// same afterwards. Forms without fields (order arrows, a new draft, confirmations, sign-out)
/// are actions by design and are left out.
@Suite("Forms submitted unchanged change nothing")
struct UnchangedFormsTests {
    static let org = "/o/norrbottens-kommuner"
    static let scopes = ["\(org)/redigera", "\(org)/admin", "/konto"]

    /// Follows links within the signed-in pages from `start`; returns each page's HTML.
    static func crawl(_ browser: inout Browser, from start: [String], limit: Int = 400) async throws -> [String: String] {
        let pages = try await browser.crawl(from: start, within: scopes, limit: limit)
        for (path, page) in pages where page.0 != .ok { Issue.record("GET \(path) answered \(page.0)") }
        return pages.mapValues(\.1)
    }

    @Test("As an editor and as an administrator, on every form page of the editor and the administration", arguments: Engine.enabled)
    func crawlAndSubmit(engine: Engine) async throws {
        try await withApp(engine) { app in
            let organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == "norrbottens-kommuner").first())
            try await Factory.user("redaktor@example.se", roles: [.editor], in: organisation, on: app.db)
            try await Factory.user("admin@example.se", roles: [.administrator], in: organisation, on: app.db)
            var editor = Browser(app: app), admin = Browser(app: app)
            #expect(try await editor.signIn("redaktor@example.se", Factory.password) == .seeOther)
            #expect(try await admin.signIn("admin@example.se", Factory.password) == .seeOther)
            let token = try #require(Browser.csrf(in: try await editor.send(.GET, "\(Self.org)/redigera").1))
            // A draft, so its node, section and title forms are there to submit.
            #expect(try await editor.send(.POST, "\(Self.org)/redigera/verksamhetsplan-2023/utkast", form: ["csrf": token]).0 == .seeOther)

            let before = try await DatabaseFingerprint.take(app.db)
            var submitted = 0
            for (name, start) in [("editor", ["\(Self.org)/redigera", "/konto"]), ("administrator", ["\(Self.org)/admin/anvandare", "\(Self.org)/redigera"])] {
                var browser = name == "editor" ? editor : admin
                let pages = try await Self.crawl(&browser, from: start)
                #expect(pages.count > 60, "\(name) reached only \(pages.count) pages")
                var done = Set<String>()
                for (path, html) in pages.sorted(by: { $0.key < $1.key }) {
                    for form in HTMLForm.all(in: html) where form.method == "post" && form.hasFieldsToFill && !done.contains(form.action) {
                        done.insert(form.action)
                        let (status, page, _) = try await browser.send(.POST, form.action, pairs: form.fields)
                        #expect(status.code < 500, "\(name): POST \(form.action) from \(path) answered \(status)")
                        #expect(!page.contains("Någon annan har sparat"), "\(name): \(form.action) saw its own unchanged save as a conflict")
                        for button in form.buttons {
                            _ = try await browser.send(.POST, form.action, pairs: form.fields + [button])
                        }
                        submitted += 1
                    }
                }
            }
            #expect(submitted > 60, "only \(submitted) forms were submitted")
            let after = try await DatabaseFingerprint.take(app.db)
            for table in before.keys.sorted() where before[table] != after[table] {
                Issue.record("the table \(table) changed")
            }
            #expect(before.keys.sorted() == after.keys.sorted())
        }
    }
}

extension HTMLForm {
    /// A form with something to fill in, rather than an action button with hidden fields.
    var hasFieldsToFill: Bool { hasVisibleControls }
}
