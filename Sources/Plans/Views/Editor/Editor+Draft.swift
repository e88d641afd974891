import Core
import Organisation
import Plot

extension Editor {
    /// Which nodes of a draft's tree to show: by level, goal area, status and words.
    public struct TreeFilter: Sendable, Equatable {
        public var level: Int?
        public var area: String?
        public var status: String?
        public var text: String?

        public init(level: Int? = nil, area: String? = nil, status: String? = nil, text: String? = nil) {
            self.level = level
            self.area = area
            self.status = status
            self.text = (text?.trimmingCharacters(in: .whitespaces)).nonEmpty
        }

        public var isActive: Bool { self != TreeFilter() }

        func matches(_ node: DocumentContent.Node, area root: String) -> Bool {
            (level.map { node.depth == $0 } ?? true)
                && (area.map { $0 == root } ?? true)
                && (status.map { $0 == "none" ? node.status == nil : node.status == $0 } ?? true)
                && (text.map { words in
                    [node.title, node.text].contains { $0.range(of: words, options: [.caseInsensitive, .diacriticInsensitive]) != nil }
                } ?? true)
        }

        /// The tree pruned to the nodes that match and the nodes above them; and how many matched.
        func apply(to roots: [DocumentContent.Node]) -> (nodes: [DocumentContent.Node], matches: Int) {
            guard isActive else { return (roots, 0) }
            var count = 0
            func prune(_ node: DocumentContent.Node, root: String) -> DocumentContent.Node? {
                var copy = node
                copy.children = node.children.compactMap { prune($0, root: root) }
                let hit = matches(node, area: root)
                if hit { count += 1 }
                return hit || !copy.children.isEmpty ? copy : nil
            }
            let kept = roots.compactMap { prune($0, root: $0.key) }
            return (kept, count)
        }
    }
}
