import Fluent
import Foundation

/// An organisation's application to join an agreement, and once approved its accession. The
/// contact person and e-mail are never public; the applicant follows the application through a
/// secret link whose hash alone is stored.
final class AccessionApplication: Model, @unchecked Sendable {
    public static let schema = "agreements_accessions"

    @ID public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Parent(key: "agreement_id") public var agreement: Agreement
    /// The applying organisation's name and organisationsnummer ("802012-3456").
    @Field(key: "name") public var name: String
    @Field(key: "org_number") public var orgNumber: String
    @Field(key: "contact_name") public var contactName: String
    @Field(key: "contact_email") public var contactEmail: String
    /// Where in the county it works, and the scope of its work, in its own words.
    @Field(key: "area") public var area: String
    @Field(key: "scope") public var scope: String
    @Field(key: "status") public var status: AccessionStatus
    @Field(key: "submitted_at") public var submittedAt: Date
    @OptionalField(key: "decided_at") public var decidedAt: Date?
    @OptionalField(key: "decided_by") public var decidedBy: String?
    /// Why an application was rejected (required), or a note with an approval.
    @OptionalField(key: "reason") public var reason: String?
    /// The day of accession (the approval), and the day it left; both kept once set.
    @OptionalField(key: "joined_on") public var joinedOn: String?
    @OptionalField(key: "left_on") public var leftOn: String?
    @Field(key: "token_hash") public var tokenHash: String
    /// When the ledningsgrupp was last reminded that the application waits.
    @OptionalField(key: "reminded_at") public var remindedAt: Date?

    public init() {}
}

public enum AccessionStatus: String, Codable, CaseIterable, Sendable {
    case pending, approved, rejected, left

    public var label: String {
        switch self {
        case .pending: "Väntar på beslut"
        case .approved: "Ansluten"
        case .rejected: "Avslagen"
        case .left: "Har lämnat överenskommelsen"
        }
    }
}
