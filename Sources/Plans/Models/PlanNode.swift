import Fluent
import Foundation

/// A node of a document's goal tree: a goal area, a goal, a key activity, or whatever
/// the document's level model names. `levelIndex` points into the version's levels.
final class PlanNode: Model, @unchecked Sendable {
    public static let schema = "plans_nodes"

    // managed fields
    @ID public var id: UUID?

    // relationships
    @Parent(key: "version_id") public var version: DocumentVersion
    @OptionalParent(key: "parent_id") public var parent: PlanNode?

    // data fields
    @Field(key: "key") public var key: String
    @Field(key: "level_index") public var levelIndex: Int
    @Field(key: "position") public var position: Int
    @Field(key: "title") public var title: String
    @Field(key: "text") public var text: String
    @OptionalField(key: "responsible_unit") public var responsibleUnit: String?
    @OptionalField(key: "status") public var status: String?
    /// JSON arrays: registry keys of partner organisations, network names, strategy keys,
    /// and references to nodes of other documents this node carries out.
    @Field(key: "partners") public var partnersJSON: String
    @Field(key: "networks") public var networksJSON: String
    @Field(key: "strategies") public var strategiesJSON: String
    @Field(key: "implements") public var implementsJSON: String
    /// The node's identity across versions: the key it had where it first appeared (nil = its key).
    @OptionalField(key: "lineage") public var lineage: String?
    @Field(key: "revision") public var revision: Int

    public init() {}
}

/// "This goal carries out goal X of document Y": how an annual plan follows its direction.
public struct NodeReference: Codable, Hashable, Sendable {
    public let document: String
    public let node: String
    public init(document: String, node: String) {
        self.document = document
        self.node = node
    }
}
