import Core
import Plot

public enum StructureShow {
    /// The organisation's bodies and how matters flow between them, its units and the
    /// networks and forums each one runs, as a chart and as lists.
    public final class View: OrganisationPage {
        let structure: OrganisationStructure

        public init(organisationSlug: String, organisationName: String, structure: OrganisationStructure) {
            self.structure = structure
            super.init(organisationSlug: organisationSlug, organisationName: organisationName)
        }

        public override func pageTitle() -> String { "Organisation och nätverk – \(organisationName)" }
        public override func breadcrumbs() -> [Breadcrumb] { organisationCrumbs(Breadcrumb("Organisation och nätverk")) }

        /// "11 organ, 3 enheter och 94 nätverk och forum", naming only what there is.
        static func summary(bodies: Int, units: Int, networks: Int) -> String {
            let parts = [(bodies, "organ", "organ"), (units, "enhet", "enheter"), (networks, "nätverk eller forum", "nätverk och forum")]
                .filter { $0.0 > 0 }.map { "\($0.0) \($0.0 == 1 ? $0.1 : $0.2)" }
            guard let last = parts.last else { return "Strukturen är inte beskriven ännu." }
            return (parts.count > 1 ? parts.dropLast().joined(separator: ", ") + " och " + last : last) + "."
        }

        /// Every organisation the structure names as runner, convener or partner, once, by name.
        var partners: [OrganisationStructure.Actor] { structure.partners.sorted { $0.name < $1.name } }

        /// The chart at full width on a large screen; on a phone the same chain as a nested outline.
        /// Bodies outside the reporting chain are listed apart.
        func chart() -> Node<HTML.BodyContext> {
            guard let svg = OrganisationChart.svg(structure, organisation: organisationSlug) else { return .empty }
            let boxes = OrganisationChart.boxes(structure)
            let charted = Set(boxes.compactMap(\.group))
            let others = structure.bodies.filter { !charted.contains($0.key) }
            func outline(_ items: [OrganisationStructure.ChartBox]) -> Node<HTML.BodyContext> {
                .ul(.forEach(items) { box in
                    .li(box.group.map { Node<HTML.BodyContext>.a(.href(OrganisationURL.group.link(organisationSlug, $0)), .text(box.label)) }
                        ?? box.person.map { Node<HTML.BodyContext>.a(.href(OrganisationURL.person.link(organisationSlug, $0)), .text(box.label)) }
                        ?? .text(box.label),
                        .unwrap(boxes.filter { $0.under == box.id }.nilIfEmpty) { outline($0) })
                })
            }
            let fromDocuments = !structure.chart.isEmpty
            return .section(
                .attribute(named: "aria-labelledby", value: "schema"),
                .h2(.id("schema"), .text("Organisationsschema")),
                .element(named: "figure", nodes: [
                    .div(.class("chart-wide"), svg.node()),
                    .div(.class("chart-outline"), outline(boxes.filter { $0.under == nil }.sorted { $0.row < $1.row })),
                    .element(named: "figcaption", text: fromDocuments
                             ? "Organisationsschemat som styrdokumenten ritar det. Namnen leder till organens sidor."
                             : "Organen uppifrån och ned: varje organ rapporterar till eller bereder för organet ovanför. Namnen leder till organens sidor."),
                ]),
                .unwrap(others.isEmpty ? nil : others) { others in
                    .group(.h3(.text("Andra organ")),
                           .p(.class("hint"), .text(fromDocuments ? "Dessa organ nämns i dokumenten men finns inte med i dokumentens organisationsschema."
                                                     : "Dessa organ finns i dokumenten men inte i organisationsschemat ovan.")),
                           .ul(.forEach(others) { .li(.a(.href(OrganisationURL.group.link(organisationSlug, $0.key)), .text($0.name))) }))
                }
            )
        }

