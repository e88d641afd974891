import Core
import Plot

/// The organisation chart as inline SVG, drawn by the server: the bodies of the reporting chain
/// in rows by their distance from the top, each box a link to the body's page, connectors drawn
/// in the gaps between rows (down from the parent to a bar, across, down to the child) so no
/// line crosses a box. Drawn 1200 units wide with 16-unit text, to be shown at full width on a
/// large screen (text at body size); on a phone the page shows the same structure as an outline.
public enum OrganisationChart {
    struct Box {
        let key: String
        let lines: [String]
        let x: Double, y: Double, width: Double, height: Double
        var centre: Double { x + width / 2 }
    }

    static let width = 1200.0, fontSize = 16.0, lineHeight = 20.0, rowGap = 48.0, gapBetween = 14.0, padding = 10.0
    /// About how many characters of 16-unit text fit in a box `width` wide.
    static func characters(in width: Double) -> Int { max(10, Int((width - 2 * padding) / 9.4)) }

    /// The bodies the chart draws when the documents give no chart of their own: those that
    /// report to another or have others reporting to them.
    public static func chainBodies(_ structure: OrganisationStructure) -> [OrganisationStructure.GroupInfo] {
        structure.bodies.filter { $0.reportsTo != nil || !structure.reporting(to: $0.key).isEmpty }
    }

    static func depth(_ body: OrganisationStructure.GroupInfo, in structure: OrganisationStructure) -> Int {
        var depth = 0, next = body.reportsTo, seen: Set<String> = [body.key]
        while let key = next, seen.insert(key).inserted { depth += 1; next = structure.group(key)?.reportsTo }
        return depth
    }

    /// The boxes to draw: the documents' own chart, or else the reporting chain.
    public static func boxes(_ structure: OrganisationStructure) -> [OrganisationStructure.ChartBox] {
        guard structure.chart.isEmpty else { return structure.chart }
        return chainBodies(structure).map { .init(id: $0.key, label: $0.name, group: $0.key, row: depth($0, in: structure), under: $0.reportsTo) }
    }

    /// The chart's SVG, or nil when there is nothing to draw.
    public static func svg(_ structure: OrganisationStructure, organisation: String) -> Markup? {
        let chart = boxes(structure)
        guard !chart.isEmpty else { return nil }
        let rows = Dictionary(grouping: chart, by: \.row).sorted { $0.key < $1.key }
        var boxes: [String: Box] = [:]
        var rowTop: [Int: Double] = [:]
        var y = 8.0
        for (row, items) in rows {
            let boxWidth = min(260, (width - gapBetween * Double(items.count + 1)) / Double(items.count))
            let wrapped = items.map { (id: $0.id, lines: wrap($0.label, width: characters(in: boxWidth))) }
            let height = Double(wrapped.map(\.lines.count).max() ?? 1) * lineHeight + 2 * padding
            let used = Double(items.count) * boxWidth + Double(items.count - 1) * gapBetween
            for (index, item) in wrapped.enumerated() {
                let x = (width - used) / 2 + Double(index) * (boxWidth + gapBetween)
                boxes[item.id] = Box(key: item.id, lines: item.lines, x: x, y: y, width: boxWidth, height: height)
            }
            rowTop[row] = y
            y += height + rowGap
        }
        let totalHeight = y - rowGap + 8

        var parts: [Markup] = []
        for box in chart {
            guard let parentBox = box.under.flatMap({ id in chart.first { $0.id == id } }), let parent = boxes[parentBox.id], let child = boxes[box.id],
                  let childTop = rowTop[box.row] else { continue }
            // Down from the parent, along the gaps past any rows between, across and down to the child: never through a box.
            let between = boxes.values.filter { candidate in
                chart.first { $0.id == candidate.key }.map { $0.row > parentBox.row && $0.row < box.row } ?? false
            }
            let lane = freeLane(near: parent.centre, avoiding: between)
            let bar = childTop - rowGap / 2
            var d = "M\(format(parent.centre)) \(format(parent.y + parent.height))"
            if !between.isEmpty, let firstBetween = between.map(\.y).min() {
                d += " V\(format(firstBetween - rowGap / 2)) H\(format(lane))"
            }
            d += " V\(format(bar)) H\(format(child.centre)) V\(format(child.y - 2))"
            parts.append(SVG.shape("path", [.value("d", d), .value("fill", "none"), .value("stroke", "#0b4f8a"), .value("stroke-width", "2"),
                                            .value("marker-end", "url(#arrow)")]))
        }
        for item in chart {
            guard let box = boxes[item.id] else { continue }
            let top = box.y + (box.height - Double(box.lines.count) * lineHeight) / 2 + fontSize
            let text = box.lines.enumerated().map { index, line in
                SVG.text([.value("x", format(box.centre)), .value("y", format(top + Double(index) * lineHeight - 3)), .value("text-anchor", "middle")], line)
            }
            let rect = SVG.shape("rect", [.value("x", format(box.x)), .value("y", format(box.y)), .value("width", format(box.width)),
                                          .value("height", format(box.height)), .value("rx", "6"), .value("fill", "#ffffff"), .value("stroke", "#0b4f8a"),
                                          .value("stroke-width", "2")])
            if let target = item.group.map({ OrganisationURL.group.link(organisation, $0) }) ?? item.person.map({ OrganisationURL.person.link(organisation, $0) }) {
                parts.append(.element("a", [.value("href", target), .value("aria-label", item.label)], [rect] + text))
            } else {
                parts.append(.element("g", [], [rect] + text))
            }
        }
        let names = rows.map { $0.value.map(\.label).joined(separator: ", ") }.joined(separator: "; ")
        let arrow = Markup.element("marker", [.value("id", "arrow"), .value("viewBox", "0 0 10 10"), .value("refX", "9"), .value("refY", "5"),
                                              .value("markerWidth", "6"), .value("markerHeight", "6"), .value("orient", "auto-start-reverse")],
                                   [SVG.shape("path", [.value("d", "M0 0 L10 5 L0 10 z"), .value("fill", "#0b4f8a")])])
        return Markup.element("svg", [.value("xmlns", "http://www.w3.org/2000/svg"), .value("viewBox", "0 0 \(format(width)) \(format(totalHeight))"),
                                      .value("role", "group"), .value("aria-labelledby", "org-chart-title org-chart-desc"), .value("class", "org-chart"),
                                      .value("font-family", "system-ui, sans-serif"), .value("font-size", format(fontSize)), .value("fill", "#1b1f24")], [
            .element("title", [.value("id", "org-chart-title")], text: "Organisationsschema"),
            .element("desc", [.value("id", "org-chart-desc")], text: "Uppifrån och ned: \(names). Samma uppgifter finns som lista bredvid."),
            .element("defs", [], [arrow]),
        ] + parts)
    }

