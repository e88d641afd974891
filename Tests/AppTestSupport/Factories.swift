@testable import Auth
import FluentKit
import Foundation
@testable import Organisation
import Vapor

/// Data for tests that do not need the whole demo: the least each test needs, made directly.
public enum Factory {
    public static let password = "ett-langt-testlosenord"

    @discardableResult
    public static func organisation(_ slug: String = "testforbundet", name: String = "Testförbundet", kind: OrganisationKind = .kommunforbund,
                                    on db: any Database) async throws -> OrganisationRecord {
        let organisation = OrganisationRecord(slug: slug, kind: kind, name: name)
        try await organisation.create(on: db)
        return organisation
    }

    /// A user with `password`, holding `roles` in `organisation`.
    @discardableResult
    public static func user(_ email: String, roles: [RoleKind] = [], in organisation: OrganisationRecord? = nil,
                            on db: any Database) async throws -> Account {
        let user = try await Accounts.insert(email: email, name: email, passwordHash: try Bcrypt.hash(password, cost: 4), on: db)
        if let organisation {
            for role in roles {
                try await Role(userID: user.id, organisationID: organisation.requireID(), role: role).create(on: db)
            }
        }
        return user
    }
}
