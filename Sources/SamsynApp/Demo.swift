import Auth
import Finance
import Fluent
import Foundation
import Organisation
import Vapor

/// The demo organisation, Norrbottens Kommuner, loaded from the organisation file in
/// Resources/Demo: the same format any organisation uses to bring in its plans.
public enum Demo {
    public static let organisationSlug = "norrbottens-kommuner"
    /// The regional agreement with civil society, an organisation of its own (kind samverkan) whose
    /// parties are Region Norrbotten, Länsstyrelsen Norrbotten and Samforma.
    public static let agreementSlug = "regional-overenskommelse-norrbotten"
    public static var agreementFileURL: URL { resource(agreementSlug) }

    public static var fileURL: URL { resource(organisationSlug) }

    /// The demo's example follow-up of the 2023 plan: invented reports and assessments, each
    /// period marked `example`, kept apart so the organisation file stays the seeds' content.
    public static var examplesURL: URL { resource("\(organisationSlug)-uppfoljning") }

    /// The example books of January–August 2023 as the accounting system would export them: an SIE
    /// file of Samsyn's own making (scripts/make-example-sie.py), read like any other and marked as example data.
    public static var exampleBooksURL: URL { resource("\(organisationSlug)-utfall-2023", extension: "se") }

    static func resource(_ name: String, extension suffix: String = "json") -> URL {
        guard let url = Bundle.module.url(forResource: name, withExtension: suffix, subdirectory: "Resources/Demo") else {
            fatalError("the demo file \(name).\(suffix) is missing from the app's resources")
        }
        return url
    }

    /// The organisation file, with the example follow-up merged in unless left out: objects merge
    /// key by key and lists are joined, so the example indicators join the real one.
    public static func file(examples: Bool) throws -> Data {
        let data = try Data(contentsOf: fileURL)
        guard examples, let object = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let extra = try JSONSerialization.jsonObject(with: Data(contentsOf: examplesURL)) as? [String: Any] else { return data }
        return try JSONSerialization.data(withJSONObject: merged(object, extra))
    }

    static func merged(_ base: [String: Any], _ extra: [String: Any]) -> [String: Any] {
        base.merging(extra) { old, new in
            if let old = old as? [String: Any], let new = new as? [String: Any] { return merged(old, new) }
            if let old = old as? [Any], let new = new as? [Any] { return old + new }
            return new
        }
    }

    /// The demo's accounts, for trying the signed-in parts. Demo mode only: `samsyn demo`
    /// creates them and the home page shows them; no other command does.
    public static let password = "samsyn-demo-2023"
    public static let accounts: [(email: String, name: String, role: RoleKind, represents: String?, organisation: String)] = [
        ("administrator@demo.samsyn.se", "Demo Administratör", .administrator, nil, organisationSlug),
        ("redaktor@demo.samsyn.se", "Demo Redaktör", .editor, nil, organisationSlug),
        ("lulea@demo.samsyn.se", "Demo Medlemsrepresentant Luleå", .memberRepresentative, "2580", organisationSlug),
        ("ledningsgrupp@demo.samsyn.se", "Demo Ledningsgruppen", .editor, nil, agreementSlug),
    ]

    public static func createAccountsIfMissing(hasher: AsyncPasswordHasher, on db: any Database) async throws {
        for account in accounts where try await Accounts.account(email: account.email, on: db) == nil {
            try await Roles.createUser(email: account.email, name: account.name, password: password, organisationSlug: account.organisation,
                                          role: account.role, represents: account.represents, actor: .commandLine, hasher: hasher, on: db)
        }
    }

    /// Imports the demo unless it is already there, with the example follow-up unless `examples` is
    /// false (`samsyn demo --no-examples`). Returns whether it imported.
    @discardableResult
    public static func loadIfMissing(examples: Bool = true, on db: any Database) async throws -> Bool {
        if try await OrganisationRecord.query(on: db).filter(\.$slug == organisationSlug).first() != nil { return false }
        _ = try await OrganisationImporter.importFile(try file(examples: examples), on: db)
        if examples, let organisation = try await OrganisationRecord.query(on: db).filter(\.$slug == organisationSlug).first() {
            try await OutcomeImport.run(try Data(contentsOf: exampleBooksURL), name: exampleBooksURL.lastPathComponent, in: organisation, example: true,
                                        actor: .commandLine, at: Date(timeIntervalSince1970: 1_694_764_800), on: db)
        }
        if try await OrganisationRecord.query(on: db).filter(\.$slug == agreementSlug).first() == nil {
            _ = try await OrganisationImporter.importFile(try Data(contentsOf: agreementFileURL), on: db)
        }
        return true
    }
}
