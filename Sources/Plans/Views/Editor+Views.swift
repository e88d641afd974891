import Core
import Organisation
import Plot

/// The editor's pages: documents with every version, a draft's tree, a node's form.
public enum Editor {
    public struct DocumentVersions: Sendable {
        public let slug: String
        public let versions: [(number: Int, title: String, status: DocumentStatus)]
        public init(slug: String, versions: [(number: Int, title: String, status: DocumentStatus)]) {
            self.slug = slug
            self.versions = versions
        }
    }

    static func editURL(_ org: String, _ doc: String, _ version: Int) -> String { PlansURL.Editor.draft.link(org, doc, String(version)) }

    static func csrfField(_ csrf: String) -> Node<HTML.FormContext> {
        .input(.type(.hidden), .name("csrf"), .value(Markdown.escape(csrf)))
    }

    /// A labelled input; with an error, the message stands beside it and the input says it is invalid.
    static func field(_ id: String, _ label: String, name: String? = nil, value: String = "", type: HTMLInputType = .text,
                      error: String? = nil) -> Node<HTML.FormContext> {
        guard let error else {
            return .div(.class("field"), .label(.for(id), .text(label)), .input(.type(type), .name(name ?? id), .id(id), .value(Markdown.escape(value))))
        }
        return .div(.class("field invalid"), .label(.for(id), .text(label)),
                    .input(.type(type), .name(name ?? id), .id(id), .value(Markdown.escape(value)),
                           .attribute(named: "aria-invalid", value: "true"), .attribute(named: "aria-describedby", value: "\(id)-error")),
                    .p(.class("field-error"), .id("\(id)-error"), .text(error)))
    }

    /// A refused form, shown again with what the user typed and the reason beside the field.
    public struct FormError: Sendable {
        /// Which form: a document's slug (its copy form), or "new".
        public let form: String
        public let field: String
        public let message: String
        public let values: [String: String]

        public init(form: String, field: String, message: String, values: [String: String]) {
            self.form = form
            self.field = field
            self.message = message
            self.values = values
        }
    }

    public final class IndexView: OrganisationPage {
        let documents: [DocumentVersions]
        let csrf: String
        let formError: FormError?

        public init(organisationSlug: String, organisationName: String, documents: [DocumentVersions], csrf: String, formError: FormError? = nil) {
            self.documents = documents
            self.csrf = csrf
            self.formError = formError
            super.init(organisationSlug: organisationSlug, organisationName: organisationName)
        }

        /// A field of `form` with what was typed and its error, when that form was refused.
        func field(_ form: String, _ id: String, _ label: String, name: String, type: HTMLInputType = .text) -> Node<HTML.FormContext> {
            let refused = formError?.form == form ? formError : nil
            return Editor.field(id, label, name: name, value: refused?.values[name] ?? "", type: type,
                                error: refused?.field == name ? refused?.message : nil)
        }

        public override func pageTitle() -> String { "Redigera – \(organisationName)" }
        public override func breadcrumbs() -> [Breadcrumb] { organisationCrumbs(Breadcrumb("Redigera")) }

