import Core
import Plot

public enum PeopleIndex {
    /// People and the seats of every body and network: who sits where, for which member, in which role.
    public final class View: OrganisationPage {
        let structure: OrganisationStructure

        public init(organisationSlug: String, organisationName: String, structure: OrganisationStructure) {
            self.structure = structure
            super.init(organisationSlug: organisationSlug, organisationName: organisationName)
        }

        public override func pageTitle() -> String { "Personer och roller – \(organisationName)" }
        public override func breadcrumbs() -> [Breadcrumb] { organisationCrumbs(Breadcrumb("Personer och roller")) }

        public override func content() -> Node<HTML.BodyContext> {
            let seats = structure.groups.flatMap { group in group.seats.map { (group, $0) } }
            return .group(
                .h1(.text("Personer och roller")),
                structure.people.isEmpty
                    ? .p(.text("Inga personer är namngivna. Platserna nedan är de roller som styrdokumenten beskriver."))
                    : .ul(.forEach(structure.people) { person in
                        .li(.a(.href(OrganisationURL.person.link(organisationSlug, person.key)), .text(person.name)), .unwrap(person.title) { .text(", \($0)") })
                    }),
                .h2(.text("Platser i organ och nätverk")),
                seats.isEmpty ? .p(.text("Inga platser är registrerade."))
                    : SeatTable.node(seats.map(\.1), structure: structure, organisation: organisationSlug, showGroup: seats.map(\.0))
            )
        }
    }
}

public enum PersonShow {
    public final class View: OrganisationPage {
        let structure: OrganisationStructure
        let person: OrganisationStructure.PersonInfo

        public init(organisationSlug: String, organisationName: String, structure: OrganisationStructure, person: OrganisationStructure.PersonInfo) {
            self.structure = structure
            self.person = person
            super.init(organisationSlug: organisationSlug, organisationName: organisationName)
        }

        public override func pageTitle() -> String { "\(person.name) – \(organisationName)" }
        public override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Personer och roller", url: OrganisationURL.people.link(organisationSlug)), Breadcrumb(person.name))
        }

        public override func content() -> Node<HTML.BodyContext> {
            let seats = structure.seats(of: person.key)
            return .article(
                .header(.p(.class("level-label"), .text("Person")), .h1(.text(person.name))),
                .unwrap(person.title) { .p(.text($0)) },
                .h2(.text("Roller")),
                seats.isEmpty ? .p(.text("Inga roller registrerade."))
                    : SeatTable.node(seats.map(\.seat), structure: structure, organisation: organisationSlug, showGroup: seats.map(\.group))
            )
        }
    }
}