    /// An x near `x` that no box of the rows between covers, for a line to pass down through.
    static func freeLane(near x: Double, avoiding boxes: [Box]) -> Double {
        let margin = 8.0
        let blocked = { (candidate: Double) in boxes.contains { candidate > $0.x - margin && candidate < $0.x + $0.width + margin } }
        guard blocked(x) else { return x }
        let candidates = boxes.flatMap { [$0.x - gapBetween / 2 - margin, $0.x + $0.width + gapBetween / 2 + margin] }.filter { !blocked($0) }
        return candidates.min { abs($0 - x) < abs($1 - x) } ?? x
    }

    static func wrap(_ text: String, width: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in text.split(separator: " ").flatMap({ hyphenated(String($0), width: width) }) {
            if current.isEmpty { current = word } else if current.count + word.count + 1 <= width, !current.hasSuffix("-") { current += " " + word } else {
                lines.append(current)
                current = word
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// The last parts of the compounds that name bodies, where a long name breaks best.
    static let heads = ["beredningen", "beredning", "fullmäktige", "styrelsen", "styrelse", "direktör", "forumet", "forum", "gruppen", "grupp",
                        "nätverket", "nätverk", "rådet", "råd"]

    /// A word longer than a line, broken where Swedish compounds join: before a known last part
    /// ("Social-beredning"), else after a joining "s" ("Kommundirektörs-beredningen"), else at the
    /// line's end, with a hyphen.
    static func hyphenated(_ word: String, width: Int) -> [String] {
        guard word.count > width else { return [word] }
        if let head = heads.first(where: { word.lowercased().hasSuffix($0) && word.count >= $0.count + 3 }) {
            var parts = hyphenated(String(word.dropLast(head.count)), width: width - 1)
            parts[parts.count - 1] += "-"
            return parts + hyphenated(String(word.suffix(head.count)), width: width)
        }
        let characters = Array(word)
        let joint = (4..<max(4, min(width - 1, characters.count - 3))).last { characters[$0] == "s" }
        let cut = joint.map { $0 + 1 } ?? width - 1
        return [String(characters[..<cut]) + "-"] + hyphenated(String(characters[cut...]), width: width)
    }

    static func format(_ value: Double) -> String { String(Int(value.rounded())) }
}
