import Core
import Organisation
import Plans
import Plot

/// The organisation's documents in force and their follow-up: the public dashboards of closed
/// periods, and for the organisation's users the way to the periods in progress.
enum FollowUpIndex {
    final class View: OrganisationPage {
        struct Entry: Sendable {
            let slug: String
            let title: String
            /// The closed periods, oldest first, and how many are open.
            let periods: [PeriodValue]
            let open: Int
        }

        let entries: [Entry]

        init(organisationSlug: String, organisationName: String, entries: [Entry]) {
            self.entries = entries
            super.init(organisationSlug: organisationSlug, organisationName: organisationName)
        }

        override func pageTitle() -> String { "Uppföljning – \(organisationName)" }
        override func breadcrumbs() -> [Breadcrumb] { organisationCrumbs(Breadcrumb("Uppföljning")) }

        override func content() -> Node<HTML.BodyContext> {
            .group(
                .h1(.text("Uppföljning")),
                .p(.text("Hur det går med de gällande styrdokumentens nyckelaktiviteter och mål, period för period. Rapporterna blir offentliga när perioden stängs.")),
                entries.isEmpty ? .p(.text("Det finns inget gällande styrdokument att följa upp.")) : .ul(.class("follow-up-index"), .forEach(entries) { entry in
                    .li(
                        .strong(.text(entry.title)), .text(": "),
                        entry.periods.isEmpty ? .text("ingen stängd period ännu")
                            : .a(.href(FollowUpURL.dashboard(organisationSlug, entry.slug)), .text("uppföljning " + entry.periods.map(\.name).joined(separator: ", "))),
                        .if(entry.periods.contains { $0.example }, .text(" (exempeldata)")),
                        .text(" · "),
                        .a(.href(FollowUpURL.periods.link(organisationSlug, entry.slug)),
                           .text(entry.open == 0 ? "perioder och rapportering" : "\(entry.open) öppen period" + (entry.open == 1 ? "" : "er") + ", rapportera")),
                        .span(.class("meta"), .text(" (för organisationens användare)"))
                    )
                }),
                .p(.a(.href(SurveyURL.surveys.link(organisationSlug)), .text("Nätverksenkäter")), .span(.class("meta"), .text(" (för organisationens redaktörer)")))
            )
        }
    }
}
