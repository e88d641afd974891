@testable import Agreements
import AppTestSupport
import Core
import CSV
@testable import Finance
import Foundation
@testable import Organisation
@testable import Plans
@testable import SamsynApp
import Testing

/// The demo says what the seed documents say, no more and no less: every paragraph, bullet,
/// list entry and heading of 000 and 001 is in the demo, every text of the demo is in a seed,
/// and who runs or convenes a network is only what the documents state.
@Suite("The demo against the seeds, in both directions")
struct SeedCoverageTests {
    /// Seed lines the demo does not carry, each with the reason (line numbers of the raw seed files).
    static let exemptions: [(seed: String, lines: ClosedRange<Int>, reason: String)] = [
        ("000", 48...48, "a stray \"Inriktning 2019-2022\" the PDF's layout put inside the foreword"),
        ("000", 266...266, "page furniture: the footer \"9 Verksamshetsplan 2023 Norrbottens Kommuner\""),
        ("000", 325...389, "the summary pages, which repeat the goals and the strategies carried elsewhere"),
        ("000", 891...892, "the steering-group list names Politisk samverkansberedning in the definite form; the demo links the body"),
        ("000", 978...979, "the steering-group list names Politisk samverkansberedning in the definite form; the demo links the body"),
        ("000", 1279...1314, "the budget's title, column headings and table: FinanceTests check them row by row, amounts and notes, against the seed"),
        ("001", 1...34, "cover, table of contents and colophon"),
        ("001", 122...149, "a photo credit and the strategy graphic, whose names are the strategies' headings"),
        ("001", 324...378, "the summary pages, which repeat the goals and the strategies carried elsewhere"),
    ]

    /// Seat roles Samsyn writes for seats the documents define in a sentence ("kommunstyrelsernas
    /// ordföranden från de 14 kommunerna"): labels, not text of the documents.
    static let seatLabels: Set<String> = ["Kommunstyrelsens ordförande", "Förbundsdirektör, sammankallande"]

    let api = "/api/v1/organisations/norrbottens-kommuner"

    @Test("Every paragraph, bullet, list entry and heading of 000 and 001 is in the demo", arguments: Engine.enabled)
    func seedIsInTheDemo(engine: Engine) async throws {
        try await withApp(engine) { app in
            let structure = try await app.getJSON("\(api)/structure", as: OrganisationStructure.self)
            for (seed, file, slug) in [("000", "000_b3f5942e2113524e.txt", "verksamhetsplan-2023"), ("001", "001_7ad47959414d9e5d.txt", "inriktning-2023-2026")] {
                let document = try await app.getJSON("\(api)/documents/\(slug)", as: DocumentContent.self)
                let agreements = try await app.getJSON("\(api)/agreements", as: [AgreementContent].self).filter { $0.listedIn == slug }
                let listHeadings = agreements.isEmpty ? [] : ["Avtal och överenskommelser"] + Set(agreements.compactMap(\.heading)).sorted()
                let budgets = try await app.getJSON("\(api)/budgets", as: [BudgetSummary].self)
                var finance: [String] = []
                for summary in budgets {
                    let budget = try await app.getJSON("\(api)/budgets/\(summary.year)", as: BudgetContent.self)
                    guard budget.listedIn == slug else { continue }
                    finance += [budget.heading ?? "", budget.introduction.map(Markdown.plainText) ?? "", budget.title] + budget.notes.map { "\($0.marker) \($0.text)" }
                }
                let demo = SeedText.comparable(Self.texts(of: document) + Self.texts(of: structure) + agreements.map(\.title) + listHeadings + finance).joined()
                var checked = 0
                for block in SeedText.blocks(Fixtures.text(file)) {
                    if Self.exemptions.contains(where: { $0.seed == seed && $0.lines.contains(block.line) }) { continue }
                    checked += 1
                    if let statement = Self.statement(block.text) {
                        let group = structure.groups.first { SeedText.comparable($0.name) == SeedText.comparable(statement.group) }
                        let stated = statement.runs ? group?.runByActor?.name : group?.convener?.name
                        #expect(stated == statement.who, "\(seed) l.\(block.line): \(block.text)")
                        continue
                    }
                    let text = SeedText.comparable(SeedText.mendingSpelling(block.text))
                    #expect(demo.contains(text), "\(seed) l.\(block.line) is not in the demo: \(block.text.prefix(120))")
                }
                #expect(checked > 100, "\(seed): \(checked) blocks checked")
            }
        }
    }

