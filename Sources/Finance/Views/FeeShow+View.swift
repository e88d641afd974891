import Core
import Foundation
import Organisation
import Plot

/// The member fees of a year: the inputs with their sources, the ceiling per member and in total,
/// the financing apportioned by population, a chart and its table. The deviation is what these
/// inputs give; the page never claims a ceiling was broken, since the document does not say which
/// inputs the association used.
enum FeeShow {
    final class View: OrganisationPage {
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
            var parts: [Markup] = []
            var y = 24.0
            let ink: [Markup.Attribute] = [.value("font-size", "16"), .value("fill", "#1b1f24")]
            parts.append(SVG.shape("rect", [.value("x", "\(label)"), .value("y", "2"), .value("width", "14"), .value("height", "14"), .value("fill", "#ffffff"),
                                            .value("stroke", "#4a5360"), .value("stroke-dasharray", "3 2")]))
            parts.append(SVG.text([.value("x", "\(label + 20)"), .value("y", "15")] + ink, "Tak"))
            parts.append(SVG.shape("rect", [.value("x", "\(label + 70)"), .value("y", "2"), .value("width", "14"), .value("height", "14"), .value("fill", "#bcd3ee"),
                                            .value("stroke", "#4a5360")]))
            parts.append(SVG.text([.value("x", "\(label + 90)"), .value("y", "15")] + ink, "Andel av finansieringen"))
            y += 10
            for member in members {
                parts.append(SVG.text([.value("x", "0"), .value("y", format(y + 16))] + ink, member.name))
                for (value, fill, dash) in [(member.ceiling, "#ffffff", "3 2"), (member.financing, "#bcd3ee", nil)] {
                    guard let value else { continue }
                    let width = max(1, barArea * Double(value) / Double(largest))
                    parts.append(SVG.shape("rect", [.value("x", "\(label)"), .value("y", format(y)), .value("width", format(width)), .value("height", format(rowHeight - 4)),
                                                    .value("fill", fill), .value("stroke", "#4a5360"), .value("stroke-dasharray", dash)]))
                    parts.append(SVG.text([.value("x", format(label + width + 6)), .value("y", format(y + 15))] + ink, Formatting.thousands(value)))
                    y += rowHeight
                }
                y += gap
            }
            let width = label + barArea + 110
            // Wider than a phone: the chart scrolls in its own box, which the keyboard can reach.
            return .div(.class("chart-scroll"), .attribute(named: "role", value: "region"), .attribute(named: "tabindex", value: "0"),
                        .ariaLabel("Diagram: tak och andel av finansieringen per medlem"),
                        SVG.image(class: "fee-chart", width: format(width), height: format(y),
                                  label: "Tak och andel av finansieringen per medlem \(fees.year); siffrorna står i tabellen nedan", parts).node())
        }

        func format(_ value: Double) -> String { String(format: "%.1f", value) }
    }
}
