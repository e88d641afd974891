import AppTestSupport
@testable import Auth
import Fluent
@testable import FollowUp
import Foundation
@testable import Organisation
import SamsynApp
import SQLKit
import Testing
import Vapor

/// Indicators kept by editors in the browser and over the API, the refusals, and the proposal
/// that uses them.
@Suite("Indicators: forms, API and the proposal")
struct IndicatorEditingTests {
    typealias F = FollowUpFixture

    static let indicatorForm = ["goal": "", "title": "Deltagare i nätverken", "unit": "antal", "direction": "higher", "aggregate": "sum",
                                "baselineValue": "120", "baselineYear": "2022", "kpi": "", "source": "Förbundets närvarolistor", "targets": "2023: 150\n2024: 160,5"]

    @Test("An editor adds, changes, types values and removes; refusals keep the input beside the field; unchanged changes nothing",
          arguments: Engine.enabled)
    func forms(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            let goal = fixture.tree.goals.first { !$0.children.isEmpty && fixture.tree.isActivity($0.children[0]) }!
            var editor = try await fixture.browser(F.editor)
            let form = Self.indicatorForm.merging(["goal": goal.lineage]) { $1 }
            let list = F.path("/indikatorer")

            let untitled = try await F.post(&editor, F.path("/indikatorer/ny"), form.merging(["title": ""]) { $1 })
            #expect(untitled.0 == .unprocessableEntity && untitled.1.contains("Ange en titel") && untitled.1.contains("Förbundets närvarolistor"))
            let badKPI = try await F.post(&editor, F.path("/indikatorer/ny"), form.merging(["kpi": "X1"]) { $1 })
            #expect(badKPI.0 == .unprocessableEntity && badKPI.1.contains("en bokstav och fem siffror"))
            let badTarget = try await F.post(&editor, F.path("/indikatorer/ny"), form.merging(["targets": "2023: 150\ntjugo"]) { $1 })
            #expect(badTarget.0 == .unprocessableEntity && badTarget.1.contains("Rad 2 är inte ett år och ett tal") && badTarget.1.contains("tjugo"))
            let activity = try await F.post(&editor, F.path("/indikatorer/ny"), form.merging(["goal": fixture.activities[0].lineage]) { $1 })
            #expect(activity.0 == .unprocessableEntity, "a key activity is not a goal")
            #expect(try await Indicator.query(on: app.db).count() == 1, "only the demo's own indicator; nothing written by the refusals")

            let added = try await F.post(&editor, F.path("/indikatorer/ny"), form)
            #expect(added.0 == .seeOther && added.2.first(name: .location) == list + "?klart=tillagd")
            #expect(try await editor.send(.GET, list + "?klart=tillagd").1.contains("Indikatorn är tillagd."))
            let key = "deltagare-i-natverken"
            let indicator = try #require(try await Indicator.query(on: app.db).filter(\.$key == key).first())
            #expect(indicator.lineage == goal.lineage && indicator.aggregate == .sum && indicator.source == "Förbundets närvarolistor")
            #expect(try await IndicatorWork.spec(of: indicator, on: app.db).targets == [2023: 150, 2024: 160.5])

            let edit = F.path("/indikatorer/\(key)/andra")
            let (_, editPage, _) = try await editor.send(.GET, edit)
            #expect(editPage.contains("2023: 150\n2024: 160,5") || editPage.contains("2023: 150&#10;2024: 160,5") || editPage.contains("2023: 150\r\n2024: 160,5"))
            var unchanged = form
            unchanged.removeValue(forKey: "goal")
            #expect(try await F.post(&editor, edit, unchanged).2.first(name: .location) == list + "?klart=oforandrad")
            #expect(try await F.post(&editor, edit, unchanged.merging(["targets": "2023: 140"]) { $1 }).2.first(name: .location) == list + "?klart=sparad")

            let values = F.path("/indikatorer/\(key)/varden")
            let fields = ["period": "2023", "area-2580": "80", "area-2584": "12,5", "area-org": "150"]
            #expect(try await F.post(&editor, values, fields).2.first(name: .location) == list + "?klart=varden")
            #expect(try await F.post(&editor, values, fields).2.first(name: .location) == list + "?klart=oforandrad")
            let notANumber = try await F.post(&editor, values, fields.merging(["area-2580": "åttio"]) { $1 })
            #expect(notANumber.0 == .unprocessableEntity && notANumber.1.contains("Skriv värdet som ett tal") && notANumber.1.contains("åttio"))
            #expect(try await editor.send(.GET, values + "?period=2023").1.contains("value=\"12,5\""))
            var reader = Browser(app: app)
            let page = try await reader.send(.GET, F.path("/indikatorer/\(key)")).1
            #expect(page.contains("<tr><th scope=\"row\">2023</th><td class=\"number\">150</td><td class=\"number\">140</td></tr>"),
                    "the organisation's own value is the trend, against the changed target")

