import Core
import Plot

/// The goal tree as nested sections, each node with its level named and linked to its own
/// page. Nodes of the deepest level with nothing below them are listed, as in the PDF.
enum GoalTree {
    static func node(_ node: DocumentContent.Node, in model: DocumentContent, headingLevel: Int, progress: ReportedProgress? = nil) -> Node<HTML.BodyContext> {
        let isLeaf = { (child: DocumentContent.Node) in child.children.isEmpty && child.depth == model.version.levels.count - 1 && child.depth > 0 }
        let leaves = node.children.filter(isLeaf)
        let branches = node.children.filter { !isLeaf($0) }
        return .section(
            .id(HTML.escape(anchor(node))),
            .class(node.depth == 0 ? "goal-area" : "goal"),
            heading(level: headingLevel, .span(.class("level-label"), .text(node.level)), link(node, in: model)),
            .markdown(node.text),
            .unwrap(progress) { ProgressViews.rollUp($0, lineage: node.lineage) },
            .forEach(branches) { child in GoalTree.node(child, in: model, headingLevel: headingLevel + 1, progress: progress) },
            .unwrap(leaves.first) { first in
                .group(
                    .p(.class("level-label"), .text(Glossary.heading(first.level, count: leaves.count))),
                    .ul(.class("activities"), .forEach(leaves) { leaf in .li(link(leaf, in: model), .unwrap(progress?.activities[leaf.lineage]) { ProgressViews.status($0) }) })
                )
            }
        )
    }

    /// The node's place on the document's page; prefixed so it never meets a section's key.
    static func anchor(_ node: DocumentContent.Node) -> String { "\(Glossary.item)-\(node.key)" }

    static func link(_ node: DocumentContent.Node, in model: DocumentContent) -> Node<HTML.BodyContext> {
        .a(.href(PlansURL.page(of: model, node: node.key)), .text(node.title))
    }

    static func heading(level: Int, _ nodes: Node<HTML.BodyContext>...) -> Node<HTML.BodyContext> {
        switch level {
        case ...2: .h2(.group(nodes))
        case 3: .h3(.group(nodes))
        case 4: .h4(.group(nodes))
        case 5: .h5(.group(nodes))
        default: .h6(.group(nodes))
        }
    }
}
