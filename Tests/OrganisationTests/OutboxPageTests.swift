import AppTestSupport
@testable import Auth
import Core
import Fluent
@testable import Mail
@testable import Organisation
import Testing
import Vapor

/// The outbox is for the organisation's administrators: theirs, not another organisation's, and
/// never for editors, readers or the public.
@Suite("The administrators' outbox")
struct OutboxPageTests {
    static let modules: [any AppModule.Type] = [AuthModule.self, MailModule.self, OrganisationModule.self]

    @Test("An administrator sees the organisation's waiting mail; others are refused", arguments: Engine.enabled)
    func outbox(engine: Engine) async throws {
        try await withApp(engine, modules: Self.modules, demo: false) { app in
            let home = try await Factory.organisation("hemma", on: app.db)
            let elsewhere = try await Factory.organisation("borta", name: "Borta", on: app.db)
            try await Factory.user("admin@example.se", roles: [.administrator], in: home, on: app.db)
            try await Factory.user("redaktor@example.se", roles: [.editor], in: home, on: app.db)
            try await Factory.user("annan@example.se", roles: [.administrator], in: elsewhere, on: app.db)
            try await Outbox.enqueue(.init(to: "rapportor@example.se", subject: "Påminnelse om tertial 1", body: "Hej", reason: "test"),
                                     organisationID: home.requireID(), on: app.db)
            try await Outbox.enqueue(.init(to: "hemlig@example.se", subject: "Bortas brev", body: "Hej", reason: "test"),
                                     organisationID: elsewhere.requireID(), on: app.db)

            var admin = Browser(app: app)
            #expect(try await admin.signIn("admin@example.se", Factory.password) == .seeOther)
            let (status, page, _) = try await admin.send(.GET, "/o/hemma/admin/utkorg")
            #expect(status == .ok)
            #expect(page.contains("Påminnelse om tertial 1") && page.contains("Väntar") && page.contains("Ingen SMTP-server är inställd"))
            #expect(!page.contains("Bortas brev"), "only this organisation's mail")
            #expect(try await admin.send(.GET, "/o/hemma/admin/anvandare").1.contains("/o/hemma/admin/utkorg"), "linked from the users page")

            var editor = Browser(app: app)
            #expect(try await editor.signIn("redaktor@example.se", Factory.password) == .seeOther)
            #expect(try await editor.send(.GET, "/o/hemma/admin/utkorg").0 == .forbidden)
            var other = Browser(app: app)
            #expect(try await other.signIn("annan@example.se", Factory.password) == .seeOther)
            #expect(try await other.send(.GET, "/o/hemma/admin/utkorg").0 == .forbidden)
            var stranger = Browser(app: app)
            let anonymous = try await stranger.send(.GET, "/o/hemma/admin/utkorg")
            #expect(anonymous.0 == .seeOther && !anonymous.1.contains("Påminnelse"))
        }
    }
}
