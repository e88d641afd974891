import Core
import Organisation
import Plot

public enum DocumentIndex {
    public final class View: OrganisationPage {
        let documents: [DocumentSummary]

        public init(organisationSlug: String, organisationName: String, documents: [DocumentSummary]) {
            self.documents = documents
            super.init(organisationSlug: organisationSlug, organisationName: organisationName)
        }

        public override func pageTitle() -> String { "Styrdokument – \(organisationName)" }
        public override func breadcrumbs() -> [Breadcrumb] { organisationCrumbs(Breadcrumb("Styrdokument")) }

        public override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text("Styrdokument")),
                DocumentIndex.list(documents, organisationSlug: organisationSlug),
                .downloads("listan", csv: PlansURL.documentsCSV.link(organisationSlug), json: PlansURL.API.documents.link(organisationSlug))
            )
        }
    }

    /// The table of documents, shared by the organisation's home page.
    public static func list(_ documents: [DocumentSummary], organisationSlug: String) -> Node<HTML.BodyContext> {
        guard !documents.isEmpty else { return .p(.text("Inga publicerade styrdokument ännu.")) }
        return .scrollingTable("Publicerade styrdokument", .table(
            .caption(.text("Publicerade styrdokument")),
            .thead(.tr(
                .th(.attribute(named: "scope", value: "col"), .text("Dokument")),
                .th(.attribute(named: "scope", value: "col"), .text("Typ")),
                .th(.attribute(named: "scope", value: "col"), .text("Period")),
                .th(.attribute(named: "scope", value: "col"), .text("Status"))
            )),
            .tbody(.forEach(documents) { document in
                .tr(
                    .td(.a(.href(PlansURL.document(organisationSlug, document.slug)), .text(document.title))),
                    .td(.text(document.kind.label)),
                    .td(.text(period(document))),
                    .td(.text(document.status.label),
                        .if(document.status == .adopted && document.adoptedBy == nil && document.adoptedOn == nil,
                            .span(.class("note"), .text(" (antagandet anges inte i dokumentet)"))))
                )
            })
        ))
    }

    static func period(_ document: DocumentSummary) -> String {
        DocumentContent.periodLabel(start: document.periodStart, end: document.periodEnd) ?? "–"
    }
}
