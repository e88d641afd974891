import AppTestSupport
@testable import Auth
@testable import Organisation
import Testing

@Suite("Roles and what they allow in one organisation")
struct PermissionsTests {
    @Test("Each role allows exactly its actions, and only in its own organisation", arguments: Engine.enabled)
    func roleTable(engine: Engine) async throws {
        try await withApp(engine, modules: [AuthModule.self, OrganisationModule.self], demo: false) { app in
            // setup
            let home = try await Factory.organisation("hemma", on: app.db)
            let other = try await Factory.organisation("borta", on: app.db)
            let expected: [(RoleKind?, edit: Bool, administer: Bool)] = [
                (.administrator, true, true), (.editor, true, false), (.memberRepresentative, false, false), (.reader, false, false), (nil, false, false),
            ]
            for (role, edit, administer) in expected {
                let user = try await Factory.user("\(role?.rawValue ?? "ingen")@example.se", roles: role.map { [$0] } ?? [], in: home, on: app.db)
                // MUT and validate
                let roles = try await RoleQuery.roles(of: user, in: home, on: app.db)
                #expect(OrganisationPermissions.allows(.edit, roles: roles) == edit, "\(String(describing: role)) edit")
                #expect(OrganisationPermissions.allows(.administer, roles: roles) == administer, "\(String(describing: role)) administer")
                #expect(try await RoleQuery.roles(of: user, in: other, on: app.db).isEmpty, "a role is for one organisation")
            }
        }
    }
}
