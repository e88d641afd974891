import Fluent
import Foundation

/// A block of a document's prose, in reading order. `role` marks the blocks the
/// page treats specially: the strategies, the Agenda 2030 text, and where the goal tree goes.
final class DocumentSection: Model, @unchecked Sendable {
    public static let schema = "plans_sections"

    @ID public var id: UUID?
    @Parent(key: "version_id") public var version: DocumentVersion
    @Field(key: "position") public var position: Int
    @Field(key: "key") public var key: String
    @OptionalField(key: "heading") public var heading: String?
    @Field(key: "depth") public var depth: Int
    @OptionalField(key: "role") public var role: SectionRole?
    @Field(key: "body") public var body: String

    public init() {}
}

public enum SectionRole: String, Codable, CaseIterable, Sendable {
    case strategy
    case agenda2030 = "agenda-2030"
    case goalTree = "goal-tree"
}
