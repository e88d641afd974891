import Core
import Plot

public enum UnitShow {
    public final class View: OrganisationPage {
        let structure: OrganisationStructure
        let unit: OrganisationStructure.UnitInfo

        public init(organisationSlug: String, organisationName: String, structure: OrganisationStructure, unit: OrganisationStructure.UnitInfo) {
            self.structure = structure
            self.unit = unit
            super.init(organisationSlug: organisationSlug, organisationName: organisationName)
        }

        public override func pageTitle() -> String { "\(unit.name) – \(organisationName)" }
        public override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Organisation och nätverk", url: OrganisationURL.structure.link(organisationSlug)), Breadcrumb(unit.name))
        }

        public override func content() -> Node<HTML.BodyContext> {
            // A network listed under two headings (RSS is listed three times) is one network.
            let networks = Set(unit.listings.flatMap(\.groups)).count
            return .article(
                .header(.p(.class("level-label"), .text("Enhet")), .h1(.text(unit.name))),
                .p(.text("\(unit.areas.count) områden, \(unit.steeringGroups.count) styrgrupper, "
                         + "\(networks) nätverk och forum i \(unit.listings.count) grupper.")),
                UnitSection.node(unit, structure: structure, organisation: organisationSlug, headingLevel: nil)
            )
        }
    }
}

