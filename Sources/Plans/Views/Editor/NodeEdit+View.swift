import Core
import Organisation
import Plot

/// A goal, goal area or key activity: everything about it in one form with one save (title,
/// text, facts and place), so no save loses another's input. Adding below it and removing it
/// are pages of their own.
public enum NodeEdit {
    public final class View: OrganisationPage {
        let document: DocumentContent
        let node: DocumentContent.Node
        let revision: Int
        let csrf: String
        let options: Editor.FactOptions
        /// The form's values: the node as saved, or as the user sent it when refused.
        let state: Forms.FormState
        let conflict: (title: String, text: String)?
        let notice: EditorNotice?

        public init(content: DocumentContent, node: DocumentContent.Node, revision: Int, csrf: String, options: Editor.FactOptions,
                    state: Forms.FormState? = nil, conflict: (title: String, text: String)? = nil, notice: EditorNotice? = nil) {
            self.document = content
            self.node = node
            self.revision = revision
            self.csrf = csrf
            self.options = options
            self.state = state ?? Forms.FormState(values: Self.values(of: node, in: content))
            self.conflict = conflict
            self.notice = notice
            super.init(organisationSlug: document.organisation.slug, organisationName: document.organisation.name)
        }

        /// The node as the form shows it. Lists are joined by newlines (one key per line).
        static func values(of node: DocumentContent.Node, in content: DocumentContent) -> [String: String] {
            let codes = { (role: Agenda2030Role) in node.agenda2030.filter { $0.role == role }.map(\.code).joined(separator: ", ") }
            return ["title": node.title, "text": node.text, "responsibleUnit": node.responsibleUnit ?? "", "status": node.status ?? "",
                    "partners": node.partners.joined(separator: "\n"), "networks": node.networks.joined(separator: "\n"),
                    "strategies": node.strategies.joined(separator: "\n"), "primary": codes(.primary), "secondary": codes(.secondary),
                    "parent": content.parent(of: node.key)?.key ?? ""]
        }

        var draftBase: String { Editor.editURL(organisationSlug, document.slug, document.version.number) }
        var base: String { PlansURL.Editor.node.link(organisationSlug, document.slug, String(document.version.number), node.key) }

