import Core
import Plot

/// The reported progress beside a document's tree and on its nodes' pages.
enum ProgressViews {
    static func notice(_ progress: ReportedProgress) -> Node<HTML.BodyContext> {
        .p(.class("progress-notice"), .attribute(named: "role", value: "note"),
           .if(progress.example, .group(.strong(.text("Exempeldata")), .text(" – "))),
           .text("Status och framsteg nedan är rapporterade för \(progress.periodName). "),
           .a(.href(HTML.escape(progress.url)), .text("Se hela uppföljningen")))
    }

    static func status(_ entry: ReportedProgress.Entry) -> Node<HTML.BodyContext> {
        .span(.class("reported"), .text(" – \(entry.status)"))
    }

    static func rollUp(_ progress: ReportedProgress, lineage: String) -> Node<HTML.BodyContext> {
        guard let rollUp = progress.rollUps[lineage] else { return .empty }
        return .p(.class("roll-up"), .text("\(progress.periodName): \(rollUp)."),
                  .unwrap(progress.verdicts[lineage]) { .group(.text(" Bedömning: "), .strong(.text($0)), .text(".")) })
    }

    /// A node's own follow-up: its roll-up or status, and every closed period's report.
    static func section(_ progress: ReportedProgress, node: DocumentContent.Node) -> Node<HTML.BodyContext> {
        let history = progress.history[node.lineage] ?? []
        guard progress.rollUps[node.lineage] != nil || !history.isEmpty || progress.activities[node.lineage] != nil else { return .empty }
        return .section(
            .attribute(named: "aria-labelledby", value: "uppfoljning"),
            .h2(.id("uppfoljning"), .text("Uppföljning")),
            .if(progress.example, .p(.class("example-mark"), .attribute(named: "role", value: "note"), .strong(.text("Exempeldata")),
                                     .text(" – uppföljningen är påhittad för att visa hur Samsyn fungerar."))),
            rollUp(progress, lineage: node.lineage),
            .unwrap(history.isEmpty ? nil : history) { entries in
                .scrollingTable("Rapporter", .table(
                    .class("stack"),
                    .caption(.text("Rapporter per period")),
                    .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text("Period")), .th(.attribute(named: "scope", value: "col"), .text("Status")),
                               .th(.attribute(named: "scope", value: "col"), .text("Kommentar")))),
                    .tbody(.forEach(entries) { entry in
                        .tr(.th(.attribute(named: "scope", value: "row"), .text(entry.period)), .td(.label("Status"), .text(entry.status)),
                            .td(.label("Kommentar"), .text(entry.comment)))
                    })
                ))
            },
            .p(.a(.href(HTML.escape(progress.url)), .text("Hela uppföljningen av planen")))
        )
    }
}
