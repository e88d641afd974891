import AppTestSupport
@testable import Auth
import Fluent
@testable import FollowUp
import Foundation
@testable import Organisation
import SamsynApp
import Testing
import Vapor

/// Who may report, assess, open and close: refusals in the browser and over the API.
@Suite("Follow-up: who may do what")
struct FollowUpAccessTests {
    typealias F = FollowUpFixture

    @Test("A reader cannot report; a reporter reports only their own activities; another organisation's editor nothing", arguments: Engine.enabled)
    func refusals(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            let own = fixture.activities[0], other = fixture.activities[1]
            var editor = try await fixture.browser(F.editor)
            #expect(try await F.post(&editor, F.path("/perioder/ny"), ["name": "Tertial 1 2023", "endsOn": "2023-04-30", "deadline": "2023-05-15"]).0 == .seeOther)
            let assigned = try await F.post(&editor, F.path("/rapportorer"), [own.lineage: F.reporter])
            #expect(assigned.0 == .seeOther)
            let refusedPerson = try await F.post(&editor, F.path("/rapportorer"), [other.lineage: F.stranger])
            #expect(refusedPerson.0 == .unprocessableEntity && refusedPerson.1.contains("har ingen roll i organisationen"))

            let report = { (item: FollowedTree.Item) in F.path("/perioder/tertial-1-2023/rapport/\(item.lineage)") }
            let fields = ["status": "ongoing", "progress": "10", "comment": "", "revision": "0"]
            var reader = try await fixture.browser(F.reader)
            #expect(try await reader.send(.GET, report(own)).0 == .forbidden)
            #expect(try await F.post(&reader, report(own), fields).0 == .forbidden)
            var reporter = try await fixture.browser(F.reporter)
            #expect(try await F.post(&reporter, report(own), fields).0 == .seeOther, "the assigned reporter reports")
            #expect(try await F.post(&reporter, report(other), fields).0 == .forbidden, "but not another's activity")
            #expect(try await F.post(&reporter, F.path("/perioder/tertial-1-2023/stang"), ["confirmed": "ja"]).0 == .forbidden)
            #expect(try await F.post(&reporter, F.path("/perioder/tertial-1-2023/bedomning/\(fixture.tree.roots[0].lineage)"),
                                     ["verdict": "achieved", "motivation": "x", "revision": "0"]).0 == .forbidden)
            var stranger = try await fixture.browser(F.stranger)
            for path in [report(own), F.path("/perioder/ny"), F.path("/perioder/tertial-1-2023/stang"), F.path("/rapportorer")] {
                #expect(try await F.post(&stranger, path, fields).0 == .forbidden, "\(path)")
            }
            #expect(try await stranger.send(.GET, "/o/annat-forbund/uppfoljning/\(F.doc)/perioder").0 == .notFound, "no such document there")
            #expect(try await ActivityReport.query(on: app.db).count() == 1)
            #expect(try await ReportingPeriod.query(on: app.db).filter(\.$state == .open).count() == 1)
        }
    }

    @Test("Period templates: saved and used, unchanged changes nothing, a day that does not exist is refused beside its field", arguments: Engine.enabled)
    func templates(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            let path = "/o/\(F.org)/admin/uppfoljning"
            var editor = try await fixture.browser(F.editor)
            let form = ["name0": "Kvartal 1", "ends0": "03-31", "deadline0": "10", "remind0": "3", "name1": "Helår", "ends1": "12-31", "deadline1": "30", "remind1": ""]
            let saved = try await F.post(&editor, path, form)
            #expect(saved.0 == .seeOther && saved.2.first(name: .location) == path + "?klart=mallar")
            #expect(try await editor.send(.GET, path + "?klart=mallar").1.contains("Periodmallarna är sparade."))
            #expect(try await F.post(&editor, path, form).2.first(name: .location) == path + "?klart=oforandrad")
            let refused = try await F.post(&editor, path, form.merging(["ends1": "02-30"]) { $1 })
            #expect(refused.0 == .unprocessableEntity && refused.1.contains("Ange en dag som finns") && refused.1.contains("value=\"02-30\""))
            let (_, newPeriod, _) = try await editor.send(.GET, F.path("/perioder/ny"))
            #expect(newPeriod.contains("value=\"Kvartal 1 2023\"") && newPeriod.contains("value=\"2023-03-31\"") && newPeriod.contains("value=\"2023-04-10\""))
            var reader = try await fixture.browser(F.reader)
            #expect(try await F.post(&reader, path, form).0 == .forbidden)
            #expect(try await PeriodTemplate.query(on: app.db).count() == 2)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "periods.templates").count() == 1)
        }
    }

    @Test("The API: a token of another organisation or a reader cannot write; the editor can; a closed period is 409", arguments: Engine.enabled)
    func api(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            let base = "/api/v1/organisations/\(F.org)/documents/\(F.doc)/follow-up"
            func token(_ email: String) async throws -> String { try await fixture.token(email) }
            func send(_ method: HTTPMethod, _ path: String, _ token: String, _ body: String? = nil) async throws -> (HTTPStatus, String) {
                let (status, body, _) = try await fixture.send(method, path, token, body)
                return (status, body)
            }
            let (editor, reader, stranger) = (try await token(F.editor), try await token(F.reader), try await token(F.stranger))
            let newPeriod = #"{"name":"Tertial 1 2023","endsOn":"2023-04-30","deadline":"2023-05-15","remindDaysBefore":7}"#
            #expect(try await send(.POST, base + "/periods", stranger, newPeriod).0 == .forbidden)
            #expect(try await send(.POST, base + "/periods", reader, newPeriod).0 == .forbidden)
            let created = try await send(.POST, base + "/periods", editor, newPeriod)
            #expect(created.0 == .created && created.1.contains(#""state":"open""#))
            let lineage = fixture.activities[0].lineage
            let report = #"{"status":"done","progress":100,"comment":"Klart.","revision":0}"#
            #expect(try await send(.PUT, base + "/periods/tertial-1-2023/reports/\(lineage)", reader, report).0 == .forbidden)
            #expect(try await send(.PUT, base + "/periods/tertial-1-2023/reports/\(lineage)", stranger, report).0 == .forbidden)
            let saved = try await send(.PUT, base + "/periods/tertial-1-2023/reports/\(lineage)", editor, report)
            #expect(saved.0 == .ok && saved.1.contains(#""revision":1"#) && saved.1.contains(#""reportedBy":"redaktor@example.se""#))
            #expect(try await send(.PUT, base + "/periods/tertial-1-2023/reports/\(lineage)", editor, report).0 == .conflict, "revision 0 is stale now")
            #expect(try await send(.PUT, base + "/periods/tertial-1-2023/reports/\(lineage)", editor, #"{"status":"done","progress":101}"#).0 == .unprocessableEntity)
            #expect(try await send(.GET, base + "/periods/tertial-1-2023", reader).0 == .ok, "readers of the organisation read open periods")
            #expect(try await send(.GET, base + "/periods/tertial-1-2023", stranger).0 == .forbidden)
            #expect(try await send(.POST, base + "/periods/tertial-1-2023/closure", reader).0 == .forbidden)
            #expect(try await send(.POST, base + "/periods/tertial-1-2023/closure", editor).0 == .noContent)
            let late = try await send(.PUT, base + "/periods/tertial-1-2023/reports/\(fixture.activities[1].lineage)", editor, report)
            #expect(late.0 == .conflict && late.1.contains("is closed"))
            let assessment = #"{"verdict":"achieved","motivation":"Sent."}"#
            #expect(try await send(.PUT, base + "/periods/tertial-1-2023/assessments/\(fixture.tree.roots[0].lineage)", editor, assessment).0 == .conflict)
            var anonymous = Browser(app: app)
            let (status, body, _) = try await anonymous.send(.GET, base)
            #expect(status == .ok && body.contains("Klart.") && !body.contains("redaktor@example.se"), "public, without who reported")
        }
    }
}