        public override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text("Redigera styrdokument")),
                newDocumentForm(),
                .forEach(documents) { document in
                    let latest = document.versions.map(\.number).max() ?? 1
                    return .section(
                        .h2(.text(document.versions.first { $0.number == latest }?.title ?? document.slug)),
                        .ul(.forEach(document.versions) { version in
                            .li(.a(.href(editURL(organisationSlug, document.slug, version.number)), .text("Version \(version.number): \(version.title)")),
                                .text(" – \(version.status.label)"))
                        }),
                        .form(.method(.post), .action(PlansURL.Editor.newDraft.link(organisationSlug, document.slug)),
                              csrfField(csrf), .button(.type(.submit), .text("Ny version (utkast) av version \(latest)"))),
                        .form(.method(.post), .action(PlansURL.Editor.copy.link(organisationSlug, document.slug)),
                              .h3(.text("Nytt dokument som kopia")),
                              .p(.text("Kopierar version \(latest) med text och mål; nyckelaktiviteter följer med så länge de inte är genomförda eller avbrutna.")),
                              csrfField(csrf),
                              field(document.slug, "slug-\(document.slug)", "Adress (till exempel verksamhetsplan-2024)", name: "slug"),
                              field(document.slug, "title-\(document.slug)", "Titel", name: "title"),
                              field(document.slug, "start-\(document.slug)", "Period från (år)", name: "periodStart", type: .number),
                              field(document.slug, "end-\(document.slug)", "Period till (år)", name: "periodEnd", type: .number),
                              .button(.type(.submit), .text("Skapa kopia")))
                    )
                }
            )
        }
    }

    public final class DraftView: OrganisationPage {
        let document: DocumentContent
        let csrf: String
        let message: String?
        let notice: EditorNotice?

        public init(content: DocumentContent, csrf: String, message: String? = nil, notice: EditorNotice? = nil) {
            self.document = content
            self.csrf = csrf
            self.message = message
            self.notice = notice
            super.init(organisationSlug: document.organisation.slug, organisationName: document.organisation.name)
        }

        var base: String { editURL(organisationSlug, document.slug, document.version.number) }

        public override func pageTitle() -> String { "Redigera \(document.title)" }
        public override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Redigera", url: PlansURL.Editor.index.link(organisationSlug)), Breadcrumb("\(document.title), version \(document.version.number)"))
        }

        public override func content() -> Node<HTML.BodyContext> {
            let isDraft = document.version.status == .draft
            return .group(
                .h1(.text("\(document.title), version \(document.version.number)")),
                .p(.text("Status: \(document.version.status.label). "), .if(!isDraft, .text("Versionen är låst; skapa en ny version för att ändra."))),
                .unwrap(message) { .p(.class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
                .unwrap(notice) { .p(.class("form-ok"), .attribute(named: "role", value: "status"), .text($0.message)) },
                .p(.a(.href(base + "/forhandsvisning"), .text("Förhandsgranska som publicerad sida"))),
                .h2(.text("Innehåll")),
                .ul(.forEach(document.nodes) { node(in: $0) }),
                .if(isDraft, .form(.method(.post), .action(base + "/ny"),
                                   csrfField(csrf),
                                   field("new-root", "Ny \(document.version.levels.first?.lowercased() ?? "nod") (titel)", name: "title"),
                                   .button(.type(.submit), .text("Lägg till")))),
                .if(isDraft, .section(
                    .h2(.text("Anta versionen")),
                    .form(.method(.post), .action(base + "/anta"),
                          csrfField(csrf),
                          field("body", "Beslutande organ (till exempel Förbundsfullmäktige)"),
                          field("date", "Beslutsdatum (ÅÅÅÅ-MM-DD)"),
                          field("reference", "Beslutsreferens (till exempel § 12)"),
                          .button(.type(.submit), .text("Anta och publicera")))
                ))
            )
        }

        func node(in item: DocumentContent.Node) -> Node<HTML.ListContext> {
            let isDraft = document.version.status == .draft
            return .li(
                .id("nod-\(item.key)"),
                .text("\(item.level): "),
                isDraft ? .a(.href(base + "/nod/\(item.key)"), .text(item.title)) : .text(item.title),
                .if(isDraft, .group(
                    reorderButton(item, .up, "Flytta upp"),
                    reorderButton(item, .down, "Flytta ned")
                )),
                .unwrap(item.children.isEmpty ? nil : item.children) { children in .ul(.forEach(children) { node(in: $0) }) }
            )
        }
    }

    /// What a node's facts can point at in this organisation.
    public struct FactOptions: Sendable {
        public let units: [String]
        public let partners: [(key: String, name: String)]
        public let networks: [(key: String, name: String)]
        public init(units: [String], partners: [(key: String, name: String)], networks: [(key: String, name: String)]) {
            self.units = units
            self.partners = partners
            self.networks = networks
        }
    }

    public final class NodeForm: OrganisationPage {
        public var options: FactOptions?
        /// Nodes one level above this one: where it can be moved.
        var parentCandidates: [DocumentContent.Node] { document.allNodes.filter { $0.depth == node.depth - 1 } }
        var base: String { editURL(organisationSlug, document.slug, document.version.number) + "/nod/\(node.key)" }

        let document: DocumentContent
        let node: DocumentContent.Node
        let revision: Int
        let csrf: String
        let draftTitle: String
        let draftText: String
        let conflict: (title: String, text: String)?
        let message: String?
        let notice: EditorNotice?

        public init(content: DocumentContent, node: DocumentContent.Node, revision: Int, csrf: String, draftTitle: String? = nil,
                    draftText: String? = nil, conflict: (title: String, text: String)? = nil, message: String? = nil, notice: EditorNotice? = nil) {
            self.document = content
            self.node = node
            self.revision = revision
            self.csrf = csrf
            self.draftTitle = draftTitle ?? node.title
            self.draftText = draftText ?? node.text
            self.conflict = conflict
            self.message = message
            self.notice = notice
            super.init(organisationSlug: document.organisation.slug, organisationName: document.organisation.name)
        }

        public override func pageTitle() -> String { "Redigera \(node.level.lowercased())" }
        public override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Redigera", url: PlansURL.Editor.index.link(organisationSlug)),
                               Breadcrumb("\(document.title), version \(document.version.number)", url: editURL(organisationSlug, document.slug, document.version.number)),
                               Breadcrumb(node.title))
        }

        public override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text("Redigera \(node.level.lowercased())")),
                .unwrap(message) { .p(.class("form-error"), .attribute(named: "role", value: "alert"), .text($0)) },
                .unwrap(notice) { .p(.class("form-ok"), .attribute(named: "role", value: "status"), .text($0.message)) },
                .unwrap(conflict) { other in
                    .section(.class("conflict"),
                             .h2(.text("Den sparade versionen")),
                             .p(.strong(.text(other.title))),
                             .markdown(other.text),
                             .p(.text("Nedan står din text. Ändra den om du vill och spara igen; då ersätter den den sparade versionen.")))
                },
                editForm(),
                factsForm(),
                addChildSection(),
                moveSection(),
                removeSection()
            )
        }

        func editForm() -> Node<HTML.BodyContext> {
            .form(.method(.post), .action(base),
                  csrfField(csrf),
                  .input(.type(.hidden), .name("revision"), .value(String(revision))),
                  .div(.class("field"), .label(.for("title"), .text("Titel")),
                       .input(.type(.text), .name("title"), .id("title"), .value(Markdown.escape(draftTitle)), .required(true))),
                  .div(.class("field"), .label(.for("text"), .text("Text (stycken skiljs med en tom rad; **fetstil**, *kursiv*, rader som börjar med - blir punktlista)")),
                       .textarea(.name("text"), .id("text"), .attribute(named: "rows", value: "8"), .text(draftText))),
                  .button(.type(.submit), .text("Spara")))
        }

        func checkboxes(_ legend: String, name: String, _ items: [(key: String, name: String)], checked: [String]) -> Node<HTML.FormContext> {
            guard !items.isEmpty else { return .empty }
            let boxes = items.enumerated().map { index, item in
                "<div class=\"check\"><input type=\"checkbox\" name=\"\(name)[]\" id=\"\(name)-\(index)\" value=\"\(Markdown.escape(item.key))\"\(checked.contains(item.key) ? " checked" : "")>"
                    + "<label for=\"\(name)-\(index)\">\(Markdown.escape(item.name))</label></div>"
            }.joined()
            return .raw("<fieldset class=\"checks\"><legend>\(Markdown.escape(legend))</legend>\(boxes)</fieldset>")
        }

        func factsForm() -> Node<HTML.BodyContext> {
            guard let options else { return .empty }
            let unitOptions = (["<option value=\"\">Ingen angiven</option>"] + options.units.map { unit in
                "<option value=\"\(Markdown.escape(unit))\"\(node.responsibleUnit == unit ? " selected" : "")>\(Markdown.escape(unit))</option>"
            }).joined()
            let statusOptions = (["<option value=\"\">Ingen angiven</option>"] + PlanEditing.statuses.map { status in
                "<option value=\"\(status.value)\"\(node.status == status.value ? " selected" : "")>\(status.label)</option>"
            }).joined()
            let links = node.agenda2030
            let codes = { (role: Agenda2030Role) in links.filter { $0.role == role }.map(\.code).joined(separator: ", ") }
            let form: Node<HTML.BodyContext> = .form(
                .method(.post), .action(base + "/fakta"),
                csrfField(csrf),
                .input(.type(.hidden), .name("revision"), .value(String(revision))),
                .div(.class("field"), .label(.for("unit"), .text("Ansvarig enhet")), .raw("<select name=\"responsibleUnit\" id=\"unit\">\(unitOptions)</select>")),
                .div(.class("field"), .label(.for("status"), .text("Status")), .raw("<select name=\"status\" id=\"status\">\(statusOptions)</select>")),
                checkboxes("Samarbetsparter", name: "partners", options.partners, checked: node.partners),
                checkboxes("Nätverk och forum", name: "networks", options.networks, checked: node.networks),
                checkboxes("Strategier", name: "strategies", document.strategies.map { ($0.key, $0.heading ?? $0.key) }, checked: node.strategies),
                field("primary", "Agenda 2030, primär påverkan (mål eller delmål, till exempel 3.4, 10)", value: codes(.primary)),
                field("secondary", "Agenda 2030, sekundär påverkan", value: codes(.secondary)),
                .button(.type(.submit), .text("Spara fakta")))
            return .section(.h2(.text("Fakta")), form)
        }

        func addChildSection() -> Node<HTML.BodyContext> {
            let levels = document.version.levels
            guard node.depth + 1 < levels.count else { return .empty }
            let form: Node<HTML.BodyContext> = .form(
                .method(.post), .action(editURL(organisationSlug, document.slug, document.version.number) + "/ny"),
                csrfField(csrf), .input(.type(.hidden), .name("parent"), .value(node.key)),
                field("child-title", "Titel", name: "title"),
                .button(.type(.submit), .text("Lägg till")))
            return .section(.h2(.text("Lägg till \(levels[node.depth + 1].lowercased()) under denna")), form)
        }

        func moveSection() -> Node<HTML.BodyContext> {
            let candidates = parentCandidates
            guard node.depth > 0, candidates.count > 1 else { return .empty }
            // Plot's <option> takes no text, so the list is written here, every value escaped.
            // The current parent is chosen, so saving the form unchanged moves nothing.
            let parent = document.path(to: node.key).flatMap { $0.count > 1 ? $0[$0.count - 2].key : nil }
            let options = candidates.map { candidate in
                "<option value=\"\(Markdown.escape(candidate.key))\"\(candidate.key == parent ? " selected" : "")>\(Markdown.escape(candidate.title))</option>"
            }.joined()
            let select: Node<HTML.FormContext> = .raw("<select name=\"parent\" id=\"parent\">\(options)</select>")
            let form: Node<HTML.BodyContext> = .form(
                .method(.post), .action(base + "/flytta"), csrfField(csrf),
                .div(.class("field"), .label(.for("parent"), .text("Flytta till")), select),
                .button(.type(.submit), .text("Flytta")))
            return .section(.h2(.text("Flytta")), form)
        }

        func removeSection() -> Node<HTML.BodyContext> {
            let note = node.children.isEmpty ? "Tar bort noden ur utkastet." : "Tar bort noden och allt under den ur utkastet."
            let form: Node<HTML.BodyContext> = .form(.method(.post), .action(base + "/ta-bort"), csrfField(csrf),
                                                     .p(.text(note)), .button(.type(.submit), .text("Ta bort")))
            return .section(.h2(.text("Ta bort")), form)
        }
    }
}

