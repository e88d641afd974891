import Core
import Foundation
import Plot

/// The outcome table shared by the outcome page, a follow-up period's page and the annual report:
/// per line and column the outcome, the budget to date, the deviation in kronor and percent and
/// the forecast for the year; the forecasts' comments follow as a list, so no cell holds prose.
enum OutcomeTable {
    static func percent(_ text: String?) -> String {
        text.map { $0.replacingOccurrences(of: ".", with: ",").replacingOccurrences(of: "-", with: "\u{2212}") + " %" } ?? "–"
    }

    static func money(_ value: Int?) -> String { value.map(Formatting.thousands) ?? "–" }

    static func table(_ content: OutcomeContent, caption: String) -> Node<HTML.BodyContext> {
        let columns = content.columns
        let several = columns.count > 1
        func heading(_ text: String, _ column: OutcomeContent.Column) -> Node<HTML.TableRowContext> {
            .th(.attribute(named: "scope", value: "col"), .class("amount"), .text(several ? "\(text) \(column.label)" : text))
        }
        func cells(_ cells: [OutcomeContent.Cell]) -> Node<HTML.TableRowContext> {
            .forEach(cells) { cell in
                .group(.td(.class("amount"), .text(money(cell.outcome))), .td(.class("amount"), .text(money(cell.budgetToDate))),
                       .td(.class("amount"), .text("\(money(cell.deviation)) (\(percent(cell.deviationPercent)))")),
                       .td(.class("amount"), .text(money(cell.forecast))))
            }
        }
        return .scrollingTable(caption, .table(
            .caption(.text(caption)),
            .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text("Rad")),
                       .th(.attribute(named: "scope", value: "col"), .class("amount"), .text("Budget, helår")),
                       .forEach(columns) { column in
                           .group(heading("Utfall", column), heading("Budget", column), heading("Avvikelse", column), heading("Prognos helår", column))
                       })),
            .tbody(.forEach(content.rows) { row in
                .tr(.th(.attribute(named: "scope", value: "row"), .text("\(row.costCentre) \(row.name) (\(row.side == .cost ? "kostnad" : "intäkt"))")),
                    .td(.class("amount"), .text(Formatting.thousands(row.budget))), cells(row.cells))
            }),
            .tfoot(.tr(.th(.attribute(named: "scope", value: "row"), .text("Resultat")),
                       .td(.class("amount"), .text(Formatting.thousands(content.rows.reduce(0) { $0 + $1.budget }))), cells(content.result)))
        ))
    }

    /// The forecasts' comments per column, line by line.
    static func comments(_ content: OutcomeContent) -> Node<HTML.BodyContext> {
        let noted = content.columns.indices.compactMap { index -> (OutcomeContent.Column, [(String, String)])? in
            let lines = content.rows.compactMap { row in row.cells[index].forecastComment.map { ("\(row.costCentre) \(row.name)", $0) } }
            return lines.isEmpty ? nil : (content.columns[index], lines)
        }
        return .forEach(noted) { column, lines in
            .group(.h3(.text("Kommentarer till prognosen \(column.label)" + (column.periods.isEmpty ? "" : " (\(column.periods.joined(separator: ", ")))"))),
                   .dl(.class("comments"), .forEach(lines) { line, comment in .group(.dt(.text(line)), .dd(.text(comment))) }))
        }
    }

    static func explanation() -> Node<HTML.BodyContext> {
        .p(.text("Utfallet till och med periodens sista månad bredvid budgeten för samma månader (årets budget jämnt fördelad över månaderna). "
                 + "Kostnader och intäkter med budgetens tecken: en negativ avvikelse på en kostnad är mer använt än planerat. "
                 + "Prognosen är vad året väntas sluta på, bedömd vid periodens slut."))
    }

    static func sources(_ content: OutcomeContent) -> Node<HTML.BodyContext> {
        .p(.class("meta"), .text("Källa: " + content.sources.map { source in
            source.hasPrefix("sie:") ? "SIE-filen \(source.dropFirst(4))" : source == "csv" ? "inläst CSV" : "inskrivet i formulär"
        }.joined(separator: ", ") + "."))
    }

    /// Stored values beyond the bounds (an older database), said in words: they are in no sum.
    static func refused(_ content: OutcomeContent) -> Node<HTML.BodyContext> {
        .if(!content.refused.isEmpty, .p(.class("note"), .text("Lagrade värden utanför gränserna räknas inte med (\(Formatting.refused)): "
                                                               + content.refused.joined(separator: ", ") + ".")))
    }
}
