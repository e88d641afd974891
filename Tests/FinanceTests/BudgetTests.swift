import AppTestSupport
import Core
import CSV
@testable import Finance
import Fluent
import Foundation
@testable import Organisation
import SamsynApp
import Testing
import Vapor

/// The demo's budget against the seed (000 l.1256–1319), read from the seed fixture, never from the
/// demo file: every line with its cost centre, both years, the notes where the document puts them,
/// the sums and the result computed and equal to the document's.
@Suite("Budget 2023 beside Budget 2022")
struct BudgetTests {
    static let api = "/api/v1/organisations/norrbottens-kommuner"

    static var seed: [String] {
        let url = Bundle.module.url(forResource: "000_b3f5942e2113524e", withExtension: "txt", subdirectory: "Fixtures")!
        return try! String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
    }

    struct SeedLine: Equatable {
        let side: BudgetSide
        let costCentre: String
        let name: String
        let amount: Int
        let comparison: Int
        let notes: [String]
    }

    /// The table's rows as the PDF's text gives them: "12 Styrelsen -408 695 1 -397 400", where a
    /// lone digit after an amount is a note marker; a row the layout broke over lines is joined first.
    static func seedTable() -> (lines: [SeedLine], sums: [[Int]], result: [Int], resultNotes: [String]) {
        let lines = seed
        let start = lines.firstIndex { $0.hasPrefix("Kostnader") }!, end = lines.firstIndex { $0.hasPrefix("Resultat") }!
        var rows: [String] = [], pending = ""
        for line in lines[start...end] {
            let text = line.trimmingCharacters(in: .whitespaces)
            guard !text.isEmpty, text != "Kostnader", text != "Intäkter" else { continue }
            pending = pending.isEmpty ? text : pending + " " + text
            // A row is complete when it ends with an amount after its second one: two amounts of 3-digit groups.
            if amounts(in: pending).count >= 2 { rows.append(pending); pending = "" }
        }
        var side = BudgetSide.cost, parsed: [SeedLine] = [], sums: [[Int]] = [], result: [Int] = [], resultNotes: [String] = []
        for row in rows {
            let (values, notes) = amountsAndNotes(row)
            if row.hasPrefix("Summa") { sums.append(values); side = .revenue; continue }
            if row.hasPrefix("Resultat") { result = values; resultNotes = notes; continue }
            let words = row.split(separator: " ").map(String.init)
            let nameWords = words.dropFirst().prefix { $0.first?.isLetter == true || $0.contains("/") }
            parsed.append(SeedLine(side: side, costCentre: words[0], name: nameWords.joined(separator: " "), amount: values[0], comparison: values[1], notes: notes))
        }
        return (parsed, sums, result, resultNotes)
    }

    /// "… -21 229 993 2 -20 102 019" → ([-21229993, -20102019], ["2"]): after the words, an amount is
    /// a group of one to three digits (with its minus) followed by groups of three; a lone digit
    /// between amounts, or after the last, is a note marker.
    static func amountsAndNotes(_ row: String) -> ([Int], [String]) {
        let tokens = row.split(separator: " ").map(String.init)
        let lastWord = tokens.lastIndex { $0.contains(where: \.isLetter) } ?? -1
        var groups: [[String]] = []
        for token in tokens[(lastWord + 1)...] {
            if token.count == 3, !token.hasPrefix("-"), !groups.isEmpty { groups[groups.count - 1].append(token) } else { groups.append([token]) }
        }
        var values: [Int] = [], notes: [String] = []
        for group in groups {
            if group.count == 1, group[0].count == 1, !values.isEmpty { notes.append(group[0]) } else { values.append(Int(group.joined())!) }
        }
        return (values, notes)
    }

    static func amounts(in row: String) -> [Int] { amountsAndNotes(row).0 }

    @Test("The seed's table parses to nine costs and two revenues whose sums and result the document states")
    func seedParses() {
        let table = Self.seedTable()
        #expect(table.lines.filter { $0.side == .cost }.map(\.costCentre) == ["12", "13", "14", "15", "16", "17", "18", "23", "10"])
        #expect(table.lines.filter { $0.side == .revenue }.map(\.costCentre) == ["10", "80"])
        #expect(table.sums == [[-24_104_288, -22_474_269], [22_704_288, 20_974_269]])
        #expect(table.result == [-1_400_000, -1_500_000] && table.resultNotes == ["2"])
        #expect(table.lines.first { $0.costCentre == "12" }?.notes == ["1"] && table.lines.first { $0.costCentre == "14" }?.notes == ["2"])
    }

