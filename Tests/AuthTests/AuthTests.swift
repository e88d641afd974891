import AppTestSupport
@testable import Auth
import Core
import Fluent
import Foundation
@testable import Organisation
@testable import SamsynApp
import Testing
import Vapor
import VaporTesting

@Suite("Accounts: sign-in, sessions, CSRF, rate limits and the audit trail")
struct AuthTests {
    static let password = "ett-langt-losenord"
    /// Accounts need only identity and organisations: no plans, no demo.
    static let modules: [any AppModule.Type] = [AuthModule.self, OrganisationModule.self]

    func createEditor(_ app: Application, email: String = "redaktor@example.se") async throws {
        if try await OrganisationRecord.query(on: app.db).filter(\.$slug == "norrbottens-kommuner").first() == nil {
            try await Factory.organisation("norrbottens-kommuner", name: "Norrbottens Kommuner", on: app.db)
        }
        try await Roles.createUser(email: email, name: "Redaktör", password: Self.password, organisationSlug: "norrbottens-kommuner",
                                      role: .editor, actor: .commandLine, hasher: app.password.async, on: app.db)
    }

    @Test("Sign in with a CSRF-protected form, see the account, sign out", arguments: Engine.enabled)
    func signInAndOut(engine: Engine) async throws {
        try await withApp(engine, modules: Self.modules, demo: false) { app in
            try await createEditor(app)
            var browser = Browser(app: app)
            let (_, form, headers) = try await browser.send(.GET, "/logga-in")
            #expect(form.contains("<label for=\"email\">E-postadress</label>"))
            let csrfCookie = try #require(headers[.setCookie].first { $0.hasPrefix("samsyn_csrf=") })
            #expect(csrfCookie.contains("HttpOnly") && csrfCookie.contains("SameSite=Strict"))

            #expect(try await browser.signIn("Redaktor@Example.se ", Self.password) == .seeOther)
            #expect(browser.cookies["samsyn_session"] != nil)
            let (status, account, _) = try await browser.send(.GET, "/konto")
            #expect(status == .ok)
            #expect(account.contains("redaktor@example.se"))
            #expect(account.contains("Redaktör i Norrbottens Kommuner"))

            let token = try #require(Browser.csrf(in: account))
            #expect(try await browser.send(.POST, "/logga-ut", form: ["csrf": "fel"]).0 == .forbidden)
            #expect(try await browser.send(.POST, "/logga-ut", form: ["csrf": token]).0 == .seeOther)
            #expect(try await browser.send(.GET, "/konto").0 == .seeOther, "the session ended")
            #expect(try await UserSession.query(on: app.db).count() == 0)
            let actions = try await AuditEntry.query(on: app.db).all().map(\.action)
            #expect(actions == ["user.create", "session.create", "session.delete"])
        }
    }

