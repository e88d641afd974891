import Auth
import Fluent
import Foundation
import Organisation
import Vapor

/// The demo organisation, Norrbottens Kommuner, loaded from the organisation file in
/// Resources/Demo: the same format any organisation uses to bring in its plans.
public enum Demo {
    public static let organisationSlug = "norrbottens-kommuner"

    public static var fileURL: URL {
        guard let url = Bundle.module.url(forResource: organisationSlug, withExtension: "json", subdirectory: "Resources/Demo") else {
            fatalError("the demo organisation file is missing from the app's resources")
        }
        return url
    }

    /// The demo's accounts, for trying the signed-in parts. Demo mode only: `samsyn demo`
    /// creates them and the home page shows them; no other command does.
    public static let password = "samsyn-demo-2023"
    public static let accounts: [(email: String, name: String, role: RoleKind, represents: String?)] = [
        ("administrator@demo.samsyn.se", "Demo Administratör", .administrator, nil),
        ("redaktor@demo.samsyn.se", "Demo Redaktör", .editor, nil),
        ("lulea@demo.samsyn.se", "Demo Medlemsrepresentant Luleå", .memberRepresentative, "2580"),
    ]

    public static func createAccountsIfMissing(hasher: AsyncPasswordHasher, on db: any Database) async throws {
        for account in accounts where try await User.query(on: db).filter(\.$email == account.email).first() == nil {
            try await Roles.createUser(email: account.email, name: account.name, password: password, organisationSlug: organisationSlug,
                                          role: account.role, represents: account.represents, actor: .commandLine, hasher: hasher, on: db)
        }
    }

    /// Imports the demo unless it is already there. Returns whether it imported.
    @discardableResult
    public static func loadIfMissing(on db: any Database) async throws -> Bool {
        if try await OrganisationRecord.query(on: db).filter(\.$slug == organisationSlug).first() != nil { return false }
        _ = try await OrganisationImporter.importFile(try Data(contentsOf: fileURL), on: db)
        return true
    }
}
