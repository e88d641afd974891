import Fluent
import Foundation

/// A link from a document version (or one of its nodes) to an Agenda 2030 goal or target,
/// with the role it plays and the sentence that explains it.
final class Agenda2030Link: Model, @unchecked Sendable {
    public static let schema = "plans_agenda_links"

    @ID public var id: UUID?
    @Parent(key: "version_id") var version: DocumentVersion
    @OptionalParent(key: "node_id") var node: PlanNode?
    @Field(key: "position") public var position: Int
    @Field(key: "code") public var code: String
    @Field(key: "role") public var role: Agenda2030Role
    @Field(key: "explanation") public var explanation: String
    /// The goal was read from the document (shown there as an icon), not written in its text.
    @Field(key: "interpreted") public var interpreted: Bool
    /// What a reader needs to know about the link: "the text says 17.7; it means 17.17".
    @OptionalField(key: "note") public var note: String?

    public init() { interpreted = false }
}

public enum Agenda2030Role: String, Codable, CaseIterable, Sendable {
    case primary, secondary, framing

    public var label: String {
        switch self {
        case .primary: "Primär påverkan"
        case .secondary: "Sekundär påverkan"
        case .framing: "Sätter riktning och sammanhang"
        }
    }
}
