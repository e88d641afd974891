import Fluent
import Organisation

/// Network contacts and the annual survey: surveys, personal links (hashed), answers and the
/// quotes chosen for publication.
public struct CreateFollowUpSurveys: AsyncMigration {
    public init() {}
    public var name: String { "0024-followup-create-surveys" }

    public func prepare(on database: any Database) async throws {
        try await database.schema(NetworkContact.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("group_key", .string, .required)
            .field("name", .string, .required)
            .field("email", .string, .required)
            .unique(on: "organisation_id", "group_key", "email")
            .create()
        try await database.schema(Survey.schema)
            .id()
            .field("organisation_id", .uuid, .required, .references(OrganisationRecord.schema, "id", onDelete: .cascade))
            .field("year", .int, .required)
            .field("title", .string, .required)
            .field("questions", .string, .required)
            .field("networks", .string, .required)
            .field("closes_on", .string, .required)
            .field("opened_at", .datetime, .required)
            .field("opened_by", .string, .required)
            .field("example", .bool, .required)
            .unique(on: "organisation_id", "year")
            .create()
        try await database.schema(SurveyInvitation.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(Survey.schema, "id", onDelete: .cascade))
            .field("group_key", .string, .required)
            .field("email", .string, .required)
            .field("token_hash", .string, .required)
            .field("sent_at", .datetime, .required)
            .field("answered_at", .datetime)
            .unique(on: "token_hash")
            .unique(on: "survey_id", "group_key", "email")
            .create()
        try await database.schema(SurveyAnswer.schema)
            .id()
            .field("survey_id", .uuid, .required, .references(Survey.schema, "id", onDelete: .cascade))
            .field("group_key", .string, .required)
            .field("score", .int, .required)
            .field("texts", .string, .required)
            .field("consent", .string, .required)
            .field("answered_at", .datetime, .required)
            .create()
        try await database.schema(SurveyQuote.schema)
            .id()
            .field("answer_id", .uuid, .required, .references(SurveyAnswer.schema, "id", onDelete: .cascade))
            .field("question", .int, .required)
            .field("published_at", .datetime, .required)
            .field("published_by", .string, .required)
            .unique(on: "answer_id", "question")
            .create()
    }

    public func revert(on database: any Database) async throws {
        for schema in [SurveyQuote.schema, SurveyAnswer.schema, SurveyInvitation.schema, Survey.schema, NetworkContact.schema] {
            try await database.schema(schema).delete()
        }
    }
}
