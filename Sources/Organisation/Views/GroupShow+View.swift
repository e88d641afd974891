import Core
import Plot

public enum GroupShow {
    /// A body, network or forum: what it is for, who runs and convenes it, where the documents
    /// list it, its seats, and the key activities that involve it.
    public final class View: OrganisationPage {
        let structure: OrganisationStructure
        let group: OrganisationStructure.GroupInfo
        let activities: [PageLink]

        public init(organisationSlug: String, organisationName: String, structure: OrganisationStructure,
                    group: OrganisationStructure.GroupInfo, activities: [PageLink]) {
            self.structure = structure
            self.group = group
            self.activities = activities
            super.init(organisationSlug: organisationSlug, organisationName: organisationName)
        }

        public override func pageTitle() -> String { "\(group.name) – \(organisationName)" }
        public override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Organisation och nätverk", url: OrganisationURL.structure.link(organisationSlug)), Breadcrumb(group.name))
        }

        func groupLink(_ key: String) -> Node<HTML.BodyContext> {
            .a(.href(OrganisationURL.group.link(organisationSlug, key)), .text(structure.group(key)?.name ?? key))
        }

        func actorLink(_ actor: OrganisationStructure.Actor) -> Node<HTML.BodyContext> {
            .a(.href(OrganisationURL.actor.link(organisationSlug, actor.slug)), .text(actor.name))
        }

        public override func content() -> Node<HTML.BodyContext> {
            let listings = structure.listings(of: group.key)
            let steered = structure.steeredUnits(by: group.key)
            let reporters = structure.reporting(to: group.key)
            // Listed under a unit but not run by the organisation: the documents list it as a forum it takes part in.
            let takesPart = !group.isBody && group.runBy == nil && !listings.isEmpty
            let otherPartners = group.partners.filter { $0.key != group.convener?.key && $0.key != group.runByActor?.key }
            return .article(
                .header(.p(.class("level-label"), .text(group.isBody ? "Organ – \(group.kind.label)" : group.kind.label)), .h1(.text(group.name))),
                .markdown(group.mandate),
                .h2(.text("Fakta")),
                .dl(
                    .class("facts"),
                    .dt("Typ"), .dd(.text(group.kind.label)),
                    .unwrap(group.meetingRhythm) { .group(.dt("Möten"), .dd(.text($0))) },
                    .unwrap(group.reportsTo) { key in .group(.dt("Rapporterar till"), .dd(groupLink(key))) },
                    .unwrap(group.preparesFor.isEmpty ? nil : group.preparesFor) { bodies in
                        .group(.dt(group.reportsTo == nil ? "Bereder för" : "Bereder också för"), .dd(.group(bodies.enumerated().map { index, external in
                            .group(.if(index > 0, .text("; ")), .text(external.body),
                                   .unwrap(external.organisation) { actor in .group(.text(" ("), actorLink(actor), .text(")")) })
                        })))
                    },
                    .unwrap(reporters.isEmpty ? nil : reporters) { list in
                        .group(.dt("Bereds av"), .dd(.group(list.enumerated().map { index, reporter in
                            .group(.if(index > 0, .text(", ")), groupLink(reporter.key))
                        })))
                    },
                    .unwrap(group.runBy.flatMap(structure.unit)) { unit in
                        .group(.dt("Drivs av"), .dd(.text("\(organisationName), "),
                                                   .a(.href(OrganisationURL.unit.link(organisationSlug, unit.key)), .text(unit.name))))
                    },
                    .unwrap(group.runByActor) { runner in .group(.dt("Drivs av"), .dd(actorLink(runner))) },
                    .unwrap(group.convener) { convener in .group(.dt("Sammankallande"), .dd(actorLink(convener))) },
                    .if(takesPart, .group(.dt("Roll"), .dd(.text("\(organisationName) deltar")))),
                    // The convener or runner is named above; the other parties here.
                    .unwrap(otherPartners.isEmpty ? nil : otherPartners) { partners in
                        .group(.dt("Parter"), .dd(.group(partners.enumerated().map { index, partner in
                            .group(.if(index > 0, .text(", ")), actorLink(partner))
                        })))
                    }
                ),
                .unwrap(listings.isEmpty && steered.isEmpty ? nil : true) { _ in
                    .section(
                        .h2(.text("Var den finns i organisationen")),
                        .ul(
                            .forEach(listings) { listing in
                                .li(.a(.href(OrganisationURL.unit.link(organisationSlug, listing.unit.key)), .text(listing.unit.name)), .text(": \(listing.heading)"))
                            },
                            .forEach(steered) { unit in
                                .li(.a(.href(OrganisationURL.unit.link(organisationSlug, unit.key)), .text(unit.name)), .text(": \(unit.steeringHeading ?? "Styrgrupper")"))
                            }
                        )
                    )
                },
                .unwrap(group.seats.isEmpty ? nil : group.seats) { seats in
                    .section(.h2(.text("Ledamöter och platser")), SeatTable.node(seats, structure: structure, organisation: organisationSlug, showGroup: nil))
                },
                ActivityList.node(activities)
            )
        }
    }
}

/// Seats as a table: role, who holds it, whom it represents, when.
enum SeatTable {
    static func node(_ seats: [OrganisationStructure.SeatInfo], structure: OrganisationStructure, organisation: String,
                     showGroup: [OrganisationStructure.GroupInfo]?) -> Node<HTML.BodyContext> {
        .scrollingTable("Platser och roller", .table(
            .caption(.text("Platser och roller")),
            .thead(.tr(
                .if(showGroup != nil, .th(.attribute(named: "scope", value: "col"), .text("Organ eller nätverk"))),
                .th(.attribute(named: "scope", value: "col"), .text("Roll")),
                .th(.attribute(named: "scope", value: "col"), .text("Person")),
                .th(.attribute(named: "scope", value: "col"), .text("Företräder")),
                .th(.attribute(named: "scope", value: "col"), .text("Period"))
            )),
            .tbody(.forEach(seats.indices) { index in
                let seat = seats[index]
                return .tr(
                    .unwrap(showGroup?[index]) { group in .td(.a(.href(OrganisationURL.group.link(organisation, group.key)), .text(group.name))) },
                    .td(.text(seat.role)),
                    .td(seat.person.flatMap(structure.person).map { person in
                        .a(.href(OrganisationURL.person.link(organisation, person.key)), .text(person.name))
                    } ?? .text(seat.isCategory ? "Ej namngivna; antalet anges inte" : "Ej namngiven")),
                    .td(seat.representing.map { actor in .a(.href(OrganisationURL.actor.link(organisation, actor.slug)), .text(actor.name)) } ?? .text("–")),
                    .td(.text(period(seat)))
                )
            })
        ))
    }

    static func period(_ seat: OrganisationStructure.SeatInfo) -> String {
        switch (seat.from, seat.to) {
        case let (from?, to?): "\(from) – \(to)"
        case let (from?, nil): "från \(from)"
        case let (nil, to?): "till \(to)"
        default: "–"
        }
    }
}

/// Key activities (from the plans) that involve something.
public enum ActivityList {
    public static func node(_ activities: [PageLink]) -> Node<HTML.BodyContext> {
        guard !activities.isEmpty else { return .empty }
        return .section(
            .h2(.text("Nyckelaktiviteter")),
            .ul(.forEach(activities) { link in .li(.a(.href(HTML.escape(link.url)), .text(link.title)), .text(" (\(link.context))")) })
        )
    }
}
