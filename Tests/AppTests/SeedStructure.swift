import AppTestSupport
import Foundation

/// The staff units of 000 as the document lists them: areas, political steering groups, and
/// networks and forums under their group headings. Read from the seed text, for the tests.
enum SeedStructure {
    struct Unit {
        let name: String
        var areas: [String] = []
        var steering: [String] = []
        /// (heading as printed, bullets in order)
        var groups: [(heading: String, items: [String])] = []
    }

    static let unitStarts = ["Förbundsdirektör, stab": "Förbundsdirektör, stab och strateger",
                             "Avdelning Utbildning": "Avdelning Utbildning och arbetsmarknad",
                             "Avdelning Social välfärd": "Avdelning Social välfärd"]

    static func units() -> [Unit] {
        let lines = Fixtures.verksamhetsplan.components(separatedBy: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let start = lines.firstIndex(where: { $0.hasPrefix("Förbundsdirektör, stab") }),
              let end = lines.firstIndex(where: { $0 == "Avtal och överenskommelser" }) else { return [] }
        var units: [Unit] = []
        var heading = ""
        var pendingHeading = ""
        var bullet: [String]? = nil
        func flush() {
            guard let lines = bullet, !units.isEmpty else { bullet = nil; return }
            let text = SeedText.mend(lines)
            if heading.hasPrefix("OMRÅDET") { units[units.count - 1].areas.append(text) }
            else if heading == "POLITISKA STYRGRUPPER" { units[units.count - 1].steering.append(text) }
            else if units[units.count - 1].groups.last?.heading == heading { units[units.count - 1].groups[units[units.count - 1].groups.count - 1].items.append(text) }
            else { units[units.count - 1].groups.append((heading, [text])) }
            bullet = nil
        }
        var index = start
        while index < end {
            let line = lines[index]
            defer { index += 1 }
            if let name = unitStarts.first(where: { line.hasPrefix($0.key) })?.value {
                flush()
                units.append(Unit(name: name))
                heading = ""
                if !line.hasSuffix("strateger") && name != "Avdelning Social välfärd" { index += 1 }   // the name's second line
                continue
            }
            if line.isEmpty { continue }
            if line.hasPrefix("•") { flush(); bullet = [String(line.dropFirst())]; continue }
            let letters = line.filter(\.isLetter)
            if !letters.isEmpty, letters == letters.uppercased(), !line.hasPrefix("(") {
                flush()
                let candidate = pendingHeading.isEmpty ? line : pendingHeading + " " + line
                if candidate.hasSuffix("DE FYRA") || candidate.hasSuffix("INOM") { pendingHeading = candidate } else { heading = candidate; pendingHeading = "" }
                continue
            }
            bullet?.append(line)
        }
        flush()
        return units
    }

    /// "Strategiska nätverk" from "STRATEGISKA NÄTVERK"; the document's headings in sentence case.
    static func sentenceCase(_ heading: String) -> String {
        let lower = heading.lowercased().replacingOccurrences(of: "skr", with: "SKR").replacingOccurrences(of: "rss", with: "RSS")
        return lower.prefix(1).uppercased() + lower.dropFirst()
    }
}
