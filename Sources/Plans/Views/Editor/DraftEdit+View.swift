import Core
import Organisation
import Plot

public enum DraftEdit {
    public final class View: OrganisationPage {
        let document: DocumentContent
        let csrf: String
        let message: String?
        let notice: EditorNotice?
        let filter: Editor.TreeFilter
        /// After a copy: the sections that still name the year copied from.
        let oldYearSections: (year: Int, sections: [DocumentContent.Section])?

        public init(content: DocumentContent, csrf: String, message: String? = nil, notice: EditorNotice? = nil, filter: Editor.TreeFilter = .init(),
                    oldYearSections: (year: Int, sections: [DocumentContent.Section])? = nil) {
            self.document = content
            self.csrf = csrf
            self.message = message
            self.notice = notice
            self.filter = filter
            self.oldYearSections = oldYearSections
            super.init(organisationSlug: document.organisation.slug, organisationName: document.organisation.name)
        }

        var base: String { Editor.editURL(organisationSlug, document.slug, document.version.number) }
        var isDraft: Bool { document.version.status == .draft }

        public override func pageTitle() -> String { "Redigera \(document.title)" }
        public override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Redigera", url: PlansURL.Editor.index.link(organisationSlug)), Breadcrumb("\(document.title), version \(document.version.number)"))
        }

        func link(_ pattern: URLPattern, _ extra: String...) -> String {
            pattern.link([organisationSlug, document.slug, String(document.version.number)] + extra)
        }

        public override func content() -> Node<HTML.BodyContext> {
            let version = document.version
            return .group(
                .h1(.text("\(document.title), version \(version.number)")),
                .p(.strong(.text(Editor.stateLabel(version.status, adoptedOn: version.adoptedOn))), .text(". "),
                   .text(isDraft ? "Ändra fritt; ingenting publiceras förrän versionen antas." : "Versionen är låst; skapa ett nytt utkast för att ändra.")),
                Editor.messages(error: message, notice: notice?.message),
                .unwrap(oldYearSections) { found in
                    found.sections.isEmpty ? .empty : .section(.class("form-ok"), .attribute(named: "aria-labelledby", value: "gammalt-ar"),
                        .h2(.id("gammalt-ar"), .text("Avsnitt som nämner \(found.year)")),
                        .p(.text("Läs igenom dem och uppdatera årtalen där det behövs:")),
                        .ul(.forEach(found.sections) { section in
                            .li(.a(.href(HTML.escape(link(PlansURL.Editor.section, section.key))), .text(section.heading ?? "Avsnitt utan rubrik (\(section.key))")))
                        }))
                },
                .nav(.class("toolbar"), .ariaLabel("Utkastets verktyg"), .ul(
                    .li(.a(.href(HTML.escape(isDraft ? link(PlansURL.Editor.preview) : PlansURL.document(organisationSlug, document.slug, version: version.number))),
                           .text(isDraft ? "Förhandsgranska som publicerad sida" : "Visa den publicerade sidan"))),
                    .li(.a(.href(HTML.escape(link(PlansURL.Editor.compare))), .text("Jämför med annan version"))),
                    .if(isDraft, .group(
                        .li(.a(.href(HTML.escape(link(PlansURL.Editor.details))), .text("Titel och period"))),
                        .li(.a(.href(HTML.escape(link(PlansURL.Editor.adopt))), .text("Anta versionen …"))),
                        .li(.a(.href(HTML.escape(link(PlansURL.Editor.discard))), .text("Kasta utkastet …")))
                    )),
                    .if(!isDraft, .li(.a(.href(HTML.escape(link(PlansURL.Editor.furtherAdoption))), .text("Lägg till ett beslut (fler parter) …")))),
                    .li(.a(.href(PlansURL.Editor.history.link(organisationSlug, query: ["dokument": "\(document.slug)"])), .text("Historik")))
                )),
                sectionList(),
                treeSection()
            )
        }

