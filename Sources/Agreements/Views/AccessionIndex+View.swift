import Core
import Foundation
import Organisation
import Plot

/// The organisations that joined an agreement, with the day each joined (and left).
enum AccessionIndex {
    final class View: OrganisationPage {
        let agreement: Agreement
        let accessions: [AccessionContent]

        init(organisation: OrganisationRecord, agreement: Agreement, accessions: [AccessionContent]) {
            self.agreement = agreement
            self.accessions = accessions
            super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
        }

        override func pageTitle() -> String { "Anslutna organisationer – \(agreement.title)" }
        override func pageDescription() -> String { "Organisationer som har anslutit sig till \(agreement.title), med datum." }
        override func breadcrumbs() -> [Breadcrumb] {
            tenantCrumbs([Breadcrumb("Avtal och överenskommelser", url: AgreementsURL.registry.link(organisationSlug)),
                          Breadcrumb(agreement.title, url: AgreementsURL.agreement.link(organisationSlug, agreement.key)),
                          Breadcrumb("Anslutna organisationer")])
        }

        override func content() -> Node<HTML.BodyContext> {
            let current = accessions.filter { $0.leftOn == nil }.count
            return .article(
                .header(.p(.class("level-label"), .text(agreement.title)), .h1(.text("Anslutna organisationer"))),
                .p(.text(accessions.isEmpty ? "Ingen organisation har anslutit sig ännu." : "\(current) organisationer är anslutna"
                    + (current == accessions.count ? "." : "; \(accessions.count - current) har anslutit sig och sedan lämnat."))),
                .unwrap(accessions.isEmpty ? nil : accessions) { accessions in
                    .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "tabindex", value: "0"), .ariaLabel("Anslutna organisationer"),
                         .table(.thead(.tr(.th(.attribute(named: "scope", value: "col"), .text("Organisation")),
                                           .th(.attribute(named: "scope", value: "col"), .text("Ansluten")),
                                           .th(.attribute(named: "scope", value: "col"), .text("Lämnade")))),
                                .tbody(.forEach(accessions) { accession in
                                    .tr(.th(.attribute(named: "scope", value: "row"), .text(accession.name)), .td(.text(accession.joinedOn)),
                                        .td(.text(accession.leftOn ?? "–")))
                                })))
                },
                .p(.a(.href(AgreementsURL.accession.link(organisationSlug, agreement.key)), .text("Ansök om att ansluta er organisation"))),
                .p(.class("meta"), .text("Listan som öppna data: "), .a(.href(AgreementsURL.API.accessions.link(organisationSlug, agreement.key)), .text("JSON")))
            )
        }
    }
}
