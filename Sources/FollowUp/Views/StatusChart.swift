import Core
import Foundation
import Plot

/// Inline SVG for follow-up: a stacked bar of an activity roll-up, and a row of progress bars
/// across periods. Every segment carries its count as text and a pattern of its own, and a
/// table beside it holds the numbers, so nothing is told by colour alone.
enum StatusChart {
    /// The statuses in drawing order, with the mark each segment and legend entry shows.
    static let marks: [(status: ActivityStatus?, mark: String, fill: String)] = [
        (.done, "✓", "#b9dcc3"), (.ongoing, "▶", "#bcd3ee"), (.planned, "○", "#e4e7eb"), (.postponed, "‖", "#f5d9a8"),
        (.cancelled, "✗", "#e9c2c2"), (nil, "–", "#ffffff"),
    ]

    static func mark(_ status: ActivityStatus?) -> String { marks.first { $0.status == status }?.mark ?? "" }

    /// One horizontal bar, 100 % wide, split by status; `label` is what a screen reader hears.
    static func bar(_ rollUp: RollUp, label: String) -> Node<HTML.BodyContext> {
        guard rollUp.activities > 0 else { return .empty }
        let width = 300.0
        var x = 0.0
        var parts: [Markup] = []
        for (status, mark, fill) in marks {
            let count = status.map(rollUp.count) ?? rollUp.missing
            guard count > 0 else { continue }
            let w = width * Double(count) / Double(rollUp.activities)
            parts.append(SVG.shape("rect", [.value("x", format(x)), .value("y", "1"), .value("width", format(w)), .value("height", "26"), .value("fill", fill),
                                            .value("stroke", "#4a5360"), .value("stroke-dasharray", status == nil ? "3 2" : nil)]))
            if w >= 36 {
                parts.append(SVG.text([.value("x", format(x + w / 2)), .value("y", "20"), .value("text-anchor", "middle"), .value("font-size", "16"),
                                       .value("fill", "#1b1f24")], "\(mark) \(count)"))
            }
            x += w
        }
        return SVG.image(class: "status-bar", width: "300", height: "28", label: label, parts).node()
    }

    /// Mean progress per period as vertical bars with the percentage written on each.
    static func progress(_ values: [(period: String, percent: Int?)], label: String) -> Node<HTML.BodyContext> {
        let barWidth = 52.0, gap = 12.0, height = 60.0
        var parts: [Markup] = []
        for (index, value) in values.enumerated() {
            let x = Double(index) * (barWidth + gap)
            let h = height * Double(value.percent ?? 0) / 100
            parts.append(SVG.shape("rect", [.value("x", format(x)), .value("y", format(20 + height - h)), .value("width", format(barWidth)),
                                            .value("height", format(max(h, 0.5))), .value("fill", "#bcd3ee"), .value("stroke", "#4a5360")]))
            parts.append(SVG.text([.value("x", format(x + barWidth / 2)), .value("y", "16"), .value("text-anchor", "middle"), .value("font-size", "16"),
                                   .value("fill", "#1b1f24")], value.percent.map { "\($0) %" } ?? "–"))
        }
        let width = max(1, Double(values.count) * (barWidth + gap) - gap)
        return SVG.image(class: "progress-bars", width: format(width), height: format(height + 22), label: label, parts).node()
    }

    /// The legend: each status's mark and name.
    static func legend() -> Node<HTML.BodyContext> {
        .ul(.class("status-legend"), .forEach(marks) { entry in
            .li(.span(.class("legend-swatch"), .attribute(named: "style", value: HTML.escape("background:\(entry.fill)")), .attribute(named: "aria-hidden", value: "true"),
                      .text(entry.mark)),
                .text(entry.status?.label ?? "Ej rapporterad"))
        })
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
