import Fluent

/// Adds what an audit entry needs to read as history after renames and removals: the subject's
/// name, and the document, its title, version and item (node lineage or section) at write time;
/// and each user's last sign-in, for the users page.
public struct UpdateAuthAuditAddContext: AsyncMigration {
    public init() {}
    public var name: String { "0014-auth-audit-add-context-and-last-sign-in" }

    static let fields: [(String, DatabaseSchema.DataType)] = [
        ("subject_name", .string), ("document", .string), ("document_title", .string), ("version", .int), ("item", .string),
    ]

    public func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds columns one at a time.
        for (name, type) in Self.fields { try await database.schema(AuditEntry.schema).field(.definition(name: .key(.string(name)), dataType: type, constraints: [])).update() }
        try await database.schema(User.schema).field("last_signed_in_at", .datetime).update()
    }

    public func revert(on database: any Database) async throws {
        for (name, _) in Self.fields { try await database.schema(AuditEntry.schema).deleteField(.string(name)).update() }
        try await database.schema(User.schema).deleteField("last_signed_in_at").update()
    }
}
