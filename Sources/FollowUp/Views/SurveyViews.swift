import Core
import Foundation
import Organisation
import Plot

/// The survey's numbers: per network, each year's answers, mean and spread over 1–5, as a table
/// and, for the newest year, bars with their counts as text.
enum SurveyViews {
    static func mean(_ value: Double?) -> String {
        value.map { String(format: "%.1f", $0).replacingOccurrences(of: ".", with: ",") } ?? "–"
    }

    static func tally(_ tally: SurveyTally, headingLevel: Int = 2) -> Node<HTML.BodyContext> {
        guard !tally.networks.isEmpty else { return .p(.text("Inga svar ännu.")) }
        let th = { (text: String) -> Node<HTML.TableRowContext> in .th(.attribute(named: "scope", value: "col"), .class("number"), .text(text)) }
        return .forEach(tally.networks) { network in
            .section(
                .class("survey-network"),
                headingLevel == 2 ? .h2(.text(network.name)) : .h3(.text(network.name)),
                .unwrap(network.years.last(where: { $0.answers > 0 })) { distribution(network.name, $0) },
                .scrollingTable("\(network.name): svar per år", .table(
                    .caption(.text("\(network.name): svar per år (betyg 1–5)")),
                    .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text("År")), th("Svar"), th("Tillfrågade"), th("Medel"),
                               th("1"), th("2"), th("3"), th("4"), th("5"))),
                    .tbody(.forEach(network.years) { year in
                        .tr(.th(.attribute(named: "scope", value: "row"), .text(String(year.year))), .td(.class("number"), .text(String(year.answers))),
                            .td(.class("number"), .text(String(year.asked))), .td(.class("number"), .text(mean(year.mean))),
                            .forEach(year.distribution) { .td(.class("number"), .text(String($0))) })
                    })
                ))
            )
        }
    }

    /// Bars of how many gave each score, the count written beside each bar.
    static func distribution(_ name: String, _ year: SurveyTally.Year) -> Node<HTML.BodyContext> {
        let largest = max(year.distribution.max() ?? 1, 1)
        var parts: [Markup] = []
        for (index, count) in year.distribution.enumerated() {
            let y = Double(index) * 26, width = 300 * Double(count) / Double(largest)
            parts.append(SVG.text([.value("x", "30"), .value("y", "\(y + 18)"), .value("text-anchor", "end"), .value("font-size", "16"), .value("fill", "#1b1f24")],
                                  String(index + 1)))
            parts.append(SVG.shape("rect", [.value("x", "40"), .value("y", String(format: "%.0f", y + 4)), .value("width", String(format: "%.1f", max(width, 1))),
                                            .value("height", "18"), .value("fill", "#bcd3ee"), .value("stroke", "#4a5360")]))
            parts.append(SVG.text([.value("x", String(format: "%.1f", 46 + width)), .value("y", String(format: "%.0f", y + 18)), .value("font-size", "16"),
                                   .value("fill", "#1b1f24")], String(count)))
        }
        let label = "\(name) \(year.year): " + year.distribution.enumerated().map { "betyg \($0.offset + 1): \($0.element)" }.joined(separator: ", ")
        return .group(
            .p(.text("\(year.year): \(year.answers) svar, medel \(mean(year.mean)) av 5.")),
            SVG.image(class: "indicator-chart", width: "400", height: "134", label: label, parts).node())
    }

    static func quote(_ quote: SurveyQuery.Quote) -> Node<HTML.BodyContext> {
        .blockquote(.p(.text(quote.text)), .footer(.text("– " + (quote.network ?? "Anonym deltagare i ett av nätverken"))))
    }
}

