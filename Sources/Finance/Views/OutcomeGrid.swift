import Core
import Foundation
import Organisation
import Plot

/// The editing grids' frame: a table that scrolls in its own labelled, focusable region.
enum OutcomeGrid {
    static func table(label: String, columns: [(String, String?)], rows: [Markup]) -> Markup {
        .element("div", [.value("class", "table-scroll"), .value("role", "region"), .value("tabindex", "0"), .value("aria-label", label)], [
            .element("table", [], [
                .element("thead", [], [.element("tr", [], columns.map { .element("th", [.value("scope", "col"), .value("class", $0.1)], text: $0.0) })]),
                .element("tbody", [], rows),
            ]),
        ])
    }
}
