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

/// Keeping budgets as an editor: next year's copy, the grid form with its refusals beside the row,
/// unchanged saves that write nothing, the decision that freezes it, revisions and audit.
@Suite("Keeping the budget")
struct BudgetEditingTests {
    static let org = "/o/norrbottens-kommuner"

    static func editor(_ app: Application) async throws -> Browser {
        let organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == "norrbottens-kommuner").first())
        try await Factory.user("ekonom@example.se", roles: [.editor], in: organisation, on: app.db)
        try await Factory.user("lasare@example.se", roles: [.reader], in: organisation, on: app.db)
        var browser = Browser(app: app)
        #expect(try await browser.signIn("ekonom@example.se", Factory.password) == .seeOther)
        return browser
    }

    @Test("Copy 2023 to 2024, change a line, refuse bad rows beside them, adopt; the adopted budget is frozen", arguments: Engine.enabled)
    func keeping(engine: Engine) async throws {
        try await withApp(engine) { app in
            var editor = try await Self.editor(app)
            let keep = try await editor.send(.GET, "\(Self.org)/budget/hantera")
            #expect(keep.0 == .ok && keep.1.contains("Kopiera till 2024"))
            let token = try #require(Browser.csrf(in: keep.1))
            #expect(try await editor.send(.GET, "\(Self.org)/budget/2023/andra").0 == .conflict, "an adopted budget has no form")
            let copied = try await editor.send(.POST, "\(Self.org)/budget/2023/kopiera", form: ["csrf": token])
            #expect(copied.2.first(name: .location) == "\(Self.org)/budget/2024/andra?klart=kopierad")
            #expect(try await editor.send(.POST, "\(Self.org)/budget/2023/kopiera", form: ["csrf": token]).0 == .conflict, "2024 exists")

            let form = try await editor.send(.GET, "\(Self.org)/budget/2024/andra")
            var fields = try Browser.formFields(in: form.1, action: "\(Self.org)/budget/2024/andra")
            #expect(fields["title"] == "Budget 2024" && fields["line.0.name"] == "Styrelsen" && fields["line.0.amount"] == "-408695")
            let before = try await DatabaseFingerprint.take(app.db)
            #expect(try await editor.send(.POST, "\(Self.org)/budget/2024/andra", form: fields).2.first(name: .location)?.contains("oforandrad") == true)
            #expect(try await DatabaseFingerprint.take(app.db) == before, "an unchanged form writes nothing")

            var bad = fields
            bad["line.1.amount"] = "tjugo"
            let letters = try await editor.send(.POST, "\(Self.org)/budget/2024/andra", form: bad)
            #expect(letters.0 == .unprocessableEntity && letters.1.contains("Rad 2: Beloppet &quot;tjugo&quot; är inte ett heltal i kronor.") && letters.1.contains(#"value="tjugo""#))
            bad = fields
            bad["line.11.side"] = "cost"
            bad["line.11.costCentre"] = "12"
            bad["line.11.name"] = "Styrelsen igen"
            bad["line.11.amount"] = "-1"
            let duplicate = try await editor.send(.POST, "\(Self.org)/budget/2024/andra", form: bad)
            #expect(duplicate.0 == .unprocessableEntity && duplicate.1.contains("Kostnadsställe 12 finns redan bland kostnader."))
            #expect(try await DatabaseFingerprint.take(app.db) == before, "refusals write nothing")

            fields["line.0.amount"] = "-420 000"
            fields["line.11.side"] = "revenue"
            fields["line.11.costCentre"] = "90"
            fields["line.11.name"] = "Projektmedel"
            fields["line.11.amount"] = "120000"
            #expect(try await editor.send(.POST, "\(Self.org)/budget/2024/andra", form: fields).2.first(name: .location)?.contains("sparad") == true)
            let budget = try await app.getJSON("/api/v1/organisations/norrbottens-kommuner/budgets/2024", as: BudgetContent.self)
            #expect(budget.costs.first?.amount == -420_000 && budget.costs.first?.comparison == -408_695)
            #expect(budget.revenues.map(\.costCentre) == ["10", "80", "90"] && budget.result.amount == -1_400_000 - 420_000 + 408_695 + 120_000)
            #expect(budget.revision == 2 && budget.status == .proposal)
            #expect(budget.history.map(\.revision) == [2, 1] && budget.history.first?.changes == ["rader"] && budget.history.last?.changes == ["upprättad"])

            let missingDate = try await editor.send(.POST, "\(Self.org)/budget/2024/besluta", form: ["csrf": token, "adoptedBy": "Förbundsfullmäktige", "adoptedOn": ""])
            #expect(missingDate.0 == .unprocessableEntity && missingDate.1.contains(#"id="adoptedOn-error""#))
            let adopted = try await editor.send(.POST, "\(Self.org)/budget/2024/besluta",
                                                form: ["csrf": token, "adoptedBy": "Förbundsfullmäktige", "adoptedOn": "2023-11-23", "decisionReference": "§ 9"])
            #expect(adopted.2.first(name: .location)?.contains("beslutad") == true)
            #expect(try await editor.send(.POST, "\(Self.org)/budget/2024/andra", form: fields).0 == .conflict, "an adopted budget is not edited in place")
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["budget.create", "budget.update", "budget.adopt"]).all().map(\.action).sorted()
            #expect(audit == ["budget.adopt", "budget.create", "budget.update"])
            #expect(try await BudgetRevision.query(on: app.db).count() >= 3 + 2, "the demo's two and the three saves")

            var reader = Browser(app: app)
            #expect(try await reader.signIn("lasare@example.se", Factory.password) == .seeOther)
            #expect(try await reader.send(.GET, "\(Self.org)/budget/hantera").0 == .forbidden)
        }
    }

    @Test("The fee inputs: a missing population and a tax capacity of zero refused beside their fields; a forecast saved and shown with its source",
          arguments: Engine.enabled)
    func feeInputs(engine: Engine) async throws {
        try await withApp(engine) { app in
            var editor = try await Self.editor(app)
            let token = try #require(Browser.csrf(in: try await editor.send(.GET, "\(Self.org)/budget/hantera").1))
            _ = try await editor.send(.POST, "\(Self.org)/budget/2023/kopiera", form: ["csrf": token])
            let path = "\(Self.org)/budget/2024/medlemsavgifter/andra"
            var fields = try Browser.formFields(in: try await editor.send(.GET, path).1, action: path)
            #expect(fields["perMille"] == "0,34" && fields["pop.2580"] == "78867")
            let before = try await DatabaseFingerprint.take(app.db)
            var bad = fields
            bad["pop.2580"] = ""
            let missing = try await editor.send(.POST, path, form: bad)
            #expect(missing.0 == .unprocessableEntity && missing.1.contains(#"id="pop.2580-error">Skriv befolkningen i Luleå"#))
            bad = fields
            bad["taxCapacity"] = "0"
            let zero = try await editor.send(.POST, path, form: bad)
            #expect(zero.0 == .unprocessableEntity && zero.1.contains(#"id="taxCapacity-error">Medelskattekraften ska vara större än noll"#))
            #expect(try await DatabaseFingerprint.take(app.db) == before, "refusals write nothing")
            fields["taxCapacity"] = "250 100"
            fields["taxCapacityYear"] = "2024"
            fields["taxCapacityKind"] = "forecast"
            fields["taxCapacitySource"] = "SKR:s prognos"
            #expect(try await editor.send(.POST, path, form: fields).2.first(name: .location)?.contains("sparad") == true)
            let fees = try await app.getJSON("/api/v1/organisations/norrbottens-kommuner/budgets/2024/fees", as: FeeContent.self)
            #expect(fees.basis.taxCapacity == 250_100 && fees.basis.taxCapacityKind == .forecast)
            #expect(fees.table.members.map(\.ceiling).reduce(0, +) == fees.table.ceiling)
            #expect(try await app.get("\(Self.org)/budget/2024/medlemsavgifter").body.contains("(prognos). Källa: SKR:s prognos"))
        }
    }

    @Test("The organisation file carries budgets and revisions, round trip lossless; a bad budget is refused with its path", arguments: Engine.enabled)
    func file(engine: Engine) async throws {
        try await withApp(engine) { app in
            var editor = try await Self.editor(app)
            let token = try #require(Browser.csrf(in: try await editor.send(.GET, "\(Self.org)/budget/hantera").1))
            _ = try await editor.send(.POST, "\(Self.org)/budget/2023/kopiera", form: ["csrf": token])
            let file = try OrganisationExporter.encode(try await OrganisationExporter.export(slug: "norrbottens-kommuner", on: app.db))
            _ = try await OrganisationImporter.importFile(file, replace: true, on: app.db)
            #expect(try OrganisationExporter.encode(try await OrganisationExporter.export(slug: "norrbottens-kommuner", on: app.db)) == file)

            var json = try #require(try JSONSerialization.jsonObject(with: file) as? [String: Any])
            var finance = try #require(json["finance"] as? [String: Any])
            var budgets = try #require(finance["budgets"] as? [[String: Any]])
            var spec = try #require(budgets[1]["spec"] as? [String: Any])
            var fees = try #require(spec["fees"] as? [String: Any])
            fees["taxCapacity"] = 0
            spec["fees"] = fees
            budgets[1]["spec"] = spec
            finance["budgets"] = budgets
            json["finance"] = finance
            let broken = try JSONSerialization.data(withJSONObject: json)
            let before = try await DatabaseFingerprint.take(app.db)
            do {
                _ = try await OrganisationImporter.importFile(broken, replace: true, on: app.db)
                Issue.record("a tax capacity of zero was imported")
            } catch let error as ImportError {
                #expect(error.path == "finance.budgets[1].spec.fees.taxCapacity")
            }
            #expect(try await DatabaseFingerprint.take(app.db) == before)
        }
    }
}

