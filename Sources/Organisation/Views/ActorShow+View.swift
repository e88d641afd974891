import Core
import Plot

public enum ActorShow {
    /// A member or partner organisation, and everything in this organisation that points at it.
    public final class View: OrganisationPage {
        let actor: OrganisationRecord
        let isMember: Bool
        let structure: OrganisationStructure
        let activities: [PageLink]
        let sections: [PageSection]

        public init(organisationSlug: String, organisationName: String, actor: OrganisationRecord, isMember: Bool,
                    structure: OrganisationStructure, activities: [PageLink], sections: [PageSection] = []) {
            self.sections = sections
            self.actor = actor
            self.isMember = isMember
            self.structure = structure
            self.activities = activities
            super.init(organisationSlug: organisationSlug, organisationName: organisationName)
        }

        var key: String { actor.scbCode ?? actor.slug }

        public override func pageTitle() -> String { "\(actor.name) – \(organisationName)" }
        public override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(isMember ? Breadcrumb("Medlemmar", url: OrganisationURL.members.link(organisationSlug))
                                        : Breadcrumb("Organisation och nätverk", url: OrganisationURL.structure.link(organisationSlug)),
                               Breadcrumb(actor.name))
        }

        public override func content() -> Node<HTML.BodyContext> {
            let run = structure.groups.filter { $0.runByActor?.key == key }
            let convened = structure.groups.filter { $0.convener?.key == key }
            let preparedFor = structure.groups.filter { $0.preparesFor.contains { $0.organisation?.key == key } }
            let partnerIn = structure.groups.filter { $0.partners.contains { $0.key == key } && $0.convener?.key != key && $0.runByActor?.key != key }
            let seats = structure.seats(representing: key)
            return .article(
                .header(.p(.class("level-label"), .text(actor.kind.label)), .h1(.text(actor.name))),
                .dl(
                    .class("facts"),
                    .dt("Roll"), .dd(.text(isMember ? "Medlem i \(organisationName)" : "Samarbetspart till \(organisationName)")),
                    .unwrap(actor.scbCode) { .group(.dt("SCB-kod"), .dd(.text($0))) },
                    .unwrap(actor.county) { .group(.dt("Län"), .dd(.text($0))) },
                    .unwrap(actor.populationStatement) { .group(.dt("Folkmängd"), .dd(.text($0))) }
                ),
                links("Driver", run),
                links("Sammankallar", convened),
                links("Organ som bereder för \(actor.name)", preparedFor),
                links("Deltar i", partnerIn),
                .unwrap(seats.isEmpty ? nil : seats) { seats in
                    .section(.h2(.text("Platser")), SeatTable.node(seats.map(\.seat), structure: structure, organisation: organisationSlug,
                                                                  showGroup: seats.map(\.group)))
                },
                ActivityList.node(activities),
                .forEach(sections) { section in .section(.h2(.text(section.heading)), section.content.node()) },
                .if(run.isEmpty && convened.isEmpty && preparedFor.isEmpty && partnerIn.isEmpty && seats.isEmpty && activities.isEmpty && sections.isEmpty,
                    .p(.text("Inget i organisationens nätverk eller planer pekar ännu på \(actor.name).")))
            )
        }

        func links(_ heading: String, _ groups: [OrganisationStructure.GroupInfo]) -> Node<HTML.BodyContext> {
            guard !groups.isEmpty else { return .empty }
            return .section(.h2(.text(heading)), .ul(.forEach(groups) { group in
                .li(.a(.href(OrganisationURL.group.link(organisationSlug, group.key)), .text(group.name)), .text(" – \(group.kind.label)"))
            }))
        }
    }
}
