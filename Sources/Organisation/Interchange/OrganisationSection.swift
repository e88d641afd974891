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
        /// Meeting records, oldest first; absent when there are none.
        public var meetings: [MeetingEntry]?
    }

    public struct MeetingEntry: Codable, Equatable, Sendable {
        public var key: String
        public var title: String
        public var heldOn: String
        public var group: String?
        public var notes: String?
        public var participants: [MeetingRecord.Participant]
        public var documents: [MeetingRecord.Document]

        var record: MeetingRecord { MeetingRecord(title: title, heldOn: heldOn, group: group, notes: notes, participants: participants, documents: documents) }
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
        /// The figure is for 31 December of this year.
        public var populationYear: Int?
        /// Who published the figure and through whom it was taken, e.g. "SCB via regionfakta.com".
        public var populationSource: String?
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
        /// The document's heading over the bodies that steer the unit, e.g. "Politiska styrgrupper".
        public var steeringHeading: String?
        /// Keys of the bodies that steer the unit.
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
        /// Key of the unit through which the organisation runs it, only where its documents say so.
        public var runBy: String?
        /// Registry key of another organisation that runs it, only where the documents say so.
        public var runByActor: String?
        /// Registry key of the organisation that convenes it, only where the documents say so.
        public var convener: String?
        public var partners: [String]?
        /// Bodies of other organisations it prepares matters for (a joint body prepares for both boards).
        public var preparesFor: [ExternalBodyEntry]?
        public var memberships: [MembershipEntry]?
    }

    /// A body of another organisation, named as the documents name it.
    public struct ExternalBodyEntry: Codable, Equatable, Sendable {
        public var body: String
        /// Registry key of the organisation the body belongs to.
        public var organisation: String?

        public init(body: String, organisation: String?) {
            self.body = body
            self.organisation = organisation
        }
    }

    public struct MembershipEntry: Codable, Equatable, Sendable {
        public var role: String
        /// True for a category of seats the documents describe without a count; absent for one seat.
        public var category: Bool?
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
