import Fluent
import Foundation
import Organisation

/// A steering document of one organisation (an Inriktning, a Verksamhetsplan, an agreement…).
/// Its content lives in versions; the document itself only carries identity.
final class SteeringDocument: Model, @unchecked Sendable {
    public static let schema = "plans_documents"

    @ID public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: OrganisationRecord
    @Field(key: "slug") public var slug: String
    @Field(key: "kind") public var kind: DocumentKind
    @Children(for: \.$document) public var versions: [DocumentVersion]

    public init() {}

    public init(id: UUID? = nil, organisationID: UUID, slug: String, kind: DocumentKind) {
        self.id = id
        self.$organisation.id = organisationID
        self.slug = slug
        self.kind = kind
    }
}

public enum DocumentKind: String, Codable, CaseIterable, Sendable {
    case inriktning, verksamhetsplan, overenskommelse, strategi, handlingsplan, annan
    /// The year's annual report: prose the editor writes, and figures a module above assembles.
    case verksamhetsberattelse

    public var label: String {
        switch self {
        case .inriktning: "Inriktning"
        case .verksamhetsplan: "Verksamhetsplan"
        case .overenskommelse: "Överenskommelse"
        case .strategi: "Strategi"
        case .handlingsplan: "Handlingsplan"
        case .annan: "Styrdokument"
        case .verksamhetsberattelse: "Verksamhetsberättelse"
        }
    }
}

public enum DocumentStatus: String, Codable, CaseIterable, Sendable {
    case draft, adopted, superseded

    public var label: String {
        switch self {
        case .draft: "Utkast"
        // Adopted and not superseded: the version in force.
        case .adopted: "Gällande"
        case .superseded: "Ersatt"
        }
    }

    /// Drafts are never shown to the public.
    public var isPublic: Bool { self != .draft }
}