        func sectionList() -> Node<HTML.BodyContext> {
            .section(
                .attribute(named: "aria-labelledby", value: "avsnitt"),
                .h2(.id("avsnitt"), .text("Avsnitt")),
                .p(.class("hint"), .text("Dokumentets löptext i ordning. Målträdet står där avsnittet ”Målträdet” står.")),
                .ol(.class("section-list"), .forEach(document.sections.indices, { index in
                    let section = document.sections[index]
                    let name = section.role == .goalTree ? "Målträdet" : (section.heading ?? "Avsnitt utan rubrik (\(section.key))")
                    return .li(
                        .id("avsnitt-\(section.key)"),
                        isDraft && section.role != .goalTree ? .a(.href(HTML.escape(link(PlansURL.Editor.section, section.key))), .text(name)) : .text(name),
                        .if(isDraft, .group(
                            .if(index > 0, Editor.actionButton(link(PlansURL.Editor.sectionOrder, section.key), csrf: csrf, label: "↑",
                                                        ariaLabel: "Flytta upp: \(name)", fields: ["direction": "up"], small: true)),
                            .if(index < document.sections.count - 1, Editor.actionButton(link(PlansURL.Editor.sectionOrder, section.key), csrf: csrf, label: "↓",
                                                                                  ariaLabel: "Flytta ned: \(name)", fields: ["direction": "down"], small: true))
                        ))
                    )
                })),
                .if(isDraft, .p(.a(.href(HTML.escape(link(PlansURL.Editor.newSection))), .text("Nytt avsnitt …"))))
            )
        }

        func treeSection() -> Node<HTML.BodyContext> {
            let (nodes, matches) = filter.apply(to: document.nodes)
            let top = document.version.levels.first?.lowercased() ?? Glossary.item
            return .section(
                .attribute(named: "aria-labelledby", value: "maltrad"),
                .h2(.id("maltrad"), .text("Målträdet")),
                filterForm(),
                .if(filter.isActive, .p(.attribute(named: "role", value: "status"),
                                        .text(matches == 1 ? "1 träff." : "\(matches) träffar."), .text(" "),
                                        .a(.href(HTML.escape(base + "#maltrad")), .text("Visa hela trädet")))),
                nodes.isEmpty ? .p(.text(filter.isActive ? "Inget i trädet matchar filtret." : "Trädet är tomt.")) : .ul(.class("tree"), .forEach(nodes) { node(in: $0) }),
                .if(isDraft, .p(.a(.href(HTML.escape(link(PlansURL.Editor.addNode))), .text("Lägg till \(top) …"))))
            )
        }

        func filterForm() -> Node<HTML.BodyContext> {
            let levels = [Forms.Choice("", "Alla nivåer")] + document.version.levels.enumerated().map { Forms.Choice(String($0.offset), $0.element) }
            let areas = [Forms.Choice("", "Alla")] + document.nodes.map { Forms.Choice($0.key, $0.title) }
            let statuses = [Forms.Choice("", "Alla"), Forms.Choice("none", "Ingen angiven")] + PlanEditing.statuses.map { Forms.Choice($0.value, $0.label) }
            let state = Forms.FormState(values: ["niva": filter.level.map(String.init) ?? "", "omrade": filter.area ?? "", "status": filter.status ?? "",
                                           "q": filter.text ?? ""])
            let specs = [Forms.FieldSpec("niva", "Nivå", .select(levels)), Forms.FieldSpec("omrade", document.version.levels.first ?? "Område", .select(areas)),
                         Forms.FieldSpec("status", "Status", .select(statuses)), Forms.FieldSpec("q", "Ord i titel eller text")]
            return .form(.class("filters"), .method(.get), .action(HTML.escape(base + "#maltrad")), .attribute(named: "role", value: "search"),
                         .attribute(named: "aria-label", value: "Filtrera målträdet"),
                         Editor.fields(specs, state: state, idPrefix: "filter-"), .button(.type(.submit), .class("secondary"), .text("Filtrera")))
        }

        func node(in item: DocumentContent.Node) -> Node<HTML.ListContext> {
            .li(
                .id("punkt-\(item.key)"),
                .span(.class("level-label"), .text(item.level)),
                isDraft ? .a(.href(HTML.escape(link(PlansURL.Editor.node, item.key))), .text(item.title))
                    : .a(.href(PlansURL.node(organisationSlug, document.slug, item.key, version: document.version.number)), .text(item.title)),
                .unwrap(Glossary.status(item.status)) { .span(.class("status"), .text(" – \($0)")) },
                .if(isDraft && !filter.isActive, .group(
                    Editor.actionButton(link(PlansURL.Editor.reorder, item.key), csrf: csrf, label: "↑", ariaLabel: "Flytta upp: \(item.title)",
                                 fields: ["direction": "up"], small: true),
                    Editor.actionButton(link(PlansURL.Editor.reorder, item.key), csrf: csrf, label: "↓", ariaLabel: "Flytta ned: \(item.title)",
                                 fields: ["direction": "down"], small: true)
                )),
                .unwrap(item.children.isEmpty ? nil : item.children) { children in .ul(.forEach(children) { node(in: $0) }) }
            )
        }
    }
}
