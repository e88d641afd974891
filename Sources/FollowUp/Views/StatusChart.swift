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
        var parts: [String] = []
        for (status, mark, fill) in marks {
            let count = status.map(rollUp.count) ?? rollUp.missing
            guard count > 0 else { continue }
            let w = width * Double(count) / Double(rollUp.activities)
            let dash = status == nil ? " stroke-dasharray=\"3 2\"" : ""
            parts.append("<rect x=\"\(format(x))\" y=\"1\" width=\"\(format(w))\" height=\"26\" fill=\"\(fill)\" stroke=\"#4a5360\"\(dash)/>")
            if w >= 36 {
                parts.append("<text x=\"\(format(x + w / 2))\" y=\"20\" text-anchor=\"middle\" font-size=\"16\" fill=\"#1b1f24\">\(mark) \(count)</text>")
            }
            x += w
        }
        return .raw("<svg class=\"status-bar\" viewBox=\"0 0 300 28\" width=\"300\" height=\"28\" role=\"img\" aria-label=\"\(Markdown.escape(label))\">"
                    + parts.joined() + "</svg>")
    }

    /// Mean progress per period as vertical bars with the percentage written on each.
    static func progress(_ values: [(period: String, percent: Int?)], label: String) -> Node<HTML.BodyContext> {
        let barWidth = 52.0, gap = 12.0, height = 60.0
        var parts: [String] = []
        for (index, value) in values.enumerated() {
            let x = Double(index) * (barWidth + gap)
            let h = height * Double(value.percent ?? 0) / 100
            parts.append("<rect x=\"\(format(x))\" y=\"\(format(20 + height - h))\" width=\"\(format(barWidth))\" height=\"\(format(max(h, 0.5)))\" fill=\"#bcd3ee\" stroke=\"#4a5360\"/>")
            parts.append("<text x=\"\(format(x + barWidth / 2))\" y=\"16\" text-anchor=\"middle\" font-size=\"16\" fill=\"#1b1f24\">\(value.percent.map { "\($0) %" } ?? "–")</text>")
        }
        let width = max(1, Double(values.count) * (barWidth + gap) - gap)
        return .raw("<svg class=\"progress-bars\" viewBox=\"0 0 \(format(width)) \(format(height + 22))\" width=\"\(format(width))\" height=\"\(format(height + 22))\" "
                    + "role=\"img\" aria-label=\"\(Markdown.escape(label))\">" + parts.joined() + "</svg>")
    }

    /// The legend: each status's mark and name.
    static func legend() -> Node<HTML.BodyContext> {
        .ul(.class("status-legend"), .forEach(marks) { entry in
            .li(.span(.class("legend-swatch"), .attribute(named: "style", value: "background:\(entry.fill)"), .attribute(named: "aria-hidden", value: "true"),
                      .text(entry.mark)),
                .text(entry.status?.label ?? "Ej rapporterad"))
        })
    }

    static func format(_ value: Double) -> String { String(format: "%.1f", value) }
}
