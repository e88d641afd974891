@testable import Agreements
import AppTestSupport
@testable import Auth
import Fluent
import Foundation
@testable import Organisation
import SamsynApp
import Testing
import Vapor

@Suite("Keeping agreements: forms, versions, refusals and who may")
struct AgreementEditingTests {
    typealias F = AgreementsFixture

    @Test("An editor adds an agreement, changes it into a second version, and an unchanged form changes nothing", arguments: Engine.enabled)
    func addAndChange(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            var editor = try await fixture.browser(F.editor)
            let (status, _, headers) = try await F.newAgreement(&editor, [
                "title": "Avtal om gemensam upphandling av skolskjuts", "kind": "avtal", "status": "in-force", "startsOn": "2026-01-01",
                "endsOn": "2027-12-31", "reviewOn": "2026-09-30", "reviewer": F.editor, "unit": "avdelning-social-valfard",
                "parties": "Region Norrbotten; Kollektivtrafikmyndigheten; Anna Andersson\nMedlemmarna", "describedParties": "Bussbolagen",
                "activities.0": "verksamhetsplan-2023/utveckla-uppfoljningsstruktur-med-syfte-att-genomfora",
            ])
            #expect(status == .seeOther)
            let location = try #require(headers.first(name: .location))
            #expect(location.hasPrefix(F.path("/hantera/avtal-om-gemensam-upphandling-av-skolskjuts")) && location.contains("klart=tillagt"))
            let agreement = try await fixture.agreement("avtal-om-gemensam-upphandling-av-skolskjuts")
            let spec = agreement.spec
            #expect(agreement.revision == 1 && spec.status == .inForce && spec.reviewer == F.editor && spec.unit == "avdelning-social-valfard")
            #expect(spec.parties == [.init(organisation: "region-norrbotten", note: "Kollektivtrafikmyndigheten", signatory: "Anna Andersson"),
                                     .init(members: true), .init(description: "Bussbolagen")])
            #expect(spec.activities == [.init(document: "verksamhetsplan-2023", lineage: "utveckla-uppfoljningsstruktur-med-syfte-att-genomfora")])
            let page = try await editor.send(.GET, location).1
            #expect(page.contains("Avtalet är tillagt i registret.") && page.contains("Anna Andersson") && page.contains("2026–2027"))

            // The form as it was saved, sent again: nothing changes.
            let edit = F.path("/hantera/\(agreement.key)/andra")
            let form = try Browser.formFields(in: try await editor.send(.GET, edit).1, action: edit)
            let unchanged = try await editor.send(.POST, edit, form: form)
            #expect(unchanged.0 == .seeOther && unchanged.2.first(name: .location)?.contains("klart=oforandrat") == true)
            #expect(try await fixture.agreement(agreement.key).revision == 1)

            var changed = form
            changed["status"] = "under-review"
            let saved = try await editor.send(.POST, edit, form: changed)
            #expect(saved.2.first(name: .location)?.contains("klart=sparat") == true)
            let after = try await fixture.agreement(agreement.key)
            #expect(after.revision == 2 && after.status == .underReview)
            let history = try await editor.send(.GET, F.path("/hantera/\(agreement.key)")).1
            #expect(history.contains("Version 2, 2026-03-02: status") && history.contains("Version 1, 2026-03-02: upprättat i registret"))
            let audit = try await AuditEntry.query(on: app.db).filter(\.$subject == agreement.key).all().map(\.action).sorted()
            #expect(audit == ["agreement.create", "agreement.update"])
            // A form opened at revision 1 cannot overwrite revision 2.
            var stale = form
            stale["summary"] = "Något annat"
            let conflict = try await editor.send(.POST, edit, form: stale)
            #expect(conflict.0 == .conflict && conflict.1.contains("Någon annan har ändrat avtalet"))
        }
    }

    @Test("Bad input is refused beside its field, with the input kept and nothing written", arguments: Engine.enabled)
    func refusals(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            var editor = try await fixture.browser(F.editor)
            let before = try await DatabaseFingerprint.take(app.db)
            let base = ["title": "Ett nytt avtal", "kind": "avtal", "status": "draft"]
            let cases: [([String: String], String, String)] = [
                (["startsOn": "2026-05-01", "endsOn": "2026-04-30"], "endsOn", "Slutdatumet ligger före startdatumet."),
                (["reviewOn": "2026-03-01"], "reviewOn", "Omprövningsdatumet har redan passerat"),
                (["startsOn": "2026-02-30"], "startsOn", "Skriv ett datum som finns"),
                (["parties": "Norrlands Ostindiska Kompani"], "parties", "finns inte i registret"),
                (["title": "Skolfilm i Norrbotten"], "title", "Registret har redan ett avtal med den titeln."),
                (["title": "  "], "title", "Skriv avtalets titel."),
                (["title": "Avtal \u{202E}gninro"], "title", "ändrar läsriktningen"),
            ]
            for (fields, field, message) in cases {
                let (status, page, _) = try await F.newAgreement(&editor, base.merging(fields) { $1 })
                #expect(status == .unprocessableEntity, "\(fields)")
                #expect(page.contains("id=\"\(field)-error\"") && page.contains(message), "\(fields): \(field)")
                for (name, value) in fields where name != "parties" && !value.trimmingCharacters(in: .whitespaces).isEmpty {
                    #expect(page.contains("value=\"\(value)\""), "\(name) keeps what was typed")
                }
            }
            #expect(try await DatabaseFingerprint.take(app.db) == before, "nothing was written")
            // Today is allowed; an import of history may carry a past review date.
            let (status, _, _) = try await F.newAgreement(&editor, base.merging(["reviewOn": F.today]) { $1 })
            #expect(status == .seeOther)
        }
    }

    @Test("Two saves of the same new title at once: one lands, the other is refused as a taken title", arguments: Engine.enabled)
    func concurrentTitles(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            let catalogue = try await Catalogue.load(fixture.organisation, on: app.db)
            let spec = AgreementSpec(title: "Avtal om samtidighet", kind: .avtal, status: .draft)
            let now = F.moment(F.today)
            @Sendable func attempt() async -> Result<String, any Error> {
                do { return .success(try await AgreementWork.create(spec, in: catalogue, actor: .commandLine, today: nil, at: now, on: app.db).key) }
                catch { return .failure(error) }
            }
            async let first = attempt()
            async let second = attempt()
            let results = await [first, second]
            #expect(results.filter { if case .success = $0 { true } else { false } }.count == 1)
            for case .failure(let error) in results {
                #expect((error as? AgreementWork.Failure) == .invalid("Registret har redan ett avtal med den titeln.", english: "an agreement with this title exists", field: "title"))
            }
        }
    }

    @Test("Who may: the public sees public agreements only; users read the internal list; editors keep it; others get 403", arguments: Engine.enabled)
    func access(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            var editor = try await fixture.browser(F.editor)
            _ = try await F.newAgreement(&editor, ["title": "Internt avtal om lokaler", "kind": "avtal", "status": "in-force", "public": ""])
            _ = try await F.newAgreement(&editor, ["title": "Utkast till samverkansavtal", "kind": "samverkansavtal", "status": "draft"])
            let anonymous = Browser(app: app)
            var visitor = anonymous
            #expect(try await visitor.send(.GET, F.path("/internt-avtal-om-lokaler")).0 == .notFound)
            #expect(try await visitor.send(.GET, F.path("/utkast-till-samverkansavtal")).0 == .notFound)
            let list = try await visitor.send(.GET, F.path()).1
            #expect(!list.contains("Internt avtal om lokaler") && !list.contains("Utkast till samverkansavtal") && list.contains("Skolfilm i Norrbotten"))
            let api = try await fixture.send(.GET, "/api/v1/organisations/\(F.org)/agreements", nil).1
            #expect(!api.contains("Internt avtal") && !api.contains("Utkast till"))
            #expect(try await visitor.send(.GET, F.path("/hantera")).0 != .ok)
            let registry = "/api/v1/organisations/\(F.org)/agreement-registry"
            let everything = try await fixture.send(.GET, registry, try await fixture.token(F.reader)).1
            #expect(everything.contains("Internt avtal om lokaler") && everything.contains("Utkast till samverkansavtal"))
            #expect(try await fixture.send(.GET, registry, try await fixture.token(F.stranger)).0 == .forbidden)
            #expect(try await fixture.send(.GET, registry, nil).0 == .unauthorized)

            var reader = try await fixture.browser(F.reader)
            let staff = try await reader.send(.GET, F.path("/hantera")).1
            #expect(staff.contains("Internt avtal om lokaler") && staff.contains("(internt)") && !staff.contains("Lägg till ett avtal"))
            #expect(try await reader.send(.GET, F.path("/ny")).0 == .forbidden)
            #expect(try await F.post(&reader, F.path("/ny"), ["title": "X", "kind": "avtal", "status": "draft"]).0 == .forbidden)

            var stranger = try await fixture.browser(F.stranger)
            #expect(try await stranger.send(.GET, F.path("/hantera")).0 == .forbidden)
            #expect(try await stranger.send(.GET, F.path("/hantera/internt-avtal-om-lokaler")).0 == .forbidden)
            #expect(try await F.post(&stranger, F.path("/ny"), ["title": "X", "kind": "avtal", "status": "draft"]).0 == .forbidden)
        }
    }

    @Test("Over the API: editors add and replace with English refusals; a stale revision is 409", arguments: Engine.enabled)
    func api(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            let token = try await fixture.token(F.editor)
            let url = "/api/v1/organisations/\(F.org)/agreements"
            let body = #"{"title": "Avtal om tolktjänst", "kind": "avtal", "status": "in-force", "parties": [{"organisation": "region-norrbotten"}]}"#
            let created = try await fixture.send(.POST, url, token, body)
            #expect(created.0 == .created && created.2.first(name: .location) == "\(url)/avtal-om-tolktjanst")
            #expect(try await fixture.send(.POST, url, token, body).1.contains("title: an agreement with this title exists"))
            let unknown = try await fixture.send(.POST, url, token, #"{"title": "Y", "kind": "avtal", "status": "draft", "parties": [{"organisation": "nowhere"}]}"#)
            #expect(unknown.0 == .unprocessableEntity && unknown.1.contains("nowhere") && unknown.1.contains("is not in the registry"))
            let past = try await fixture.send(.POST, url, token, #"{"title": "Z", "kind": "avtal", "status": "draft", "reviewOn": "2020-01-01"}"#)
            #expect(past.0 == .unprocessableEntity && past.1.contains("reviewOn is in the past"))
            let put = #"{"title": "Avtal om tolktjänst", "kind": "avtal", "status": "terminated", "revision": 1, "parties": [{"organisation": "region-norrbotten"}]}"#
            #expect(try await fixture.send(.PUT, "\(url)/avtal-om-tolktjanst", token, put).0 == .ok)
            #expect(try await fixture.send(.PUT, "\(url)/avtal-om-tolktjanst", token, put.replacingOccurrences(of: "terminated", with: "expired")).0 == .conflict)
            let readerToken = try await fixture.token(F.reader)
            #expect(try await fixture.send(.POST, url, readerToken, body).0 == .forbidden)
            #expect(try await fixture.send(.POST, url, nil, body).0 == .unauthorized)
        }
    }

    @Test("Filters and search over the demo's registry, on the page and in the API", arguments: Engine.enabled)
    func filters(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            func count(_ query: String) async throws -> Int {
                let body = try await fixture.send(.GET, "/api/v1/organisations/\(F.org)/agreements?\(query)", nil).1
                return try JSONDecoder().decode([AgreementContent].self, from: Data(body.utf8)).count
            }
            #expect(try await count("") == 38)
            #expect(try await count("kind=handlingsplan") == 4)
            #expect(try await count("kind=overenskommelse") == 9)
            #expect(try await count("party=region-norrbotten") == 3)
            #expect(try await count("party=2580") == 3, "Luleå is one of the members, party to three")
            #expect(try await count("party=medlemmar") == 3)
            #expect(try await count("year=2025") == 1, "only the plan for 2022–2030 covers 2025")
            #expect(try await count("year=2023") == 4)
            #expect(try await count("q=n%C3%A4ra%20v%C3%A5rd") == 2)
            #expect(try await count("status=draft") == 0)
            var visitor = Browser(app: app)
            let page = try await visitor.send(.GET, F.path("?slag=rekommendation")).1
            #expect(page.contains("2 av registrets avtal och överenskommelser matchar filtren.") && page.contains("Rekommendation Målbild Nära vård"))
            #expect(page.contains("<option value=\"rekommendation\" selected>"))
            let (status, csv, headers) = try await visitor.send(.GET, "/o/\(F.org)/oppna-data/avtal.csv")
            #expect(status == .ok && headers.contentType?.description.hasPrefix("text/csv") == true)
            let lines = csv.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 39 && lines[0].hasPrefix("key,title,kind,status,startsOn,endsOn,reviewOn,parties"))
            #expect(try await visitor.send(.GET, "/o/\(F.org)/oppna-data").1.contains("/o/\(F.org)/oppna-data/avtal.csv"))
        }
    }
}
