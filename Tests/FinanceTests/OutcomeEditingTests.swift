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

/// Outcomes through the year as an editor and over the API: a file from the books in the browser,
/// a month typed in, a period's forecasts with comments; shown beside the follow-up's periods and in
/// the annual report.
@Suite("Outcomes and forecasts through the year")
struct OutcomeEditingTests {
    static let org = "/o/norrbottens-kommuner"
    static let importPath = "\(org)/budget/2023/utfall/importera"

    static func fixture(_ name: String) throws -> Data { try OutcomeTests.fixture(name) }

    @Test("An SIE file and a CSV read in the browser: what changed is said, the same file again changes nothing, a broken line is named and nothing is written",
          arguments: Engine.enabled)
    func browserImport(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            var editor = try await BudgetEditingTests.editor(app)
            let page = try await editor.send(.GET, Self.importPath)
            #expect(page.0 == .ok && page.1.contains("Läs in från bokföringen") && page.1.contains(#"enctype="multipart/form-data""#))
            let csrf = try #require(Browser.csrf(in: page.1))
            let first = try await editor.upload(Self.importPath, fields: ["csrf": csrf], file: "exempel-4e.se", data: try Self.fixture("exempel-4e"))
            #expect(first.0 == .ok && first.1.contains("Utfallet för 2023 är inläst för månad 1, 2: 2 tillagda, 0 ändrade, 0 borttagna och 0 oförändrade rader."))
            #expect(first.1.contains("1 rader i filen hör inte till någon budgetrad"))
            let before = try await DatabaseFingerprint.take(app.db)
            let again = try await editor.upload(Self.importPath, fields: ["csrf": csrf], file: "exempel-4e.se", data: try Self.fixture("exempel-4e"))
            #expect(again.1.contains("Inget ändrades: utfallet för 2023 var redan detsamma (2 rader)."))
            let broken = try await editor.upload(Self.importPath, fields: ["csrf": csrf], file: "trasig-4e.se", data: try Self.fixture("trasig-4e"))
            #expect(broken.0 == .unprocessableEntity && broken.1.contains("Rad 23 i filen går inte att läsa som SIE: en objektlista avslutas inte med }. Inget lästes in.") && broken.1.contains(#"id="file-error""#))
            let empty = try await editor.upload(Self.importPath, fields: ["csrf": csrf], file: "", data: Data())
            #expect(empty.0 == .unprocessableEntity && empty.1.contains("Välj en fil att läsa in."))
            let otherYear = Data(SIEReader.decodePC8(try Self.fixture("exempel-4e")).replacingOccurrences(of: "#RAR 0 20230101 20231231", with: "#RAR 0 20240101 20241231").utf8)
            #expect(try await editor.upload(Self.importPath, fields: ["csrf": csrf], file: "2024.se", data: otherYear).1.contains("Filen gäller 2024, inte 2023."))
            let badCSV = Data("year;month;side;costCentre;amount\r\n2023;3;cost;14;-1 000 000,50\r\n2023;13;cost;12;-5\r\n".utf8)
            let refused = try await editor.upload(Self.importPath, fields: ["csrf": csrf], file: "utfall.csv", data: badCSV)
            #expect(refused.0 == .unprocessableEntity && refused.1.contains("Rad 3: Månaden \"13\" är inte 1–12. Inget lästes in."))
            #expect(try await DatabaseFingerprint.take(app.db) == before, "the same file, a broken file and a bad CSV write nothing")
            #expect(try await editor.upload(Self.importPath, fields: [:], file: "x.se", data: try Self.fixture("exempel-4e")).0 == .forbidden, "no CSRF token")

            // A spreadsheet's CSV (semicolons, decimal comma, spaces in numbers) for March.
            let csv = Data("\u{FEFF}year;month;side;costCentre;amount\r\n2023;3;cost;14;-1 000 000,50\r\n2023;3;revenue;80;5301072\r\n".utf8)
            let read = try await editor.upload(Self.importPath, fields: ["csrf": csrf], file: "utfall.csv", data: csv)
            #expect(read.1.contains("inläst för månad 3: 2 tillagda"))
            let march = try await Outcome.query(on: app.db).filter(\.$month == 3).sort(\.$side).all()
            #expect(march.map { "\($0.side.rawValue) \($0.costCentre) \($0.ore) \($0.source)" } == ["cost 14 -100000050 csv", "revenue 80 530107200 csv"])
            // The open-data export reads back as the same outcomes.
            let export = try await app.get("\(Self.org)/oppna-data/utfall/2023")
            #expect(export.body.hasPrefix("year,month,side,costCentre,amount,name,example\r\n2023,1,cost,14,-612500,Ledning/stab,false\r\n"))
            let roundTrip = try await editor.upload(Self.importPath, fields: ["csrf": csrf], file: "utfall-2023.csv", data: Data(export.body.utf8))
            #expect(roundTrip.1.contains("Inget ändrades"), "\(Browser.visibleText(roundTrip.1).prefix(400))")

            var reader = Browser(app: app)
            #expect(try await reader.signIn("lasare@example.se", Factory.password) == .seeOther)
            #expect(try await reader.send(.GET, Self.importPath).0 == .forbidden)
            var visitor = Browser(app: app)
            #expect(try await visitor.send(.GET, Self.importPath).0 != .ok)
        }
    }

    @Test("A month typed in keeps bad input beside its row; unchanged writes nothing; forecasts with comments per period, shown on the outcome page",
          arguments: Engine.enabled)
    func typedAndForecast(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            var editor = try await BudgetEditingTests.editor(app)
            let form = try await editor.send(.GET, "\(Self.importPath)?manad=3")
            var fields = try Browser.formFields(in: form.1, action: "\(Self.org)/budget/2023/utfall/registrera")
            #expect(fields["month"] == "3" && fields["line.2.amount"] == "")
            fields["line.2.amount"] = "tjugo"
            let bad = try await editor.send(.POST, "\(Self.org)/budget/2023/utfall/registrera", form: fields)
            #expect(bad.0 == .unprocessableEntity && bad.1.contains("Skriv utfallet för 14 Ledning/stab i hela kronor") && bad.1.contains(#"value="tjugo""#))
            fields["line.2.amount"] = "-1 750 000"
            fields["line.10.amount"] = "5301072"
            let saved = try await editor.send(.POST, "\(Self.org)/budget/2023/utfall/registrera", form: fields)
            #expect(saved.0 == .ok && saved.1.contains("Utfallet för mars 2023 är sparat: 2 tillagda"))
            let refilled = try Browser.formFields(in: saved.1, action: "\(Self.org)/budget/2023/utfall/registrera")
            #expect(refilled["line.2.amount"] == "-1750000")
            let before = try await DatabaseFingerprint.take(app.db)
            #expect(try await editor.send(.POST, "\(Self.org)/budget/2023/utfall/registrera", form: refilled).1.contains("Inget ändrades"))
            #expect(try await DatabaseFingerprint.take(app.db) == before)

            let forecastPath = "\(Self.org)/budget/2023/utfall/prognos/3"
            var forecast = try Browser.formFields(in: try await editor.send(.GET, forecastPath).1, action: forecastPath)
            forecast["line.2.comment"] = "Lönerevisionen"
            let missing = try await editor.send(.POST, forecastPath, form: forecast)
            #expect(missing.0 == .unprocessableEntity && missing.1.contains("har en kommentar men ingen prognos") && missing.1.contains(#"value="Lönerevisionen""#))
            forecast["line.2.amount"] = "-21 600 000"
            forecast["line.10.amount"] = "21204288"
            #expect(try await editor.send(.POST, forecastPath, form: forecast).2.first(name: .location)?.hasSuffix("?klart=prognos") == true)
            let again = try Browser.formFields(in: try await editor.send(.GET, forecastPath).1, action: forecastPath)
            #expect(again["line.2.amount"] == "-21600000" && again["line.2.comment"] == "Lönerevisionen")
            #expect(try await editor.send(.POST, forecastPath, form: again).2.first(name: .location)?.hasSuffix("?klart=oforandrad") == true)

            let content = try await app.getJSON("/api/v1/organisations/norrbottens-kommuner/budgets/2023/outcomes", as: OutcomeContent.self)
            #expect(content.columns.map(\.throughMonth) == [3] && content.latestMonth == 3)
            let stab = try #require(content.rows.first { $0.costCentre == "14" })
            #expect(stab.cells.first?.forecast == -21_600_000 && stab.cells.first?.forecastComment == "Lönerevisionen")
            #expect(content.result.first?.forecast == nil, "the result has a forecast only where every line has one")
            let page = try await app.get("\(Self.org)/budget/2023/utfall").body
            #expect(page.contains("Kommentarer till prognosen januari–mars") && page.contains("Lönerevisionen") && page.contains(Formatting.thousands(-21_600_000)))
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["outcomes.import", "forecasts.update"]).all().map(\.action).sorted()
            #expect(audit == ["forecasts.update", "outcomes.import"])
        }
    }

    @Test("The period's money beside its activities, on the public dashboard and the working page; the year's outcome in the annual report",
          arguments: Engine.enabled)
    func besideFollowUp(engine: Engine) async throws {
        try await withApp(engine) { app in
            let content = try await app.getJSON("/api/v1/organisations/norrbottens-kommuner/budgets/2023/outcomes", as: OutcomeContent.self)
            #expect(content.example && content.latestMonth == 8)
            #expect(content.columns.map(\.periods) == [["Tertial 1 2023"], ["Tertial 2 2023"]], "the follow-up's periods, not fixed tertials")
            let financing = try #require(content.rows.first { $0.costCentre == "80" })
            // Quarterly invoices in January and April: 2 × 5 301 072 against 4/12 of 21 204 288.
            #expect(financing.cells.first == .init(throughMonth: 4, outcome: 10_602_144, budgetToDate: 7_068_096, deviation: 3_534_048,
                                                   deviationPercent: "50", forecast: nil, forecastComment: nil))
            #expect(financing.cells.last?.forecast == 21_204_288)
            #expect(content.result.last?.forecast == content.rows.reduce(0) { $0 + ($1.cells.last?.forecast ?? 0) })

            let dashboard = try await app.get("/o/norrbottens-kommuner/uppfoljning/verksamhetsplan-2023?period=tertial-2-2023").body
            #expect(dashboard.contains("<h2>Ekonomi Tertial 2 2023</h2>") && dashboard.contains("Fler resor inom EU-arbetet än planerat."))
            #expect(dashboard.contains("Exempeldata"))
            let first = try await app.get("/o/norrbottens-kommuner/uppfoljning/verksamhetsplan-2023?period=tertial-1-2023").body
            #expect(first.contains("Ekonomi Tertial 1 2023") && first.contains(Formatting.thousands(10_602_144)) && first.contains("\(Formatting.thousands(3_534_048)) (50 %)"))
            var editor = try await BudgetEditingTests.editor(app)
            let working = try await editor.send(.GET, "/o/norrbottens-kommuner/uppfoljning/verksamhetsplan-2023/perioder/tertial-1-2023")
            #expect(working.0 == .ok && working.1.contains("Ekonomi Tertial 1 2023"), "\(working.0)")
            let report = try await app.get("/o/norrbottens-kommuner/dokument/verksamhetsberattelse-2023").body
            #expect(report.contains("Ekonomiskt utfall 2023") && report.contains("Utfallet till och med augusti, det senaste som är inläst."))
        }
    }

    @Test("Over the API: the file as the body, forecasts as JSON; refusals name the line, and need an editor's token", arguments: Engine.enabled)
    func api(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            _ = try await BudgetEditingTests.editor(app)
            let token = try await app.apiToken("ekonom@example.se")
            let path = "/api/v1/organisations/norrbottens-kommuner/budgets/2023/outcomes"
            func post(_ data: Data, token: String?, type: HTTPMediaType = .init(type: "application", subType: "octet-stream")) async throws -> (HTTPStatus, String) {
                var headers = HTTPHeaders()
                if let token { headers.bearerAuthorization = .init(token: token) }
                headers.contentType = type
                var result: (HTTPStatus, String) = (.internalServerError, "")
                try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(data: data)) { result = ($0.status, $0.body.string) }
                return result
            }
            let imported = try await post(try Self.fixture("exempel-4e"), token: token)
            #expect(imported.0 == .ok)
            let report = try JSONDecoder().decode(OutcomeImport.Report.self, from: Data(imported.1.utf8))
            #expect(report.added == 2 && report.months == [1, 2] && report.unmapped == 1)
            let broken = try await post(try Self.fixture("trasig-4e"), token: token)
            #expect(broken.0 == .unprocessableEntity && broken.1.contains("line 23: an object list is not closed with }"))
            let csv = try await post(Data("year,month,side,costCentre,amount\n2023,2,cost,99,-5\n".utf8), token: token, type: .init(type: "text", subType: "csv"))
            #expect(csv.0 == .ok && csv.1.contains(#""notInBudget":["cost 99"]"#))
            #expect(try await post(try Self.fixture("exempel-4e"), token: nil).0 == .unauthorized)
            let reader = try await app.apiToken("lasare@example.se")
            #expect(try await post(try Self.fixture("exempel-4e"), token: reader).0 == .forbidden)

            let forecasts = "/api/v1/organisations/norrbottens-kommuner/budgets/2023/forecasts"
            let set = try await app.api(.POST, forecasts, token: token,
                                        body: #"{"throughMonth":2,"lines":[{"side":"cost","costCentre":"14","amount":-21500000,"comment":"Lönerevision"}]}"#)
            #expect(set.0 == .ok && set.1.contains(#""forecast":-21500000"#) && set.1.contains(#""forecastComment":"Lönerevision""#))
            let unknown = try await app.api(.POST, forecasts, token: token, body: #"{"throughMonth":2,"lines":[{"side":"cost","costCentre":"77","amount":-1}]}"#)
            #expect(unknown.0 == .unprocessableEntity && unknown.1.contains("the budget has no line cost 77"))
            let month = try await app.api(.POST, forecasts, token: token, body: #"{"throughMonth":13,"lines":[]}"#)
            #expect(month.0 == .unprocessableEntity && month.1.contains("throughMonth must be 1–12"))
        }
    }
}
