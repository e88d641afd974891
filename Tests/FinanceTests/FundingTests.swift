import AppTestSupport
@testable import Auth
import Core
@testable import Finance
import Fluent
import Foundation
@testable import Mail
@testable import Organisation
import SamsynApp
import Testing
import Vapor

/// External funding: kept in a form and over the API, shown on its pages, on its goal area's page
/// and in the budget's financing per cost centre, its reporting deadlines reminded by e-mail.
@Suite("External funding")
struct FundingTests {
    static let org = "/o/norrbottens-kommuner"
    static let plan = "verksamhetsplan-2023"
    static let yrkesresan = "implementera-yrkesresan-en-nationell-satsning-for-lokal"

    static func moment(_ day: String) -> Date { ISO8601DateFormatter().date(from: "\(day)T10:00:00Z")! }

    static let form: [String: String] = [
        "title": "Validering i länet", "key": "", "funder": "skolverket", "programme": "Statsbidrag för regional samverkan", "amount": "500 000",
        "startsOn": "2023-01-01", "endsOn": "2024-12-31", "byYear": "2023: 250 000\n2024: 250 000", "costCentre": "16",
        "projects": "", "deadlines": "2024-01-31; Delrapport till Skolverket; 10", "contact": "", "summary": "", "example": "",
    ]

