import Core
import Foundation
import Organisation
import Plot

/// The member fees of a year: the inputs with their sources, the ceiling per member and in total,
/// the financing apportioned by population, a chart and its table. The deviation is what these
/// inputs give; the page never claims a ceiling was broken, since the document does not say which
/// inputs the association used.
final class FeesPage: OrganisationPage {
    let fees: FeeContent

    init(organisation: OrganisationRecord, fees: FeeContent) {
        self.fees = fees
        super.init(organisationSlug: organisation.slug, organisationName: organisation.name)
    }

    override func pageTitle() -> String { "Medlemsavgifter \(fees.year) – \(organisationName)" }
    override func pageDescription() -> String {
        "Medlemsavgifterna \(fees.year) under taket: \(fees.basis.perMille.replacingOccurrences(of: ".", with: ",")) promille av befolkningen gånger medelskattekraften."
    }
    override func breadcrumbs() -> [Breadcrumb] {
        organisationCrumbs(Breadcrumb("Budget", url: FinanceURL.budgets.link(organisationSlug)),
                           Breadcrumb(fees.title, url: FinanceURL.budget.link(organisationSlug, String(fees.year))), Breadcrumb("Medlemsavgifter"))
    }

    static func kronor(_ value: Int) -> String { "\(Formatting.thousands(value)) kr" }

