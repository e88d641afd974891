import Core
import Foundation
import Organisation
import Plans
import Plot

/// What the registry adds to other modules' pages: the list a plan carries, a key activity's
/// agreements, and a member's or partner's agreements.
enum AgreementSections {
    /// The document's own list of agreements, under its headings, each linked to its record.
    static func planList(_ agreements: [Agreement], organisation: String) -> PageSection? {
        guard !agreements.isEmpty else { return nil }
        let html = Node<HTML.BodyContext>.div(.id("avtal-och-overenskommelser-i-planen"),
            .forEach(ListHeading.allCases) { heading in
                let listed = agreements.filter { $0.heading == heading }
                return .if(!listed.isEmpty, .group(.h3(.text(heading.label)), .ul(.forEach(listed) { agreement in
                    .li(.a(.href(AgreementsURL.agreement.link(organisation, agreement.key)), .text(agreement.title)))
                })))
            },
            .ul(.class("more"), .li(.a(.href(AgreementsURL.registry.link(organisation)), .text("Hela avtalsregistret med parter, perioder och omprövningar")))))
        return PageSection(heading: "Avtal och överenskommelser", content: html)
    }

    /// The agreements linked to a goal or key activity, and the registry when the activity concerns all of it.
    static func nodeSection(_ agreements: [Agreement], wholeRegistry: Bool, organisation: String) -> PageSection? {
        guard !agreements.isEmpty || wholeRegistry else { return nil }
        let html = Node<HTML.BodyContext>.group(
            .if(!agreements.isEmpty, .ul(.forEach(agreements) { agreement in
                .li(.a(.href(AgreementsURL.agreement.link(organisation, agreement.key)), .text(agreement.title)), .text(" – \(agreement.kind.label)"))
            })),
            .if(wholeRegistry, .p(.text("Aktiviteten gäller alla länsgemensamma avtal och överenskommelser: "),
                                  .a(.href(AgreementsURL.registry.link(organisation)), .text("avtalsregistret")), .text("."))))
        return PageSection(heading: "Avtal och överenskommelser", content: html)
    }

    /// The agreements a registry entry is party to (a member also through "the members").
    static func actorSection(_ agreements: [Agreement], name: String, organisation: String, registryHasAgreements: Bool) -> PageSection? {
        guard registryHasAgreements else { return nil }
        let html: Node<HTML.BodyContext> = agreements.isEmpty
            ? .p(.text("\(name) är inte part i något av registrets offentliga avtal, eller så namnger avtalens dokument inga parter. "),
                 .a(.href(AgreementsURL.registry.link(organisation)), .text("Hela avtalsregistret")))
            : .group(.ul(.forEach(agreements) { agreement in
                .li(.a(.href(AgreementsURL.agreement.link(organisation, agreement.key)), .text(agreement.title)),
                    .text(" – \(agreement.kind.label), \(agreement.status.label.lowercased())"))
            }), .p(.class("meta"), .text("Avtal där dokumentet inte namnger parterna syns inte här; se "),
                   .a(.href(AgreementsURL.registry.link(organisation)), .text("hela avtalsregistret")), .text(".")))
        return PageSection(heading: "Avtal och överenskommelser", content: html)
    }

    /// On the page of a document that is an agreement's text or one of its plans: the agreement's record.
    static func carrier(_ agreements: [Agreement], document: String, organisation: String) -> PageSection? {
        guard !agreements.isEmpty else { return nil }
        let html = Node<HTML.BodyContext>.ul(.forEach(agreements) { agreement in
            .li(.text(agreement.spec.text == document ? "Texten till " : "En plan under "),
                .a(.href(AgreementsURL.agreement.link(organisation, agreement.key)), .text(agreement.title)),
                .if(!agreement.spec.commitments.isEmpty && agreement.spec.text == document,
                    .text(" – med parterna och vad var och en har åtagit sig")))
        })
        return PageSection(heading: "Avtalet i registret", content: html)
    }

    /// Who owes a commitment: the bearer as the text words it, and the parties it binds.
    static func bearerSection(_ bearer: CommitmentBearer, parties: [(key: String, name: String)], agreement: Agreement,
                              organisation: String) -> PageSection {
        let html = Node<HTML.BodyContext>.group(
            .p(.strong(.text(bearer.label)), .text(" åtar sig detta i "),
               .a(.href(AgreementsURL.agreement.link(organisation, agreement.key) + "#ataganden"), .text(agreement.title)), .text(".")),
            .if(!parties.isEmpty, .ul(.forEach(parties) { party in
                .li(.a(.href(AgreementsURL.party.link(organisation, agreement.key, party.key)), .text("Vad \(party.name) har åtagit sig")))
            })))
        return PageSection(heading: "Vem åtar sig", content: html)
    }
}
