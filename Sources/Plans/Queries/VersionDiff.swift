/// The differences between two versions of a document, node by node, matched by lineage.
public enum VersionDiff {
    public enum Kind: String, Codable, Sendable {
        case added, removed, moved, reworded

        public var label: String {
            switch self {
            case .added: "Tillagd"
            case .removed: "Borttagen"
            case .moved: "Flyttad"
            case .reworded: "Omformulerad"
            }
        }
    }

    public struct Change: Codable, Sendable, Equatable {
        public let kind: Kind
        public let lineage: String
        public let level: String
        public let title: String
        public let previousTitle: String?
        public let parentTitle: String?
        public let previousParentTitle: String?
    }

    public static func compare(_ old: DocumentContent, _ new: DocumentContent) -> [Change] {
        func index(_ content: DocumentContent) -> [String: (node: DocumentContent.Node, parent: DocumentContent.Node?)] {
            var result: [String: (DocumentContent.Node, DocumentContent.Node?)] = [:]
            func walk(_ nodes: [DocumentContent.Node], parent: DocumentContent.Node?) {
                for node in nodes { result[node.lineage] = (node, parent); walk(node.children, parent: node) }
            }
            walk(content.nodes, parent: nil)
            return result
        }
        let before = index(old), after = index(new)
        var changes: [Change] = []
        for node in new.allNodes {
            guard let current = after[node.lineage] else { continue }
            guard let previous = before[node.lineage] else {
                changes.append(.init(kind: .added, lineage: node.lineage, level: node.level, title: node.title, previousTitle: nil,
                                     parentTitle: current.parent?.title, previousParentTitle: nil))
                continue
            }
            if previous.parent?.lineage != current.parent?.lineage {
                changes.append(.init(kind: .moved, lineage: node.lineage, level: node.level, title: node.title, previousTitle: nil,
                                     parentTitle: current.parent?.title, previousParentTitle: previous.parent?.title))
            }
            if previous.node.title != node.title || previous.node.text != node.text {
                changes.append(.init(kind: .reworded, lineage: node.lineage, level: node.level, title: node.title,
                                     previousTitle: previous.node.title, parentTitle: current.parent?.title, previousParentTitle: nil))
            }
        }
        for node in old.allNodes where after[node.lineage] == nil {
            changes.append(.init(kind: .removed, lineage: node.lineage, level: node.level, title: node.title, previousTitle: nil,
                                 parentTitle: before[node.lineage]?.parent?.title, previousParentTitle: nil))
        }
        return changes
    }
}