    @Test("A funding added in the form (a refusal keeps the input beside its field), unchanged saves write nothing, pages and the budget show it, removal",
          arguments: Engine.enabled)
    func keeping(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            var editor = try await BudgetEditingTests.editor(app)
            let newPath = "\(Self.org)/budget/hantera/finansiering/ny"
            let page = try await editor.send(.GET, newPath)
            #expect(page.0 == .ok && page.1.contains("Ny extern finansiering") && page.1.contains(Self.yrkesresan))
            let csrf = try #require(Browser.csrf(in: page.1))
            var fields = Self.form
            fields["csrf"] = csrf
            fields["programme"] = ""
            let refused = try await editor.send(.POST, newPath, form: fields)
            #expect(refused.0 == .unprocessableEntity && refused.1.contains("Skriv finansieringens program eller utlysning.") && refused.1.contains(#"value="Validering i länet""#))
            fields["programme"] = "Statsbidrag för regional samverkan"
            fields["funder"] = "finns-inte"
            #expect(try await editor.send(.POST, newPath, form: fields).1.contains("Välj finansiären bland registrets organisationer."))
            fields["funder"] = "skolverket"
            fields["byYear"] = "2023: 400 000\n2024: 400 000"
            #expect(try await editor.send(.POST, newPath, form: fields).1.contains("Beloppen per år är tillsammans större än det beviljade beloppet."))
            fields["byYear"] = Self.form["byYear"]
            var pairs = fields.map { (name: $0.key, value: $0.value) }
            pairs.append((name: "activities.0", value: "\(Self.plan)/\(Self.yrkesresan)"))
            let saved = try await editor.send(.POST, newPath, pairs: pairs)
            #expect(saved.2.first(name: .location) == "\(Self.org)/budget/hantera/finansiering?klart=sparad")
            let funding = try #require(try await Funding.query(on: app.db).filter(\.$key == "validering-i-lanet").first())
            #expect(funding.spec.activities == [.init(document: Self.plan, lineage: Self.yrkesresan)] && funding.spec.amount == 500_000)
            #expect(funding.spec.deadlines == [.init(on: "2024-01-31", what: "Delrapport till Skolverket", remindDaysBefore: 10)])

            let editPath = "\(Self.org)/budget/hantera/finansiering/validering-i-lanet"
            let edit = try Browser.formFields(in: try await editor.send(.GET, editPath).1, action: editPath)
            #expect(edit["byYear"] == "2023: \(Formatting.thousands(250_000))\n2024: \(Formatting.thousands(250_000))")
            let before = try await DatabaseFingerprint.take(app.db)
            let unchanged = try await editor.send(.POST, editPath, pairs: edit.map { (name: $0.key, value: $0.value) })
            #expect(unchanged.2.first(name: .location)?.hasSuffix("klart=oforandrad") == true)
            #expect(try await DatabaseFingerprint.take(app.db) == before, "an unchanged form writes nothing")

            let list = try await app.get("\(Self.org)/budget/extern-finansiering").body
            #expect(list.contains("Validering i länet") && list.contains("Skolverket") && list.contains(Formatting.thousands(500_000)))
            let one = try await app.get("\(Self.org)/budget/extern-finansiering/validering-i-lanet").body
            #expect(one.contains("Implementera Yrkesresan") && one.contains("2024-01-31") && one.contains("Delrapport till Skolverket"))
            // Yrkesresan is a key activity of the goal area Jämlik välfärd.
            let area = try await app.get("\(Self.org)/dokument/\(Self.plan)/jamlik-valfard").body
            #expect(area.contains("Extern finansiering") && area.contains("Validering i länet") && area.contains("Ingen budgetrad är kopplad till målområdet"))
            let otherArea = try await app.get("\(Self.org)/dokument/\(Self.plan)/strategisk-kompetensforsorjning").body
            #expect(otherArea.contains("Ingen extern finansiering är knuten till nyckelaktiviteterna här."), "no split is invented for an area without funding")
            let financing = try await app.getJSON("/api/v1/organisations/norrbottens-kommuner/budgets/2023/financing", as: FinancingContent.self)
            let line = try #require(financing.lines.first { $0.costCentre == "16" })
            #expect(line == .init(costCentre: "16", name: "Utbildning och arbetsmarknad", cost: 216_000, external: 250_000, byMembers: -34_000,
                                  fundings: ["validering-i-lanet"], goalArea: nil))
            #expect(financing.lines.filter { $0.costCentre != "16" }.allSatisfy { $0.external == 0 && $0.byMembers == $0.cost })
            #expect(try await app.get("\(Self.org)/budget/2023").body.contains("Finansiering per kostnadsställe"))

            let remove = "\(editPath)/ta-bort"
            #expect(try await editor.send(.GET, remove).1.contains("Ta bort Validering i länet"))
            #expect(try await editor.send(.POST, remove, form: ["csrf": csrf]).2.first(name: .location)?.hasSuffix("klart=borttagen") == true)
            #expect(try await Funding.query(on: app.db).count() == 0)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["funding.create", "funding.update", "funding.delete"]).all().map(\.action).sorted()
            #expect(audit == ["funding.create", "funding.delete"])

            var reader = Browser(app: app)
            #expect(try await reader.signIn("lasare@example.se", Factory.password) == .seeOther)
            #expect(try await reader.send(.GET, newPath).0 == .forbidden)
        }
    }

    @Test("Over the API: created, replaced, removed; an unknown funder, a taken key and a reader's token refused", arguments: Engine.enabled)
    func api(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            _ = try await BudgetEditingTests.editor(app)
            let token = try await app.apiToken("ekonom@example.se")
            let path = "/api/v1/organisations/norrbottens-kommuner/fundings"
            let spec = #"{"title":"Mikromeriter","funder":"uhr","programme":"Utlysning","amount":100000,"startsOn":"2023-01-01","endsOn":"2023-12-31","byYear":[{"year":2023,"amount":100000}]}"#
            let created = try await app.api(.POST, path, token: token, body: #"{"key":"mikromeriter","spec":\#(spec)}"#)
            #expect(created.0 == .created && created.1.contains(#""name":"Universitets- och högskolerådet (UHR)""#))
            #expect(try await app.api(.POST, path, token: token, body: #"{"key":"mikromeriter","spec":\#(spec)}"#).0 == .conflict)
            let unknown = try await app.api(.POST, path, token: token, body: #"{"spec":\#(spec.replacingOccurrences(of: "\"uhr\"", with: "\"nobody\""))}"#)
            #expect(unknown.0 == .unprocessableEntity && unknown.1.contains("funder: \\\"nobody\\\" is no organisation of the registry"))
            let replaced = try await app.api(.PUT, "\(path)/mikromeriter", token: token, body: #"{"spec":\#(spec.replacingOccurrences(of: "100000", with: "120000"))}"#)
            #expect(replaced.0 == .ok && replaced.1.contains(#""amount":120000"#))
            let reader = try await app.apiToken("lasare@example.se")
            #expect(try await app.api(.DELETE, "\(path)/mikromeriter", token: reader).0 == .forbidden)
            #expect(try await app.api(.DELETE, "\(path)/mikromeriter", token: nil).0 == .unauthorized)
            #expect(try await app.api(.DELETE, "\(path)/mikromeriter", token: token).0 == .noContent)
            #expect(try await app.api(.GET, "\(path)/mikromeriter", token: nil).0 == .notFound)
        }
    }

    @Test("Deadlines reminded once, from the days before until the day, not when reported; the mail reaches a real SMTP server",
          .enabled(if: TestSMTPServer.available), arguments: Engine.enabled)
    func reminders(engine: Engine) async throws {
        let server = try TestSMTPServer()
        defer { server.stop() }
        try await withApp(engine) { app in
            _ = try await BudgetEditingTests.editor(app)
            // The demo's example grants: Yrkesresan's report of 2024-03-31 is reminded 21 days ahead.
            #expect(try await FundingReminders.enqueueDue(at: Self.moment("2024-03-09"), publicURL: "https://samsyn.example", on: app.db) == 0)
            #expect(try await FundingReminders.enqueueDue(at: Self.moment("2024-03-10"), publicURL: "https://samsyn.example", on: app.db) == 1)
            #expect(try await FundingReminders.enqueueDue(at: Self.moment("2024-03-20"), publicURL: "https://samsyn.example", on: app.db) == 0, "once")
            #expect(try await FundingReminders.enqueueDue(at: Self.moment("2023-09-20"), publicURL: "https://samsyn.example", on: app.db) == 0,
                    "a report marked as sent is not reminded")
            let sent = try await MailSender(client: SMTPClient(settings: server.settings())).sendDue(on: app.db, group: app.eventLoopGroup)
            #expect(sent.sent == 1)
            let message = try #require(try server.messages().first)
            #expect(message.to == ["ekonom@example.se"])
            #expect(message.data.contains("Subject: =?UTF-8?B?\(Data("Påminnelse: Ekonomisk redovisning för 2023 senast 2024-03-31".utf8).base64EncodedString())?="))
            let encoded = message.data.components(separatedBy: "\r\n\r\n").dropFirst().joined().replacingOccurrences(of: "\r\n", with: "")
            let body = String(decoding: Data(base64Encoded: encoded.trimmingCharacters(in: CharacterSet(charactersIn: ".\r\n"))) ?? Data(), as: UTF8.self)
            #expect(body.contains("https://samsyn.example/o/norrbottens-kommuner/budget/extern-finansiering/yrkesresan-norrbotten"), "\(message.data)")
            // Exported and imported again, the sent reminder is remembered.
            let file = try await OrganisationExporter.export(slug: "norrbottens-kommuner", on: app.db)
            let finance = try #require(file.content(FinanceSection.Content.self)?.finance)
            #expect(finance.fundings?.first { $0.key == "yrkesresan-norrbotten" }?.reminders?.map(\.deadline) == ["2024-03-31"])
        }
    }

    @Test("The organisation file carries outcomes, forecasts and funding with its sent reminders, round trip lossless; bad entries refused by path",
          arguments: Engine.enabled)
    func file(engine: Engine) async throws {
        try await withApp(engine) { app in
            let exported = try await OrganisationExporter.export(slug: "norrbottens-kommuner", on: app.db)
            let file = try OrganisationExporter.encode(exported)
            let finance = try #require(exported.content(FinanceSection.Content.self)?.finance)
            #expect(finance.outcomes?.count == 71 && finance.outcomes?.allSatisfy { $0.example == true } == true, "the demo's example books")
            #expect(finance.forecasts?.count == 13 && finance.fundings?.map(\.key) == ["inkluderande-samhallsplanering", "vald-i-nara-relation-2023", "yrkesresan-norrbotten"])
            _ = try await OrganisationImporter.importFile(file, replace: true, on: app.db)
            #expect(try OrganisationExporter.encode(try await OrganisationExporter.export(slug: "norrbottens-kommuner", on: app.db)) == file)

            let before = try await DatabaseFingerprint.take(app.db)
            func refused(_ change: (inout [String: Any]) -> Void) async throws -> String? {
                var json = try #require(try JSONSerialization.jsonObject(with: file) as? [String: Any])
                var section = try #require(json["finance"] as? [String: Any])
                change(&section)
                json["finance"] = section
                do {
                    _ = try await OrganisationImporter.importFile(try JSONSerialization.data(withJSONObject: json), replace: true, on: app.db)
                    return nil
                } catch let error as ImportError { return error.path }
            }
            #expect(try await refused { section in
                var outcomes = section["outcomes"] as! [[String: Any]]
                outcomes[0]["costCentre"] = "77"
                section["outcomes"] = outcomes
            } == "finance.outcomes[0].costCentre")
            #expect(try await refused { section in
                var fundings = section["fundings"] as! [[String: Any]]
                var spec = fundings[0]["spec"] as! [String: Any]
                spec["activities"] = [["document": "verksamhetsplan-2023", "lineage": "finns-inte"]]
                fundings[0]["spec"] = spec
                section["fundings"] = fundings
            } == "finance.fundings[0].spec.activities[0]")
            #expect(try await refused { section in
                var fundings = section["fundings"] as! [[String: Any]]
                var spec = fundings[1]["spec"] as! [String: Any]
                spec["funder"] = "finns-inte"
                fundings[1]["spec"] = spec
                section["fundings"] = fundings
            } == "finance.fundings[1].spec.funder")
            #expect(try await DatabaseFingerprint.take(app.db) == before, "a refused file writes nothing")
        }
    }

    @Test("Cost lines linked to goal areas: the goal area's page says what the member fees carry there, a line without a link is not split; form, API and file",
          arguments: Engine.enabled)
    func goalAreas(engine: Engine) async throws {
        try await withApp(engine) { app in
            let area = try await app.get("\(Self.org)/dokument/\(Self.plan)/jamlik-valfard").body
            #expect(area.contains("<h2>Finansiering</h2>") && area.contains("kopplingen är demonstrationens egen läsning av budgeten"))
            #expect(area.contains("15 Social välfärd, kostnad \(Formatting.thousands(190_000)) kronor, varav externa medel \(Formatting.thousands(90_000)) "
                                  + "och medlemsavgifter m.m. \(Formatting.thousands(100_000)) kronor."))
            let financing = try await app.getJSON("/api/v1/organisations/norrbottens-kommuner/budgets/2023/financing", as: FinancingContent.self)
            #expect(financing.lines.compactMap(\.goalArea?.title) == ["Jämlik välfärd", "Strategisk kompetensförsörjning", "Hållbar samhällsutveckling och tillväxt"])
            #expect(financing.lines.first { $0.costCentre == "14" }?.goalArea == nil, "the staff's line serves no one goal area and is not split")

            var editor = try await BudgetEditingTests.editor(app)
            let path = "\(Self.org)/budget/2023/malomraden"
            var fields = try Browser.formFields(in: try await editor.send(.GET, path).1, action: path)
            #expect(fields["goal.15"] == "\(Self.plan)/jamlik-valfard" && fields["goal.14"] == "")
            let before = try await DatabaseFingerprint.take(app.db)
            #expect(try await editor.send(.POST, path, form: fields).2.first(name: .location)?.hasSuffix("klart=oforandrad") == true)
            #expect(try await DatabaseFingerprint.take(app.db) == before, "an unchanged form writes nothing")
            fields["goal.17"] = ""
            fields["goal.23"] = "\(Self.plan)/finns-inte"
            let refused = try await editor.send(.POST, path, form: fields)
            #expect(refused.0 == .unprocessableEntity && refused.1.contains("Välj ett målområde i en publicerad plan."))
            fields["goal.23"] = ""
            #expect(try await editor.send(.POST, path, form: fields).2.first(name: .location)?.hasSuffix("klart=sparad") == true)
            let growth = try await app.get("\(Self.org)/dokument/\(Self.plan)/hallbar-samhallsutveckling-och-tillvaxt").body
            #expect(growth.contains("Ingen budgetrad är kopplad till målområdet"), "unlinked, the area invents no share")

            let token = try await app.apiToken("ekonom@example.se")
            let api = "/api/v1/organisations/norrbottens-kommuner/budgets/2023/goal-areas"
            let bad = try await app.api(.PUT, api, token: token, body: #"{"lines":[{"costCentre":"80","document":"verksamhetsplan-2023","lineage":"jamlik-valfard"}]}"#)
            #expect(bad.0 == .unprocessableEntity && bad.1.contains("lines[0].costCentre: is no cost line of the budget"))
            let set = try await app.api(.PUT, api, token: token, body: #"{"lines":[{"costCentre":"17","document":"verksamhetsplan-2023","lineage":"hallbar-samhallsutveckling-och-tillvaxt"}]}"#)
            #expect(set.0 == .ok && set.1.contains(#""title":"Hållbar samhällsutveckling och tillväxt""#))
            let file = try await OrganisationExporter.export(slug: "norrbottens-kommuner", on: app.db)
            #expect(file.content(FinanceSection.Content.self)?.finance?.lineGoals?.map(\.costCentre) == ["17"])
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "line-goals.update").count()
            #expect(audit == 2)
        }
    }
}
