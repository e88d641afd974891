import Organisation
import Vapor

/// Who may do what with an organisation's documents. Published versions are public; everything
/// else asks the organisation's roles through `OrganisationPermissions`.
enum PlansPermissions {
    enum Action {
        /// See drafts and any version in the editor, and preview them.
        case readDrafts
        /// Create documents and drafts, edit drafts, and adopt them.
        case write

        var organisationAction: OrganisationPermissions.Action {
            switch self {
            case .readDrafts, .write: .edit
            }
        }
    }
}

extension Request {
    /// The organisation of the path, after checking the acting user may do `action` with its documents.
    func organisation(permitting action: PlansPermissions.Action) async throws -> OrganisationRecord {
        try await organisation(permitting: action.organisationAction)
    }
}
