import Core
import Organisation
import Plot
import ReferenceData

public enum DocumentShow {
    /// A steering document rendered like the published PDF: its prose in order,
    /// with the goal tree where the document puts it.
    public final class View: OrganisationPage {
        let model: DocumentContent

        public init(model: DocumentContent) {
            self.model = model
            super.init(organisationSlug: model.organisation.slug, organisationName: model.organisation.name)
        }

        public override func pageTitle() -> String { "\(model.title) – \(model.organisation.name)" }
        public override func pageDescription() -> String {
            "\(model.kind.label) för \(model.organisation.name)" + (model.periodLabel.map { ", \($0)" } ?? "")
                + (model.version.adoptedBy.map { ", antagen av \($0)" } ?? "") + ": \(model.title), med mål och aktiviteter."
        }

        public override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Styrdokument", url: PlansURL.documents.link(model.organisation.slug)), Breadcrumb(model.title))
        }

        public override func content() -> Node<HTML.BodyContext> {
            .article(
                .class("document"),
                .header(
                    // Only editors' previews show a draft; the public never does.
                    .if(model.version.status == .draft,
                        .p(.class("draft-banner"), .attribute(named: "role", value: "note"),
                           .strong(.text("Utkast – ej publicerat.")), .text(" Så här ser sidan ut när utkastet antas."))),
                    .p(.class("level-label"), .text(model.kind.label)),
                    .h1(.text(model.title)),
                    DocumentFacts.list(model)
                ),
                .unwrap(model.sections.contains { $0.heading != nil && $0.depth == 1 } ? model : nil) { _ in tableOfContents() },
                .forEach(model.sections) { section in sectionNode(section) }
            )
        }

        /// What the goal tree is called where the document gives it no heading: its own top two
        /// levels ("Målområden och mål"), never the demo's.
        var treeName: String {
            let levels = model.version.levels.prefix(2).map(Glossary.plural)
            guard let first = levels.first else { return "Innehåll" }
            return levels.count > 1 ? "\(first) och \(levels[1].lowercased())" : first
        }

        func tableOfContents() -> Node<HTML.BodyContext> {
            .nav(
                .class("toc"),
                .ariaLabel("Innehåll"),
                .h2(.text("Innehåll")),
                .ul(.forEach(model.sections.filter { $0.depth == 1 && ($0.heading != nil || $0.role == .goalTree) }) { section in
                    .li(.a(.href("#\(section.key)"), .text(section.heading ?? treeName)))
                })
            )
        }

        func sectionNode(_ section: DocumentContent.Section) -> Node<HTML.BodyContext> {
            if section.role == .goalTree {
                return .section(
                    .id(section.key),
                    .safeAriaLabel(section.heading ?? treeName),
                    .forEach(model.nodes) { root in GoalTree.node(root, in: model, headingLevel: 2) },
                    // Published versions only: a draft has no public download.
                    .if(model.version.status != .draft, .downloads(
                        "målen och aktiviteterna", csv: PlansURL.nodesCSV.link(model.organisation.slug, model.slug) + "?version=\(model.version.number)",
                        json: PlansURL.API.tree.link(model.organisation.slug, model.slug) + "?version=\(model.version.number)"))
                )
            }
            let heading: Node<HTML.BodyContext> = section.heading.map { text in
                section.depth <= 1 ? .h2(.text(text)) : .h3(.text(text))
            } ?? .empty
            return .section(
                .id(section.key),
                heading,
                .markdown(section.body),
                .if(section.role == .agenda2030 && !model.agenda2030.isEmpty, Agenda2030Mapping.list(model.agenda2030))
            )
        }
    }
}

/// The facts of a document version: period, status, adoption, levels.
enum DocumentFacts {
    static func list(_ model: DocumentContent) -> Node<HTML.BodyContext> {
        let version = model.version
        return .dl(
            .class("facts"),
            .unwrap(model.periodLabel) { .group(.dt("Period"), .dd(.text($0))) },
            .dt("Status"), .dd(version.status == .adopted ? .strong(.class("in-force"), .text(version.status.label)) : .text(version.status.label)),
            .unwrap(version.adoptedBy) { .group(.dt("Antagen av"), .dd(.text($0))) },
            .unwrap(version.adoptedOn) { .group(.dt("Antagen den"), .dd(.text($0))) },
            .unwrap(version.decisionReference) { .group(.dt("Beslut"), .dd(.text($0))) },
            .dt("Version"), .dd(
                .text("\(version.number) "),
                .a(.href(PlansURL.page(of: model)), .text(version.status == .draft ? "(förhandsvisning)" : "(permanent länk)"))
            ),
            .dt("Nivåer"), .dd(.text(version.levels.joined(separator: " → "))),
            .unwrap(model.versions.count > 1 ? model.versions : nil) { versions in
                .group(.dt("Versioner"), .dd(.ul(.forEach(versions) { versionItem($0, among: versions, in: model) })))
            }
        )
    }

    /// A version in the list, linked where it can be read (a draft only in its editor's preview),
    /// with its changes against the version before.
    static func versionItem(_ other: DocumentContent.VersionInfo, among versions: [DocumentContent.VersionInfo], in model: DocumentContent) -> Node<HTML.ListContext> {
        let (org, doc) = (model.organisation.slug, model.slug)
        let isDraft = other.status == .draft
        let url = isDraft ? PlansURL.Editor.preview.link(org, doc, String(other.number)) : PlansURL.document(org, doc, version: other.number)
        let label = "Version \(other.number) – \(other.status.label)" + (other.adoptedOn.map { " \($0)" } ?? "")
        return .li(
            .a(.href(url), .text(label)),
            .unwrap(versions.first { $0.number < other.number }) { previous in
                let compare = isDraft ? PlansURL.Editor.compare.link(org, doc, String(other.number)) + "?med=\(previous.number)"
                    : PlansURL.document(org, doc) + "/jamfor?fran=\(previous.number)&till=\(other.number)"
                return .group(.text(" · "), .a(.href(compare), .text("ändringar mot version \(previous.number)")))
            }
        )
    }
}

/// The Agenda 2030 goals a document serves, grouped by role.
enum Agenda2030Mapping {
    static func list(_ entries: [DocumentContent.Agenda2030Entry]) -> Node<HTML.BodyContext> {
        .div(
            .class("agenda-mapping"),
            .forEach(Agenda2030Role.allCases.filter { role in entries.contains { $0.role == role } }) { role in
                .group(
                    .h3(.text(role.label)),
                    .ul(.class("sdg-list"), .forEach(entries.filter { $0.role == role }) { entry in
                        .li(
                            .span(.class("sdg-chip"), .text(entry.code)),
                            .strong(.text(Agenda2030.goal(entry.code)?.titleSv ?? Agenda2030.target(entry.code)?.shortTitleSv ?? entry.code))
                        )
                    })
                )
            }
        )
    }
}
