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

/// The findings of the security probe of 43f0f05 (../shared/reviews/security-probe-43f0f05.md) that
/// reach Finance: readers that always end, bounds where amounts enter, sums that cannot trap, and
/// concurrent saves refused with 409 rather than 500. Each failed on 43f0f05.
@Suite("The probe of 43f0f05: Finance")
struct FinanceProbeTests {
    static let api = "/api/v1/organisations/norrbottens-kommuner"
    static let org = "/o/norrbottens-kommuner"

    static func sie(_ body: String) -> String {
        "#FLAGGA 0\n#SIETYP 4E\n#RAR 0 20230101 20231231\n" + body
    }

    @Test("Finding 1: a { inside an object list is a refused line, not an endless loop")
    func braceInsideObjectList() throws {
        let started = Date()
        #expect(throws: SIEReader.Failure(line: 6, message: "a { inside an object list")) {
            try SIEReader.read(text: Self.sie("#VER \"A\" 1 20230110 \"x\"\n{\n#TRANS 5010 {1 {} 100.00\n}\n"))
        }
        #expect(Date().timeIntervalSince(started) < 1)
    }

    @Test("Findings 1–3 over the API: the loop, a cell beyond 10^12 kronor, a forecast of Int.min, a line of Int.min, a funding of Int.max — each 422, nothing written",
          arguments: Engine.enabled)
    func apiRefusals(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            _ = try await BudgetEditingTests.editor(app)
            let token = try await app.apiToken("ekonom@example.se")
            let before = try await DatabaseFingerprint.take(app.db)
            func upload(_ text: String) async throws -> (HTTPStatus, String) {
                var headers = HTTPHeaders()
                headers.bearerAuthorization = .init(token: token)
                headers.contentType = .binary
                var result: (HTTPStatus, String) = (.internalServerError, "")
                try await app.testing().test(.POST, "\(Self.api)/budgets/2023/outcomes", headers: headers, body: ByteBuffer(string: text)) {
                    result = ($0.status, $0.body.string)
                }
                return result
            }
            let loop = try await upload(Self.sie("#VER \"A\" 1 20230110 \"x\"\n{\n#TRANS 5010 {1 {} 100.00\n}\n"))
            #expect(loop.0 == .unprocessableEntity && loop.1.contains("line 6: a { inside an object list"))
            // Each row within the bound, the month's sum beyond it.
            let rows = String(repeating: "#TRANS 5010 {1 \"14\"} 9999999999.99\n", count: 200)
            let sum = try await upload(Self.sie("#VER \"A\" 1 20230110 \"x\"\n{\n\(rows)}\n"))
            #expect(sum.0 == .unprocessableEntity && sum.1.contains("the outcome of month 1 on cost 14 is more than 10^12 kronor in magnitude"), "\(sum.1)")
            let huge = try await upload(Self.sie("#VER \"A\" 1 20230110 \"x\"\n{\n#TRANS 5010 {1 \"14\"} 999999999999999.99\n}\n"))
            #expect(huge.0 == .unprocessableEntity && huge.1.contains("line 6: \\\"999999999999999.99\\\" is not an amount"), "\(huge.1)")
            let badDay = try await upload(Self.sie("#VER \"A\" 1 20231399 \"x\"\n{\n#TRANS 5010 {1 \"14\"} 1.00\n}\n"))
            #expect(badDay.0 == .unprocessableEntity && badDay.1.contains("line 4: #VER date 20231399 is not a day of the calendar"))

            let forecast = try await app.api(.POST, "\(Self.api)/budgets/2023/forecasts", token: token,
                                             body: #"{"throughMonth": 4, "lines": [{"side": "cost", "costCentre": "14", "amount": -9223372036854775808}]}"#)
            #expect(forecast.0 == .unprocessableEntity && forecast.1.contains("lines[0].amount: is more than 10^12 kronor in magnitude"))
            let line = try await app.api(.PUT, "\(Self.api)/budgets/2023", token: token,
                                         body: #"{"spec": {"title": "Budget 2023", "lines": [{"side": "cost", "costCentre": "12", "name": "A", "amount": -9223372036854775808}]}}"#)
            #expect(line.0 == .unprocessableEntity || line.0 == .conflict, "an adopted budget, or the bound: never a trap")
            let spec = #"{"title":"Stor","funder":"uhr","programme":"Utlysning","amount":100000,"startsOn":"2023-01-01","endsOn":"2024-12-31","byYear":[{"year":2023,"amount":9223372036854775807},{"year":2024,"amount":1}]}"#
            let funding = try await app.api(.POST, "\(Self.api)/fundings", token: token, body: #"{"key":"stor","spec":\#(spec)}"#)
            #expect(funding.0 == .unprocessableEntity && funding.1.contains("byYear[0].amount: is more than amount"))
            #expect(try await DatabaseFingerprint.take(app.db) == before, "nothing was written")
            #expect(try await app.get("/health").status == .ok)
        }
    }

    @Test("Finding 2: populations, tax capacity and amounts are bounded in the API with a 422 naming the field; a proposal's line of Int.min too",
          arguments: Engine.enabled)
    func boundsOnBudgets(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            _ = try await BudgetEditingTests.editor(app)
            let token = try await app.apiToken("ekonom@example.se")
            #expect(try await app.api(.POST, "\(Self.api)/budgets", token: token, body: #"{"year": 2024, "copyOf": 2023}"#).0 == .created)
            let budget = try #require(try await Budget.query(on: app.db).filter(\.$year == 2024).first())
            func put(_ change: (inout BudgetSpec) -> Void) async throws -> (HTTPStatus, String) {
                var spec = budget.spec
                change(&spec)
                let body = String(decoding: try JSONEncoder().encode(["spec": spec]), as: UTF8.self)
                let answer = try await app.api(.PUT, "\(Self.api)/budgets/2024", token: token, body: body)
                return (answer.0, answer.1)
            }
            let population = try await put { $0.fees?.populations[0].population = Int.max }
            #expect(population.0 == .unprocessableEntity && population.1.contains("fees.populations[0].population: is not a population from 1 to 100 000 000"))
            let capacity = try await put { $0.fees?.taxCapacity = Int.max }
            #expect(capacity.0 == .unprocessableEntity && capacity.1.contains("fees.taxCapacity"))
            let rate = try await put { $0.fees?.perMille = "99999999999999999999999999" }
            #expect(rate.0 == .unprocessableEntity && rate.1.contains("fees.perMille"))
            let line = try await put { $0.lines[0].amount = Int.min }
            #expect(line.0 == .unprocessableEntity && line.1.contains("lines[0].amount: is more than 10^12 kronor in magnitude"))
            let atBound = try await put { $0.lines[0].amount = -Bounds.kronor }
            #expect(atBound.0 == .ok, "the bound itself is allowed")
            #expect(try await app.get("\(Self.org)/budget/2024/medlemsavgifter").status == .ok)
            #expect(try await app.get("\(Self.org)/budget/2024").status == .ok)
        }
    }

    @Test("Finding 2: values an older database stored beyond the bounds are shown as refused data, never a trap", arguments: Engine.enabled)
    func storedValuesBeyondTheBounds(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == "norrbottens-kommuner").first())
            for month in [1, 2] {
                let row = Outcome()
                row.organisationID = try organisation.requireID()
                row.year = 2023
                row.month = month
                row.side = .cost
                row.costCentre = "14"
                row.ore = Int.max
                row.source = "csv"
                row.example = false
                row.importedAt = Date()
                try await row.create(on: app.db)
            }
            let forecast = Forecast()
            forecast.organisationID = try organisation.requireID()
            forecast.year = 2023
            forecast.throughMonth = 2
            forecast.side = .cost
            forecast.costCentre = "12"
            forecast.amount = Int.min
            forecast.changedAt = Date()
            forecast.changedBy = "older"
            try await forecast.save(on: app.db)
            let budget = try #require(try await Budget.query(on: app.db).filter(\.$year == 2023).first())
            var spec = budget.spec
            spec.lines[0].amount = Int.min
            spec.fees?.populations[0].population = Int.max
            budget.spec = spec
            try await budget.update(on: app.db)

            let page = try await app.get("\(Self.org)/budget/2023/utfall")
            #expect(page.status == .ok && page.body.contains("Lagrade värden utanför gränserna räknas inte med"))
            let json = try await app.getJSON("\(Self.api)/budgets/2023/outcomes", as: OutcomeContent.self)
            #expect(json.refused == ["budget cost \(spec.lines[0].costCentre)", "prognos 2023-2 cost 12", "utfall 2023-1 cost 14", "utfall 2023-2 cost 14"])
            #expect(try await app.get("\(Self.org)/budget/2023").body.contains(Formatting.refused))
            #expect(try await app.get("\(Self.org)/budget/2023/medlemsavgifter").status != .internalServerError)
            #expect(try await app.get("\(Self.api)/budgets/2023/fees").status != .internalServerError)
            #expect(try await app.get("\(Self.org)/budget/2023/kalkylark").status == .ok)
        }
    }

    @Test("The invariant: the largest amount times the most rows a page adds up fits a 64-bit integer")
    func sumsFit() {
        // A result adds every line's twelve months in öre; the fee table adds every member's population
        // times the largest tax capacity.
        let (outcomes, overflow) = Bounds.ore.multipliedReportingOverflow(by: 12 * Bounds.budgetLines)
        #expect(!overflow && outcomes < Int.max)
        let (fees, feeOverflow) = (Bounds.population * Bounds.members).multipliedReportingOverflow(by: FeeBasis.maxTaxCapacity)
        #expect(!feeOverflow && fees < Int.max)
        #expect(Bounds.sum([Int.max, 1]) == nil && Bounds.sum([Bounds.kronor, -Bounds.kronor]) == 0)
        #expect(Formatting.thousands(Int.min) == "−9\u{202F}223\u{202F}372\u{202F}036\u{202F}854\u{202F}775\u{202F}808")
    }

    @Test("Finding 9: ten saves of one revision and a decision among them answer 200 or 409, never 500, and one revision is written per success",
          arguments: Engine.enabled)
    func concurrentBudgetSaves(engine: Engine) async throws {
        try await withApp(engine, examples: false, sqliteFile: true) { app in
            _ = try await BudgetEditingTests.editor(app)
            let token = try await app.apiToken("ekonom@example.se")
            #expect(try await app.api(.POST, "\(Self.api)/budgets", token: token, body: #"{"year": 2024, "copyOf": 2023}"#).0 == .created)
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for index in 0..<10 {
                    group.addTask {
                        if index == 5 {
                            return try await app.api(.POST, "\(Self.api)/budgets/2024/adoption", token: token,
                                                     body: #"{"adoptedBy": "Förbundsfullmäktige", "adoptedOn": "2023-11-30"}"#).0
                        }
                        let body = #"{"spec": {"title": "Budget 2024", "lines": [{"side": "cost", "costCentre": "12", "name": "Rad \#(index)", "amount": -\#(index + 1)}]}, "revision": 1}"#
                        return try await app.api(.PUT, "\(Self.api)/budgets/2024", token: token, body: body).0
                    }
                }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { [.ok, .noContent, .conflict].contains($0) }, "\(statuses)")
            let successes = statuses.filter { $0 != .conflict }.count
            #expect(successes >= 1)
            let budget = try #require(try await Budget.query(on: app.db).filter(\.$year == 2024).first())
            let revisions = try await BudgetRevision.query(on: app.db).filter(\.$budget.$id == budget.requireID()).count()
            #expect(revisions == 1 + successes && budget.revision == revisions)

            let spec = #"{"title":"Mikromeriter","funder":"uhr","programme":"Utlysning","amount":100000,"startsOn":"2023-01-01","endsOn":"2023-12-31","byYear":[]}"#
            let fundings = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<8 { group.addTask { try await app.api(.POST, "\(Self.api)/fundings", token: token, body: #"{"key":"mikro","spec":\#(spec)}"#).0 } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(fundings.filter { $0 == .created }.count == 1 && fundings.filter { $0 == .conflict }.count == 7, "\(fundings)")
        }
    }

    @Test("Finding 17: formula-like text is neutralised in the spreadsheet CSV; numbers and the machine CSV stay as they are", arguments: Engine.enabled)
    func spreadsheetFormulas(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            _ = try await BudgetEditingTests.editor(app)
            let token = try await app.apiToken("ekonom@example.se")
            #expect(try await app.api(.POST, "\(Self.api)/budgets", token: token, body: #"{"year": 2024}"#).0 == .created)
            let lines = [("12", "=HYPERLINK(\\\"http://example.net\\\")"), ("13", "@SUM(A1)"), ("14", "+1+1"), ("15", "-A1"), ("16", "Vanlig rad")]
            let body = #"{"spec": {"title": "Budget 2024", "lines": ["#
                + lines.map { #"{"side": "cost", "costCentre": "\#($0.0)", "name": "\#($0.1)", "amount": -1000}"# }.joined(separator: ", ") + "]}}"
            #expect(try await app.api(.PUT, "\(Self.api)/budgets/2024", token: token, body: body).0 == .ok)
            let sheet = try await app.get("\(Self.org)/budget/2024/kalkylark").body
            for cell in ["'=HYPERLINK(\"\"http://example.net\"\")", "'@SUM(A1)", "'+1+1", "'-A1"] { #expect(sheet.contains(cell), "\(cell) in \(sheet)") }
            #expect(sheet.contains(";-1000") && sheet.contains("Vanlig rad") && !sheet.contains("'-1000"), "numbers stay numbers")
            let machine = try await app.get("\(Self.org)/oppna-data/budget/2024").body
            #expect(machine.contains(",@SUM(A1),") && !machine.contains("'@SUM"), "the machine CSV is as given: \(machine)")
            #expect(CSVTable.restored(CSVTable.neutralised("=1")) == "=1" && CSVTable.neutralised("-12,5") == "-12,5" && CSVTable.neutralised("'x") == "''x" && CSVTable.restored("''x") == "'x")
        }
    }

    @Test("Finding 6: a browser upload of 600 kB, streamed over a real connection, is read with the route's limit, not refused at 256 kB",
          arguments: Engine.enabled)
    func largeStreamedUpload(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            var editor = try await BudgetEditingTests.editor(app)
            let path = "\(Self.org)/budget/2023/utfall/importera"
            let csrf = try #require(Browser.csrf(in: try await editor.send(.GET, path).1))
            // 600 kB of vouchers that sum to 1 500 kr on cost 14 in January.
            var body = Self.sie("")
            body += String(repeating: "#VER \"A\" 1 20230110 \"Ett rätt långt verifikationsnamn för att fylla filen\"\n{\n#TRANS 5010 {1 \"14\"} 0.25\n}\n", count: 6_000)
            #expect(body.utf8.count > 600_000)
            editor.live = true
            let answer = try await editor.upload(path, fields: ["csrf": csrf], file: "stor.se", data: Data(body.utf8))
            #expect(answer.0 == .ok && answer.1.contains("Utfallet för 2023 är inläst för månad 1"), "\(answer.0) \(Browser.visibleText(answer.1).prefix(300))")
            let row = try #require(try await Outcome.query(on: app.db).filter(\.$month == 1).filter(\.$costCentre == "14").first())
            #expect(row.ore == -150_000)
        }
    }
}
