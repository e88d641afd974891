import Core
import Organisation
import Plot
import ReferenceData

public enum DocumentShow {
    /// A steering document rendered like the published PDF: its prose in order,
    /// with the goal tree where the document puts it.
    public final class View: OrganisationPage {
        let model: DocumentContent
        /// How the work is going, where a module above reports it.
        let progress: ReportedProgress?
        /// Parts a module above assembles (an annual report's figures), after the document's own sections.
        let parts: [NodeSection]

        public init(model: DocumentContent, progress: ReportedProgress? = nil, parts: [NodeSection] = []) {
            self.model = model
            self.progress = progress
            self.parts = parts
            super.init(organisationSlug: model.organisation.slug, organisationName: model.organisation.name)
        }

        public override func pageTitle() -> String { "\(model.title) – \(model.organisation.name)" }
        public override func pageDescription() -> String {
            "\(model.kind.label) för \(model.organisation.name)" + (model.periodLabel.map { ", \($0)" } ?? "")
                + (model.version.adoptedBy.map { ", antagen av \($0)" } ?? "") + ": \(model.title)"
                + (model.version.levels.isEmpty ? "." : ", med \(levelsPhrase).")
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
                    DocumentFacts.list(model),
                    .unwrap(progress) { ProgressViews.notice($0) }
                ),
                .unwrap(model.sections.contains { $0.heading != nil && $0.depth == 1 } ? model : nil) { _ in tableOfContents() },
                .forEach(model.sections) { section in sectionNode(section) },
                .forEach(Array(parts.enumerated())) { index, part in
                    .section(.attribute(named: "aria-labelledby", value: "del-\(index)"), .h2(.id("del-\(index)"), .text(part.heading)), part.content.node())
                }
            )
        }

        /// The document's own levels in the plural: "målområden, mål och nyckelaktiviteter".
        var levelsPhrase: String {
            let levels = model.version.levels.map { Glossary.plural($0).lowercased() }
            guard let last = levels.last else { return "innehållet" }
            return levels.count > 1 ? levels.dropLast().joined(separator: ", ") + " och " + last : last
        }

        /// What the goal tree is called where the document gives it no heading: its own top two
        /// levels ("Målområden och mål"), never the demo's.
        var treeName: String {
            let levels = model.version.levels.prefix(2).map(Glossary.plural)
            guard let first = levels.first else { return "Innehåll" }
            return levels.count > 1 ? "\(first) och \(levels[1].lowercased())" : first
        }

        /// The document's chapters and their sections, as its own table of contents lists them: a
        /// section under a chapter without a heading (a pull quote) is a chapter of its own, and the
        /// goal tree lists its top level.
        var contents: [(title: String, anchor: String, children: [(title: String, anchor: String)])] {
            var entries: [(title: String, anchor: String, children: [(title: String, anchor: String)])] = []
            var chapterOpen = false
            for section in model.sections {
                if section.role == .goalTree {
                    entries.append((section.heading ?? treeName, section.key, model.nodes.map { ($0.title, GoalTree.anchor($0)) }))
                    chapterOpen = false
                } else if section.depth <= 1 {
                    chapterOpen = section.heading != nil
                    if let heading = section.heading { entries.append((heading, section.key, [])) }
                } else if let heading = section.heading {
                    if chapterOpen { entries[entries.count - 1].children.append((heading, section.key)) } else { entries.append((heading, section.key, [])) }
                }
            }
            return entries
        }

        func tableOfContents() -> Node<HTML.BodyContext> {
            .nav(
                .class("toc"),
                .ariaLabel("Innehåll"),
                .h2(.text("Innehåll")),
                .ol(.forEach(contents) { entry in
                    .li(.a(.href("#\(entry.anchor)"), .text(entry.title)),
                        .unwrap(entry.children.isEmpty ? nil : entry.children) { children in
                            .ol(.forEach(children) { child in .li(.a(.href("#\(child.anchor)"), .text(child.title))) })
                        })
                })
            )
        }

        func sectionNode(_ section: DocumentContent.Section) -> Node<HTML.BodyContext> {
            if section.role == .goalTree {
                return .section(
                    .id(HTML.escape(section.key)),
                    .safeAriaLabel(section.heading ?? treeName),
                    .forEach(model.nodes) { root in GoalTree.node(root, in: model, headingLevel: 2, progress: progress) },
                    // Published versions only: a draft has no public download.
                    .if(model.version.status != .draft, .downloads(
                        levelsPhrase, csv: PlansURL.nodesCSV.link(model.organisation.slug, model.slug, query: ["version": "\(model.version.number)"]),
                        json: PlansURL.API.tree.link(model.organisation.slug, model.slug, query: ["version": "\(model.version.number)"])))
                )
            }
            let heading: Node<HTML.BodyContext> = section.heading.map { text in
                section.depth <= 1 ? .h2(.text(text)) : .h3(.text(text))
            } ?? .empty
            guard section.role == .agenda2030, !model.agenda2030.isEmpty else {
                return .section(.id(HTML.escape(section.key)), heading, .markdown(section.body))
            }
            return .section(.id(HTML.escape(section.key)), heading, Agenda2030Mapping.inline(section.body, entries: model.agenda2030))
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
            .dt("Status"), .dd(version.status == .adopted ? .strong(.class("in-force"), .text(version.status.label)) : .text(version.status.label),
                               .if(version.status == .adopted && !adoptionStated(version),
                                   .text(" – dokumentet anger inte när eller av vem det antogs"))),
            .unwrap(version.furtherAdoptions == nil ? version : nil) { version in
                .group(
                    .unwrap(version.adoptedBy) { .group(.dt("Antagen av"), .dd(.text($0))) },
                    .unwrap(version.adoptedOn) { .group(.dt("Antagen den"), .dd(.text($0))) },
                    .unwrap(version.decisionReference) { .group(.dt("Beslut"), .dd(.text($0))) })
            },
            .unwrap(version.furtherAdoptions) { further in
                .group(.dt("Antagen av"), .dd(.ul(.class("adoptions"), .forEach(adoptions(version, further: further)) { adoption in
                    .li(.text(adoption.body), .text(" – " + Self.when(adoption)))
                })))
            },
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

    /// Whether the version says who adopted it, when or by which decision.
    static func adoptionStated(_ version: DocumentContent.VersionInfo) -> Bool {
        version.adoptedBy != nil || version.adoptedOn != nil || version.decisionReference != nil || version.furtherAdoptions != nil
    }

    static func when(_ adoption: Adoption) -> String {
        let facts = [adoption.adoptedOn, adoption.decisionReference].compactMap { $0 }
        return facts.isEmpty ? "datum anges inte" : facts.joined(separator: ", ")
    }

    /// Every body that adopted the version, the one the version names first.
    static func adoptions(_ version: DocumentContent.VersionInfo, further: [Adoption]) -> [Adoption] {
        let first = version.adoptedBy.map { Adoption(body: $0, adoptedOn: version.adoptedOn, decisionReference: version.decisionReference) }
        return (first.map { [$0] } ?? []) + further
    }

    /// A version in the list, linked where it can be read (a draft only in its editor's preview),
    /// with its changes against the version before.
    static func versionItem(_ other: DocumentContent.VersionInfo, among versions: [DocumentContent.VersionInfo], in model: DocumentContent) -> Node<HTML.ListContext> {
        let (org, doc) = (model.organisation.slug, model.slug)
        let isDraft = other.status == .draft
        let url = isDraft ? PlansURL.Editor.preview.link(org, doc, String(other.number)) : PlansURL.document(org, doc, version: other.number)
        let label = "Version \(other.number) – \(other.status.label)" + (other.adoptedOn.map { " \($0)" } ?? "")
        return .li(
            .a(.href(HTML.escape(url)), .text(label)),
            .unwrap(versions.first { $0.number < other.number }) { previous in
                let compare = isDraft ? PlansURL.Editor.compare.link(org, doc, String(other.number), query: ["med": "\(previous.number)"])
                    : PlansURL.compare.link(org, doc, query: ["fran": "\(previous.number)", "till": "\(other.number)"])
                return .group(.text(" · "), .a(.href(HTML.escape(compare)), .text("ändringar mot version \(previous.number)")))
            }
        )
    }
}

