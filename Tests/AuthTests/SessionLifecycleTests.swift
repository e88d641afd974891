import AppTestSupport
@testable import Auth
import Core
import Fluent
import Foundation
@testable import Organisation
import Testing
import Vapor

@Suite("Sessions and tokens when a password changes, and old sessions and counters")
struct SessionLifecycleTests {
    static let modules: [any AppModule.Type] = [AuthModule.self, OrganisationModule.self]

    /// Security probe finding 9: changing the password left the user's other sessions and tokens working.
    @Test("Changing the password ends the user's other sessions, and revokes their API tokens when asked", arguments: Engine.enabled)
    func passwordChangeEndsOtherSessions(engine: Engine) async throws {
        try await withApp(engine, modules: Self.modules, demo: false) { app in
            let organisation = try await Factory.organisation(on: app.db)
            let user = try await Factory.user("agare@example.se", roles: [.editor], in: organisation, on: app.db)
            var here = Browser(app: app), elsewhere = Browser(app: app)
            #expect(try await here.signIn("agare@example.se", Factory.password) == .seeOther)
            #expect(try await elsewhere.signIn("agare@example.se", Factory.password) == .seeOther)
            let keep = try await Accounts.createToken(for: user, name: "behåll", on: app.db)
            let csrf = try #require(Browser.csrf(in: try await here.send(.GET, "/konto").1))

            let first = try await here.send(.POST, "/konto/losenord", form: ["current": Factory.password, "new": "ett-nytt-langt-losenord", "csrf": csrf])
            #expect(first.0 == .ok && first.1.contains("Lösenordet är bytt."))
            #expect(try await here.send(.GET, "/konto").0 == .ok, "this session stays")
            #expect(try await elsewhere.send(.GET, "/konto").0 == .seeOther, "the other session ended")
            #expect(try await Accounts.user(apiToken: keep, on: app.db) != nil, "tokens stay unless asked")

            let second = try await here.send(.POST, "/konto/losenord",
                                             form: ["current": "ett-nytt-langt-losenord", "new": "ett-tredje-langt-losenord", "revokeTokens": "on", "csrf": csrf])
            #expect(second.0 == .ok)
            #expect(try await Accounts.user(apiToken: keep, on: app.db) == nil, "asked: the tokens are revoked")
        }
    }

    /// Security probe finding 21: expired sessions and old counters were never deleted.
    @Test("Expired sessions and counters of past windows are purged", arguments: Engine.enabled)
    func purge(engine: Engine) async throws {
        try await withApp(engine, modules: Self.modules, demo: false) { app in
            let organisation = try await Factory.organisation(on: app.db)
            try await Factory.user("agare@example.se", roles: [.editor], in: organisation, on: app.db)
            var old = Browser(app: app)
            #expect(try await old.signIn("agare@example.se", Factory.password) == .seeOther)
            _ = try await old.signIn("agare@example.se", "fel-losenord-123")
            try await UserSession.query(on: app.db).set(\.$expiresAt, to: Date().addingTimeInterval(-60)).update()
            try await RateCounter.query(on: app.db).set(\.$windowStart, to: Date().addingTimeInterval(-2 * Accounts.attemptWindow)).update()

            try await Accounts.purge(on: app.db)

            #expect(try await UserSession.query(on: app.db).count() == 0)
            #expect(try await RateCounter.query(on: app.db).count() == 0)
        }
    }
}
