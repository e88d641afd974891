import AppTestSupport
@testable import Auth
import Core
import Fluent
@testable import Organisation
import Testing
import Vapor

/// Roles that make sense (security probe finding 15): a member representative answers for a
/// member of the organisation, and an organisation never loses its last administrator.
@Suite("Rules for roles")
struct RoleRulesTests {
    static let modules: [any AppModule.Type] = [AuthModule.self, OrganisationModule.self]

    @Test("A member representative must represent a member of the organisation", arguments: Engine.enabled)
    func representativeOfAMember(engine: Engine) async throws {
        try await withApp(engine, modules: Self.modules, demo: false) { app in
            let organisation = try await Factory.organisation(on: app.db)
            let lulea = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$scbCode == "2580").first())
            try await Membership(organisationID: organisation.requireID(), memberID: lulea.requireID(), position: 0).create(on: app.db)
            try await Factory.user("person@example.se", on: app.db)
            let before = try await DatabaseFingerprint.take(app.db)
            await #expect(throws: AccountFailure.representativeNeedsMember) {
                try await Roles.grantRole(email: "person@example.se", organisationID: organisation.requireID(), role: .memberRepresentative,
                                          represents: "2584", actor: .commandLine, on: app.db)
            }
            #expect(try await DatabaseFingerprint.take(app.db) == before)
            try await Roles.grantRole(email: "person@example.se", organisationID: organisation.requireID(), role: .memberRepresentative,
                                      represents: "2580", actor: .commandLine, on: app.db)
        }
    }

    @Test("The last administrator cannot lose the role, by anyone's hand", arguments: Engine.enabled)
    func lastAdministrator(engine: Engine) async throws {
        try await withApp(engine, modules: Self.modules, demo: false) { app in
            let organisation = try await Factory.organisation(on: app.db)
            try await Factory.user("admin@example.se", roles: [.administrator], in: organisation, on: app.db)
            let before = try await DatabaseFingerprint.take(app.db)
            await #expect(throws: AccountFailure.lastAdministrator) {
                try await Roles.revokeRole(email: "admin@example.se", organisationID: organisation.requireID(), role: .administrator,
                                           actor: .commandLine, on: app.db)
            }
            #expect(try await DatabaseFingerprint.take(app.db) == before)
            try await Factory.user("andra@example.se", roles: [.administrator], in: organisation, on: app.db)
            try await Roles.revokeRole(email: "admin@example.se", organisationID: organisation.requireID(), role: .administrator,
                                       actor: .commandLine, on: app.db)
        }
    }
}
