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
        public var sections: [SectionEntry]
        public var agenda2030: [AgendaEntry]
        public var nodes: [NodeEntry]
    }

    public struct SectionEntry: Codable, Equatable, Sendable {
        public var key: String
        public var heading: String?
        public var depth: Int
        public var role: SectionRole?
        public var body: String
    }

    public struct AgendaEntry: Codable, Equatable, Sendable {
        /// A goal ("11") or a target ("11.3").
        public var code: String
        public var role: AgendaRole
        public var explanation: String
    }

    public struct NodeEntry: Codable, Equatable, Sendable {
        public var key: String
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
        public var agenda2030: [AgendaEntry]?
    }
}
