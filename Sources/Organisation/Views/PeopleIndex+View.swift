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
            let bodies = structure.groups.filter { !$0.seats.isEmpty }
            return .group(
                .h1(.text("Personer och roller")),
                structure.people.isEmpty
                    ? .p(.text("Dokumenten namnger inga personer. Nedan står de platser och roller som styrdokumenten beskriver."))
                    : .group(.h2(.text("Namngivna personer")), .ul(.forEach(structure.people) { person in
                        .li(.a(.href(OrganisationURL.person.link(organisationSlug, person.key)), .text(person.name)), .unwrap(person.title) { .text(", \($0)") })
                    })),
                .h2(.text("Platser i organ och nätverk")),
                bodies.isEmpty ? .p(.text("Inga platser är registrerade."))
                    : .forEach(bodies) { group in
                        .section(.h3(.a(.href(OrganisationURL.group.link(organisationSlug, group.key)), .text(group.name))),
                                 .ul(.forEach(lines(group.seats)) { seatLine($0) }))
                    }
            )
        }

        /// Unnamed seats of one role once, with how many there are and whom they represent; named seats each on their own.
        struct Line {
            let role: String
            let person: OrganisationStructure.PersonInfo?
            var representing: [OrganisationStructure.Actor]
            var count: Int
        }

        func lines(_ seats: [OrganisationStructure.SeatInfo]) -> [Line] {
            var result: [Line] = []
            for seat in seats {
                let person = seat.person.flatMap(structure.person)
                if person == nil, let index = result.firstIndex(where: { $0.person == nil && $0.role == seat.role }) {
                    result[index].count += 1
                    result[index].representing += [seat.representing].compactMap { $0 }
                } else {
                    result.append(Line(role: seat.role, person: person, representing: [seat.representing].compactMap { $0 }, count: 1))
                }
            }
            return result
        }

        func seatLine(_ line: Line) -> Node<HTML.ListContext> {
            .li(
                .text(line.role),
                .if(line.count > 1, .text(" (\(line.count) platser)")),
                .unwrap(line.person) { person in .group(.text(": "), .a(.href(OrganisationURL.person.link(organisationSlug, person.key)), .text(person.name))) },
                .unwrap(line.representing.isEmpty ? nil : line.representing) { actors in
                    .group(.text(" för "), .group(actors.enumerated().map { index, actor in
                        .group(.if(index > 0, .text(", ")), .a(.href(OrganisationURL.actor.link(organisationSlug, actor.slug)), .text(actor.name)))
                    }))
                },
                .if(line.person == nil, .span(.class("meta"), .text(line.count > 1 ? " – inte namngivna i dokumenten" : " – inte namngiven i dokumenten")))
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
