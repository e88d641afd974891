import Core
import Foundation
import Organisation
import Plans
import Plot

/// What one party of an agreement has committed to, grouped by why it owes it: as one of all
/// parties, as a party from the public sector, or as part of civil society.
enum CommitmentIndex {
    final class View: OrganisationPage {
        let model: PartyCommitments

        init(model: PartyCommitments, organisation: OrganisationRecord) {
            self.model = model
            super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
        }

        override func pageTitle() -> String { "Vad \(model.party.name) har åtagit sig – \(organisationName)" }
        override func pageDescription() -> String {
            "De \(model.commitments.count) åtaganden som \(model.party.name) har som part i \(model.agreementTitle)."
        }
        override func breadcrumbs() -> [Breadcrumb] {
            tenantCrumbs([Breadcrumb("Avtal och överenskommelser", url: AgreementsURL.registry.link(organisationSlug)),
                          Breadcrumb(model.agreementTitle, url: AgreementsURL.agreement.link(organisationSlug, model.agreement)),
                          Breadcrumb(model.party.name)])
        }

        override func content() -> Node<HTML.BodyContext> {
            let org = organisationSlug
            return .article(
                .header(.p(.class("level-label"), .text("Part i överenskommelsen")), .h1(.text("Vad \(model.party.name) har åtagit sig"))),
                .p(.text("\(model.party.name) har \(model.commitments.count) åtaganden som part i "),
                   .a(.href(AgreementsURL.agreement.link(org, model.agreement)), .text(model.agreementTitle)), .text(".")),
                .unwrap(model.party.organisation) { key in .p(.a(.href(OrganisationURL.actor.link(org, key)), .text("Om \(model.party.name)"))) },
                .forEach(CommitmentBearer.allCases) { bearer in
                    let owed = model.commitments.filter { $0.by == bearer }
                    return .if(!owed.isEmpty, .section(
                        .h2(.text(Self.heading(bearer, count: owed.count))),
                        .forEach(CommitmentViews.principles(owed)) { principle in
                            .group(.h3(.text(principle.title)), CommitmentViews.list(principle.commitments, organisation: org, document: model.document))
                        }))
                }
            )
        }

        static func heading(_ bearer: CommitmentBearer, count: Int) -> String {
            switch bearer {
            case .allParties: "Som en av alla parter (\(count))"
            case .publicSector: "Som part från offentlig sektor (\(count))"
            case .civilSociety: "Som en del av civilsamhället (\(count))"
            }
        }
    }
}
