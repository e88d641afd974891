import Fluent
import Foundation
import Organisation

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

    /// Imports the demo unless it is already there. Returns whether it imported.
    @discardableResult
    public static func loadIfMissing(on db: any Database) async throws -> Bool {
        if try await Organisation.query(on: db).filter(\.$slug == organisationSlug).first() != nil { return false }
        _ = try await OrganisationImporter.importFile(try Data(contentsOf: fileURL), on: db)
        return true
    }
}
