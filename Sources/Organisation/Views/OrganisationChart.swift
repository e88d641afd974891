import Core

/// The organisation chart as inline SVG, drawn by the server: bodies in rows by how far they
/// are from the top of the reporting chain, other bodies below, the units at the bottom.
public enum OrganisationChart {
    struct Box {
        let key: String
        let lines: [String]
        let x: Double, y: Double, width: Double, height: Double
        var top: (Double, Double) { (x + width / 2, y) }
        var bottom: (Double, Double) { (x + width / 2, y + height) }
    }

    static let width = 1000.0, boxWidth = 180.0, lineHeight = 15.0, rowGap = 56.0

    public static func svg(_ structure: OrganisationStructure) -> String {
        let bodies = structure.bodies
        func depth(_ body: OrganisationStructure.GroupInfo) -> Int {
            var depth = 0, next = body.reportsTo, seen: Set<String> = [body.key]
            while let key = next, seen.insert(key).inserted { depth += 1; next = structure.group(key)?.reportsTo }
            return depth
        }
        let inChain = bodies.filter { $0.reportsTo != nil || !structure.reporting(to: $0.key).isEmpty }
        var rows: [[(key: String, name: String)]] = Dictionary(grouping: inChain, by: depth).sorted { $0.key < $1.key }.map { $0.value.map { ($0.key, $0.name) } }
        let others = bodies.filter { body in !inChain.contains { $0.key == body.key } }
        if !others.isEmpty { rows.append(others.map { ($0.key, $0.name) }) }
        rows.append(structure.units.map { unit in
            let count = unit.listings.flatMap(\.groups).count
            return ("unit:" + unit.key, "\(unit.name) · \(count) nätverk och forum")
        })

        var boxes: [String: Box] = [:]
        var y = 20.0
        for row in rows {
            let wrapped = row.map { item in
                (key: item.key, lines: item.name.components(separatedBy: " · ").flatMap { wrap($0, width: 24) })
            }
            let height = Double(wrapped.map(\.lines.count).max() ?? 1) * lineHeight + 16
            let gap = (width - Double(row.count) * boxWidth) / Double(row.count + 1)
            for (index, item) in wrapped.enumerated() {
                let x = gap + Double(index) * (boxWidth + max(gap, 8))
                boxes[item.key] = Box(key: item.key, lines: item.lines, x: min(x, width - boxWidth - 4), y: y, width: boxWidth, height: height)
            }
            y += height + rowGap
        }
        let totalHeight = y - rowGap + 20

        var parts: [String] = []
        for body in bodies {
            guard let parent = body.reportsTo.flatMap({ boxes[$0] }), let child = boxes[body.key] else { continue }
            parts.append(line(from: child.top, to: parent.bottom, dashed: false))
        }
        for unit in structure.units {
            guard let box = boxes["unit:" + unit.key] else { continue }
            for key in unit.steeringGroups {
                if let target = boxes[key] { parts.append(line(from: box.top, to: target.bottom, dashed: true)) }
            }
        }
        for box in boxes.values.sorted(by: { ($0.y, $0.x) < ($1.y, $1.x) }) {
            let isUnit = box.key.hasPrefix("unit:")
            var text = ""
            for (index, line) in box.lines.enumerated() {
                let lineY = box.y + 14 + Double(index) * lineHeight + 4
                text += "<text x=\"\(format(box.x + box.width / 2))\" y=\"\(format(lineY))\" text-anchor=\"middle\">\(Markdown.escape(line))</text>"
            }
            parts.append("<g><rect x=\"\(format(box.x))\" y=\"\(format(box.y))\" width=\"\(format(box.width))\" height=\"\(format(box.height))\" "
                         + "rx=\"6\" fill=\"\(isUnit ? "#f3f6f9" : "#ffffff")\" stroke=\"#0b4f8a\" stroke-width=\"\(isUnit ? 1 : 2)\"/>\(text)</g>")
        }
        let names = structure.bodies.map(\.name).joined(separator: ", ")
        return """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(format(width)) \(format(totalHeight))" role="img" aria-labelledby="org-chart-title org-chart-desc" class="org-chart" font-family="system-ui, sans-serif" font-size="12" fill="#1b1f24">\
        <title id="org-chart-title">Organisationsschema</title>\
        <desc id="org-chart-desc">\(Markdown.escape("Organ: \(names). Enheter: \(structure.units.map(\.name).joined(separator: ", ")). Samma uppgifter finns som listor nedan."))</desc>\
        <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#0b4f8a"/></marker></defs>\
        \(parts.joined())</svg>
        """
    }

    static func line(from: (Double, Double), to: (Double, Double), dashed: Bool) -> String {
        "<line x1=\"\(format(from.0))\" y1=\"\(format(from.1))\" x2=\"\(format(to.0))\" y2=\"\(format(to.1))\" stroke=\"#0b4f8a\" "
            + (dashed ? "stroke-dasharray=\"5 4\" stroke-width=\"1\"" : "stroke-width=\"1.5\" marker-end=\"url(#arrow)\"") + "/>"
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ") {
            if current.isEmpty { current = String(word) } else if current.count + word.count + 1 <= width { current += " " + word } else {
                lines.append(current)
                current = String(word)
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    static func format(_ value: Double) -> String { String(Int(value.rounded())) }
}
