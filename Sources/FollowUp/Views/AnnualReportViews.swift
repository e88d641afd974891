import Core
import Fluent
import Foundation
import Organisation
import Plans
import Plot
import Vapor

/// An annual report's figures as parts of its document page: the year in figures, a section per
/// goal area (what was done, what goes on, what was not; each goal's assessment), the indicators
/// and the networks' feedback. Charts carry their numbers as text and have a table beside them.
enum AnnualReportViews {
    static func parts(_ data: AnnualReportData) -> [NodeSection] {
        var parts = figures(data)
        if !data.indicators.isEmpty { parts.append(NodeSection(heading: "Indikatorer", content: indicators(data))) }
        if !data.networks.isEmpty || !data.quotes.isEmpty { parts.append(NodeSection(heading: "Nätverkens återkoppling", content: feedback(data))) }
        return parts
    }

    /// The year in figures and a section per goal area; a sentence where there is no plan or no closed period.
    static func figures(_ data: AnnualReportData) -> [NodeSection] {
        guard let rollUp = data.rollUp?.rollUp, let plan = data.planTitle else {
            return [NodeSection(heading: "Året i siffror", content: Node<HTML.BodyContext>.p(.text(
                data.planTitle == nil ? "Det finns ingen publicerad verksamhetsplan för \(data.year) att berätta om."
                                      : "Ingen uppföljningsperiod som slutar \(data.year) är stängd ännu; siffrorna kommer när den är det.")))]
        }
        let level = data.activityLevel
        let parts = [NodeSection(heading: "Året i siffror", content: Node<HTML.BodyContext>.group(
            .if(data.example, DashboardSections.exampleMark("siffrorna bygger på påhittad uppföljning", "")),
            .p(.text("Enligt \(data.periodName ?? "årets uppföljning") av \(plan): \(rollUp.phrase(level: level)).")),
            StatusChart.bar(rollUp, label: "\(plan): \(rollUp.phrase(level: level))"),
            StatusChart.legend(),
            .scrollingTable("Per \(data.areas.first?.level.lowercased() ?? "målområde")", .table(
                .caption(.text("\(Glossary.plural(level)) per \(data.areas.first?.level.lowercased() ?? "målområde")")),
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text(data.areas.first?.level ?? "Målområde")),
                           .forEach(ActivityStatus.allCases) { .th(.attribute(named: "scope", value: "col"), .class("number"), .text($0.label)) },
                           .th(.attribute(named: "scope", value: "col"), .class("number"), .text("Ej rapporterade")))),
                .tbody(.forEach(data.areas) { area in
                    .tr(.th(.attribute(named: "scope", value: "row"), .text(area.title)),
                        .forEach(ActivityStatus.allCases) { .td(.class("number"), .text(String(area.rollUp.rollUp.count($0)))) },
                        .td(.class("number"), .text(String(area.rollUp.missing))))
                })
            ))
        ))]
        return parts + data.areas.map { area in NodeSection(heading: area.title, content: self.area(area, level: level)) }
    }

    static func area(_ area: AnnualReportData.Area, level: String) -> Node<HTML.BodyContext> {
        .group(
            .p(.text(area.rollUp.rollUp.phrase(level: level) + ".")),
            .forEach(area.goals) { goal in
                let done = goal.activities.filter { $0.status == .done }
                let going = goal.activities.filter { $0.status == .ongoing || $0.status == .planned }
                let notDone = goal.activities.filter { $0.status == nil || $0.status == .postponed || $0.status == .cancelled }
                return .section(
                    .class("report-goal"),
                    .h3(.span(.class("level-label"), .text(goal.level)), .text(goal.title)),
                    .unwrap(goal.verdict) { verdict in
                        .p(.strong(.text("Bedömning: \(verdict.symbol) \(verdict.label).")), .text(goal.motivation.map { " \($0)" } ?? ""))
                    },
                    .unwrap(goal.proposal) { .p(.class("meta"), .text("Ingen bedömning gjord. Samsyns förslag: \($0)")) },
                    list("Genomfört", done),
                    list("Pågår eller planerat", going),
                    list("Inte genomfört", notDone)
                )
            }
        )
    }

    static func list(_ heading: String, _ activities: [AnnualReportData.Activity]) -> Node<HTML.BodyContext> {
        guard !activities.isEmpty else { return .empty }
        return .group(.h4(.text("\(heading) (\(activities.count))")), .ul(.forEach(activities) { activity in
            .li(.text(activity.title),
                .if(activity.status != .done && activity.status != .ongoing,
                    .span(.class("meta"), .text(" – " + (activity.status.map { $0.label.lowercased() } ?? "ej rapporterad")))),
                // What was done speaks for itself; what was not is explained where the report says why.
                .unwrap(activity.comment.isEmpty || activity.status == .done ? nil : activity.comment) { .p(.class("meta"), .text($0)) })
        }))
    }

    static func number(_ value: Double?, _ unit: String) -> String { value.map { "\(IndicatorChart.number($0)) \(unit)" } ?? "–" }

    static func indicators(_ data: AnnualReportData) -> Node<HTML.BodyContext> {
        let th = { (text: String) -> Node<HTML.TableRowContext> in .th(.attribute(named: "scope", value: "col"), .text(text)) }
        return .scrollingTable("Indikatorer \(data.year)", .table(
            .caption(.text("Indikatorer \(data.year) mot årets målvärden")),
            .thead(.tr(th("Indikator"), th("Värde \(data.year)"), th("Målvärde"), th("Läge"))),
            .tbody(.forEach(data.indicators) { line in
                .tr(.th(.attribute(named: "scope", value: "row"), .text(line.title), .if(line.example, .span(.class("meta"), .text(" (exempeldata)")))),
                    .td(.class("number"), .text(number(line.value, line.unit) + (line.value == nil ? "" : " (\(line.label.lowercased()))"))),
                    .td(.class("number"), .text(number(line.target, line.unit))),
                    .td(.text(line.reached.map { $0 ? "Har nått målvärdet" : "Har inte nått målvärdet" } ?? "Saknar värde eller målvärde")))
            })
        ))
    }

    static func feedback(_ data: AnnualReportData) -> Node<HTML.BodyContext> {
        let th = { (text: String) -> Node<HTML.TableRowContext> in .th(.attribute(named: "scope", value: "col"), .class("number"), .text(text)) }
        return .group(
            .p(.text("Varje år frågas nätverken hur värdefullt stödet har varit för deras eget arbete, på en skala från 1 till 5.")),
            .unwrap(data.networks.isEmpty ? nil : data.networks) { networks in
                .scrollingTable("Nätverkens svar \(data.year)", .table(
                    .caption(.text("Nätverkens svar \(data.year)")),
                    .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text("Nätverk")), th("Svar"), th("Tillfrågade"), th("Medel av 5"))),
                    .tbody(.forEach(networks) { network in
                        .tr(.th(.attribute(named: "scope", value: "row"), .text(network.name)), .td(.class("number"), .text(String(network.answers))),
                            .td(.class("number"), .text(String(network.asked))), .td(.class("number"), .text(SurveyViews.mean(network.mean))))
                    })
                ))
            },
            .forEach(data.quotes) { quote in
                .blockquote(.p(.text(quote.text)), .footer(.text("– " + (quote.network ?? "Anonym deltagare i ett av nätverken"))))
            }
        )
    }
}

