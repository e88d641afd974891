import AppTestSupport
@testable import Auth
import Core
@testable import Finance
import Fluent
import Foundation
@testable import Organisation
import SamsynApp
import Testing
import Vapor

/// SIE files as other accounting programs write them (issue 29): every type that carries months,
/// money counted once, the file checked against itself, reports that say what happened, typing that
/// keeps what was read. Each file is written here, and each expected amount is written from the
/// file's text, in öre as the budget signs it (costs negative), per line and month.
@Suite("Accounting files read as an accountant expects")
struct AccountantFilesTests {
    static let head = "#FLAGGA 0\n#FORMAT PC8\n#RAR 0 20230101 20231231\n"

    /// Imports `text` into the demo's 2023 budget and returns the report and every outcome row as "month side centre öre".
    static func read(_ app: Application, _ text: String, year: Int? = 2023, mapping: OutcomeMapping? = nil) async throws -> (OutcomeImport.Report, [String]) {
        let organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == "norrbottens-kommuner").first())
        if let mapping { _ = try await MappingWork.save(mapping, in: organisation, actor: .commandLine, at: Date(), on: app.db) }
        let report = try await OutcomeImport.run(Data(text.utf8), name: "test.se", in: organisation, expectedYear: year, actor: .commandLine, at: Date(), on: app.db)
        return (report, try await rows(app))
    }

    static func rows(_ app: Application) async throws -> [String] {
        try await Outcome.query(on: app.db).filter(\.$year == 2023).all()
            .map { "\($0.month) \($0.side.rawValue) \($0.costCentre) \($0.ore)" }.sorted()
    }

    @Test("Types 2 and 3 are read by their period balances like 4E; type 1 is refused saying what is missing", arguments: Engine.enabled)
    func types(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let type2 = "#SIETYP 2\n" + Self.head + "#PSALDO 0 202301 5010 {} 1000.00\n#PSALDO 0 202302 5010 {} 250.50\n#PSALDO 0 202302 3010 {} -99.99\n"
            // Without cost centres only a fixed-line rule can place them.
            let fixed = OutcomeMapping(rules: [.init(from: 5010, to: 5010, side: .cost, costCentre: "14"), .init(from: 3010, to: 3010, side: .revenue, costCentre: "80")])
            let (report, rows) = try await Self.read(app, type2, mapping: fixed)
            #expect(report.added == 3 && report.warnings.isEmpty)
            #expect(rows == ["1 cost 14 -100000", "2 cost 14 -25050", "2 revenue 80 9999"])
            let type3 = "#SIETYP 3\n" + Self.head + "#DIM 1 \"Kostnadsställe\"\n#PSALDO 0 202303 5010 {1 \"12\"} 75.00\n"
            let (_, after) = try await Self.read(app, type3, mapping: .standard)
            #expect(after == ["1 cost 14 -100000", "2 cost 14 -25050", "2 revenue 80 9999", "3 cost 12 -7500"])
            await #expect(throws: OutcomeImport.Failure.yearBalancesOnly) { try await Self.read(app, "#SIETYP 1\n" + Self.head + "#RES 0 5010 1000.00\n") }
            #expect(OutcomeImport.Failure.yearBalancesOnly.swedish.contains("bara årets saldon"))
        }
    }

    @Test("A 4I file without #RAR is read for the year given, refused without one", arguments: Engine.enabled)
    func fourIWithoutYear(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let file = "#FLAGGA 0\n#SIETYP 4I\n#VER A 1 20230315 \"Faktura\"\n{\n#TRANS 5010 {1 \"14\"} 300.00\n#TRANS 1930 {} -300.00\n}\n"
            await #expect(throws: OutcomeImport.Failure.noYear) { try await Self.read(app, file, year: nil) }
            let (report, rows) = try await Self.read(app, file, year: 2023)
            #expect(report.months == [3] && rows == ["3 cost 14 -30000"] && report.unmapped == 1)
            await #expect(throws: OutcomeImport.Failure.otherYear(file: 2023, expected: 2024)) {
                try await Self.read(app, Self.head.replacingOccurrences(of: "#FLAGGA 0\n", with: "#FLAGGA 0\n#SIETYP 4E\n") + "#VER A 1 20230315\n{\n}\n", year: 2024)
            }
        }
    }

    @Test("Account and cost-centre #PSALDO rows are never added together: not under a fixed-line rule, not under the standard mapping",
          arguments: Engine.enabled)
    func moneyOnce(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            // The account's total, 1 000 kr, and its cost centres 12 (600 kr) and 13 (300 kr): 100 kr has no cost centre.
            let file = "#SIETYP 4E\n" + Self.head + "#PSALDO 0 202301 5010 {} 1000.00\n#PSALDO 0 202301 5010 {1 \"12\"} 600.00\n"
                + "#PSALDO 0 202301 5010 {1 \"13\"} 300.00\n#PSALDO 0 202301 5010 {1 \"12\" 6 \"P1\"} 600.00\n"
            let fixed = OutcomeMapping(rules: [.init(from: 5010, to: 5010, side: .cost, costCentre: "14")])
            let (underFixed, rowsFixed) = try await Self.read(app, file, mapping: fixed)
            #expect(rowsFixed == ["1 cost 14 -100000"], "1 000 kr on the fixed line, once")
            #expect(underFixed.unmapped == 0)
            let (underStandard, rowsStandard) = try await Self.read(app, file, mapping: .standard)
            #expect(rowsStandard == ["1 cost 12 -60000", "1 cost 13 -30000"], "the cost centres; the 100 kr without one is not a line's")
            #expect(underStandard.unmapped == 1 && underStandard.removed == 1)
        }
    }

    @Test("#PSALDO and vouchers in one file: the balances are read and the vouchers compared with them", arguments: Engine.enabled)
    func balancesAndVouchers(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let file = "#SIETYP 4E\n" + Self.head + "#PSALDO 0 202301 5010 {1 \"14\"} 1000.00\n"
                + "#VER A 1 20230110 \"x\"\n{\n#TRANS 5010 {1 \"14\"} 800.00\n#TRANS 1930 {} -800.00\n}\n"
            let (report, rows) = try await Self.read(app, file)
            #expect(rows == ["1 cost 14 -100000"], "not 1 800 kr")
            #expect(report.warnings == [.init(line: nil, english: "account 5010, month 1: #PSALDO is 1000.00, the vouchers add to 800.00; the balance was read",
                                              swedish: "Konto 5010, månad 1: #PSALDO är 1\u{202F}000,00 kronor men verifikationerna blir 800,00 kronor; periodsaldot lästes in.")])
        }
    }

    @Test("A #TRANS row's own date decides its month, across a month end; without one, the voucher's", arguments: Engine.enabled)
    func transactionDates(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let file = "#SIETYP 4E\n" + Self.head + "#VER A 1 20230131 \"Periodisering\"\n{\n#TRANS 5010 {1 \"14\"} 500.00 20230201 \"februari\"\n"
                + "#TRANS 5010 {1 \"12\"} 200.00\n#TRANS 1930 {} -700.00\n}\n"
            let (_, rows) = try await Self.read(app, file)
            #expect(rows == ["1 cost 12 -20000", "2 cost 14 -50000"])
            await #expect(throws: OutcomeImport.Failure.self) {
                try await Self.read(app, file.replacingOccurrences(of: "20230201", with: "20230230"))
            }
        }
    }

    @Test("A partial file against #RES, an unbalanced voucher and a row without an account are each reported by line", arguments: Engine.enabled)
    func fileAgainstItself(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let file = "#SIETYP 4E\n" + Self.head + "#RES 0 5010 12000.00\n"
                + "#VER A 1 20230110 \"Januari\"\n{\n#TRANS 5010 {1 \"14\"} 1000.00\n#TRANS 1930 {} -990.00\n}\n"
                + "#VER A 2 20230120 \"Utan konto\"\n{\n#TRANS {} 50.00\n#TRANS 1930 {} -50.00\n}\n"
            let (report, rows) = try await Self.read(app, file)
            #expect(rows == ["1 cost 14 -100000"])
            #expect(report.warnings.map { "\($0.line.map(String.init) ?? "-") \($0.english)" } == [
                "5 account 5010: #RES gives 12000.00 for the year, the vouchers add to 1000.00; the file may hold only part of the year",
                "6 voucher A 1 does not balance: its rows add to 10.00",
                "11 voucher A 2 does not balance: its rows add to -50.00",
                "13 a #TRANS row without an account was not read",
            ])
            #expect(report.description.contains("warning: line 5: account 5010: #RES gives 12000.00"))
        }
    }

    @Test("Through the browser and the API: a partial file read with its warnings listed on the page, a 4I file without #RAR for the path's year",
          arguments: Engine.enabled)
    func browserAndAPI(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            var editor = try await BudgetEditingTests.editor(app)
            let path = "/o/norrbottens-kommuner/budget/2023/utfall/importera"
            let csrf = try #require(Browser.csrf(in: try await editor.send(.GET, path).1))
            let partial = "#SIETYP 4E\n" + Self.head + "#RES 0 5010 12000.00\n#VER A 1 20230110 \"Januari\"\n{\n#TRANS 5010 {1 \"14\"} 1000.00\n#TRANS 1930 {} -990.00\n}\n"
            let page = try await editor.upload(path, fields: ["csrf": csrf], file: "januari.se", data: Data(partial.utf8))
            #expect(page.0 == .ok && page.1.contains("Filen stämmer inte med sig själv"))
            #expect(page.1.contains("Rad 5: Konto 5010: #RES anger 12\u{202F}000,00 kronor för året, men verifikationerna blir 1\u{202F}000,00 kronor. Filen kan innehålla bara en del av året."))
            #expect(page.1.contains("Rad 6: Verifikation A 1 balanserar inte: raderna blir 10,00 kronor."))

            let token = try await app.apiToken("ekonom@example.se")
            var headers = HTTPHeaders()
            headers.bearerAuthorization = .init(token: token)
            headers.contentType = .binary
            let fourI = "#FLAGGA 0\n#SIETYP 4I\n#VER A 2 20230315 \"Faktura\"\n{\n#TRANS 5010 {1 \"12\"} 300.00\n#TRANS 1930 {} -300.00\n}\n"
            var answer: (HTTPStatus, String) = (.internalServerError, "")
            try await app.testing().test(.POST, "/api/v1/organisations/norrbottens-kommuner/budgets/2023/outcomes", headers: headers, body: ByteBuffer(string: fourI)) {
                answer = ($0.status, $0.body.string)
            }
            let report = try JSONDecoder().decode(OutcomeImport.Report.self, from: Data(answer.1.utf8))
            #expect(answer.0 == .ok && report.months == [3] && report.added == 1 && report.warnings.isEmpty)
            #expect(try await Self.rows(app) == ["1 cost 14 -100000", "3 cost 12 -30000"])
        }
    }

    @Test("A UTF-8 byte-order mark is read as such: the file is UTF-8", arguments: Engine.enabled)
    func byteOrderMark(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let text = "#SIETYP 4E\n" + Self.head + "#FNAMN \"Norrbottens Kommuner – Övrigt\"\n#VER A 1 20230110 \"Hyra för lokal\"\n{\n#TRANS 5010 {1 \"14\"} 12.50\n#TRANS 1930 {} -12.50\n}\n"
            let data = Data([0xEF, 0xBB, 0xBF]) + Data(text.utf8)
            let file = try SIEReader.read(data)
            #expect(file.companyName == "Norrbottens Kommuner – Övrigt" && file.vouchers.first?.text == "Hyra för lokal")
            let organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == "norrbottens-kommuner").first())
            _ = try await OutcomeWork.importFile(data, name: "bom.se", year: 2023, in: organisation, actor: .commandLine, at: Date(), on: app.db)
            #expect(try await Self.rows(app) == ["1 cost 14 -1250"])
        }
    }

    @Test("The report says when nothing matched, does not count a change of example marking as a change, and the page shows the saved mapping",
          arguments: Engine.enabled)
    func reports(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let (nothing, _) = try await Self.read(app, "#SIETYP 4E\n" + Self.head + "#PSALDO 0 202301 1930 {} 5.00\n")
            #expect(nothing.nothingMatched && nothing.swedish.hasPrefix("Inget i filen matchade kopplingen mellan bokföringens konton och budgetens rader (1 rader"))
            #expect(nothing.description.contains("nothing in the file matched the mapping"))
            let organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == "norrbottens-kommuner").first())
            let file = Data(("#SIETYP 4E\n" + Self.head + "#PSALDO 0 202301 5010 {1 \"14\"} 10.00\n").utf8)
            _ = try await OutcomeImport.run(file, name: "a.se", in: organisation, example: true, actor: .commandLine, at: Date(), on: app.db)
            let own = try await OutcomeImport.run(file, name: "a.se", in: organisation, example: false, actor: .commandLine, at: Date(), on: app.db)
            #expect(own.changed == 0 && own.markedAsOwn == 1 && own.swedish.contains("1 rader med samma belopp var exempeldata"))
            #expect(try await Outcome.query(on: app.db).first()?.example == false)

            var editor = try await BudgetEditingTests.editor(app)
            _ = try await MappingWork.save(OutcomeMapping(rules: [.init(from: 5010, to: 5010, side: .cost, costCentre: "14")]), in: organisation, actor: .commandLine, at: Date(), on: app.db)
            let page = try await editor.send(.GET, "/o/norrbottens-kommuner/budget/2023/utfall/importera").1
            #expect(page.contains("Organisationens kontomappning: konto 5010 blir kostnader på raden 14.") && !page.contains("Konton 3000–3999"))
        }
    }

    @Test("Saving a month unchanged keeps the öre and the source of what was read; a changed amount is the form's", arguments: Engine.enabled)
    func typingKeepsWhatWasRead(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            _ = try await Self.read(app, "#SIETYP 4E\n" + Self.head + "#PSALDO 0 202301 5010 {1 \"14\"} 61250.50\n#PSALDO 0 202301 5010 {1 \"12\"} 99.40\n")
            var editor = try await BudgetEditingTests.editor(app)
            let path = "/o/norrbottens-kommuner/budget/2023/utfall/importera"
            let form = try await editor.send(.GET, path + "?manad=1").1
            let csrf = try #require(Browser.csrf(in: form))
            let budget = try #require(try await Budget.query(on: app.db).filter(\.$year == 2023).first())
            let index = { (centre: String) in budget.spec.lines.firstIndex { $0.side == .cost && $0.costCentre == centre }! }
            #expect(form.contains("value=\"-61251\"") && form.contains("value=\"-99\""), "whole kronor, halves away from zero")
            let saved = try await editor.send(.POST, "/o/norrbottens-kommuner/budget/2023/utfall/registrera",
                                              form: ["csrf": csrf, "month": "1", "line.\(index("14")).amount": "-61251", "line.\(index("12")).amount": "-100"])
            #expect(saved.0 == .ok, "\(saved.0)")
            let rows = try await Outcome.query(on: app.db).filter(\.$month == 1).all().map { "\($0.costCentre) \($0.ore) \($0.source)" }.sorted()
            #expect(rows == ["12 -10000 form", "14 -6125050 sie:test.se"], "the untouched line keeps its öre and source")
        }
    }
}