/// The Agenda 2030 goals a document serves, grouped by role.
enum Agenda2030Mapping {
    /// The section's paragraphs with each goal placed before the paragraph that explains it, as the
    /// document places its goal icons; goals whose explanation is not in the text follow as a list.
    static func inline(_ body: String, entries: [DocumentContent.Agenda2030Entry]) -> Node<HTML.BodyContext> {
        let paragraphs = body.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        let squeeze = { (text: String) in text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        let explains = { (paragraph: String, entry: DocumentContent.Agenda2030Entry) in
            !entry.explanation.isEmpty && squeeze(paragraph).contains(squeeze(entry.explanation))
        }
        let placed = entries.filter { entry in paragraphs.contains { explains($0, entry) } }
        let rest = entries.filter { entry in !placed.contains(entry) }
        return .group(
            .if(entries.contains { $0.interpreted == true }, .p(.class("note"), .attribute(named: "role", value: "note"),
                .text("Målnumren är tolkade: det publicerade dokumentet visar målen som ikoner, och här har de lästs ut ur styckena som förklarar dem."))),
            .forEach(paragraphs) { paragraph in
                let goals = placed.filter { explains(paragraph, $0) }
                return .group(
                    .unwrap(goals.isEmpty ? nil : goals) { goals in
                        .ul(.class("sdg-list sdg-inline"), .forEach(goals) { entry in
                            .li(.span(.class("sdg-chip"), .text(entry.code)), .strong(.text(title(entry.code))),
                                .span(.class("visually-hidden"), .text(" – \(entry.role.label.lowercased())")),
                                .unwrap(entry.note) { .span(.class("sdg-note"), .text(" – Anmärkning: \($0)")) })
                        })
                    },
                    .markdown(paragraph)
                )
            },
            .unwrap(rest.isEmpty ? nil : rest) { list($0) }
        )
    }

    static func title(_ code: String) -> String {
        Agenda2030.goal(code)?.titleSv ?? Agenda2030.target(code)?.shortTitleSv ?? code
    }

    static func list(_ entries: [DocumentContent.Agenda2030Entry]) -> Node<HTML.BodyContext> {
        .div(
            .class("agenda-mapping"),
            .forEach(Agenda2030Role.allCases.filter { role in entries.contains { $0.role == role } }) { role in
                .group(
                    .h3(.text(role.label)),
                    .ul(.class("sdg-list"), .forEach(entries.filter { $0.role == role }) { entry in
                        .li(
                            .span(.class("sdg-chip"), .text(entry.code)),
                            .strong(.text(title(entry.code))),
                            .unwrap(entry.note) { .span(.class("sdg-note"), .text(" – Anmärkning: \($0)")) }
                        )
                    })
                )
            }
        )
    }
}
