import Core
import Organisation
import Plot

public enum VersionCompare {
    /// What changed between two versions of a document, node by node.
    public final class View: OrganisationPage {
        let old: DocumentContent
        let new: DocumentContent
        let changes: [VersionDiff.Change]

        public init(old: DocumentContent, new: DocumentContent) {
            self.old = old
            self.new = new
            self.changes = VersionDiff.compare(old, new)
            super.init(organisationSlug: new.organisation.slug, organisationName: new.organisation.name)
        }

        public override func pageTitle() -> String { "Ändringar i \(new.title)" }
        public override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Styrdokument", url: PlansURL.documents.link(organisationSlug)),
                               Breadcrumb(new.title, url: PlansURL.document(organisationSlug, new.slug, version: new.version.number)),
                               Breadcrumb("Jämför versioner"))
        }

        public override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text("Ändringar från version \(old.version.number) till version \(new.version.number)")),
                .p(.text("\(old.title) (version \(old.version.number)) jämförd med \(new.title) (version \(new.version.number)): \(changes.count) ändringar.")),
                changes.isEmpty ? .p(.text("Inga noder har ändrats.")) : .table(
                    .caption(.text("Ändrade noder")),
                    .thead(.tr(
                        .th(.attribute(named: "scope", value: "col"), .text("Ändring")),
                        .th(.attribute(named: "scope", value: "col"), .text("Nivå")),
                        .th(.attribute(named: "scope", value: "col"), .text("Nod")),
                        .th(.attribute(named: "scope", value: "col"), .text("Tidigare"))
                    )),
                    .tbody(.forEach(changes) { change in
                        .tr(
                            .td(.strong(.text(change.kind.label))),
                            .td(.text(change.level)),
                            .td(.text(change.title)),
                            .td(.text(change.previousTitle ?? change.previousParentTitle.map { "under \($0)" } ?? "–"))
                        )
                    })
                )
            )
        }
    }
}