extension Editor.IndexView {
    func newDocumentForm() -> Node<HTML.BodyContext> {
        let kinds = DocumentKind.allCases.map { "<option value=\"\($0.rawValue)\">\(Markdown.escape($0.label))</option>" }.joined()
        let form: Node<HTML.BodyContext> = .form(
            .method(.post), .action(PlansURL.Editor.newDocument.link(organisationSlug)),
            Editor.csrfField(csrf),
            field("new", "new-slug", "Adress (till exempel handlingsplan-2024)", name: "slug"),
            field("new", "new-title", "Titel", name: "title"),
            .div(.class("field"), .label(.for("new-kind"), .text("Typ")), .raw("<select name=\"kind\" id=\"new-kind\">\(kinds)</select>")),
            field("new", "new-levels", "Nivåer, uppifrån och ned, skilda med kommatecken (till exempel Målområde, Mål, Nyckelaktivitet)", name: "levels"),
            field("new", "new-start", "Period från (år)", name: "periodStart", type: .number),
            field("new", "new-end", "Period till (år)", name: "periodEnd", type: .number),
            .button(.type(.submit), .text("Skapa dokument")))
        return .section(.h2(.text("Nytt dokument")), form)
    }
}

extension Editor.DraftView {
    func reorderButton(_ item: DocumentContent.Node, _ direction: PlanEditing.Direction, _ label: String) -> Node<HTML.BodyContext> {
        .form(.class("inline"), .method(.post), .action(base + "/nod/\(item.key)/ordning"),
              Editor.csrfField(csrf), .input(.type(.hidden), .name("direction"), .value(direction.rawValue)),
              .button(.type(.submit), .class("small"), .attribute(named: "aria-label", value: Markdown.escape("\(label): \(item.title)")),
                      .text(direction == .up ? "↑" : "↓")))
    }
}


