import Core
/// The differences between two versions of a document, or between a plan and next year's:
/// the document's title and period, its prose sections matched by key, and its nodes matched by
/// lineage, field by field (title, text, status, unit, partners, networks, strategies, Agenda 2030, place).
public enum VersionDiff {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case added, removed, moved, changed

        public var label: String {
            switch self {
            case .added: "Tillagd"
            case .removed: "Borttagen"
            case .moved: "Flyttad"
            case .changed: "Ändrad"
            }
        }
    }

    /// One field that differs, as text on both sides; `words` marks prose to compare word by word.
    public struct Field: Codable, Sendable, Equatable {
        public let label: String
        public let old: String
        public let new: String
        public let words: Bool
    }

    public struct Change: Codable, Sendable, Equatable {
        public let kind: Kind
        public let lineage: String
        public let level: String
        public let title: String
        public let parentTitle: String?
        public let previousParentTitle: String?
        public let fields: [Field]
    }

    public struct SectionChange: Codable, Sendable, Equatable {
        public let kind: Kind
        public let key: String
        public let heading: String
        public let fields: [Field]
    }

    public struct Comparison: Codable, Sendable, Equatable {
        public let document: [Field]
        public let sections: [SectionChange]
        public let nodes: [Change]
        public var isEmpty: Bool { document.isEmpty && sections.isEmpty && nodes.isEmpty }
        public var count: Int { document.count + sections.count + nodes.count }
    }

    /// `names` turns "partner:KEY" and "network:KEY" into names; a key without one is shown as is.
    public static func compare(_ old: DocumentContent, _ new: DocumentContent, names: [String: String] = [:]) -> Comparison {
        let period = { (content: DocumentContent) in content.periodLabel ?? "–" }
        let document = [field("Titel", old.title, new.title, words: true), field("Period", period(old), period(new))].compactMap { $0 }
        return Comparison(document: document, sections: sections(old, new), nodes: nodes(old, new, names: names))
    }

    static func field(_ label: String, _ old: String, _ new: String, words: Bool = false) -> Field? {
        old == new ? nil : Field(label: label, old: old, new: new, words: words)
    }

    static func sections(_ old: DocumentContent, _ new: DocumentContent) -> [SectionChange] {
        let before = Dictionary(old.sections.map { ($0.key, $0) }, uniquingKeysWith: { first, _ in first })
        let after = Set(new.sections.map(\.key))
        let oldOrder = old.sections.map(\.key).filter(after.contains), newOrder = new.sections.map(\.key).filter { before[$0] != nil }
        var changes: [SectionChange] = []
        for section in new.sections {
            let heading = section.heading ?? section.key
            guard let previous = before[section.key] else {
                changes.append(.init(kind: .added, key: section.key, heading: heading, fields: [Field(label: "Text", old: "", new: section.body, words: true)]))
                continue
            }
            let fields = [field("Rubrik", previous.heading ?? "", section.heading ?? "", words: true), field("Text", previous.body, section.body, words: true)]
                .compactMap { $0 }
            let moved = oldOrder.firstIndex(of: section.key) != newOrder.firstIndex(of: section.key)
            if !fields.isEmpty || moved {
                let place = moved ? [Field(label: "Plats", old: "\((oldOrder.firstIndex(of: section.key) ?? 0) + 1)",
                                           new: "\((newOrder.firstIndex(of: section.key) ?? 0) + 1)", words: false)] : []
                changes.append(.init(kind: fields.isEmpty ? .moved : .changed, key: section.key, heading: heading, fields: fields + place))
            }
        }
        for section in old.sections where !after.contains(section.key) {
            changes.append(.init(kind: .removed, key: section.key, heading: section.heading ?? section.key, fields: []))
        }
        return changes
    }

    typealias Indexed = [String: (node: DocumentContent.Node, parent: DocumentContent.Node?)]

    static func index(_ content: DocumentContent) -> Indexed {
        var result: Indexed = [:]
        func walk(_ nodes: [DocumentContent.Node], parent: DocumentContent.Node?) {
            for node in nodes { result[node.lineage] = (node, parent); walk(node.children, parent: node) }
        }
        walk(content.nodes, parent: nil)
        return result
    }

    /// A node's place among its siblings that the other version also has, so an addition or
    /// removal next to it does not count as a change of order.
    static func place(_ node: DocumentContent.Node, parent: DocumentContent.Node?, in content: DocumentContent, among other: Indexed) -> Int {
        let siblings = (parent?.children ?? content.nodes).filter { other[$0.lineage] != nil }
        return (siblings.firstIndex { $0.lineage == node.lineage } ?? 0) + 1
    }

    static func nodes(_ old: DocumentContent, _ new: DocumentContent, names: [String: String]) -> [Change] {
        let before = index(old), after = index(new)
        let list = { (keys: [String], prefix: String) in keys.map { names["\(prefix):\($0)"] ?? $0 }.joined(separator: ", ") }
        let status = { (value: String?) in Glossary.status(value) ?? "–" }
        let agenda = { (node: DocumentContent.Node) in node.agenda2030.map { "\($0.code) (\($0.role == .primary ? "primär" : "sekundär"))" }.joined(separator: ", ") }
        var changes: [Change] = []
        for node in new.allNodes {
            guard let current = after[node.lineage] else { continue }
            guard let previous = before[node.lineage] else {
                changes.append(.init(kind: .added, lineage: node.lineage, level: node.level, title: node.title, parentTitle: current.parent?.title,
                                     previousParentTitle: nil, fields: node.text.isEmpty ? [] : [Field(label: "Text", old: "", new: node.text, words: true)]))
                continue
            }
            let was = previous.node
            let moved = previous.parent?.lineage != current.parent?.lineage
            let fields = [
                field("Titel", was.title, node.title, words: true),
                field("Text", was.text, node.text, words: true),
                field("Status", status(was.status), status(node.status)),
                field("Ansvarig enhet", was.responsibleUnit ?? "–", node.responsibleUnit ?? "–"),
                field("Samarbetsparter", list(was.partners, "partner"), list(node.partners, "partner")),
                field("Nätverk och forum", list(was.networks, "network"), list(node.networks, "network")),
                field("Strategier", was.strategies.joined(separator: ", "), node.strategies.joined(separator: ", ")),
                field("Agenda 2030", agenda(was), agenda(node)),
                moved ? nil : field("Plats bland de punkter som finns i båda", "\(place(was, parent: previous.parent, in: old, among: after))",
                                    "\(place(node, parent: current.parent, in: new, among: before))"),
            ].compactMap { $0 }
            if moved || !fields.isEmpty {
                changes.append(.init(kind: moved ? .moved : .changed, lineage: node.lineage, level: node.level, title: node.title,
                                     parentTitle: current.parent?.title, previousParentTitle: moved ? previous.parent?.title : nil, fields: fields))
            }
        }
        for node in old.allNodes where after[node.lineage] == nil {
            changes.append(.init(kind: .removed, lineage: node.lineage, level: node.level, title: node.title,
                                 parentTitle: before[node.lineage]?.parent?.title, previousParentTitle: nil, fields: []))
        }
        return changes
    }
}
