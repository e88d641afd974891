import Core
import Plot

public enum MemberIndex {
    public final class View: OrganisationPage {
        let members: [OrganisationRecord]

        public init(organisation: OrganisationRecord, members: [OrganisationRecord]) {
            self.members = members
            super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
        }

        public override func pageTitle() -> String { "Medlemmar – \(organisationName)" }
        public override func breadcrumbs() -> [Breadcrumb] { organisationCrumbs(Breadcrumb("Medlemmar")) }

        public override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text("Medlemmar")),
                .p(.text("\(organisationName) har \(members.count) medlemmar.")),
                .downloads("medlemmarna", csv: OrganisationURL.membersCSV.link(organisationSlug), json: OrganisationURL.API.members.link(organisationSlug)),
                .scrollingTable("Medlemmar", .table(
                    .caption(.text("Medlemmar med SCB-kod, län och folkmängd")),
                    .thead(.tr(
                        .th(.attribute(named: "scope", value: "col"), .text("Medlem")),
                        .th(.attribute(named: "scope", value: "col"), .text("SCB-kod")),
                        .th(.attribute(named: "scope", value: "col"), .text("Län")),
                        .th(.attribute(named: "scope", value: "col"), .text("Folkmängd")),
                        .th(.attribute(named: "scope", value: "col"), .text("Per")),
                        .th(.attribute(named: "scope", value: "col"), .text("Källa"))
                    )),
                    .tbody(.forEach(members) { member in
                        .tr(
                            .th(.attribute(named: "scope", value: "row"), .a(.href(OrganisationURL.actor.link(organisationSlug, member.slug)), .text(member.name))),
                            .td(.text(member.scbCode ?? "–")),
                            .td(.text(member.county ?? "–")),
                            .td(.text(member.population.map(Formatting.thousands) ?? "–")),
                            .td(.text(member.populationYear.map { "31 december \($0)" } ?? "–")),
                            .td(.text(member.populationSource ?? "–"))
                        )
                    })
                )),
                .p(.class("note"), .text("Folkmängden är referensdata från SCB, inte en uppgift ur organisationens dokument. "
                                         + "Kolumnerna Per och Källa anger vilket datum varje siffra avser och var den hämtats."))
            )
        }
    }
}
