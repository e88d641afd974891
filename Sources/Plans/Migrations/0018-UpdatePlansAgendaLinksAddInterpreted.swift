import Fluent
import SQLKit

/// Marks Agenda 2030 links read from a document rather than written in it: a published
/// document that shows its goals as icons, whose numbers were interpreted from the paragraphs.
public struct UpdatePlansAgendaLinksAddInterpreted: AsyncMigration {
    public init() {}
    public var name: String { "0018-plans-agenda-links-add-interpreted" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(Agenda2030Link.schema)
            .field("interpreted", .bool, .required, .custom(SQLColumnConstraintAlgorithm.default(false))).update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(Agenda2030Link.schema).deleteField("interpreted").update()
    }
}
