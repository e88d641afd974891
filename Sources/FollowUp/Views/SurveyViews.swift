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
        var parts: [String] = []
        for (index, count) in year.distribution.enumerated() {
            let y = Double(index) * 26, width = 300 * Double(count) / Double(largest)
            parts.append("<text x=\"30\" y=\"\(y + 18)\" text-anchor=\"end\" font-size=\"16\" fill=\"#1b1f24\">\(index + 1)</text>")
            parts.append(String(format: "<rect x=\"40\" y=\"%.0f\" width=\"%.1f\" height=\"18\" fill=\"#bcd3ee\" stroke=\"#4a5360\"/>", y + 4, max(width, 1)))
            parts.append(String(format: "<text x=\"%.1f\" y=\"%.0f\" font-size=\"16\" fill=\"#1b1f24\">%d</text>", 46 + width, y + 18, count))
        }
        let label = "\(name) \(year.year): " + year.distribution.enumerated().map { "betyg \($0.offset + 1): \($0.element)" }.joined(separator: ", ")
        return .group(
            .p(.text("\(year.year): \(year.answers) svar, medel \(mean(year.mean)) av 5.")),
            .raw("<svg class=\"indicator-chart\" viewBox=\"0 0 400 134\" width=\"400\" height=\"134\" role=\"img\" aria-label=\"\(Markdown.escape(label))\">"
                 + parts.joined() + "</svg>"))
    }

    static func quote(_ quote: SurveyQuery.Quote) -> Node<HTML.BodyContext> {
        .blockquote(.p(.text(quote.text)), .footer(.text("– " + (quote.network ?? "Anonym deltagare i ett av nätverken"))))
    }
}

/// The page a survey link opens when it cannot take an answer: used, expired or unknown; the
/// network's own results where the link is known.
final class SurveyMessagePage: OrganisationPage {
    let heading: String
    let message: String
    let notice: String?
    let tally: SurveyTally?

    init(organisationSlug: String, organisationName: String, heading: String, message: String, notice: String? = nil, tally: SurveyTally?) {
        self.heading = heading
        self.message = message
        self.notice = notice
        self.tally = tally
        super.init(organisationSlug: organisationSlug, organisationName: organisationName)
    }

    override func pageTitle() -> String { heading }
    override func content() -> Node<HTML.BodyContext> {
        .group(
            .h1(.text(heading)),
            Forms.messages(error: nil, notice: notice),
            .p(.text(message)),
            .unwrap(tally) { tally in
                .group(.h2(.text("Nätverkets resultat")), .p(.text("Bara nätverkets egna siffror visas här; svaren räknas per nätverk, aldrig per person.")),
                       SurveyViews.tally(tally, headingLevel: 3))
            }
        )
    }
}