/// What the editor's last write did, said on the page it leads to. Carried as `?klart=` with a
/// fixed set of values, so no text from a request reaches the page.
public enum EditorNotice: String, Sendable {
    case saved = "sparad", facts = "fakta", added = "tillagd", moved = "flyttad", reordered = "ordnad", removed = "borttagen"
    case draft = "utkast", copied = "kopia", created = "skapad"

    public static let parameter = "klart"

    var message: String {
        switch self {
        case .saved: "Ändringen är sparad."
        case .facts: "Uppgifterna är sparade."
        case .added: "Tillagd."
        case .moved: "Flyttad."
        case .reordered: "Ordningen är ändrad."
        case .removed: "Borttagen ur utkastet."
        case .draft: "Ett nytt utkast är skapat. Ändra det och anta det när beslutet är fattat."
        case .copied: "Kopian är skapad som utkast."
        case .created: "Dokumentet är skapat som utkast."
        }
    }
}

extension Editor {
    /// Asks before an action that cannot be undone, without JavaScript: the form posts the same
    /// fields again with `confirmed=ja`; "Avbryt" leads back.
    public final class ConfirmView: OrganisationPage {
        let heading: String
        let question: String
        let action: String
        let fields: [String: String]
        let confirmLabel: String
        let cancelURL: String

        public init(organisationSlug: String, organisationName: String, heading: String, question: String, action: String,
                    fields: [String: String], confirmLabel: String, cancelURL: String) {
            self.heading = heading
            self.question = question
            self.action = action
            self.fields = fields
            self.confirmLabel = confirmLabel
            self.cancelURL = cancelURL
            super.init(organisationSlug: organisationSlug, organisationName: organisationName)
        }

        public override func pageTitle() -> String { heading }
        public override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Redigera", url: PlansURL.Editor.index.link(organisationSlug)), Breadcrumb(heading))
        }

        public override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text(heading)),
                .p(.text(question)),
                .form(.method(.post), .action(action),
                      .forEach(fields.sorted { $0.key < $1.key }) { field in .input(.type(.hidden), .name(field.key), .value(Markdown.escape(field.value))) },
                      .input(.type(.hidden), .name("confirmed"), .value("ja")),
                      .button(.type(.submit), .text(confirmLabel)),
                      .text(" "), .a(.href(cancelURL), .text("Avbryt")))
            )
        }
    }
}
