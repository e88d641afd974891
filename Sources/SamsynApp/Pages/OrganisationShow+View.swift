import Core
import Organisation
import Plans
import Plot

enum OrganisationShow {
    struct Model {
        let organisation: OrganisationRecord
        let members: [OrganisationRecord]
        /// The version in force first, then the newest.
        let documents: [DocumentSummary]
        /// What the organisation says it is, from the document that says it (see `Lead`).
        let lead: Lead?
    }

    /// The sections of a published document that say what the organisation is for: from its
    /// mission ("Vårt uppdrag" or "Uppdrag") through its business idea ("Verksamhetsidé"), as the
    /// document has them. A convention of Swedish steering documents, not one organisation's shape.
    struct Lead {
        static let first = ["vårt uppdrag", "uppdrag", "vår vision", "vision"]
        static let last = ["verksamhetsidé", "vår verksamhetsidé"]

        let source: DocumentContent
        let sections: [DocumentContent.Section]

        init?(_ content: DocumentContent) {
            let headings = content.sections.map { ($0.heading ?? "").lowercased() }
            guard let start = headings.firstIndex(where: Self.first.contains) else { return nil }
            let end = headings[start...].firstIndex(where: Self.last.contains) ?? start
            guard end - start < 6 else { return nil }
            source = content
            sections = Array(content.sections[start...end])
        }
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
                .unwrap(model.lead) { lead in
                    .section(.class("lead"), .attribute(named: "aria-labelledby", value: "om"),
                             .h2(.id("om"), .text("Om \(organisationName)")),
                             .forEach(lead.sections) { section in
                                 .group(.unwrap(section.heading) { .h3(.text($0)) }, .markdown(section.body))
                             },
                             .p(.class("meta"), .text("Ur "), .a(.href(PlansURL.document(organisationSlug, lead.source.slug)), .text(lead.source.title)), .text(".")))
                },
                .h2(.text("Styrdokument")),
                DocumentIndex.list(model.documents, organisationSlug: organisationSlug),
                .h2(.text("Medlemmar")),
                model.members.isEmpty
                    ? .p(.text("Organisationen har inga registrerade medlemmar."))
                    : .group(.p(.text("\(organisationName) har \(model.members.count) medlemmar:")),
                             .ul(.class("columns"), .forEach(model.members) { member in
                                 .li(.a(.href(OrganisationURL.actor.link(organisationSlug, member.slug)), .text(member.name)))
                             }),
                             .p(.a(.href(OrganisationURL.members.link(organisationSlug)), .text("Medlemmarna med SCB-kod och folkmängd")))),
                .h2(.text("Organisation och nätverk")),
                .p(.a(.href(OrganisationURL.structure.link(organisationSlug)), .text("Organ, enheter, nätverk och forum – med organisationsschema")),
                   .text(" · "), .a(.href(OrganisationURL.people.link(organisationSlug)), .text("Personer och roller"))),
                .h2(.text("Agenda 2030")),
                .p(.a(.href(PlansURL.agenda2030.link(organisationSlug)), .text("Vilka av Agenda 2030:s mål och delmål organisationens styrdokument tjänar"))),
                .h2(.text("Öppna data")),
                .p(.text("Styrdokumenten och allt de innehåller, medlemmar och nätverk som CSV och JSON, fria att använda ("),
                   .a(.href(HTML.escape(model.organisation.licence.url)), .text(model.organisation.licence.name)), .text("): "),
                   .a(.href(OrganisationURL.openData.link(organisationSlug)), .text("Öppna data från \(organisationName)")))
            )
        }
    }
}
