import Core
import Organisation
import Plans
import Plot

enum OrganisationShow {
    struct Model {
        let organisation: OrganisationRecord
        let members: [OrganisationRecord]
        let documents: [DocumentSummary]
    }

    final class View: OrganisationPage {
        let model: Model

        init(model: Model) {
            self.model = model
            super.init(organisationSlug: model.organisation.slug, organisationName: model.organisation.name)
        }

        override func pageTitle() -> String { organisationName }
        override func breadcrumbs() -> [Breadcrumb] { [Breadcrumb("Start", url: SiteURL.home), Breadcrumb(organisationName)] }

        override func content() -> Node<HTML.BodyContext> {
            .group(
                .p(.class("level-label"), .text(model.organisation.kind.label)),
                .h1(.text(organisationName)),
                .unwrap(model.organisation.county) { .p(.class("meta"), .text($0)) },
                .h2(.text("Styrdokument")),
                DocumentIndex.list(model.documents, organisationSlug: organisationSlug),
                .h2(.text("Medlemmar")),
                model.members.isEmpty
                    ? .p(.text("Organisationen har inga registrerade medlemmar."))
                    : .p(.text("\(model.members.count) medlemmar: \(model.members.map(\.name).joined(separator: ", ")). "),
                         .a(.href(OrganisationURL.members.link(organisationSlug)), .text("Alla medlemmar med SCB-kod och folkmängd"))),
                .h2(.text("Organisation och nätverk")),
                .p(.a(.href(OrganisationURL.structure.link(organisationSlug)), .text("Organ, enheter, nätverk och forum – med organisationsschema")),
                   .text(" · "), .a(.href(OrganisationURL.people.link(organisationSlug)), .text("Personer och roller"))),
                .h2(.text("Agenda 2030")),
                .p(.a(.href(PlansURL.agenda2030.link(organisationSlug)), .text("Vilka av Agenda 2030:s mål och delmål organisationens styrdokument tjänar")))
            )
        }
    }
}