        public override func content() -> Node<HTML.BodyContext> {
            let networks = structure.groups.filter { !$0.isBody }
            let listed = Set(structure.units.flatMap { $0.listings.flatMap(\.groups) })
            let unlisted = networks.filter { !listed.contains($0.key) }
            return .group(
                .h1(.text("Organisation och nätverk")),
                .p(.text(Self.summary(bodies: structure.bodies.count, units: structure.units.count, networks: networks.count))),
                .downloads("nätverk, forum och organ", csv: OrganisationURL.groupsCSV.link(organisationSlug),
                           json: OrganisationURL.API.structure.link(organisationSlug)),
                chart(),
                .h2(.text("Organ")),
                .ul(.forEach(structure.bodies) { body in
                    .li(
                        .a(.href(OrganisationURL.group.link(organisationSlug, body.key)), .text(body.name)),
                        .if(body.kind.label != body.name, .text(" – \(body.kind.label)")),
                        .unwrap(body.reportsTo.flatMap(structure.group)) { .text(", rapporterar till \($0.name)") },
                        .unwrap(body.meetingRhythm) { .text(". Möten: \($0.lowercasedFirst)") }
                    )
                }),
                .h2(.text("Samarbetsparter")),
                .p(.text("Organisationer som sammankallar eller deltar i organen, nätverken och forumen.")),
                .ul(.forEach(partners) { actor in
                    .li(.a(.href(OrganisationURL.actor.link(organisationSlug, actor.slug)), .text(actor.name)), .text(" – \(actor.kind.label)"))
                }),
                .if(!structure.units.isEmpty, .group(
                    .h2(.text("Förbundsorganisationen")),
                    .forEach(structure.units) { unit in UnitSection.node(unit, structure: structure, organisation: organisationSlug, headingLevel: 3) }
                )),
                // Every network and forum is on the page, also those the documents list under no unit.
                .unwrap(unlisted.isEmpty ? nil : unlisted) { groups in
                    .group(.h2(.text(structure.units.isEmpty ? "Nätverk och forum" : "Nätverk och forum utanför enheterna")),
                           .ul(.forEach(groups) { group in
                               .li(.a(.href(OrganisationURL.group.link(organisationSlug, group.key)), .text(group.name)), .text(" – \(group.kind.label)"))
                           }))
                }
            )
        }
    }
}

/// A unit with its areas, steering groups and listings; on the overview and on the unit's page.
enum UnitSection {
    /// `headingLevel` is the level of the unit's own heading; nil leaves it out (the unit's page has it as h1).
    static func node(_ unit: OrganisationStructure.UnitInfo, structure: OrganisationStructure, organisation: String,
                     headingLevel: Int?) -> Node<HTML.BodyContext> {
        let level = (headingLevel ?? 1) + 1
        let link = { (key: String) -> Node<HTML.ListContext> in
            let group = structure.group(key)
            return .li(.a(.href(OrganisationURL.group.link(organisation, key)), .text(group?.name ?? key)),
                       .unwrap(group.flatMap(statedRunner)) { .text(", \($0)") })
        }
        return .section(
            headingLevel == nil ? .empty : .h3(.a(.href(OrganisationURL.unit.link(organisation, unit.key)), .text(unit.name))),
            .unwrap(unit.areas.isEmpty ? nil : unit.areas) { areas in
                .group(subheading(unit.areasHeading ?? "Området omfattar", level: level), .ul(.forEach(areas) { .li(.text($0)) }))
            },
            .unwrap(unit.steeringGroups.isEmpty ? nil : unit.steeringGroups) { keys in
                .group(subheading(unit.steeringHeading ?? "Styrgrupper", level: level), .ul(.forEach(keys, link)))
            },
            .forEach(unit.listings) { listing in
                .group(subheading(listing.heading, level: level), .ul(.forEach(listing.groups, link)))
            }
        )
    }

    /// Who else runs or convenes a listed group, in the words the documents use in their lists.
    static func statedRunner(_ group: OrganisationStructure.GroupInfo) -> String? {
        if let runner = group.runByActor { return "drivs av \(runner.name)" }
        if let convener = group.convener { return "\(convener.name) sammankallar" }
        return nil
    }

    static func subheading(_ text: String, level: Int) -> Node<HTML.BodyContext> {
        switch level {
        case ...2: .h2(.text(text))
        case 3: .h3(.text(text))
        default: .h4(.text(text))
        }
    }
}

extension Array {
    var nilIfEmpty: Self? { isEmpty ? nil : self }
}

extension String {
    var lowercasedFirst: String { prefix(1).lowercased() + dropFirst() }
}
