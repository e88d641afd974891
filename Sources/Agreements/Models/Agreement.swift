import Core
import Fluent
import Foundation

/// An agreement in an organisation's registry. What an editor keeps (`AgreementSpec`) is one JSON
/// column beside the columns the registry filters and sorts by; every save writes a revision.
final class Agreement: Model, @unchecked Sendable {
    public static let schema = "agreements_agreements"

    @ID public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    /// The agreement's address in the registry, from its title when it was created.
    @Field(key: "key") public var key: String
    @Field(key: "title") public var title: String
    /// The title folded for the "one title per organisation" rule (lower case, single spaces).
    @Field(key: "title_folded") public var titleFolded: String
    @Field(key: "kind") public var kind: AgreementKind
    @Field(key: "status") public var status: AgreementStatus
    @OptionalField(key: "starts_on") public var startsOn: String?
    @OptionalField(key: "ends_on") public var endsOn: String?
    @OptionalField(key: "review_on") public var reviewOn: String?
    @Field(key: "is_public") public var isPublic: Bool
    /// JSON: `AgreementSpec` as last saved.
    @Field(key: "spec") public var specJSON: String
    /// The document whose list it stands in, and under which heading ("Avtal", "Överenskommelser").
    @OptionalField(key: "listed_in") public var listedIn: String?
    @OptionalField(key: "heading") public var heading: ListHeading?
    @OptionalField(key: "position") public var position: Int?
    @Field(key: "revision") public var revision: Int
    @Field(key: "updated_at") public var updatedAt: Date

    public init() {}

    public var spec: AgreementSpec { JSONColumn.decode(AgreementSpec.self, from: specJSON, default: AgreementSpec(title: title, kind: kind, status: status)) }

    static func fold(_ title: String) -> String {
        title.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// One saved state of an agreement: who changed it, when, and what it then said.
final class AgreementRevision: Model, @unchecked Sendable {
    public static let schema = "agreements_revisions"

    @ID public var id: UUID?
    @Parent(key: "agreement_id") public var agreement: Agreement
    @Field(key: "number") public var number: Int
    @Field(key: "spec") public var specJSON: String
    @Field(key: "changed_at") public var changedAt: Date
    @Field(key: "changed_by") public var changedBy: String

    public init() {}
}

/// A file attached to an agreement. The bytes live in the database, so every app instance serves
/// them; an organisation file without its archive carries the description only (`data` nil).
final class AgreementDocument: Model, @unchecked Sendable {
    public static let schema = "agreements_documents"

    @ID public var id: UUID?
    @Parent(key: "agreement_id") public var agreement: Agreement
    @Field(key: "name") public var name: String
    @Field(key: "content_type") public var contentType: String
    @Field(key: "size") public var size: Int
    @Field(key: "sha256") public var sha256: String
    @Field(key: "is_public") public var isPublic: Bool
    /// False when the organisation file this came from did not carry the bytes.
    @Field(key: "stored") public var stored: Bool
    @OptionalField(key: "data") public var data: Data?
    @Field(key: "uploaded_at") public var uploadedAt: Date
    @Field(key: "uploaded_by") public var uploadedBy: String

    public init() {}

    /// The documents' descriptions without their bytes, for lists.
    static func descriptions(of agreements: [UUID], on db: any Database) async throws -> [AgreementDocument] {
        guard !agreements.isEmpty else { return [] }
        return try await query(on: db).filter(\.$agreement.$id ~~ agreements)
            .field(\.$id).field(\.$agreement.$id).field(\.$name).field(\.$contentType).field(\.$size).field(\.$sha256)
            .field(\.$isPublic).field(\.$stored).field(\.$uploadedAt).field(\.$uploadedBy).sort(\.$name).all()
    }
}

/// A review reminder put in the outbox: once per agreement, review date and stage.
final class ReviewReminder: Model, @unchecked Sendable {
    public static let schema = "agreements_review_reminders"

    public enum Stage: String, Codable, Sendable { case days60 = "60", days14 = "14", overdue }

    @ID public var id: UUID?
    @Parent(key: "agreement_id") public var agreement: Agreement
    @Field(key: "review_on") public var reviewOn: String
    @Field(key: "stage") public var stage: Stage
    @Field(key: "recipient") public var recipient: String
    @Field(key: "sent_at") public var sentAt: Date

    public init() {}
}

/// The secret address of an organisation's full review calendar (internal agreements too). Only
/// the token's SHA-256 is kept; a new link revokes the old.
final class CalendarFeed: Model, @unchecked Sendable {
    public static let schema = "agreements_calendar_feeds"

    @ID public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "token_hash") public var tokenHash: String
    @Field(key: "created_at") public var createdAt: Date
    @Field(key: "created_by") public var createdBy: String

    public init() {}
}

/// The key activities that concern the registry as a whole (following up all agreements).
final class RegistryActivity: Model, @unchecked Sendable {
    public static let schema = "agreements_registry_activities"

    @ID public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "document_slug") public var documentSlug: String
    @Field(key: "lineage") public var lineage: String

    public init() {}
}

/// The level of participation a key activity (or an action under an agreement) offers, by the node's lineage.
final class ParticipationMark: Model, @unchecked Sendable {
    public static let schema = "agreements_participation"

    @ID public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "document_slug") public var documentSlug: String
    @Field(key: "lineage") public var lineage: String
    @Field(key: "level") public var level: ParticipationLevel

    public init() {}
}