        public override func pageTitle() -> String { "Redigera \(node.level.lowercased()): \(node.title)" }
        public override func scripts() -> [String] { [SiteURL.editorScript] }
        public override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Redigera", url: PlansURL.Editor.index.link(organisationSlug)),
                               Breadcrumb("\(document.title), version \(document.version.number)", url: draftBase + "#punkt-\(node.key)"),
                               Breadcrumb(node.title))
        }

        public override func content() -> Node<HTML.BodyContext> {
            let levels = document.version.levels
            return .group(
                .h1(.span(.class("level-label"), .text(node.level)), .text(node.title)),
                Editor.messages(error: state.error.map { _ in conflict == nil ? "Inget är sparat. Rätta det som är markerat nedan och spara igen." : nil } ?? nil,
                         notice: notice?.message),
                .unwrap(conflict) { other in
                    .section(.class("conflict form-error"), .attribute(named: "role", value: "alert"),
                             .h2(.text("Någon annan har sparat under tiden")),
                             .p(.text("Din ändring är inte sparad. Så här ser den sparade versionen ut:")),
                             .p(.strong(.text(other.title))), .markdown(other.text),
                             .p(.text("Formuläret nedan har din text. Spara igen för att ersätta den sparade versionen.")))
                },
                .form(.method(.post), .action(HTML.escape(base)), .class("node-form"),
                      Editor.csrfField(csrf), .input(.type(.hidden), .name("revision"), .value(HTML.escape(String(revision)))),
                      Editor.fields([Forms.FieldSpec("title", "Titel"),
                              Forms.FieldSpec("text", "Text", .textarea(rows: 8),
                                        hint: "Stycken skiljs med en tom rad; **fetstil**, *kursiv*, rader som börjar med - blir punktlista.")], state: state),
                      .h2(.text("Uppgifter")),
                      Editor.fields([Forms.FieldSpec("responsibleUnit", "Ansvarig enhet", .select([Forms.Choice("", "Ingen angiven")] + unitChoices)),
                              Forms.FieldSpec("status", "Status", .select([Forms.Choice("", "Ingen angiven")] + PlanEditing.statuses.map { Forms.Choice($0.value, $0.label) }))],
                             state: state),
                      picker("Samarbetsparter", name: "partners", partnerItems),
                      picker("Nätverk och forum", name: "networks", networkItems),
                      picker("Strategier", name: "strategies", document.strategies.map { ($0.key, $0.heading ?? $0.key) }),
                      Editor.fields([Forms.FieldSpec("primary", "Agenda 2030, primär påverkan", hint: "Mål eller delmål skilda med kommatecken, till exempel 3.4, 10"),
                              Forms.FieldSpec("secondary", "Agenda 2030, sekundär påverkan", hint: "Mål eller delmål skilda med kommatecken")], state: state),
                      parentField(),
                      .div(.class("actions"), .button(.type(.submit), .text("Spara")), .a(.href(HTML.escape(draftBase + "#punkt-\(node.key)")), .text("Tillbaka till utkastet")))),
                .h2(.text("Mer")),
                .ul(
                    .if(node.depth + 1 < levels.count,
                        .li(.a(.href(PlansURL.Editor.addNode.link(organisationSlug, document.slug, String(document.version.number), query: ["under": "\(node.key)"])),
                               .text("Lägg till \(levels[min(node.depth + 1, levels.count - 1)].lowercased()) här under …")))),
                    .li(.a(.href(PlansURL.Editor.history.link(organisationSlug, query: ["dokument": "\(document.slug)", "punkt": "\(node.lineage)"])), .text("Historik"))),
                    .li(.a(.href(PlansURL.Editor.remove.link(organisationSlug, document.slug, String(document.version.number), node.key)),
                           .text(node.children.isEmpty ? "Ta bort …" : "Ta bort med allt under …")))
                )
            )
        }

        var unitChoices: [Forms.Choice] {
            var units = options.units
            if let current = node.responsibleUnit, !units.contains(current) { units.append(current) }
            return units.map { Forms.Choice($0, $0) }
        }

        /// The organisation's partners, and any the node points at that the list lacks: shown, so kept.
        var partnerItems: [(key: String, name: String)] { withCurrent(options.partners, node.partners, prefix: "partner") }
        var networkItems: [(key: String, name: String)] { withCurrent(options.networks, node.networks, prefix: "network") }

        func withCurrent(_ items: [(key: String, name: String)], _ current: [String], prefix: String) -> [(key: String, name: String)] {
            let known = Set(items.map(\.key))
            let missing = current.filter { !known.contains($0) }.map { key in
                (key: key, name: (document.version.frozenNames?["\(prefix):\(key)"] ?? key) + " (finns inte längre i registret)")
            }
            return missing + items
        }

        /// Checkboxes for a list; the script adds a search box above long lists, and without it the list simply scrolls.
        func picker(_ legend: String, name: String, _ items: [(key: String, name: String)]) -> Node<HTML.FormContext> {
            guard !items.isEmpty else { return .empty }
            let checked = Set((state.values[name] ?? "").split(separator: "\n").map(String.init))
            let error = state.error?.field == name ? state.error?.message : nil
            let boxes = items.enumerated().map { index, item in
                Markup.element("div", [.value("class", "check")], [
                    .void("input", [.value("type", "checkbox"), .value("name", "\(name)[]"), .value("id", "\(name)-\(index)"), .value("value", item.key),
                                    .flag("checked", checked.contains(item.key))]),
                    .element("label", [.value("for", "\(name)-\(index)")], text: item.name),
                ])
            }
            let count = "\(checked.count) av \(items.count) valda"
            return Markup.element("fieldset", [.value("class", "checks" + (error == nil ? "" : " invalid")), .flag("data-picker", true), .value("id", name),
                                               .value("aria-describedby", error == nil ? nil : "\(name)-error")], [
                .element("legend", [], [.text(legend + " "), .element("span", [.value("class", "hint")], text: "(\(count))")]),
                error.map { .element("p", [.value("class", "field-error"), .value("id", "\(name)-error")], text: $0) } ?? .empty,
                .element("div", [.value("class", "check-list")], boxes),
            ]).node()
        }

        func parentField() -> Node<HTML.FormContext> {
            let candidates = document.allNodes.filter { $0.depth == node.depth - 1 }
            guard node.depth > 0, candidates.count > 1 else { return .empty }
            let level = document.version.levels[node.depth - 1].lowercased()
            return Editor.fields([Forms.FieldSpec("parent", "Ligger under (\(level))", .select(candidates.map { Forms.Choice($0.key, $0.title) }),
                                     hint: "Välj en annan för att flytta hit med allt som ligger under.")], state: state)
        }
    }
}
