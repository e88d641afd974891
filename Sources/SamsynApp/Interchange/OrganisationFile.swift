import Foundation
import Organisation
import Plans

/// The organisation file: one organisation with every version of every document and the
/// registry entries it refers to. Documented in docs/organisation-file.md and
/// schema/organisation-file.schema.json; keep all three in step.
public struct OrganisationFile: Codable, Equatable, Sendable {
    public static let formatName = "samsyn-organisation"
    public static let currentVersion = 1

    public var format: String
    public var formatVersion: Int
    public var organisation: OrganisationEntry
    public var registry: [RegistryEntry]
    public var structure: StructureEntry
    public var documents: [DocumentEntry]

    public struct OrganisationEntry: Codable, Equatable, Sendable {
        public var slug: String
        public var name: String
        public var kind: OrganisationKind
        public var county: String?
        /// Registry keys of the member organisations, in the organisation's own order.
        public var members: [String]
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

    public struct DocumentEntry: Codable, Equatable, Sendable {
        public var slug: String
        public var kind: DocumentKind
        public var versions: [VersionEntry]
    }

    public struct VersionEntry: Codable, Equatable, Sendable {
        public var number: Int
        public var title: String
        public var status: DocumentStatus
        public var periodStart: Int?
        public var periodEnd: Int?
        public var adoptedBy: String?
        public var adoptedOn: String?
        public var decisionReference: String?
        public var levels: [String]
        /// Names frozen at adoption, keyed "partner:KEY" and "network:KEY".
        public var frozenNames: [String: String]?
        public var sections: [SectionEntry]
        public var agenda2030: [Agenda2030Entry]
        public var nodes: [NodeEntry]
    }

    public struct SectionEntry: Codable, Equatable, Sendable {
        public var key: String
        public var heading: String?
        public var depth: Int
        public var role: SectionRole?
        public var body: String
    }

    public struct Agenda2030Entry: Codable, Equatable, Sendable {
        /// A goal ("11") or a target ("11.3").
        public var code: String
        public var role: Agenda2030Role
        public var explanation: String
    }

    public struct NodeEntry: Codable, Equatable, Sendable {
        public var key: String
        /// The node's identity across versions, when it differs from its key (it was renamed or moved).
        public var lineage: String?
        public var parent: String?
        public var level: String
        public var title: String
        public var text: String?
        public var responsibleUnit: String?
        public var status: String?
        public var partners: [String]?
        public var networks: [String]?
        public var strategies: [String]?
        public var implements: [NodeReference]?
        public var agenda2030: [Agenda2030Entry]?
    }
}
