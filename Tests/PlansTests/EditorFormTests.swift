import AppTestSupport
@testable import Auth
import Fluent
import Foundation
@testable import Organisation
@testable import Plans
import Testing
import Vapor

/// Forms that keep what they do not change, and say where a draft is (issue 9, first items).
@Suite("Editor forms")
struct EditorFormTests {
    static func signedIn(_ app: Application, _ email: String, _ roles: [RoleKind]) async throws -> Browser {
        let organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == "norrbottens-kommuner").first())
        try await Factory.user(email, roles: roles, in: organisation, on: app.db)
        var browser = Browser(app: app)
        #expect(try await browser.signIn(email, Factory.password) == .seeOther)
        return browser
    }

    @Test("'Flytta till' starts at the current parent, a save says so and returns to the item, and a draft's preview says it is a draft",
          arguments: Engine.enabled)
    func draftForms(engine: Engine) async throws {
        try await withApp(engine) { app in
            var editor = try await Self.signedIn(app, "redaktor@example.se", [.editor])
            let org = "/o/norrbottens-kommuner"
            let csrf = try #require(Browser.csrf(in: try await editor.send(.GET, "\(org)/redigera").1))
            #expect(try await editor.send(.POST, "\(org)/redigera/verksamhetsplan-2023/utkast", form: ["csrf": csrf]).0 == .seeOther)
            let form = try await editor.send(.GET, "\(org)/redigera/verksamhetsplan-2023/2/punkt/vi-stodjer-innovativa-losningar-kring-valfardens-utmaningar").1
            #expect(form.contains(#"<option value="jamlik-valfard" selected>"#), "the goal's own goal area is chosen")
            let revision = try #require(HTMLCheck.matches(of: #"name="revision" value="(\d+)""#, in: form).first)
            let saved = try await editor.send(.POST, "\(org)/redigera/verksamhetsplan-2023/2/punkt/vi-stodjer-innovativa-losningar-kring-valfardens-utmaningar",
                                              form: ["csrf": csrf, "revision": revision, "title": "Vi stödjer innovativa lösningar.", "text": ""])
            let location = try #require(saved.2.first(name: .location))
            #expect(location.hasSuffix("/redigera/verksamhetsplan-2023/2?klart=sparad#punkt-vi-stodjer-innovativa-losningar-kring-valfardens-utmaningar"),
                    "back to the saved item: \(location)")
            let after = try await editor.send(.GET, String(location.split(separator: "#")[0])).1
            #expect(after.contains(#"role="status">Ändringen är sparad."#) && after.contains(#"id="punkt-vi-stodjer-innovativa-losningar-kring-valfardens-utmaningar""#))
            let preview = try await editor.send(.GET, "\(org)/redigera/verksamhetsplan-2023/2/forhandsvisning").1
            #expect(preview.contains("Utkast – ej publicerat."))
            #expect(!(try await app.get("\(org)/dokument/verksamhetsplan-2023").body.contains("Utkast – ej publicerat")))
        }
    }

    @Test("A new user gets the least role by default, and an administrator cannot remove their own administration", arguments: Engine.enabled)
    func administration(engine: Engine) async throws {
        try await withApp(engine) { app in
            var admin = try await Self.signedIn(app, "admin@example.se", [.administrator])
            try await Factory.user("annan-admin@example.se", roles: [], on: app.db)
            let page = try await admin.send(.GET, "/o/norrbottens-kommuner/admin/anvandare/ny").1
            #expect(page.contains(#"<option value="reader" selected>"#))
            let csrf = try #require(Browser.csrf(in: page))
            let before = try await DatabaseFingerprint.take(app.db)
            let own = try await admin.send(.POST, "/o/norrbottens-kommuner/admin/anvandare/aterkalla",
                                           form: ["csrf": csrf, "email": "admin@example.se", "role": "administrator"])
            #expect(own.0 == .unprocessableEntity && own.1.contains("Du kan inte ta bort din egen administratörsroll."))
            #expect(try await DatabaseFingerprint.take(app.db) == before)
        }
    }

    @Test("A refused copy or new document comes back with the input kept and the reason beside the field, changing nothing",
          arguments: Engine.enabled)
    func refusedFormsKeepInput(engine: Engine) async throws {
        try await withApp(engine) { app in
            var editor = try await Self.signedIn(app, "redaktor@example.se", [.editor])
            let org = "/o/norrbottens-kommuner"
            let csrf = try #require(Browser.csrf(in: try await editor.send(.GET, "\(org)/redigera").1))
            let before = try await DatabaseFingerprint.take(app.db)
            let period = try await editor.send(.POST, "\(org)/redigera/verksamhetsplan-2023/kopia",
                                               form: ["csrf": csrf, "slug": "verksamhetsplan-2025", "title": "Verksamhetsplan 2025",
                                                      "periodStart": "2025", "periodEnd": "2024"])
            #expect(period.0 == .unprocessableEntity)
            #expect(period.1.contains(#"<p class="field-error" id="periodEnd-error">Perioden slutar innan den börjar.</p>"#))
            #expect(period.1.contains(#"id="periodEnd" value="2024" aria-invalid="true" aria-describedby="periodEnd-error""#))
            #expect(period.1.contains(#"value="Verksamhetsplan 2025""#), "the title typed is kept")
            let taken = try await editor.send(.POST, "\(org)/redigera/nytt",
                                              form: ["csrf": csrf, "slug": "verksamhetsplan-2023", "title": "Dubblett", "kind": "annan", "levels": "Mål"])
            #expect(taken.0 == .conflict && taken.1.contains("Adressen används redan av ett annat dokument."))
            #expect(taken.1.contains(#"aria-describedby="slug-hint slug-error""#) && taken.1.contains(#"value="Dubblett""#))
            #expect(try await DatabaseFingerprint.take(app.db) == before)
        }
    }
}
