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

/// Outcomes from the accounting system: an SIE file mapped to the budget's lines by account range and
/// cost-centre object, written once, reported, and shown beside the budget to date.
@Suite("Outcomes from SIE files")
struct OutcomeTests {
    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: try #require(Bundle.module.url(forResource: name, withExtension: "se", subdirectory: "Fixtures/sie")))
    }

    @Test("Import maps accounts and cost centres to lines; a second import changes nothing; a changed amount is reported; the page shows the deviation",
          arguments: Engine.enabled)
    func importing(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == "norrbottens-kommuner").first())
            let data = try Self.fixture("exempel-4e")
            let first = try await OutcomeImport.run(data, name: "exempel-4e.se", in: organisation, actor: .commandLine, at: Date(), on: app.db)
            #expect(first.description == """
                2023, months 1, 2: 2 added, 0 changed, 0 removed, 0 unchanged; 1 rows not mapped
                warning: account 3010, month 1: #PSALDO is -7068096.00, the vouchers add to 0.00; the balance was read
                warning: line 21: account 7010: #RES gives 2450000.00 for the year, the period balances add to 612500.00; the file may hold only part of the year
                """, "the file's own figures disagree: its vouchers hold no revenue, its #RES a whole year")
            let rows = try await Outcome.query(on: app.db).sort(\.$month).all()
            #expect(rows.map { "\($0.month) \($0.side.rawValue) \($0.costCentre) \($0.ore)" } == ["1 cost 14 -61250000", "2 cost 12 -123450"],
                    "costs are debits in the books and negative in the budget")
            let before = try await DatabaseFingerprint.take(app.db)
            let again = try await OutcomeImport.run(data, name: "exempel-4e.se", in: organisation, actor: .commandLine, at: Date(), on: app.db)
            #expect(again.added == 0 && again.changed == 0 && again.unchanged == 2)
            #expect(try await DatabaseFingerprint.take(app.db) == before, "a re-import of the same file changes nothing")

            let text = SIEReader.decodePC8(data).replacingOccurrences(of: "{1 \"14\"} 612500.00\r\n#PSALDO", with: "{1 \"14\"} 700000.00\r\n#PSALDO")
                .replacingOccurrences(of: "#PSALDO 0 202301 3010 {} -7068096.00", with: "#PSALDO 0 202301 3010 {1 \"99\"} -7068096.00")
            let changed = try await OutcomeImport.run(Data(text.utf8), name: "exempel-4e.se", in: organisation, actor: .commandLine, at: Date(), on: app.db)
            #expect(changed.changed == 1 && changed.notInBudget == ["revenue 99"] && changed.unmapped == 0)

            let content = try await app.getJSON("/api/v1/organisations/norrbottens-kommuner/budgets/2023/outcomes", as: OutcomeContent.self)
            #expect(content.columns.map(\.throughMonth) == [2] && content.columns.first?.label == "januari–februari")
            let stab = try #require(content.rows.first { $0.costCentre == "14" && $0.side == .cost })
            // Budget −21 229 993 over 2 of 12 months: −3 538 332 (rounded); outcome −700 000.
            #expect(stab.cells.first == .init(throughMonth: 2, outcome: -700_000, budgetToDate: -3_538_332, deviation: 2_838_332, deviationPercent: "80.2", forecast: nil, forecastComment: nil))
            let page = try await app.get("/o/norrbottens-kommuner/budget/2023/utfall").body
            #expect(page.contains("Utfall") && page.contains("januari–februari") && page.contains("80,2 %") && page.contains("SIE-filen exempel-4e.se"))
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "outcomes.import").count()
            #expect(audit == 2, "the import and the change; the unchanged re-import is not an event")
        }
    }

    @Test("A broken file, a file without a year and a year without a budget are refused with nothing written", arguments: Engine.enabled)
    func refusals(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == "norrbottens-kommuner").first())
            await #expect(throws: OutcomeImport.Failure.file(.init(line: 23, message: "an object list is not closed with }"))) {
                try await OutcomeImport.run(try Self.fixture("trasig-4e"), name: "trasig", in: organisation, actor: .commandLine, at: Date(), on: app.db)
            }
            await #expect(throws: OutcomeImport.Failure.noYear) {
                try await OutcomeImport.run(Data("#SIETYP 4E\n".utf8), name: "x", in: organisation, actor: .commandLine, at: Date(), on: app.db)
            }
            await #expect(throws: OutcomeImport.Failure.noBudget(2019)) {
                try await OutcomeImport.run(Data("#SIETYP 4E\n#RAR 0 20190101 20191231\n".utf8), name: "x", in: organisation, actor: .commandLine, at: Date(), on: app.db)
            }
            #expect(try await Outcome.query(on: app.db).count() == 0)
        }
    }

    @Test("A saved mapping sends an account range, or one object's rows, to a line of its own; the form and the API refuse what is no rule",
          arguments: Engine.enabled)
    func mapping(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == "norrbottens-kommuner").first())
            #expect(OutcomeMapping.rule("3000–3999 intäkt") == .init(from: 3000, to: 3999, side: .revenue))
            #expect(OutcomeMapping.rule("6110 objekt 12 kostnad 10") == .init(from: 6110, to: 6110, object: "12", side: .cost, costCentre: "10"))
            #expect(OutcomeMapping.rule("6110 kostnad 10 extra") == nil && OutcomeMapping.rule("konto kostnad") == nil)

            var editor = try await BudgetEditingTests.editor(app)
            let path = "/o/norrbottens-kommuner/budget/hantera/kontomappning"
            let form = try await editor.send(.GET, path)
            var fields = try Browser.formFields(in: form.1, action: path)
            #expect(fields["rules"] == "3000–3999 intäkt\n4000–8999 kostnad", "the standard until one is saved")
            let before = try await DatabaseFingerprint.take(app.db)
            #expect(try await editor.send(.POST, path, form: fields).2.first(name: .location)?.hasSuffix("klart=oforandrad") == true)
            #expect(try await DatabaseFingerprint.take(app.db) == before)
            fields["rules"] = "6110 objekt 12 kostnad 10\n7000-7999 kostnad\nfel rad"
            let refused = try await editor.send(.POST, path, form: fields)
            #expect(refused.0 == .unprocessableEntity && refused.1.contains("Raden ”fel rad” är ingen regel.") && refused.1.contains("6110 objekt 12 kostnad 10"))
            fields["rules"] = "6110 objekt 12 kostnad 10\n7000-7999 kostnad"
            #expect(try await editor.send(.POST, path, form: fields).2.first(name: .location)?.hasSuffix("klart=sparad") == true)

            let report = try await OutcomeImport.run(try Self.fixture("exempel-4e"), name: "exempel-4e.se", in: organisation, actor: .commandLine, at: Date(), on: app.db)
            #expect(report.added == 2 && report.unmapped == 1)
            let rows = try await Outcome.query(on: app.db).sort(\.$month).all()
            #expect(rows.map { "\($0.month) \($0.side.rawValue) \($0.costCentre)" } == ["1 cost 14", "2 cost 10"], "object 12's office supplies go to line 10")

            let token = try await app.apiToken("ekonom@example.se")
            let bad = try await app.api(.PUT, "/api/v1/organisations/norrbottens-kommuner/outcome-mapping", token: token,
                                        body: #"{"rules":[{"from":4000,"to":3000,"side":"cost"}]}"#)
            #expect(bad.0 == .unprocessableEntity && bad.1.contains("rules[0]: from and to are accounts 1000–9999"))
            let read = try await app.getJSON("/api/v1/organisations/norrbottens-kommuner/outcome-mapping", as: OutcomeMapping.self)
            #expect(read.rules.count == 2 && read.rules[0].object == "12")
            let file = try await OrganisationExporter.export(slug: "norrbottens-kommuner", on: app.db)
            #expect(file.content(FinanceSection.Content.self)?.finance?.mapping == read, "the file carries the saved mapping")
        }
    }
}