    @Test("The demo's budget is the seed's: lines, names, amounts, notes; sums and the result computed", arguments: Engine.enabled)
    func demoBudget(engine: Engine) async throws {
        try await withApp(engine) { app in
            let budget = try await app.getJSON("\(Self.api)/budgets/2023", as: BudgetContent.self)
            let table = Self.seedTable()
            let demo = (budget.costs + budget.revenues).map {
                SeedLine(side: $0.side, costCentre: $0.costCentre, name: $0.name, amount: $0.amount ?? 0, comparison: $0.comparison ?? 0, notes: $0.notes)
            }
            #expect(demo == table.lines)
            #expect([budget.costSum.amount, budget.costSum.comparison] == table.sums[0].map(Optional.some))
            #expect([budget.revenueSum.amount, budget.revenueSum.comparison] == table.sums[1].map(Optional.some))
            #expect([budget.result.amount, budget.result.comparison] == table.result.map(Optional.some) && budget.result.notes == table.resultNotes)
            #expect(budget.comparisonYear == 2022 && budget.comparisonTitle == "Budget 2022")
            let titleLine = try #require(Self.seed.firstIndex { $0.hasPrefix("Budget 2023") })
            #expect(budget.title == Self.seed[titleLine].trimmingCharacters(in: .whitespaces), "the table's title")
            #expect(Self.seed[titleLine + 1].trimmingCharacters(in: .whitespaces) == "\(budget.title) \(budget.comparisonTitle ?? "")", "the column headings")
            let lines = Self.seed
            let noteStart = try #require(lines.firstIndex { $0.hasPrefix("1 Styrelsen har fattat beslut") })
            let seedNotes = [lines[noteStart].dropFirst(2) + " " + lines[noteStart + 1], lines[noteStart + 2].dropFirst(2) + " " + lines[noteStart + 3]]
                .map { $0.split(separator: " ").joined(separator: " ") }
            #expect(budget.notes.map(\.text) == seedNotes && budget.notes.map(\.marker) == ["1", "2"])

            let page = try await app.get("/o/norrbottens-kommuner/dokument/verksamhetsplan-2023").body
            let finance = try #require(page.range(of: "Finansiering och budget"))
            let agreements = try #require(page.range(of: "Avtal och överenskommelser"))
            #expect(agreements.lowerBound < finance.lowerBound, "the section stands where the PDF has it: after the agreements")
            #expect(page.contains("−24\u{202F}104\u{202F}288") && page.contains("North Sweden 126 695 kr"))
            #expect(page.contains("Budgeten har ett planerat underskott på 1\u{202F}400\u{202F}000 kronor"))
            let budgetPage = try await app.get("/o/norrbottens-kommuner/budget/2023")
            #expect(budgetPage.status == .ok && budgetPage.body.contains("Budget 2022"))
            #expect(try await app.get("/o/norrbottens-kommuner/budget/2019").status == .notFound)
        }
    }

    @Test("The demo's fees: ceiling 20 307 032, financing 21 204 288, deviation 897 256, implied tax capacity 249 769", arguments: Engine.enabled)
    func demoFees(engine: Engine) async throws {
        try await withApp(engine) { app in
            let fees = try await app.getJSON("\(Self.api)/budgets/2023/fees", as: FeeContent.self)
            #expect(fees.table.population == 249_693 && fees.basis.taxCapacity == 239_200 && fees.basis.populationDate == "2021-12-31")
            #expect(fees.table.ceiling == 20_307_032 && fees.table.financing == 21_204_288)
            #expect(fees.table.deviation == 897_256 && fees.table.impliedTaxCapacity == 249_769)
            #expect(fees.table.members.count == 14)
            #expect(fees.table.members.map(\.ceiling).reduce(0, +) == fees.table.ceiling)
            #expect(fees.table.members.compactMap(\.financing).reduce(0, +) == 21_204_288)
            let page = try await app.get("/o/norrbottens-kommuner/budget/2023/medlemsavgifter").body
            #expect(page.contains("Avvikelse mot taket beräknat med dessa indata") && page.contains("249\u{202F}769 kr per invånare"))
            #expect(!page.localizedCaseInsensitiveContains("överskred") && !page.localizedCaseInsensitiveContains("bröt"), "never a claim that the ceiling was broken")
            #expect(page.contains("<svg") && page.contains("<caption>Tak och andel av finansieringen per medlem 2023"))
        }
    }

