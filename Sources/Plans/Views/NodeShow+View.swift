import Core
import Organisation
import Plot

public enum NodeShow {
    public struct Model: Sendable {
        public typealias Link = PageLink

        public let document: DocumentContent
        /// The node and its ancestors, root first.
        public let path: [DocumentContent.Node]
        /// Nodes of other documents this node carries out, and those that carry it out.
        public let implements: [Link]
        public let implementedBy: [Link]
        /// The node's partner organisations and networks, resolved to their pages.
        public let partners: [Link]
        public let networks: [Link]
        /// How the work is going, where a module above reports it.
        public var progress: ReportedProgress?
        /// Sections modules above add (a goal's indicators).
        public var sections: [NodeSection] = []

        public init(document: DocumentContent, path: [DocumentContent.Node], implements: [Link], implementedBy: [Link],
                    partners: [Link] = [], networks: [Link] = []) {
            self.document = document
            self.path = path
            self.implements = implements
            self.implementedBy = implementedBy
            self.partners = partners
            self.networks = networks
        }

        public var node: DocumentContent.Node { path[path.count - 1] }
    }

    /// One goal area, goal or key activity with its facts and its place in the tree.
    public final class View: OrganisationPage {
        let model: Model

        public init(model: Model) {
            self.model = model
            super.init(organisationSlug: model.document.organisation.slug, organisationName: model.document.organisation.name)
        }

        var document: DocumentContent { model.document }

        func url(_ key: String) -> String {
            PlansURL.page(of: document, node: key)
        }

        public override func pageTitle() -> String { "\(model.node.title) – \(document.title)" }
        public override func pageDescription() -> String {
            let text = "\(model.node.level) i \(document.title) (\(document.organisation.name)): \(model.node.title)"
            return text.count > 200 ? String(text.prefix(199)) + "…" : text
        }

        public override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(
                Breadcrumb("Styrdokument", url: PlansURL.documents.link(document.organisation.slug)),
                Breadcrumb(document.title, url: PlansURL.page(of: document))
            ) + model.path.map { Breadcrumb($0.title, url: url($0.key)) }
        }

        public override func content() -> Node<HTML.BodyContext> {
            let node = model.node
            return .article(
                .header(
                    // Only editors' previews show a draft; the public never does.
                    .if(document.version.status == .draft,
                        .p(.class("draft-banner"), .attribute(named: "role", value: "note"),
                           .strong(.text("Utkast – ej publicerat.")), .text(" Så här ser sidan ut när utkastet antas."))),
                    .p(.class("level-label"), .text(node.level)), .h1(.text(node.title))),
                .markdown(node.text),
                .h2(.text("Fakta")),
                .dl(
                    .class("facts"),
                    .dt("Dokument"), .dd(.a(.href(PlansURL.page(of: document)),
                                          .text("\(document.title) (version \(document.version.number))"))),
                    .dt("Nivå"), .dd(.text(node.level)),
                    .unwrap(model.path.count > 1 ? model.path[model.path.count - 2] : nil) { parent in
                        .group(.dt("Ingår i"), .dd(.a(.href(HTML.escape(url(parent.key))), .text(parent.title))))
                    },
                    .unwrap(node.responsibleUnit) { .group(.dt("Ansvarig"), .dd(.text($0))) },
                    .unwrap(Glossary.status(node.status)) { .group(.dt("Status"), .dd(.text($0))) },
                    .unwrap(model.partners.isEmpty ? nil : model.partners) { .group(.dt("Samarbetsparter"), .dd(linkList($0))) },
                    .unwrap(model.networks.isEmpty ? nil : model.networks) { .group(.dt("Nätverk och forum"), .dd(linkList($0))) },
                    .unwrap(node.strategies.isEmpty ? nil : node.strategies) { keys in
                        .group(.dt("Strategier"), .dd(.text(keys.map { key in document.strategies.first { $0.key == key }?.heading ?? key }.joined(separator: ", "))))
                    }
                ),
                .unwrap(node.agenda2030.isEmpty ? nil : node.agenda2030) { entries in
                    .section(.h2(.text("Agenda 2030")), Agenda2030Mapping.list(entries))
                },
                .unwrap(model.progress) { ProgressViews.section($0, node: node) },
                .forEach(model.sections) { section in .section(.h2(.text(section.heading)), section.content.node()) },
                links(heading: Glossary.contributesTo, model.implements),
                links(heading: Glossary.contributedToBy, model.implementedBy),
                .unwrap(node.children.isEmpty ? nil : node.children) { children in
                    .section(
                        .h2(.text(Glossary.heading(children[0].level, count: children.count))),
                        .ul(.forEach(children) { child in .li(.a(.href(HTML.escape(url(child.key))), .text(child.title))) })
                    )
                }
            )
        }

        func linkList(_ links: [Model.Link]) -> Node<HTML.BodyContext> {
            .group(links.enumerated().map { index, link in
                .group(.if(index > 0, .text(", ")), link.url.isEmpty ? .text(link.title) : .a(.href(HTML.escape(link.url)), .text(link.title)))
            })
        }

        func links(heading: String, _ links: [Model.Link]) -> Node<HTML.BodyContext> {
            guard !links.isEmpty else { return .empty }
            return .section(
                .h2(.text(heading)),
                .ul(.forEach(links) { link in .li(.a(.href(HTML.escape(link.url)), .text(link.title)), .text(" (\(link.context))")) })
            )
        }
    }
}
