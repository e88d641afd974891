import AppTestSupport
@testable import Auth
import Core
import Fluent
@testable import Organisation
import Testing
import Vapor

@Suite("The audit trail an administrator sees")
struct AuditTrailTests {
    static let modules: [any AppModule.Type] = [AuthModule.self, OrganisationModule.self]

    /// Security probe finding 12: an administrator could read any user's account events.
    @Test("An administrator sees another user's account events only if that user has a role in the organisation", arguments: Engine.enabled)
    func noLeakAcrossOrganisations(engine: Engine) async throws {
        try await withApp(engine, modules: Self.modules, demo: false) { app in
            // setup
            let home = try await Factory.organisation("hemma", on: app.db)
            let other = try await Factory.organisation("borta", on: app.db)
            try await Factory.user("admin@example.se", roles: [.administrator], in: home, on: app.db)
            try await Factory.user("kollega@example.se", roles: [.reader], in: home, on: app.db)
            try await Factory.user("utomstaende@example.se", roles: [.editor], in: other, on: app.db)
            for email in ["kollega@example.se", "utomstaende@example.se"] {
                var browser = Browser(app: app)
                #expect(try await browser.signIn(email, Factory.password) == .seeOther)
            }
            var admin = Browser(app: app)
            #expect(try await admin.signIn("admin@example.se", Factory.password) == .seeOther)

            // MUT
            let colleague = try await admin.send(.GET, "/o/hemma/admin/logg?anvandare=kollega@example.se")
            let outsider = try await admin.send(.GET, "/o/hemma/admin/logg?anvandare=utomstaende@example.se")

            // validate
            #expect(colleague.0 == .ok && colleague.1.contains("<strong>Loggade in</strong>: user kollega@example.se"))
            #expect(outsider.0 == .ok)
            #expect(!outsider.1.contains("Loggade in") && outsider.1.contains("Inga ändringar matchar filtret."), "the account events of someone without a role here stay private")
        }
    }
}
