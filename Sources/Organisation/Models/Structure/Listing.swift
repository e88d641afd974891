import Fluent
import Foundation

/// Where a document lists a network or forum: under which unit, in which group, at which place.
final class Listing: Model, @unchecked Sendable {
    public static let schema = "organisation_listings"

    @ID public var id: UUID?
    @Parent(key: "unit_id") public var unit: Unit
    @Parent(key: "group_id") public var group: Group
    /// The group heading as the document writes it, e.g. "Strategiska nätverk".
    @Field(key: "heading") public var heading: String
    @Field(key: "heading_position") public var headingPosition: Int
    @Field(key: "position") public var position: Int

    public init() {}
}
