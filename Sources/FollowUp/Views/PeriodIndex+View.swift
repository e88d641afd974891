import Core
import Organisation
import Plans
import Plot

/// The periods of a document, for the organisation's users; editors open new ones here.
enum PeriodIndex {
    final class View: OrganisationPage {
        let tree: FollowedTree
        let periods: [PeriodContent]
        let mayManage: Bool
        let notice: String?

        init(tree: FollowedTree, periods: [PeriodContent], mayManage: Bool, notice: String?) {
            self.tree = tree
            self.periods = periods
            self.mayManage = mayManage
            self.notice = notice
            super.init(organisationSlug: tree.organisationSlug, organisationName: tree.organisationName)
        }

        override func pageTitle() -> String { "Perioder: \(tree.title) – \(organisationName)" }
        override func breadcrumbs() -> [Breadcrumb] {
            organisationCrumbs(Breadcrumb("Uppföljning", url: FollowUpURL.index.link(organisationSlug)),
                               Breadcrumb(tree.title, url: FollowUpURL.dashboard(organisationSlug, tree.documentSlug)), Breadcrumb("Perioder"))
        }

        override func content() -> Node<HTML.BodyContext> {
            let activities = tree.activities
            return .group(
                .p(.class("level-label"), .text("Uppföljning av \(tree.title)")),
                .h1(.text("Perioder")),
                Forms.messages(error: nil, notice: notice),
                periods.isEmpty ? .p(.text("Ingen period är öppnad ännu.")) : .scrollingTable("Perioder", .table(
                    .class("stack"),
                    .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text("Period")), .th(.attribute(named: "scope", value: "col"), .text("Status")),
                               .th(.attribute(named: "scope", value: "col"), .text("Sista dag att rapportera")), .th(.attribute(named: "scope", value: "col"), .text("Rapporterat")))),
                    .tbody(.forEach(periods.reversed()) { period in
                        let reported = activities.filter { period.reports[$0.lineage] != nil }.count
                        return .tr(
                            .th(.attribute(named: "scope", value: "row"), .a(.href(FollowUpURL.period.link(organisationSlug, tree.documentSlug, period.period.key)), .text(period.period.name)),
                                .if(period.period.example, .span(.class("meta"), .text(" (exempeldata)")))),
                            .td(.label("Status"), .text(period.period.state.label)),
                            .td(.label("Sista dag att rapportera"), .text(period.period.deadline)),
                            .td(.label("Rapporterat"), .text("\(reported) av \(activities.count)"))
                        )
                    })
                )),
                .if(mayManage, .ul(.class("more"),
                    .li(.a(.href(FollowUpURL.newPeriod.link(organisationSlug, tree.documentSlug)), .text("Öppna en ny period"))),
                    .li(.a(.href(FollowUpURL.reporters.link(organisationSlug, tree.documentSlug)), .text("Välj rapportörer"))),
                    .li(.a(.href(FollowUpURL.indicators.link(organisationSlug, tree.documentSlug)), .text("Indikatorer för målen"))),
                    .li(.a(.href(FollowUpURL.templates.link(organisationSlug)), .text("Organisationens periodmallar")))))
            )
        }
    }
}
