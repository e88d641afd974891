import Fluent

/// A version adopted by several bodies (each party of an agreement decides on it), and a note on an
/// Agenda 2030 link (where a text names another target than it means).
public struct UpdatePlansAddFurtherAdoptionsAndNotes: AsyncMigration {
    public init() {}
    public var name: String { "0029-plans-add-further-adoptions-and-notes" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(DocumentVersion.schema).field("further_adoptions", .string).update()
        try await database.schema(Agenda2030Link.schema).field("note", .string).update()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(Agenda2030Link.schema).deleteField("note").update()
        try await database.schema(DocumentVersion.schema).deleteField("further_adoptions").update()
    }
}