    @Test("Every text of the structure is in a seed; seat labels are named as such", arguments: Engine.enabled)
    func structureIsInTheSeeds(engine: Engine) async throws {
        try await withApp(engine) { app in
            let structure = try await app.getJSON("\(api)/structure", as: OrganisationStructure.self)
            let seeds = SeedText.comparable(Fixtures.verksamhetsplan + Fixtures.inriktning)
            for text in Self.texts(of: structure) where !Self.seatLabels.contains(text) {
                for paragraph in text.components(separatedBy: "\n\n") where !paragraph.isEmpty {
                    #expect(seeds.contains(SeedText.comparable(paragraph)), "not in the seeds: \(paragraph.prefix(100))")
                }
            }
            let roles = Set(structure.groups.flatMap(\.seats).map(\.role))
            #expect(Self.seatLabels.isSubset(of: roles), "a label no seat uses any longer")
        }
    }

    @Test("Who runs and who convenes each network and forum is what the documents' own words say", arguments: Engine.enabled)
    func runnersAndConveners(engine: Engine) async throws {
        try await withApp(engine) { app in
            let structure = try await app.getJSON("\(api)/structure", as: OrganisationStructure.self)
            let reader = try CSVReader(string: Fixtures.text("runners-and-conveners.csv"), hasHeaderRow: true)
            var expected: [String: [String: String]] = [:]
            while let row = reader.next() {
                let (group, relation, who, seed, quote) = (row[0], row[1], row[2], row[3], row[5])
                expected[group, default: [:]][relation] = who
                let text = seed == "000" ? Fixtures.text("000_b3f5942e2113524e.txt") : Fixtures.inriktning
                #expect(SeedText.comparable(text).contains(SeedText.comparable(quote)), "\(group): the quote is not in \(seed)")
            }
            #expect(expected.count == 42)
            for group in structure.groups {
                var claims: [String: String] = [:]
                claims["runBy"] = group.runBy
                claims["runByActor"] = group.runByActor?.key
                claims["convener"] = group.convener?.key
                #expect(claims == expected[group.key] ?? [:], "\(group.key) claims \(claims)")
            }
        }
    }

    /// "Name, Länsstyrelsen Norrbotten sammankallar" and "Name. Drivs av SBU": a list entry that
    /// states who convenes or runs it, which the demo holds as a relation, not as text.
    static func statement(_ text: String) -> (group: String, who: String, runs: Bool)? {
        if let match = text.range(of: #"^(.+), (.+) sammankallar$"#, options: .regularExpression), match.lowerBound == text.startIndex {
            let parts = text.dropLast(" sammankallar".count)
            guard let comma = parts.range(of: ", ", options: .backwards) else { return nil }
            return (String(parts[..<comma.lowerBound]), String(parts[comma.upperBound...]), false)
        }
        if let drivs = text.range(of: ". Drivs av ") {
            return (String(text[..<drivs.lowerBound]), String(text[drivs.upperBound...]), true)
        }
        return nil
    }

    static func texts(of document: DocumentContent) -> [String] {
        let sections: [String] = document.sections.flatMap { [$0.heading ?? "", Markdown.plainText($0.body)] }
        let nodes: [String] = document.allNodes.flatMap { [$0.level, $0.title, Markdown.plainText($0.text)] }
        return [document.title] + sections + nodes + document.agenda2030.map(\.explanation)
    }

    static func texts(of structure: OrganisationStructure) -> [String] {
        let units = structure.units.flatMap { unit in
            [unit.name, unit.areasHeading ?? "", unit.steeringHeading ?? ""] + unit.areas + unit.listings.map(\.heading)
        }
        let groups = structure.groups.flatMap { group in
            [group.name, group.mandate, group.meetingRhythm ?? ""] + group.preparesFor.map(\.body) + group.seats.map(\.role)
        }
        return (units + groups + structure.chart.map(\.label) + structure.people.flatMap { [$0.name, $0.title ?? ""] }).filter { !$0.isEmpty }
    }
}
