import Core
import Foundation
import Organisation
import Plans
import Plot

/// The four levels of participation with their meaning, and the key activities marked with each,
/// filterable by level.
enum ParticipationIndex {
    final class View: OrganisationPage {
        let marked: [(node: Catalogue.Node, level: ParticipationLevel)]
        let chosen: ParticipationLevel?
        let notice: String?

        init(organisation: OrganisationRecord, marked: [(node: Catalogue.Node, level: ParticipationLevel)], chosen: ParticipationLevel?, notice: String? = nil) {
            self.marked = marked
            self.chosen = chosen
            self.notice = notice
            super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
        }

        override func pageTitle() -> String { "Medverkan – \(organisationName)" }
        override func breadcrumbs() -> [Breadcrumb] { organisationCrumbs(Breadcrumb("Medverkan")) }

        override func content() -> Node<HTML.BodyContext> {
            let shown = marked.filter { chosen == nil || $0.level == chosen }
            return .group(
                .h1(.text("Medverkan")),
                Forms.messages(error: nil, notice: notice),
                .p(.text("Hur civilsamhället kan medverka i en nyckelaktivitet, enligt de fyra nivåerna i Europeisk kod för idéburna organisationers medverkan i beslutsprocessen, från den lägsta till den högsta:")),
                .dl(.class("facts"), .forEach(ParticipationLevel.allCases) { level in
                    .group(.dt(.text(level.label)), .dd(.text(level.explanation)))
                }),
                .nav(.class("period-nav"), .attribute(named: "aria-label", value: "Välj nivå"), .ul(
                    .li(chosen == nil ? .span(.attribute(named: "aria-current", value: "page"), .text("Alla")) : .a(.href(AgreementsURL.participation.link(organisationSlug)), .text("Alla"))),
                    .forEach(ParticipationLevel.allCases) { level in
                        .li(chosen == level ? .span(.attribute(named: "aria-current", value: "page"), .text(level.label))
                                            : .a(.href(AgreementsURL.participation.link(organisationSlug, query: ["niva": "\(level.rawValue)"])), .text(level.label)))
                    })),
                shown.isEmpty ? .p(.text(chosen == nil ? "Ingen nyckelaktivitet är markerad med en nivå ännu." : "Ingen nyckelaktivitet är markerad med nivån \(chosen!.label.lowercased()).")) :
                    .ul(.forEach(shown) { item in
                        .li(.a(.href(PlansURL.node(organisationSlug, item.node.reference.document, item.node.key)), .text(item.node.title)),
                            .text(" – \(item.level.label) (\(item.node.documentTitle))"))
                    }),
                .ul(.class("more"), .li(.a(.href(AgreementsURL.markParticipation.link(organisationSlug)), .text("Markera en nyckelaktivitet (för redaktörer)"))))
            )
        }

        /// The level on a key activity's page, with its meaning.
        static func nodeSection(_ level: ParticipationLevel, organisation: String) -> PageSection {
            PageSection(heading: "Medverkan", content: .group(
                .p(.strong(.text(level.label)), .text(": \(level.explanation)")),
                .p(.a(.href(AgreementsURL.participation.link(organisation, query: ["niva": "\(level.rawValue)"])), .text("Fler aktiviteter med nivån \(level.label.lowercased())")))
            ))
        }
    }
}
