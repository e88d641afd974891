import Core
import Fluent
import Foundation

/// A unit of the association's own staff (the stab, a department), with the areas it covers
/// and the political steering groups it serves.
final class Unit: Model, @unchecked Sendable {
    public static let schema = "organisation_units"

    // managed fields
    @ID public var id: UUID?

    // relationships
    @Parent(key: "organisation_id") public var organisation: OrganisationRecord

    // data fields
    @Field(key: "key") public var key: String
    @Field(key: "name") public var name: String
    @Field(key: "position") public var position: Int
    @OptionalField(key: "areas_heading") public var areasHeading: String?
    /// The document's heading over the bodies that steer it, e.g. "Politiska styrgrupper".
    @OptionalField(key: "steering_heading") public var steeringHeading: String?
    /// JSON arrays: the areas it covers, and the keys of the bodies that steer it.
    @Field(key: "areas") public var areasJSON: String
    @Field(key: "steering_groups") public var steeringGroupsJSON: String

    public init() {}

    public var areas: [String] { JSONColumn.decode([String].self, from: areasJSON, default: []) }
    public var steeringGroups: [String] { JSONColumn.decode([String].self, from: steeringGroupsJSON, default: []) }
}
