import Core
import Foundation

/// Organisation's part of the organisation file: the organisation itself, the registry entries
/// the file refers to, and the organisation's structure. Documented in docs/organisation-file.md
/// and schema/sections/organisation.schema.json.
public enum OrganisationSection: InterchangeSection {
    public struct Content: Codable, Equatable, Sendable {
        public var organisation: OrganisationEntry
        public var registry: [RegistryEntry]
        public var structure: StructureEntry
    }

    public struct OrganisationEntry: Codable, Equatable, Sendable {
        public var slug: String
        public var name: String
        public var kind: OrganisationKind
        public var county: String?
        /// Registry keys of the member organisations, in the organisation's own order.
        public var members: [String]
        /// The licence of its published data; absent means CC0 1.0.
        public var licence: Licence?
    }

    /// A registry entry. `key` is the SCB code for a municipality, otherwise the registry slug.
    public struct RegistryEntry: Codable, Equatable, Sendable {
        public var key: String
        public var kind: OrganisationKind
        public var name: String
        public var scbCode: String?
        public var county: String?
        public var population: Int?
        public var populationYear: Int?
    }

    /// The organisation's own structure: staff units, bodies, networks and forums, people.
    public struct StructureEntry: Codable, Equatable, Sendable {
        public var units: [UnitEntry]
        public var groups: [GroupEntry]
        public var people: [PersonEntry]
        /// The chart as the organisation's documents draw it; absent when they have none.
        public var chart: [OrganisationStructure.ChartBox]?
    }

    public struct UnitEntry: Codable, Equatable, Sendable {
        public var key: String
        public var name: String
        public var areasHeading: String?
        public var areas: [String]
        /// Keys of the bodies that steer the unit ("Politiska styrgrupper").
        public var steeringGroups: [String]
        /// The networks and forums listed under the unit, grouped as the document groups them.
        public var listings: [ListingEntry]
    }

    public struct ListingEntry: Codable, Equatable, Sendable {
        public var heading: String
        public var groups: [String]
    }

    /// A body (organ), network or forum.
    public struct GroupEntry: Codable, Equatable, Sendable {
        public var key: String
        public var name: String
        public var kind: GroupKind
        /// One of the organisation's own bodies (organ).
        public var body: Bool
        public var mandate: String?
        public var meetingRhythm: String?
        /// Key of the body it reports to or prepares matters for.
        public var reportsTo: String?
        /// Key of the unit that runs it.
        public var runBy: String?
        /// Registry key of the organisation that convenes it, when another does.
        public var convener: String?
        public var partners: [String]?
        public var memberships: [MembershipEntry]?
    }

    public struct MembershipEntry: Codable, Equatable, Sendable {
        public var role: String
        /// Key of the person holding the seat; absent for a seat the documents define without a name.
        public var person: String?
        /// Registry key of the member or partner the seat represents.
        public var representing: String?
        public var from: String?
        public var to: String?
    }

    public struct PersonEntry: Codable, Equatable, Sendable {
        public var key: String
        public var name: String
        public var title: String?
    }
}
