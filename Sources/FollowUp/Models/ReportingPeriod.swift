import Fluent
import Foundation

/// A period in which the key activities of one adopted version are reported: "Tertial 1 2023".
/// It refers to the version by the document's slug and the version's number, never by id, so a
/// new import of the plan keeps its follow-up.
final class ReportingPeriod: Model, @unchecked Sendable {
    public static let schema = "followup_periods"

    @ID public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "document_slug") public var documentSlug: String
    @Field(key: "version_number") public var versionNumber: Int
    /// The period's address segment, unique within the document: "2023-tertial-1".
    @Field(key: "key") public var key: String
    @Field(key: "name") public var name: String
    /// YYYY-MM-DD: the last day the period covers, and the last day to report.
    @Field(key: "ends_on") public var endsOn: String
    @Field(key: "deadline") public var deadline: String
    /// Days before the deadline the reporters with missing reports are reminded (nil: not before).
    @OptionalField(key: "remind_days_before") public var remindDaysBefore: Int?
    @Field(key: "state") public var state: PeriodState
    @Field(key: "opened_at") public var openedAt: Date
    @Field(key: "opened_by") public var openedBy: String
    @OptionalField(key: "closed_at") public var closedAt: Date?
    @OptionalField(key: "closed_by") public var closedBy: String?
    /// Demonstration data, not the organisation's real follow-up.
    @Field(key: "example") public var example: Bool

    public init() {}
}
