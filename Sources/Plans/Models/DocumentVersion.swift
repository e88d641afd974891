import Core
import Fluent
import Foundation

/// One version of a steering document: its lifecycle, level model, prose, Agenda 2030
/// mapping and goal tree. An adopted version is frozen; a change makes a new version.
final class DocumentVersion: Model, @unchecked Sendable {
    public static let schema = "plans_document_versions"

    // managed fields
    @ID public var id: UUID?

    // relationships
    @Parent(key: "document_id") public var document: SteeringDocument

    // data fields
    @Field(key: "number") public var number: Int
    @Field(key: "title") public var title: String
    @Field(key: "status") public var status: DocumentStatus
    @OptionalField(key: "period_start") public var periodStart: Int?
    @OptionalField(key: "period_end") public var periodEnd: Int?
    @OptionalField(key: "adopted_by") public var adoptedBy: String?
    @OptionalField(key: "adopted_on") public var adoptedOn: String?
    @OptionalField(key: "decision_reference") public var decisionReference: String?
    /// Bodies that adopted the version besides the one above, as a JSON array of `Adoption`.
    @OptionalField(key: "further_adoptions") public var furtherAdoptionsJSON: String?
    /// Ordered level names as a JSON array, e.g. ["Målområde","Mål","Nyckelaktivitet"].
    @Field(key: "levels") public var levelsJSON: String
    /// At adoption: the names shown for the partners ("partner:KEY") and networks ("network:KEY")
    /// the version points at, as a JSON object.
    @OptionalField(key: "frozen_names") public var frozenNamesJSON: String?

    public var frozenNames: [String: String]? {
        frozenNamesJSON.map { JSONColumn.decode([String: String].self, from: $0, default: [:]) }
    }

    public init() {}

    public var furtherAdoptions: [Adoption] {
        get { furtherAdoptionsJSON.map { JSONColumn.decode([Adoption].self, from: $0, default: []) } ?? [] }
        set { furtherAdoptionsJSON = newValue.isEmpty ? nil : JSONColumn.encode(newValue) }
    }

    public var levels: [String] {
        get { JSONColumn.decode([String].self, from: levelsJSON, default: []) }
        set { levelsJSON = JSONColumn.encode(newValue) }
    }
}


/// A body that adopted a version, with its own date and decision: an agreement is decided on by
/// each of its parties (the regional agreement by a regional council, an authority's management
/// and an association's board).
public struct Adoption: Codable, Equatable, Sendable {
    public var body: String
    public var adoptedOn: String?
    public var decisionReference: String?

    public init(body: String, adoptedOn: String? = nil, decisionReference: String? = nil) {
        self.body = body
        self.adoptedOn = adoptedOn
        self.decisionReference = decisionReference
    }
}