/// The same work over the JSON API with a personal token: English refusals, the right statuses.
@Suite("Budgets over the API")
struct BudgetAPITests {
    @Test("Create a copy, replace its spec (a duplicate line 422, a stale revision 409), adopt it, then 409 on any change", arguments: Engine.enabled)
    func api(engine: Engine) async throws {
        try await withApp(engine) { app in
            _ = try await BudgetEditingTests.editor(app)
            let token = try await app.apiToken("ekonom@example.se")
            let base = "/api/v1/organisations/norrbottens-kommuner/budgets"
            #expect(try await app.api(.POST, base, token: token, body: #"{"year": 2024, "copyOf": 2022}"#).0 == .unprocessableEntity)
            let created = try await app.api(.POST, base, token: token, body: #"{"year": 2024, "copyOf": 2023}"#)
            #expect(created.0 == .created)
            #expect(try await app.api(.POST, base, token: token, body: #"{"year": 2024}"#).0 == .conflict, "2024 exists")
            var content = try JSONDecoder().decode(BudgetContent.self, from: Data(created.1.utf8))
            #expect(content.title == "Budget 2024" && content.status == .proposal && content.revision == 1)
            let spec = #"{"title": "Budget 2024", "lines": [{"side": "cost", "costCentre": "12", "name": "Styrelsen", "amount": -400000}, "#
                + #"{"side": "revenue", "costCentre": "80", "name": "Finansiering", "amount": 400000}], "financingCostCentre": "80"}"#
            let duplicate = #"{"title": "Budget 2024", "lines": [{"side": "cost", "costCentre": "12", "name": "A", "amount": -1}, {"side": "cost", "costCentre": "12", "name": "B", "amount": -2}]}"#
            let refused = try await app.api(.PUT, "\(base)/2024", token: token, body: #"{"spec": \#(duplicate)}"#)
            #expect(refused.0 == .unprocessableEntity && refused.1.contains("lines[1].costCentre"))
            #expect(try await app.api(.PUT, "\(base)/2024", token: token, body: #"{"spec": {"title": "x", "lines": [{"side": "cost", "costCentre": "12", "name": "A", "amount": "tusen"}]}}"#).0 == .badRequest,
                    "a non-numeric amount")
            #expect(try await app.api(.PUT, "\(base)/2024", token: token, body: #"{"spec": \#(spec), "revision": 7}"#).0 == .conflict, "a stale revision")
            let saved = try await app.api(.PUT, "\(base)/2024", token: token, body: #"{"spec": \#(spec), "revision": 1}"#)
            content = try JSONDecoder().decode(BudgetContent.self, from: Data(saved.1.utf8))
            #expect(saved.0 == .ok && content.result.amount == 0 && content.revision == 2)
            #expect(try await app.api(.POST, "\(base)/2024/adoption", token: token, body: #"{"adoptedBy": "Förbundsfullmäktige", "adoptedOn": "2023-11-31"}"#).0 == .unprocessableEntity)
            #expect(try await app.api(.POST, "\(base)/2024/adoption", token: token, body: #"{"adoptedBy": "Förbundsfullmäktige", "adoptedOn": "2023-11-30"}"#).0 == .noContent)
            #expect(try await app.api(.PUT, "\(base)/2024", token: token, body: #"{"spec": \#(spec)}"#).0 == .conflict, "an adopted budget is not edited in place")
            let reader = try await app.apiToken("lasare@example.se")
            #expect(try await app.api(.POST, base, token: reader, body: #"{"year": 2030}"#).0 == .forbidden)
        }
    }
}
