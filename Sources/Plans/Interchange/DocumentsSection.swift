import Core
import Foundation
import Organisation

/// Plans' part of the organisation file: every version of every document. Documented in
/// docs/organisation-file.md and schema/sections/documents.schema.json.
public enum DocumentsSection: InterchangeSection {
    public struct Content: Codable, Equatable, Sendable {
        public var documents: [DocumentEntry]
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
        /// Bodies that adopted the version besides `adoptedBy`, each with its own date and decision.
        public var furtherAdoptions: [Adoption]?
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
        /// True where the goal was read from the published document's icons, not from its text.
        public var interpreted: Bool?
        /// A note shown with the link, e.g. where the text names another number than it means.
        public var note: String?
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
