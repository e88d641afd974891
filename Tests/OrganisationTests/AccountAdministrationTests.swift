import AppTestSupport
@testable import Auth
import Core
import Fluent
@testable import Organisation
import Testing
import Vapor

/// Administrators disable and enable accounts in the browser (issue 9, item 7), within bounds:
/// not their own, not an account with roles elsewhere, never the last enabled administrator.
@Suite("Accounts in the administration")
struct AccountAdministrationTests {
    static let modules: [any AppModule.Type] = [AuthModule.self, OrganisationModule.self]

    @Test("Disable after asking, enable again, last sign-in shown; refusals change nothing", arguments: Engine.enabled)
    func disableAndEnable(engine: Engine) async throws {
        try await withApp(engine, modules: Self.modules, demo: false) { app in
            let home = try await Factory.organisation("hemma", on: app.db)
            let elsewhere = try await Factory.organisation("borta", name: "Borta", on: app.db)
            let admin = try await Factory.user("admin@example.se", roles: [.administrator], in: home, on: app.db)
            try await Factory.user("redaktor@example.se", roles: [.editor], in: home, on: app.db)
            let both = try await Factory.user("bada@example.se", roles: [.reader], in: home, on: app.db)
            try await Role(userID: both.id, organisationID: elsewhere.requireID(), role: .editor).create(on: app.db)
            var colleague = Browser(app: app)
            #expect(try await colleague.signIn("redaktor@example.se", Factory.password) == .seeOther)
            var browser = Browser(app: app)
            #expect(try await browser.signIn("admin@example.se", Factory.password) == .seeOther)
            let page = try await browser.send(.GET, "/o/hemma/admin/anvandare").1
            let token = try #require(Browser.csrf(in: page))
            #expect(page.contains("Aldrig"), "bada@ has never signed in")
            #expect(!page.contains("aterkalla?epost=admin%40example%2Ese&amp;roll=administrator"), "no link to remove one's own administration")

            let before = try await DatabaseFingerprint.take(app.db)
            let own = try await browser.send(.POST, "/o/hemma/admin/anvandare/konto", form: ["csrf": token, "email": admin.email, "disabled": "ja", "confirmed": "ja"])
            #expect(own.0 == .unprocessableEntity && own.1.contains("Du kan inte stänga av ditt eget konto."))
            let shared = try await browser.send(.POST, "/o/hemma/admin/anvandare/konto", form: ["csrf": token, "email": "bada@example.se", "disabled": "ja", "confirmed": "ja"])
            #expect(shared.0 == .unprocessableEntity && shared.1.contains("roller i andra organisationer"))
            let asked = try await browser.send(.GET, "/o/hemma/admin/anvandare/konto?epost=redaktor%40example.se")
            #expect(asked.0 == .ok && asked.1.contains("Ja, stäng av kontot"))
            #expect(try await DatabaseFingerprint.take(app.db) == before, "refusals and questions change nothing")

            let disabled = try await browser.send(.POST, "/o/hemma/admin/anvandare/konto", form: ["csrf": token, "email": "redaktor@example.se", "disabled": "ja", "confirmed": "ja"])
            #expect(disabled.2.first(name: .location) == "/o/hemma/admin/anvandare?klart=avstangt")
            #expect(try await colleague.send(.GET, "/konto").0 != .ok, "the session ended")
            var again = Browser(app: app)
            #expect(try await again.signIn("redaktor@example.se", Factory.password) != .seeOther, "a disabled account cannot sign in")
            let listed = try await browser.send(.GET, "/o/hemma/admin/anvandare?klart=avstangt").1
            #expect(listed.contains("Kontot är avstängt och personen är utloggad.") && listed.contains("Avstängt"))
            #expect(try await browser.send(.POST, "/o/hemma/admin/anvandare/konto", form: ["csrf": token, "email": "redaktor@example.se", "disabled": "nej"]).0 == .seeOther)
            #expect(try await again.signIn("redaktor@example.se", Factory.password) == .seeOther)
            let signedIn = try await browser.send(.GET, "/o/hemma/admin/anvandare").1
            #expect(HTMLCheck.matches(of: #"(\d{4}-\d{2}-\d{2} \d{2}:\d{2})"#, in: signedIn).count >= 2, "last sign-in of both who signed in")
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["user.disable", "user.enable"]).all()
            #expect(audit.count == 2 && audit.allSatisfy { $0.organisationID == home.id && $0.actor == "admin@example.se" })
        }
    }
}
