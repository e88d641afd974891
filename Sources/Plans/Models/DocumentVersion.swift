import Core
import Fluent
import Foundation

/// One version of a steering document: its lifecycle, level model, prose, Agenda 2030
/// mapping and goal tree. An adopted version is frozen; a change makes a new version.
public final class DocumentVersion: Model, @unchecked Sendable {
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
    /// Ordered level names as a JSON array, e.g. ["Målområde","Mål","Nyckelaktivitet"].
    @Field(key: "levels") public var levelsJSON: String
    /// At adoption: the names shown for the partners ("partner:KEY") and networks ("network:KEY")
    /// the version points at, as a JSON object.
    @OptionalField(key: "frozen_names") public var frozenNamesJSON: String?

    public var frozenNames: [String: String]? {
        frozenNamesJSON.map { JSONColumn.decode([String: String].self, from: $0, default: [:]) }
    }

    public init() {}

    public var levels: [String] {
        get { JSONColumn.decode([String].self, from: levelsJSON, default: []) }
        set { levelsJSON = JSONColumn.encode(newValue) }
    }
}

