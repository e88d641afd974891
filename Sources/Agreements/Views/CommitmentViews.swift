import Core
import Foundation
import Organisation
import Plans
import Plot

/// An agreement's text, plans and commitments on its page, and what one party has committed to.
enum CommitmentViews {
    /// The text and the plans the agreement carries.
    static func documents(_ agreement: AgreementContent, organisation: String) -> Node<HTML.BodyContext> {
        .group(
            .unwrap(agreement.text) { text in
                .section(.h2(.text("Överenskommelsens text")),
                         .p(.a(.href(PlansURL.document(organisation, text.slug)), .text(text.title))))
            },
            .if(!agreement.plans.isEmpty, .section(.h2(.text("Planer under avtalet")),
                .p(.text("Planer som följs upp som andra planer, år för år.")),
                .ul(.forEach(agreement.plans) { plan in .li(.a(.href(PlansURL.document(organisation, plan.slug)), .text(plan.title))) })))
        )
    }

    /// The commitments by principle, each with who owes it, and each party's share.
    static func section(_ agreement: AgreementContent, parties: [(party: AgreementContent.Party, count: Int)], organisation: String) -> Node<HTML.BodyContext> {
        guard !agreement.commitments.isEmpty else { return .empty }
        let counts = CommitmentBearer.allCases.map { bearer in (bearer, agreement.commitments.filter { $0.by == bearer }.count) }.filter { $0.1 > 0 }
        return .section(
            .h2(.id("ataganden"), .text("Åtaganden")),
            .p(.text("\(agreement.commitments.count) åtaganden: " + counts.map { "\($0.1) för \($0.0.label.lowercased())" }.joined(separator: ", ") + ".")),
            .unwrap(parties.isEmpty ? nil : parties) { parties in
                .group(.h3(.text("Vad varje part har åtagit sig")), .ul(.forEach(parties) { entry in
                    .li(.a(.href(AgreementsURL.party.link(organisation, agreement.key, entry.party.organisation ?? "")), .text(entry.party.name)),
                        .text(" – \(entry.count) åtaganden"))
                }))
            },
            .forEach(principles(agreement.commitments)) { principle in
                .group(
                    .h3(principle.key.map { key in .a(.href(PlansURL.node(organisation, agreement.text?.slug ?? "", key)), .text(principle.title)) }
                        ?? .text(principle.title)),
                    list(principle.commitments, organisation: organisation, document: agreement.text?.slug ?? "")
                )
            }
        )
    }

    static func list(_ commitments: [AgreementContent.Commitment], organisation: String, document: String) -> Node<HTML.BodyContext> {
        .ul(.class("commitments"), .forEach(commitments) { commitment in
            .li(.a(.href(PlansURL.node(organisation, document, commitment.key)), .text(commitment.text)),
                .span(.class("bearer"), .text(" – \(commitment.byLabel)")))
        })
    }

    /// Commitments grouped under their principles, in the text's order.
    static func principles(_ commitments: [AgreementContent.Commitment]) -> [(key: String?, title: String, commitments: [AgreementContent.Commitment])] {
        var groups: [(key: String?, title: String, commitments: [AgreementContent.Commitment])] = []
        for commitment in commitments {
            if let last = groups.last, last.key == commitment.principleKey {
                groups[groups.count - 1].commitments.append(commitment)
            } else {
                groups.append((commitment.principleKey, commitment.principle ?? "Åtaganden", [commitment]))
            }
        }
        return groups
    }
}

/// A party's commitments, as the party page and the API show them.
public struct PartyCommitments: Codable, Sendable, Equatable {
    public let agreement: String
    public let agreementTitle: String
    /// The document carrying the text, whose nodes the commitments are.
    public let document: String
    public let party: AgreementContent.Party
    public let commitments: [AgreementContent.Commitment]

    /// The party with this registry key and what it owes; nil when it is not a party in the registry.
    static func of(_ key: String, in agreement: AgreementContent, catalogue: Catalogue) -> PartyCommitments? {
        guard let text = agreement.text, let party = agreement.parties.first(where: { $0.organisation == key }) else { return nil }
        return PartyCommitments(agreement: agreement.key, agreementTitle: agreement.title, document: text.slug, party: party,
                                commitments: agreement.commitments(of: party, catalogue: catalogue))
    }
}