    @Test("Refusals: missing CSRF, wrong password, disabled user, expired session; nothing is opened", arguments: Engine.enabled)
    func refusals(engine: Engine) async throws {
        try await withApp(engine, modules: Self.modules, demo: false) { app in
            try await createEditor(app)
            var browser = Browser(app: app)
            _ = try await browser.send(.GET, "/logga-in")
            let noToken = try await browser.send(.POST, "/logga-in", form: ["email": "redaktor@example.se", "password": Self.password, "csrf": "påhittad"])
            #expect(noToken.0 == .forbidden)
            var stranger = Browser(app: app)
            #expect(try await stranger.send(.POST, "/logga-in", form: ["email": "redaktor@example.se", "password": Self.password, "csrf": "x"]).0 == .forbidden,
                    "a form posted from elsewhere has no CSRF cookie")

            let wrong = try await browser.signIn("redaktor@example.se", "fel-losenord-123")
            #expect(wrong == .unauthorized)
            #expect(try await UserSession.query(on: app.db).count() == 0)

            try await Accounts.disableUser(email: "redaktor@example.se", actor: .commandLine, on: app.db)
            #expect(try await browser.signIn("redaktor@example.se", Self.password) == .unauthorized)

            try await createEditor(app, email: "annan@example.se")
            #expect(try await browser.signIn("annan@example.se", Self.password) == .seeOther)
            try await UserSession.query(on: app.db).set(\.$expiresAt, to: Date().addingTimeInterval(-60)).update()
            #expect(try await browser.send(.GET, "/konto").0 == .seeOther, "an expired session is no session")
            #expect(try await browser.send(.POST, "/konto/losenord", form: ["current": Self.password, "new": "nytt-langt-losenord", "csrf": "x"]).0 == .unauthorized)
        }
    }

    @Test("Sign-in attempts are limited per e-mail address, in the database", arguments: Engine.enabled)
    func rateLimit(engine: Engine) async throws {
        try await withApp(engine, modules: Self.modules, demo: false) { app in
            // The application's clock stands still: the window is 15 minutes, and a loaded test run can take longer than that.
            let moment = Date()
            app.now = { moment }
            try await createEditor(app)
            var browser = Browser(app: app)
            for _ in 0..<Accounts.attemptsPerWindow {
                #expect(try await browser.signIn("redaktor@example.se", "fel-losenord-123") == .unauthorized)
            }
            #expect(try await browser.signIn("redaktor@example.se", Self.password) == .tooManyRequests, "even the right password waits")
            #expect(try await RateCounter.query(on: app.db).count() == 2)
        }
    }

    @Test("Change the password: the old one stops working", arguments: Engine.enabled)
    func changePassword(engine: Engine) async throws {
        try await withApp(engine, modules: Self.modules, demo: false) { app in
            try await createEditor(app)
            var browser = Browser(app: app)
            #expect(try await browser.signIn("redaktor@example.se", Self.password) == .seeOther)
            let token = try #require(Browser.csrf(in: try await browser.send(.GET, "/konto").1))
            let short = try await browser.send(.POST, "/konto/losenord", form: ["current": Self.password, "new": "kort", "csrf": token])
            #expect(short.0 == .unprocessableEntity && short.1.contains(#"<p class="field-error" id="new-error">Lösenordet måste ha minst 12 tecken.</p>"#))
            let wrong = try await browser.send(.POST, "/konto/losenord", form: ["current": "fel-losenord-123", "new": "nytt-langt-losenord", "csrf": token])
            #expect(wrong.0 == .unprocessableEntity && wrong.1.contains(#"id="current-error""#) && !wrong.1.contains("fel-losenord-123"), "beside the field, never echoed")
            let done = try await browser.send(.POST, "/konto/losenord", form: ["current": Self.password, "new": "nytt-langt-losenord", "csrf": token])
            #expect(done.0 == .ok && done.1.contains("Lösenordet är bytt."))
            var other = Browser(app: app)
            #expect(try await other.signIn("redaktor@example.se", Self.password) == .unauthorized)
            #expect(try await other.signIn("redaktor@example.se", "nytt-langt-losenord") == .seeOther)
            let hash = try #require(try await User.query(on: app.db).first()).passwordHash
            #expect(hash.hasPrefix("$2b$") && !hash.contains("nytt"))
        }
    }

    @Test("Creating users validates input and records who did it", arguments: Engine.enabled)
    func createUserRules(engine: Engine) async throws {
        try await withApp(engine, modules: Self.modules, demo: false) { app in
            let organisation = try await Factory.organisation("norrbottens-kommuner", name: "Norrbottens Kommuner", on: app.db)
            let lulea = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$scbCode == "2580").first())
            try await Membership(organisationID: organisation.requireID(), memberID: lulea.requireID(), position: 0).create(on: app.db)
            let create = { (email: String, password: String, org: String, role: RoleKind, represents: String?) in
                try await Roles.createUser(email: email, name: "", password: password, organisationSlug: org, role: role,
                                              represents: represents, actor: .commandLine, hasher: app.password.async, on: app.db)
            }
            await #expect(throws: AccountFailure.weakPassword) { try await create("a@example.se", "kort", "norrbottens-kommuner", .editor, nil) }
            await #expect(throws: AccountFailure.invalidEmail("inte-en-adress")) { try await create("inte-en-adress", Self.password, "norrbottens-kommuner", .editor, nil) }
            await #expect(throws: AccountFailure.unknownOrganisation("finns-inte")) { try await create("a@example.se", Self.password, "finns-inte", .editor, nil) }
            await #expect(throws: AccountFailure.representativeNeedsMember) { try await create("a@example.se", Self.password, "norrbottens-kommuner", .memberRepresentative, nil) }
            _ = try await create("lulea@example.se", Self.password, "norrbottens-kommuner", .memberRepresentative, "2580")
            await #expect(throws: AccountFailure.emailTaken("lulea@example.se")) { try await create("LULEA@example.se", Self.password, "norrbottens-kommuner", .reader, nil) }
            let role = try #require(try await Role.query(on: app.db).with(\.$represents).first())
            #expect(role.represents?.name == "Luleå")
            let entries = try await AuditEntry.query(on: app.db).filter(\.$action == "user.create").all()
            #expect(entries.count == 1 && entries[0].actor == "command line" && entries[0].subject == "user lulea@example.se")
        }
    }

    @Test("In demo mode the home page tells how to sign in as the demo's accounts", arguments: Engine.enabled)
    func demoAccounts(engine: Engine) async throws {
        try await withApp(engine) { app in
            try await Demo.createAccountsIfMissing(hasher: app.password.async, on: app.db)
            #expect(try await !app.get("/").body.contains(Demo.password), "not outside demo mode")
            app.isDemo = true
            app.pageCache.removeAll()
            let home = try await app.get("/").body
            for account in Demo.accounts { #expect(home.contains(account.email)) }
            var browser = Browser(app: app)
            #expect(try await browser.signIn("lulea@demo.samsyn.se", Demo.password) == .seeOther)
            #expect(try await browser.send(.GET, "/konto").1.contains("Medlemsrepresentant i Norrbottens Kommuner för Luleå"))
        }
    }
}