    @Test("Rounding: every apportioned whole adds up exactly; halves go away from zero; ties by population, then key")
    func rounding() {
        #expect(FeeCalculation.apportion(100, weights: [1, 1, 1], keys: ["a", "b", "c"]) == [34, 33, 33])
        #expect(FeeCalculation.apportion(100, weights: [1, 1, 1], keys: ["c", "b", "a"]) == [33, 33, 34])
        #expect(FeeCalculation.apportion(10, weights: [3, 3, 4], keys: ["a", "b", "c"]) == [3, 3, 4])
        #expect(FeeCalculation.apportion(11, weights: [2, 3, 4], keys: ["a", "b", "c"]) == [2, 4, 5])
        #expect(FeeCalculation.apportion(-100, weights: [1, 1, 1], keys: ["a", "b", "c"]) == [-34, -33, -33])
        for whole in [0, 1, 7, 999_999, 21_204_288] {
            let weights = [6143, 2707, 4780, 3252, 15768, 4211, 5973, 17449, 8009, 78867, 42323, 28160, 9496, 22555]
            #expect(FeeCalculation.apportion(whole, weights: weights, keys: weights.map(String.init)).reduce(0, +) == whole)
        }
        #expect(FeeCalculation.rounded(Decimal(string: "2.5")!) == 3 && FeeCalculation.rounded(Decimal(string: "-2.5")!) == -3)
        #expect(FeeCalculation.rounded(Decimal(string: "20307032.304")!) == 20_307_032)
    }

    @Test("Bad inputs: a missing population, a tax capacity of zero, a duplicate line, a note that is not there")
    func refusals() throws {
        let basis = FeeBasis(perMille: "0.34", taxCapacity: 239_200, taxCapacityYear: 2023, taxCapacityKind: .published, taxCapacitySource: "SCB",
                             populationDate: "2021-12-31", populationSource: "SCB", populations: [.init(member: "2580", population: 78867)])
        #expect(throws: FeeCalculation.Failure.missingPopulation("2581")) {
            try FeeCalculation.table(basis, financing: 1, members: [("2580", "Luleå"), ("2581", "Piteå")])
        }
        var zero = basis
        zero.taxCapacity = 0
        #expect(throws: FeeCalculation.Failure.taxCapacity) { try FeeCalculation.table(zero, financing: 1, members: [("2580", "Luleå")]) }
        #expect(BudgetRules.feeProblem(zero, members: ["2580"])?.field == "taxCapacity")
        #expect(BudgetRules.feeProblem(basis, members: ["2580", "2581"])?.swedish == "Befolkningstal saknas för medlemmen 2581.")
        var rate = basis
        rate.perMille = "0,34"
        #expect(BudgetRules.feeProblem(rate, members: ["2580"])?.field == "perMille", "the file writes a decimal point")
        let duplicate = BudgetSpec(title: "Budget", lines: [.init(side: .cost, costCentre: "10", name: "Kurser", amount: -1),
                                                             .init(side: .revenue, costCentre: "10", name: "Intäkter", amount: 1),
                                                             .init(side: .cost, costCentre: "10", name: "Igen", amount: -2)])
        #expect(BudgetRules.problem(duplicate, members: [])?.path == "lines[2].costCentre", "10 is both a cost and a revenue, once each")
        let unnoted = BudgetSpec(title: "Budget", lines: [.init(side: .cost, costCentre: "12", name: "Styrelsen", amount: -1, notes: ["3"])])
        #expect(BudgetRules.problem(unnoted, members: [])?.english == "no note \"3\"")
    }
}