            let kolada = try await F.post(&editor, F.path("/indikatorer/invanare-totalt/varden"), ["period": "2023", "area-2580": "1"])
            #expect(kolada.0 == .conflict, "a Kolada indicator's values come from Kolada")

            var other = try await fixture.browser(F.reader)
            #expect(try await F.post(&other, F.path("/indikatorer/ny"), form).0 == .forbidden)
            #expect(try await F.post(&other, values, fields).0 == .forbidden)
            var stranger = try await fixture.browser(F.stranger)
            #expect(try await F.post(&stranger, F.path("/indikatorer/\(key)/ta-bort"), ["confirmed": "ja"]).0 == .forbidden)

            #expect(try await F.post(&editor, F.path("/indikatorer/\(key)/ta-bort"), ["confirmed": "ja"]).2.first(name: .location) == list + "?klart=borttagen")
            #expect(try await Indicator.query(on: app.db).filter(\.$key == key).count() == 0)
            #expect(try await IndicatorValue.query(on: app.db).count() == 0, "values went with it")
            #expect(try await IndicatorTarget.query(on: app.db).count() == 0, "targets too")
            let actions = try await AuditEntry.query(on: app.db).filter(\.$action ~~ ["indicator.create", "indicator.update", "indicator.values", "indicator.delete"])
                .all().map(\.action)
            #expect(actions.sorted() == ["indicator.create", "indicator.delete", "indicator.update", "indicator.values"], "one entry per change, none for unchanged saves")
        }
    }

    @Test("The API reads indicators publicly; an editor's token adds, replaces, removes and imports Kolada files; others are refused",
          arguments: Engine.enabled)
    func api(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            let base = "/api/v1/organisations/\(F.org)/documents/\(F.doc)/indicators"
            let token = fixture.token
            func send(_ method: HTTPMethod, _ path: String, _ token: String?, _ body: String? = nil) async throws -> (HTTPStatus, String, HTTPHeaders) {
                try await fixture.send(method, path, token, body)
            }
            let listed = try await send(.GET, base, nil)
            #expect(listed.0 == .ok && listed.1.contains(#""key":"invanare-totalt""#) && listed.1.contains(#""kpi":"N01951""#))
            let population = try JSONSerialization.jsonObject(with: Data(try await send(.GET, base + "/invanare-totalt", nil).1.utf8)) as! [String: Any]
            let trend = (population["trend"] as! [String: Any])["values"] as! [[String: Any]]
            #expect(trend.map { $0["value"] as! Double } == [249_693, 248_480, 248_943], "the members' sum per year, as the page's table shows")

            let (editor, reader, stranger) = (try await token(F.editor), try await token(F.reader), try await token(F.stranger))
            let goal = fixture.tree.goals[1].lineage
            let body = #"{"lineage":"\#(goal)","title":"Andel nöjda deltagare","unit":"procent","direction":"higher","targets":[{"year":2023,"value":80}],"values":[{"area":"org","period":"2023","value":84}]}"#
            #expect(try await send(.POST, base, nil, body).0 == .unauthorized)
            #expect(try await send(.POST, base, reader, body).0 == .forbidden)
            #expect(try await send(.POST, base, stranger, body).0 == .forbidden)
            #expect(try await send(.POST, base, editor, body.replacingOccurrences(of: "higher", with: "upp")).0 == .badRequest)
            let badArea = try await send(.POST, base, editor, body.replacingOccurrences(of: #""area":"org""#, with: #""area":"0180""#))
            #expect(badArea.0 == .unprocessableEntity && badArea.1.contains("0180"), "Stockholm is not a member")
            let created = try await send(.POST, base, editor, body)
            #expect(created.0 == .created && created.2.first(name: .location) == base + "/andel-nojda-deltagare")
            let createdTrend = (try JSONSerialization.jsonObject(with: Data(created.1.utf8)) as? [String: Any])?["trend"] as? [String: Any]
            #expect(createdTrend?["label"] as? String == "Hela organisationen", "the organisation's own value is its trend")
            let audits = try await AuditEntry.query(on: app.db).count()
            let replaced = try await send(.PUT, base + "/andel-nojda-deltagare", editor, body)
            let auditsAfter = try await AuditEntry.query(on: app.db).count()
            #expect(replaced.0 == .ok && auditsAfter == audits, "unchanged input changes nothing")
            let changed = try await send(.PUT, base + "/andel-nojda-deltagare", editor, body.replacingOccurrences(of: #""value":84"#, with: #""value":86"#))
            let changedValues = (try JSONSerialization.jsonObject(with: Data(changed.1.utf8)) as? [String: Any])?["values"] as? [[String: Any]]
            #expect(changed.0 == .ok && changedValues?.first?["value"] as? Double == 86)
            #expect(try await send(.PUT, base + "/andel-nojda-deltagare", editor, body.replacingOccurrences(of: goal, with: fixture.tree.goals[2].lineage)).0 == .unprocessableEntity)
            #expect(try await send(.DELETE, base + "/andel-nojda-deltagare", reader).0 == .forbidden)
            #expect(try await send(.DELETE, base + "/andel-nojda-deltagare", editor).0 == .noContent)
            #expect(try await send(.GET, base + "/andel-nojda-deltagare", nil).0 == .notFound)

            let imports = "/api/v1/organisations/\(F.org)/kolada-imports"
            let pages = try ["v3-data-page-1.json", "v3-data-page-2.json"].map { String(decoding: try KoladaImportTests.fixture($0).data, as: UTF8.self) }
            let both = "[" + pages.joined(separator: ",") + "]"
            #expect(try await send(.POST, imports, reader, both).0 == .forbidden)
            let report = { (body: String) in try JSONSerialization.jsonObject(with: Data(body.utf8)) as! [String: Any] }
            let first = try await send(.POST, imports, editor, both)
            let added = try report(first.1)["added"] as? Int ?? 0
            #expect(first.0 == .ok && added > 0)
            let again = try await send(.POST, imports, editor, both)
            let second = try report(again.1)
            #expect(again.0 == .ok && ["added", "changed", "deleted"].allSatisfy { second[$0] as? Int == 0 } && (second["unchanged"] as? Int ?? 0) > 0,
                    "a re-import changes nothing")
            let broken = String(decoding: try KoladaImportTests.fixture("malformed.json").data, as: UTF8.self)
            let values = try await koladaRows(app.db)
            let refused = try await send(.POST, imports, editor, "[" + pages[0] + "," + broken + "]")
            #expect(refused.0 == .unprocessableEntity && refused.1.contains("row 2") && refused.1.contains("municipality"))
            #expect(try await koladaRows(app.db) == values, "nothing written")
        }
    }

    @Test("The proposal counts a goal's indicators with a value and a target for the period's year", arguments: Engine.enabled)
    func proposal(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            let tree = fixture.tree
            let goal = tree.goals.first { !$0.children.isEmpty && tree.isActivity($0.children[0]) }!
            let indicator = try await IndicatorWork.add(.init(title: "Träffar", unit: "antal", direction: .higher, targets: [2023: 50],
                                                              values: [IndicatorValue.organisation: ["2023": 40]]),
                                                        to: goal.lineage, of: tree, organisationID: fixture.organisationID, actor: .commandLine, on: app.db)
            let period = try await FollowUpWork.openPeriod(.init(name: "Helår 2023", endsOn: "2023-12-31", deadline: "2024-01-31", remindDaysBefore: nil), for: tree,
                                                           organisationID: fixture.organisationID, actor: .commandLine, on: app.db)
            for activity in tree.activities(under: goal) {
                _ = try await FollowUpWork.report(.init(status: .done, progress: 100, comment: ""), lineage: activity.lineage, in: period, tree: tree,
                                                  expectedRevision: 0, actor: .commandLine, on: app.db)
            }
            let organisation = try #require(try await OrganisationRecord.find(fixture.organisationID, on: app.db))
            func proposal() async throws -> FulfilmentRule.Proposal {
                let contents = try await PeriodQuery.contents([period], on: app.db)
                let indicators = try await IndicatorQuery.contents(organisation, document: F.doc, on: app.db)
                return Dashboard(tree: tree, periods: contents, selectedKey: period.key, indicators: indicators).proposal(goal)
            }
            let missed = try await proposal()
            #expect(missed.rule == 3 && missed.verdict == .notAchieved && missed.basis.contains("0 av 1 indikator har nått målvärdet för 2023"),
                    "every activity done, but the indicator fell short")
            _ = try await IndicatorWork.setValues([IndicatorValue.organisation: 55], period: "2023", of: indicator, tree: tree, actor: .commandLine, on: app.db)
            let reached = try await proposal()
            #expect(reached.rule == 5 && reached.verdict == .achieved && reached.basis.contains("1 av 1 indikator har nått målvärdet för 2023"))
        }
    }
}

func koladaRows(_ db: any Database) async throws -> Int {
    struct Count: Decodable { let n: Int }
    return try await (db as! any SQLDatabase).raw("SELECT COUNT(*) AS n FROM \(ident: KoladaTables.values)").first(decoding: Count.self)!.n
}
