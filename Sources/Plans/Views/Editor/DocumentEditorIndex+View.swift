import Core
import Organisation
import Plot

public enum DocumentEditorIndex {
    public final class View: OrganisationPage {
        let documents: [Editor.DocumentVersions]
        let csrf: String
        let notice: EditorNotice?

        public init(organisationSlug: String, organisationName: String, documents: [Editor.DocumentVersions], csrf: String, notice: EditorNotice? = nil) {
            self.documents = documents
            self.csrf = csrf
            self.notice = notice
            super.init(organisationSlug: organisationSlug, organisationName: organisationName)
        }

        public override func pageTitle() -> String { "Redigera – \(organisationName)" }
        public override func breadcrumbs() -> [Breadcrumb] { organisationCrumbs(Breadcrumb("Redigera")) }

        public override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text("Redigera styrdokument")),
                Editor.messages(error: nil, notice: notice?.message),
                .p(.a(.href(PlansURL.Editor.newDocument.link(organisationSlug)), .text("Nytt dokument …")),
                   .text(" · "), .a(.href(PlansURL.Editor.history.link(organisationSlug)), .text("Historik"))),
                .forEach(documents) { document in
                    .section(
                        .class("document-card"), .id("dokument-\(document.slug)"),
                        .h2(.text(document.latest?.title ?? document.slug)),
                        .ul(.forEach(document.versions) { version in
                            .li(.a(.href(HTML.escape(Editor.editURL(organisationSlug, document.slug, version.number))), .text("Version \(version.number): \(version.title)")),
                                .text(" – "), .strong(.text(Editor.stateLabel(version.status, adoptedOn: version.adoptedOn))))
                        }),
                        .p(.class("actions"),
                           document.draft.map { draft in
                               .a(.href(HTML.escape(Editor.editURL(organisationSlug, document.slug, draft.number))), .text("Fortsätt med utkastet (version \(draft.number))"))
                           } ?? Editor.actionButton(PlansURL.Editor.newDraft.link(organisationSlug, document.slug), csrf: csrf,
                                             label: "Nytt utkast av version \(document.latest?.number ?? 1)"),
                           .text(" "),
                           .a(.href(PlansURL.Editor.copy.link(organisationSlug, document.slug)), .text("Kopiera till nytt dokument …")))
                    )
                }
            )
        }
    }
}
