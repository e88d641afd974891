import AppTestSupport
@testable import Auth
import Fluent
import Foundation
@testable import Organisation
@testable import SamsynApp
import Testing
import Vapor

/// The signed-in state is visible on every page (issue 9, item 3).
@Suite("Who is signed in, on every page")
struct AccountBarTests {
    @Test("Public and editor pages show the signed-in user, their role here and Redigera; anonymous visitors and shared caches do not see it",
          arguments: Engine.enabled)
    func accountBar(engine: Engine) async throws {
        try await withApp(engine) { app in
            let organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == "norrbottens-kommuner").first())
            try await Factory.user("redaktor@example.se", roles: [.editor], in: organisation, on: app.db)
            var editor = Browser(app: app)
            #expect(try await editor.signIn("redaktor@example.se", Factory.password) == .seeOther)
            let plan = "/o/norrbottens-kommuner/dokument/verksamhetsplan-2023"
            let anonymous = try await app.get(plan)
            let (_, signedIn, headers) = try await editor.send(.GET, plan)
            #expect(signedIn.contains("Inloggad som <strong>redaktor@example.se</strong>, redaktör"))
            #expect(signedIn.contains(#"<a href="/o/norrbottens-kommuner/redigera#dokument-verksamhetsplan-2023">Redigera</a>"#), "to this document in the editor")
            #expect(signedIn.contains(#"action="/logga-ut""#))
            #expect(headers.first(name: .eTag) == nil && headers.first(name: .cacheControl) == "private, no-store")
            #expect(!anonymous.body.contains("Inloggad som") && !anonymous.body.contains("samsyn:account"))
            #expect(try await app.get(plan).body == anonymous.body, "the cached page stays anonymous")
            let editorPage = try await editor.send(.GET, "/o/norrbottens-kommuner/redigera").1
            #expect(editorPage.contains("Inloggad som"))
            let home = try await editor.send(.GET, "/").1
            #expect(home.contains("Inloggad som <strong>redaktor@example.se</strong></span>") && !home.contains(">Redigera</a>"))
            #expect(!home.contains(">Logga in</a>"), "no sign-in link for someone signed in")
        }
    }
}
