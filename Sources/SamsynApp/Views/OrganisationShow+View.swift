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
                         .a(.href(SiteURL.members(organisationSlug)), .text("Alla medlemmar med SCB-kod och folkmängd"))),
                .h2(.text("Organisation och nätverk")),
                .p(.a(.href(SiteURL.structure(organisationSlug)), .text("Organ, enheter, nätverk och forum – med organisationsschema")),
                   .text(" · "), .a(.href(SiteURL.people(organisationSlug)), .text("Personer och roller"))),
                .h2(.text("Agenda 2030")),
                .p(.a(.href(SiteURL.agenda2030(organisationSlug)), .text("Vilka av Agenda 2030:s mål och delmål organisationens styrdokument tjänar")))
            )
        }
    }
}

enum MemberIndex {
    final class View: OrganisationPage {
        let members: [OrganisationRecord]

        init(organisation: OrganisationRecord, members: [OrganisationRecord]) {
            self.members = members
            super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
        }

        override func pageTitle() -> String { "Medlemmar – \(organisationName)" }
        override func breadcrumbs() -> [Breadcrumb] { organisationCrumbs(Breadcrumb("Medlemmar")) }

        override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text("Medlemmar")),
                .p(.text("\(organisationName) har \(members.count) medlemmar.")),
                .table(
                    .caption(.text("Medlemmar med SCB-kod, län och folkmängd")),
                    .thead(.tr(
                        .th(.attribute(named: "scope", value: "col"), .text("Medlem")),
                        .th(.attribute(named: "scope", value: "col"), .text("SCB-kod")),
                        .th(.attribute(named: "scope", value: "col"), .text("Län")),
                        .th(.attribute(named: "scope", value: "col"), .text("Folkmängd"))
                    )),
                    .tbody(.forEach(members) { member in
                        .tr(
                            .th(.attribute(named: "scope", value: "row"), .a(.href(SiteURL.actor(organisationSlug, member.slug)), .text(member.name))),
                            .td(.text(member.scbCode ?? "–")),
                            .td(.text(member.county ?? "–")),
                            .td(.text(member.population.map { "\(Formatting.thousands($0)) (\(member.populationYear.map(String.init) ?? "–"))" } ?? "–"))
                        )
                    })
                )
            )
        }
    }
}

enum Formatting {
    /// Swedish digit grouping with a narrow no-break space: 80 321.
    static func thousands(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append("\u{202F}") }
            out.append(character)
        }
        return (value < 0 ? "−" : "") + out
    }
}
