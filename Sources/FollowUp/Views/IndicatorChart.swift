import Core
import Foundation
import Plot

/// An indicator as inline SVG with a data table beside each chart: the members side by side for
/// a period, and the trend over the periods against the targets. Every bar and point carries its
/// number as text, and the target is a dashed line named in words, so nothing is told by colour alone.
enum IndicatorChart {
    static func number(_ value: Double) -> String {
        // A stored value beyond the bounds (an older database) is shown as refused, never converted to Int.
        guard Bounds.isIndicatorValue(value) else { return Formatting.refused }
        let rounded = (value * 10).rounded() / 10
        return rounded == rounded.rounded() ? Formatting.thousands(Int(rounded)) : String(format: "%.1f", rounded).replacingOccurrences(of: ".", with: ",")
    }

    static func f(_ value: Double) -> String { String(format: "%.1f", value) }

    /// Horizontal bars, one per area, longest scale at the largest value.
    static func members(_ indicator: IndicatorContent, period: String) -> Node<HTML.BodyContext> {
        let rows = indicator.areas.compactMap { area in indicator.values[area.code]?[period].map { (area.name, $0) } }
        guard let largest = rows.map({ abs($0.1) }).max(), largest > 0 else { return .empty }
        let labelWidth = 150.0, barWidth = 330.0, rowHeight = 26.0
        var parts: [Markup] = []
        for (index, row) in rows.enumerated() {
            let y = Double(index) * rowHeight
            let width = max(1, barWidth * abs(row.1) / largest)
            parts.append(SVG.text([.value("x", "\(labelWidth - 8)"), .value("y", "\(y + 18)"), .value("text-anchor", "end"), .value("font-size", "16"),
                                   .value("fill", "#1b1f24")], row.0))
            parts.append(SVG.shape("rect", [.value("x", "\(labelWidth)"), .value("y", "\(y + 4)"), .value("width", String(format: "%.1f", width)),
                                            .value("height", "18"), .value("fill", "#bcd3ee"), .value("stroke", "#4a5360")]))
            parts.append(SVG.text([.value("x", String(format: "%.1f", labelWidth + width + 6)), .value("y", "\(y + 18)"), .value("font-size", "16"),
                                   .value("fill", "#1b1f24")], number(row.1)))
        }
        let height = Double(rows.count) * rowHeight + 4, width = labelWidth + barWidth + 90
        let label = "\(indicator.title), \(period): " + rows.map { "\($0.0) \(number($0.1))" }.joined(separator: ", ")
        return .group(
            SVG.image(class: "indicator-chart", width: String(Int(width)), height: String(Int(height)), label: label, parts).node(),
            .scrollingTable("\(indicator.title) per medlem", .table(
                .caption(.text("\(indicator.title) per medlem, \(period)" + (indicator.unit.isEmpty ? "" : " (\(indicator.unit))"))),
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text("Medlem")), .th(.attribute(named: "scope", value: "col"), .class("number"), .text("Värde")))),
                .tbody(.forEach(rows) { row in .tr(.th(.attribute(named: "scope", value: "row"), .text(row.0)), .td(.class("number"), .text(number(row.1)))) })
            ))
        )
    }

    /// The trend as points joined by a line, with each target as a dashed mark; a table of the same numbers.
    static func trend(_ indicator: IndicatorContent) -> Node<HTML.BodyContext> {
        let (label, series) = indicator.trend
        let periods = Array(Set(series.keys).union(indicator.targets.keys.map(String.init))).sorted()
        let numbers = Array(series.values) + Array(indicator.targets.values)
        guard periods.count > 0, let top = numbers.max(), let bottom = numbers.min() else { return .empty }
        let low = min(0, bottom), span = max(top - low, 1)
        let left = 60.0, width = 420.0, height = 160.0, step = periods.count > 1 ? width / Double(periods.count - 1) : 0
        let y = { (value: Double) in 20 + height * (1 - (value - low) / span) }
        var parts: [Markup] = []
        let points = periods.enumerated().compactMap { index, period in series[period].map { (left + Double(index) * step, y($0), $0) } }
        if points.count > 1 {
            parts.append(SVG.shape("polyline", [.value("fill", "none"), .value("stroke", "#0b4f8a"), .value("stroke-width", "2"),
                                                .value("points", points.map { "\(f($0.0)),\(f($0.1))" }.joined(separator: " "))]))
        }
        for point in points {
            parts.append(SVG.shape("circle", [.value("cx", f(point.0)), .value("cy", f(point.1)), .value("r", "4"), .value("fill", "#0b4f8a")]))
            parts.append(SVG.text([.value("x", f(point.0)), .value("y", f(point.1 - 8)), .value("text-anchor", "middle"), .value("font-size", "16"),
                                   .value("fill", "#1b1f24")], number(point.2)))
        }
        for (index, period) in periods.enumerated() {
            let x = left + Double(index) * step
            parts.append(SVG.text([.value("x", f(x)), .value("y", f(height + 44)), .value("text-anchor", "middle"), .value("font-size", "16"),
                                   .value("fill", "#1b1f24")], period))
            if let year = Int(period), let target = indicator.targets[year] {
                parts.append(SVG.shape("line", [.value("x1", f(x - 14)), .value("x2", f(x + 14)), .value("y1", f(y(target))), .value("y2", f(y(target))),
                                                .value("stroke", "#8a5a00"), .value("stroke-width", "3"), .value("stroke-dasharray", "4 3")]))
            }
        }
        let summary = "\(indicator.title), \(label.lowercased()): " + periods.map { period in
            "\(period) " + (series[period].map(number) ?? "–") + (Int(period).flatMap { indicator.targets[$0] }.map { " (mål \(number($0)))" } ?? "")
        }.joined(separator: ", ")
        return .group(
            SVG.image(class: "indicator-chart", width: String(Int(left + width + 40)), height: String(Int(height + 56)), label: summary, parts).node(),
            .p(.class("hint"), .text("Linjen är \(label.lowercased()); streckade markeringar är målvärden.")),
            .scrollingTable("\(indicator.title) över tid", .table(
                .caption(.text("\(indicator.title) över tid: \(label.lowercased()) och mål")),
                .thead(.tr(.th(.attribute(named: "scope", value: "col"), .text("Period")), .th(.attribute(named: "scope", value: "col"), .class("number"), .text(label)),
                           .th(.attribute(named: "scope", value: "col"), .class("number"), .text("Mål")))),
                .tbody(.forEach(periods) { period in
                    .tr(.th(.attribute(named: "scope", value: "row"), .text(period)), .td(.class("number"), .text(series[period].map(number) ?? "–")),
                        .td(.class("number"), .text(Int(period).flatMap { indicator.targets[$0] }.map(number) ?? "–")))
                })
            ))
        )
    }
}
