import AppTestSupport
import Foundation

/// Reads the expected plan straight from the seed documents (the PDFs' text), so the demo
/// is checked against the source, never against itself.
enum SeedText {
    /// Joins a bullet's or paragraph's lines, mending PDF hyphenation ("förutsätt- ningar"),
    /// but keeping a hyphen before "och"/"eller"/"samt" ("hälso- och sjukvård").
    static func mend(_ lines: [String]) -> String {
        var out = ""
        for raw in lines {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard !line.isEmpty else { continue }
            if out.isEmpty { out = line; continue }
            let firstWord = line.split(separator: " ").first.map(String.init) ?? ""
            if out.hasSuffix("-"), !out.hasSuffix(" -"), line.first?.isLowercase == true, !["och", "eller", "samt"].contains(firstWord) {
                out.removeLast()
                out += line
            } else {
                out += " " + line
            }
        }
        return out.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// What is left of a text for comparing: no whitespace, hyphens, soft hyphens or emphasis marks.
    static func normalized(_ text: String) -> String {
        String(text.unicodeScalars.filter { scalar in
            !CharacterSet.whitespacesAndNewlines.contains(scalar) && !["-", "\u{00AD}", "*", "•", "#"].contains(scalar)
        }.map(Character.init))
    }

    /// What is left of texts for comparing across case and line breaks: lower case, no whitespace,
    /// hyphens, soft hyphens or emphasis marks.
    static func comparable(_ text: String) -> String { normalized(text).lowercased() }

    static func comparable(_ texts: [String]) -> [String] { texts.map(comparable) }

    /// A seed's text as blocks to look for, each with the line it starts on: a blank line or a
    /// bullet ends a block, a line indented by one space starts a new text box of the PDF, and
    /// consecutive upper-case lines are a heading of their own. Lines are joined by `mend`.
    static func blocks(_ text: String) -> [(line: Int, text: String)] {
        func isUpper(_ line: String) -> Bool {
            let letters = line.trimmingCharacters(in: CharacterSet(charactersIn: "#* ")).filter(\.isLetter)
            return letters.count >= 2 && letters.allSatisfy(\.isUppercase)
        }
        var blocks: [(line: Int, text: String)] = []
        var current: [String] = [], start = 0, currentUpper = false
        func flush() {
            let joined = mend(current)
            if normalized(joined).count >= 3 { blocks.append((start, joined)) }
            current = []
        }
        for (index, line) in text.components(separatedBy: "\n").enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            // "Kommunal – och regionrådsgruppen," goes on after a blank line.
            if trimmed.isEmpty { if current.last?.hasSuffix(",") != true { flush() }; continue }
            let upper = isUpper(trimmed)
            let newBox = line.hasPrefix(" ") && !line.hasPrefix("  ")
            if trimmed.hasPrefix("•") || newBox || (!current.isEmpty && upper != currentUpper) { flush() }
            if current.isEmpty { start = index + 1; currentUpper = upper }
            current.append(trimmed.hasPrefix("•") ? String(trimmed.dropFirst()) : trimmed)
        }
        flush()
        return blocks
    }

    /// The one spelling the demo mends (docs/text-fidelity.md): a heading that spells its word
    /// otherwise than the same document does everywhere else.
    static let spellingMends = [(seed: "kunskapstöd", demo: "kunskapsstöd", where: "001 l.181; the document writes kunskapsstöd at l.143, 183 and 378"),
                                (seed: "Office, obbyorganisation", demo: "Office, lobbyorganisation", where: "000 l.1139: the first letter is lost at a line break")]

    static func mendingSpelling(_ text: String) -> String {
        spellingMends.reduce(text) { $0.replacingOccurrences(of: $1.seed, with: $1.demo, options: .caseInsensitive) }
    }

    struct Goal: Equatable {
        let title: String
        let activities: [String]
    }

    /// 000: every "MÅL" with its title and "NYCKELAKTIVITETER" bullets, in order.
    static func verksamhetsplanGoals() -> [Goal] {
        let lines = Fixtures.verksamhetsplan.components(separatedBy: "\n")
        var goals: [Goal] = []
        var index = 0
        func trimmed(_ i: Int) -> String { lines[i].trimmingCharacters(in: .whitespaces) }
        while index < lines.count {
            guard trimmed(index) == "MÅL" else { index += 1; continue }
            index += 1
            var titleLines: [String] = []
            while index < lines.count, !trimmed(index).isEmpty { titleLines.append(lines[index]); index += 1 }
            while index < lines.count, trimmed(index) != "NYCKELAKTIVITETER" { index += 1 }
            index += 1
            var bullets: [[String]] = []
            while index < lines.count {
                let line = trimmed(index)
                if ["MÅL", "MÅLOMRÅDE"].contains(line) || line.hasPrefix("Det gemensamma förbundet") { break }
                if line.hasPrefix("•") {
                    bullets.append([String(line.dropFirst())])
                } else if !line.isEmpty, !bullets.isEmpty {
                    bullets[bullets.count - 1].append(line)
                }
                index += 1
            }
            goals.append(Goal(title: mend(titleLines), activities: bullets.map(mend)))
        }
        return goals
    }

    struct Area: Equatable {
        let title: String
        let goals: [String]
    }

    /// 001: the three goal areas ("## MÅLOMRÅDE" then "# Title") and their "MÅL" paragraphs.
    static func inriktningAreas() -> [Area] {
        let lines = Fixtures.inriktning.components(separatedBy: "\n")
        var areas: [Area] = []
        var index = 0
        while index < lines.count, areas.count < 3 {
            defer { index += 1 }
            guard lines[index].trimmingCharacters(in: .whitespaces) == "## MÅLOMRÅDE" else { continue }
            var next = index + 1
            while lines[next].trimmingCharacters(in: .whitespaces).isEmpty { next += 1 }
            guard lines[next].hasPrefix("# ") else { continue }
            let title = String(lines[next].dropFirst(2)).trimmingCharacters(in: .whitespaces)
            while !lines[next].contains("**MÅL**") { next += 1 }
            next += 1
            var goals: [String] = []
            while next < lines.count, !lines[next].hasPrefix("## ") {
                let line = lines[next].trimmingCharacters(in: .whitespaces)
                if !line.isEmpty { goals.append(line) }
                next += 1
            }
            areas.append(Area(title: title, goals: goals))
        }
        return areas
    }

    /// 001: the headings under "# Strategier för vårt arbete".
    static func strategies() -> [String] {
        let lines = Fixtures.inriktning.components(separatedBy: "\n")
        guard let start = lines.firstIndex(of: "# Strategier för vårt arbete") else { return [] }
        return lines[start...].prefix { !$0.hasPrefix("**Dagens") }
            .filter { $0.hasPrefix("## **") }
            .map { $0.replacingOccurrences(of: "## ", with: "").replacingOccurrences(of: "**", with: "") }
    }
}
