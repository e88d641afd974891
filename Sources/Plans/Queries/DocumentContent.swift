import Foundation
import Organisation

/// Everything one public version of a document shows, as plain values: the HTML page,
/// the JSON API and the export all read this one model.
public struct DocumentContent: Codable, Sendable, Equatable {
    public struct OrganisationRef: Codable, Sendable, Equatable {
        public let slug: String
        public let name: String
    }

    public struct VersionInfo: Codable, Sendable, Equatable {
        public let number: Int
        public let title: String
        public let status: DocumentStatus
        public let periodStart: Int?
        public let periodEnd: Int?
        public let adoptedBy: String?
        public let adoptedOn: String?
        public let decisionReference: String?
        /// Bodies that adopted the version besides `adoptedBy`; absent when none did.
        public let furtherAdoptions: [Adoption]?
        public let levels: [String]
        /// The partner and network names as they were at adoption ("partner:KEY", "network:KEY").
        public let frozenNames: [String: String]?
    }

    public struct Section: Codable, Sendable, Equatable {
        public let key: String
        public let heading: String?
        public let depth: Int
        public let role: SectionRole?
        public let body: String
    }

    public struct Agenda2030Entry: Codable, Sendable, Equatable {
        public let code: String
        public let role: Agenda2030Role
        public let explanation: String
        /// True where the goal was read from the published document's icons, not from its text; absent otherwise.
        public let interpreted: Bool?
        /// A note shown with the link; absent when there is none.
        public let note: String?

        public init(code: String, role: Agenda2030Role, explanation: String, interpreted: Bool? = nil, note: String? = nil) {
            self.code = code
            self.role = role
            self.explanation = explanation
            self.interpreted = interpreted
            self.note = note
        }
    }

    /// Something a node points at, by its stable key and by name: partners (registry keys),
    /// networks and forums (group keys), the responsible unit (unit key; nil when the name
    /// matches no unit of the organisation).
    public struct Reference: Codable, Sendable, Equatable {
        public let key: String?
        public let name: String
    }

    public struct References: Codable, Sendable, Equatable {
        public let partners: [Reference]
        public let networks: [Reference]
        public let responsibleUnit: Reference?
    }

    public struct Node: Codable, Sendable, Equatable {
        public let key: String
        /// Identity across versions: the same lineage in two versions is the same node.
        public let lineage: String
        public let level: String
        public let depth: Int
        public let title: String
        public let text: String
        public let responsibleUnit: String?
        public let status: String?
        public let partners: [String]
        public let networks: [String]
        public let strategies: [String]
        public let implements: [NodeReference]
        public let agenda2030: [Agenda2030Entry]
        /// The partners, networks and unit above, each with key and name (names as frozen at adoption).
        public let references: References
        public var children: [Node]
    }

    public let organisation: OrganisationRef
    public let slug: String
    public let kind: DocumentKind
    public let version: VersionInfo
    /// The public versions of this document, newest first.
    public let versions: [VersionInfo]
    public let sections: [Section]
    public let agenda2030: [Agenda2030Entry]
    public let nodes: [Node]

    public var title: String { version.title }
    public var strategies: [Section] { sections.filter { $0.role == .strategy } }

    /// All nodes in reading order (depth first).
    public var allNodes: [Node] {
        var result: [Node] = []
        func walk(_ nodes: [Node]) { for node in nodes { result.append(node); walk(node.children) } }
        walk(nodes)
        return result
    }

    /// A node and the chain of its ancestors, root first.
    /// The node directly above `key`, nil for a node at the top.
    public func parent(of key: String) -> Node? {
        path(to: key).flatMap { $0.count > 1 ? $0[$0.count - 2] : nil }
    }

    public func path(to key: String) -> [Node]? {
        func search(_ nodes: [Node], _ trail: [Node]) -> [Node]? {
            for node in nodes {
                if node.key == key { return trail + [node] }
                if let found = search(node.children, trail + [node]) { return found }
            }
            return nil
        }
        return search(nodes, [])
    }

    public var periodLabel: String? { Self.periodLabel(start: version.periodStart, end: version.periodEnd) }

    /// "2023", "2023–2026", "från 2023".
    public static func periodLabel(start: Int?, end: Int?) -> String? {
        switch (start, end) {
        case let (start?, end?) where start == end: "\(start)"
        case let (start?, end?): "\(start)–\(end)"
        case let (start?, nil): "från \(start)"
        default: nil
        }
    }
}

public struct DocumentSummary: Codable, Sendable, Equatable {
    public let slug: String
    public let kind: DocumentKind
    public let title: String
    public let status: DocumentStatus
    public let version: Int
    public let periodStart: Int?
    public let periodEnd: Int?
    /// Who adopted the version and when, where it says so.
    public let adoptedBy: String?
    public let adoptedOn: String?

    public init(slug: String, kind: DocumentKind, title: String, status: DocumentStatus, version: Int, periodStart: Int?, periodEnd: Int?,
                adoptedBy: String? = nil, adoptedOn: String? = nil) {
        self.slug = slug
        self.kind = kind
        self.title = title
        self.status = status
        self.version = version
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.adoptedBy = adoptedBy
        self.adoptedOn = adoptedOn
    }
}