/// Fills Plans' document parts for annual reports, and snapshots their figures at adoption.
enum AnnualReportProvider {
    static func data(for content: DocumentContent, on req: Request) async throws -> AnnualReportData? {
        guard content.kind == .verksamhetsberattelse, let year = content.version.periodStart,
              let organisation = try await req.organisation(slug: content.organisation.slug) else { return nil }
        if content.version.status == .draft { return try await AnnualReportQuery.assemble(year: year, organisation: organisation, on: req.db) }
        guard let snapshot = try await ReportSnapshot.query(on: req.db).filter(\.$organisationID == organisation.requireID())
            .filter(\.$documentSlug == content.slug).filter(\.$versionNumber == content.version.number).first() else { return nil }
        return try JSONDecoder().decode(AnnualReportData.self, from: Data(snapshot.dataJSON.utf8))
    }

    static func parts(for content: DocumentContent, on req: Request) async throws -> [NodeSection] {
        guard content.kind == .verksamhetsberattelse else { return [] }
        guard let data = try await data(for: content, on: req) else {
            return [NodeSection(heading: "Året i siffror", content: Node<HTML.BodyContext>.p(.text("Siffrorna sparades inte när versionen antogs.")))]
        }
        return AnnualReportViews.parts(data)
    }

    /// At adoption, inside its transaction: the figures as they are now.
    static let snapshot: AdoptionHook = { version, db in
        guard version.documentKind == .verksamhetsberattelse, let year = version.periodStart,
              let organisation = try await OrganisationRecord.find(version.organisationID, on: db) else { return }
        let organisationID = version.organisationID
        let data = try await AnnualReportQuery.assemble(year: year, organisation: organisation, on: db)
        let snapshot = ReportSnapshot()
        snapshot.organisationID = organisationID
        snapshot.documentSlug = version.documentSlug
        snapshot.versionNumber = version.number
        snapshot.dataJSON = JSONColumn.encode(data)
        snapshot.takenAt = Date()
        try await snapshot.create(on: db)
    }
}
