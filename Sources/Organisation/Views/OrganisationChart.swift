import Core

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

    /// The bodies the chart draws: those that report to another or have others reporting to them.
    public static func chainBodies(_ structure: OrganisationStructure) -> [OrganisationStructure.GroupInfo] {
        structure.bodies.filter { $0.reportsTo != nil || !structure.reporting(to: $0.key).isEmpty }
    }

    static func depth(_ body: OrganisationStructure.GroupInfo, in structure: OrganisationStructure) -> Int {
        var depth = 0, next = body.reportsTo, seen: Set<String> = [body.key]
        while let key = next, seen.insert(key).inserted { depth += 1; next = structure.group(key)?.reportsTo }
        return depth
    }

    /// The chart's SVG, or nil when the organisation has no reporting chain to draw.
    public static func svg(_ structure: OrganisationStructure, organisation: String) -> String? {
        let chain = chainBodies(structure)
        guard !chain.isEmpty else { return nil }
        let rows = Dictionary(grouping: chain) { depth($0, in: structure) }.sorted { $0.key < $1.key }.map(\.value)
        var boxes: [String: Box] = [:]
        var y = 8.0
        for row in rows {
            let boxWidth = min(260, (width - gapBetween * Double(row.count + 1)) / Double(row.count))
            let wrapped = row.map { (key: $0.key, lines: wrap($0.name, width: characters(in: boxWidth))) }
            let height = Double(wrapped.map(\.lines.count).max() ?? 1) * lineHeight + 2 * padding
            let used = Double(row.count) * boxWidth + Double(row.count - 1) * gapBetween
            for (index, item) in wrapped.enumerated() {
                let x = (width - used) / 2 + Double(index) * (boxWidth + gapBetween)
                boxes[item.key] = Box(key: item.key, lines: item.lines, x: x, y: y, width: boxWidth, height: height)
            }
            y += height + rowGap
        }
        let totalHeight = y - rowGap + 8

        var parts: [String] = []
        for body in chain {
            guard let parent = body.reportsTo.flatMap({ boxes[$0] }), let child = boxes[body.key] else { continue }
            // In the gap just above the child's row: down from the parent, across, down to the child.
            let bar = child.y - rowGap / 2
            parts.append("<path d=\"M\(format(parent.centre)) \(format(parent.y + parent.height)) V\(format(bar)) H\(format(child.centre)) V\(format(child.y - 2))\" "
                         + "fill=\"none\" stroke=\"#0b4f8a\" stroke-width=\"2\" marker-end=\"url(#arrow)\"/>")
        }
        for box in boxes.values.sorted(by: { ($0.y, $0.x) < ($1.y, $1.x) }) {
            var text = ""
            let top = box.y + (box.height - Double(box.lines.count) * lineHeight) / 2 + fontSize
            for (index, line) in box.lines.enumerated() {
                text += "<text x=\"\(format(box.centre))\" y=\"\(format(top + Double(index) * lineHeight - 3))\" text-anchor=\"middle\">\(Markdown.escape(line))</text>"
            }
            let name = structure.group(box.key)?.name ?? box.key
            parts.append("<a href=\"\(OrganisationURL.group.link(organisation, box.key))\" aria-label=\"\(Markdown.escape(name))\">"
                         + "<rect x=\"\(format(box.x))\" y=\"\(format(box.y))\" width=\"\(format(box.width))\" height=\"\(format(box.height))\" "
                         + "rx=\"6\" fill=\"#ffffff\" stroke=\"#0b4f8a\" stroke-width=\"2\"/>\(text)</a>")
        }
        let names = rows.map { row in row.map(\.name).joined(separator: ", ") }.joined(separator: "; ")
        return """
        <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 \(format(width)) \(format(totalHeight))" role="group" aria-labelledby="org-chart-title org-chart-desc" class="org-chart" font-family="system-ui, sans-serif" font-size="\(format(fontSize))" fill="#1b1f24">\
        <title id="org-chart-title">Organisationsschema</title>\
        <desc id="org-chart-desc">\(Markdown.escape("Uppifrån och ned: \(names). Varje organ rapporterar till eller bereder för organet ovanför. Samma uppgifter finns som lista bredvid."))</desc>\
        <defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0 0 L10 5 L0 10 z" fill="#0b4f8a"/></marker></defs>\
        \(parts.joined())</svg>
        """
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

    /// A word longer than a line, broken where Swedish compounds join (after an "s", as in
    /// "Kommundirektörs-beredningen"), or else at the line's end, with a hyphen.
    static func hyphenated(_ word: String, width: Int) -> [String] {
        guard word.count > width else { return [word] }
        let characters = Array(word)
        let joint = (4..<min(width - 1, characters.count - 3)).last { characters[$0] == "s" }
        let cut = joint.map { $0 + 1 } ?? width - 1
        return [String(characters[..<cut]) + "-"] + hyphenated(String(characters[cut...]), width: width)
    }

    static func format(_ value: Double) -> String { String(Int(value.rounded())) }
}