    override func content() -> Node<HTML.BodyContext> {
        let basis = fees.basis, table = fees.table, year = String(fees.year)
        let perMille = basis.perMille.replacingOccurrences(of: ".", with: ",")
        return .article(
            .header(.p(.class("level-label"), .text(fees.title)), .h1(.text("Medlemsavgifter \(fees.year)"))),
            .p(.text("Medlemmarna finansierar förbundet inom ett tak: \(perMille) promille av medlemmens befolkning gånger medelskattekraften i riket"
                     + (basis.ceilingPeriod.map { ", beslutat för mandatperioden \($0)" } ?? "") + ".")),
            .section(.h2(.text("Indata")), .dl(.class("facts"),
                .dt("Befolkning"), .dd(.text("Den \(basis.populationDate), \(Formatting.thousands(table.population)) invånare. Källa: \(basis.populationSource).")),
                .dt("Medelskattekraft"), .dd(.text("\(Self.kronor(basis.taxCapacity)) per invånare \(basis.taxCapacityYear) (\(basis.taxCapacityKind.label)). Källa: \(basis.taxCapacitySource).")),
                .dt("Tak"), .dd(.text("\(perMille) promille × befolkning × medelskattekraft")))),
            .section(.h2(.text("Tak och finansiering")), .dl(.class("facts"),
                .dt("Tak beräknat med dessa indata"), .dd(.text(Self.kronor(table.ceiling))),
                .unwrap(table.financing) { .group(.dt("Budgetens finansiering"), .dd(.text(Self.kronor($0)))) },
                .unwrap(table.deviation) { .group(.dt("Avvikelse mot taket beräknat med dessa indata"), .dd(.text(Self.kronor($0)))) },
                .unwrap(table.impliedTaxCapacity) {
                    .group(.dt("Medelskattekraft som ger ett tak lika med finansieringen"), .dd(.text("\(Self.kronor($0)) per invånare")))
                }),
                .p(.class("note"), .text("Avvikelsen visar vad taket blir med de indata som anges här. Budgeten anger inte vilka indata förbundet "
                                         + "använde för befolkning och medelskattekraft, så avvikelsen säger inte att taket har överskridits."))),
            .section(.h2(.id("per-medlem"), .text("Per medlem")),
                     chart(),
                     .div(.class("table-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "tabindex", value: "0"), .ariaLabel("Per medlem"),
                          .table(.caption(.text("Tak och andel av finansieringen per medlem \(fees.year), kronor; andelen fördelad efter befolkning")),
                                 .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text("Medlem")),
                                            .th(.attribute(named: "scope", value: "col"), .class("amount"), .text("Befolkning")),
                                            .th(.attribute(named: "scope", value: "col"), .class("amount"), .text("Tak")),
                                            .if(table.financing != nil, .th(.attribute(named: "scope", value: "col"), .class("amount"), .text("Andel av finansieringen"))))),
                                 .tbody(.forEach(table.members) { member in
                                     .tr(.th(.attribute(named: "scope", value: "row"), .text(member.name)),
                                         .td(.class("amount"), .text(Formatting.thousands(member.population))),
                                         .td(.class("amount"), .text(Formatting.thousands(member.ceiling))),
                                         .unwrap(member.financing) { .td(.class("amount"), .text(Formatting.thousands($0))) })
                                 }),
                                 .tfoot(.tr(.th(.attribute(named: "scope", value: "row"), .text("Summa")),
                                            .td(.class("amount"), .text(Formatting.thousands(table.population))),
                                            .td(.class("amount"), .text(Formatting.thousands(table.ceiling))),
                                            .unwrap(table.financing) { .td(.class("amount"), .text(Formatting.thousands($0))) })))),
                     .p(.class("meta"), .text("Avrundning: taket räknas för helheten och avrundas till hela kronor; helheten fördelas på medlemmarna efter "
                                              + "befolkning med största-restmetoden, så att delarna summerar exakt till helheten."))),
            .p(.class("meta"), .text("Ladda ner: "),
               .a(.href(FinanceURL.feesSheet.link(organisationSlug, year)), .text("för kalkylprogram (CSV med semikolon)")), .text(" · "),
               .a(.href(FinanceURL.feesCSV.link(organisationSlug, year)), .text("öppna data (CSV)")), .text(" · "),
               .a(.href(FinanceURL.API.fees.link(organisationSlug, year)), .text("JSON")))
        )
    }

    /// Each member's ceiling and share as two bars with their amounts written out; the table below holds the same numbers.
    func chart() -> Node<HTML.BodyContext> {
        let members = fees.table.members
        let largest = max(1, members.map { max($0.ceiling, $0.financing ?? 0) }.max() ?? 1)
        let label = 150.0, barArea = 330.0, rowHeight = 22.0, gap = 10.0
        var parts: [String] = []
        var y = 24.0
        parts.append("<rect x=\"\(label)\" y=\"2\" width=\"14\" height=\"14\" fill=\"#ffffff\" stroke=\"#4a5360\" stroke-dasharray=\"3 2\"/>")
        parts.append("<text x=\"\(label + 20)\" y=\"15\" font-size=\"16\" fill=\"#1b1f24\">Tak</text>")
        parts.append("<rect x=\"\(label + 70)\" y=\"2\" width=\"14\" height=\"14\" fill=\"#bcd3ee\" stroke=\"#4a5360\"/>")
        parts.append("<text x=\"\(label + 90)\" y=\"15\" font-size=\"16\" fill=\"#1b1f24\">Andel av finansieringen</text>")
        y += 10
        for member in members {
            parts.append("<text x=\"0\" y=\"\(format(y + 16))\" font-size=\"16\" fill=\"#1b1f24\">\(Markdown.escape(member.name))</text>")
            for (value, fill, dash) in [(member.ceiling, "#ffffff", " stroke-dasharray=\"3 2\""), (member.financing, "#bcd3ee", "")] {
                guard let value else { continue }
                let width = max(1, barArea * Double(value) / Double(largest))
                parts.append("<rect x=\"\(label)\" y=\"\(format(y))\" width=\"\(format(width))\" height=\"\(format(rowHeight - 4))\" fill=\"\(fill)\" stroke=\"#4a5360\"\(dash)/>")
                parts.append("<text x=\"\(format(label + width + 6))\" y=\"\(format(y + 15))\" font-size=\"16\" fill=\"#1b1f24\">\(Formatting.thousands(value))</text>")
                y += rowHeight
            }
            y += gap
        }
        let width = label + barArea + 110
        // Wider than a phone: the chart scrolls in its own box, which the keyboard can reach.
        return .div(.class("chart-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "tabindex", value: "0"),
                    .ariaLabel("Diagram: tak och andel av finansieringen per medlem"), .raw(
            "<svg class=\"fee-chart\" viewBox=\"0 0 \(format(width)) \(format(y))\" width=\"\(format(width))\" height=\"\(format(y))\" role=\"img\" "
                + "aria-label=\"Tak och andel av finansieringen per medlem \(fees.year); siffrorna står i tabellen nedan\">" + parts.joined() + "</svg>"))
    }

    func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
