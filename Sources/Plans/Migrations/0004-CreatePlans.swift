import Fluent
import Organisation

public struct CreatePlansDocuments: AsyncMigration {
    public init() {}
    public var name: String { "0004-plans-create-documents" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(SteeringDocument.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("slug", .string, .required)
            .field("kind", .string, .required)
            .unique(on: "organisation_id", "slug")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(SteeringDocument.schema).delete()
    }
}

public struct CreatePlansDocumentVersions: AsyncMigration {
    public init() {}
    public var name: String { "0005-plans-create-document-versions" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(DocumentVersion.schema)
            .id()
            .field("document_id", .uuid, .required, .references(SteeringDocument.schema, "id", onDelete: .cascade))
            .field("number", .int, .required)
            .field("title", .string, .required)
            .field("status", .string, .required)
            .field("period_start", .int)
            .field("period_end", .int)
            .field("adopted_by", .string)
            .field("adopted_on", .string)
            .field("decision_reference", .string)
            .field("levels", .string, .required)
            .unique(on: "document_id", "number")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(DocumentVersion.schema).delete()
    }
}

public struct CreatePlansSections: AsyncMigration {
    public init() {}
    public var name: String { "0006-plans-create-sections" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(DocumentSection.schema)
            .id()
            .field("version_id", .uuid, .required, .references(DocumentVersion.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("key", .string, .required)
            .field("heading", .string)
            .field("depth", .int, .required)
            .field("role", .string)
            .field("body", .string, .required)
            .unique(on: "version_id", "key")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(DocumentSection.schema).delete()
    }
}

public struct CreatePlansNodes: AsyncMigration {
    public init() {}
    public var name: String { "0007-plans-create-nodes" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(PlanNode.schema)
            .id()
            .field("version_id", .uuid, .required, .references(DocumentVersion.schema, "id", onDelete: .cascade))
            .field("parent_id", .uuid, .references(PlanNode.schema, "id", onDelete: .cascade))
            .field("key", .string, .required)
            .field("level_index", .int, .required)
            .field("position", .int, .required)
            .field("title", .string, .required)
            .field("text", .string, .required)
            .field("responsible_unit", .string)
            .field("status", .string)
            .field("partners", .string, .required)
            .field("networks", .string, .required)
            .field("strategies", .string, .required)
            .field("implements", .string, .required)
            .unique(on: "version_id", "key")
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(PlanNode.schema).delete()
    }
}

public struct CreatePlansAgenda2030Links: AsyncMigration {
    public init() {}
    public var name: String { "0008-plans-create-agenda-links" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(Agenda2030Link.schema)
            .id()
            .field("version_id", .uuid, .required, .references(DocumentVersion.schema, "id", onDelete: .cascade))
            .field("node_id", .uuid, .references(PlanNode.schema, "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("code", .string, .required)
            .field("role", .string, .required)
            .field("explanation", .string, .required)
            .create()
    }

    public func revert(on database: any Database) async throws {
        try await database.schema(Agenda2030Link.schema).delete()
    }
}
