import Fluent
import Foundation

/// A member of an association: the 14 municipalities that own Norrbottens Kommuner.
final class Membership: Model, @unchecked Sendable {
    public static let schema = "organisation_memberships"

    // managed fields
    @ID public var id: UUID?

    // relationships
    @Parent(key: "organisation_id") public var organisation: OrganisationRecord
    @Parent(key: "member_id") public var member: OrganisationRecord

    // data fields
    @Field(key: "position") public var position: Int

    public init() {}

    public init(organisationID: UUID, memberID: UUID, position: Int) {
        self.$organisation.id = organisationID
        self.$member.id = memberID
        self.position = position
    }
}
