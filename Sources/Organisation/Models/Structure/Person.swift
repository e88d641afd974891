import Fluent
import Foundation

/// A person who holds seats in bodies and networks.
final class Person: Model, @unchecked Sendable {
    public static let schema = "organisation_people"

    @ID public var id: UUID?
    @Parent(key: "organisation_id") public var organisation: OrganisationRecord
    @Field(key: "key") public var key: String
    @Field(key: "name") public var name: String
    @OptionalField(key: "title") public var title: String?

    public init() {}
}

/// A seat in a body or network: a role, optionally held by a person, optionally on behalf
/// of a member or partner, from and to a date (ISO 8601, "2023-01-01").
final class Seat: Model, @unchecked Sendable {
    public static let schema = "organisation_seats"

    @ID public var id: UUID?
    @Parent(key: "group_id") public var group: Group
    @OptionalParent(key: "person_id") public var person: Person?
    @OptionalParent(key: "representing_id") public var representing: OrganisationRecord?
    @Field(key: "role") public var role: String
    @OptionalField(key: "starts_on") public var startsOn: String?
    @OptionalField(key: "ends_on") public var endsOn: String?
    @Field(key: "position") public var position: Int
    /// A category of seats the documents describe without saying how many ("politiska representanter
    /// från partier …"): one row that stands for all of them, never counted as one seat.
    @Field(key: "is_category") public var isCategory: Bool

    public init() {}
}
