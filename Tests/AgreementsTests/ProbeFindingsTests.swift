@testable import Agreements
import AppTestSupport
@testable import Auth
import Fluent
import Foundation
@testable import Mail
@testable import Organisation
import SamsynApp
import Testing
import Vapor

/// The findings of the security probe of 43f0f05 that reach joining an agreement, its documents and
/// meetings: one decision per application, leaving only what can be left, the follow link out of the
/// outbox once sent, text limits, addresses that cannot carry markup, concurrent meetings, large uploads.
@Suite("The probe of 43f0f05: agreements and meetings")
struct AgreementsProbeTests {
    typealias A = AccessionTests

    @Test("Findings 10–13: four approvals at once record one decision and one mail; leaving a pending application is a 409 page; the follow link leaves the outbox when sent; a 4 001-character scope is refused",
          arguments: Engine.enabled)
    func accessionFindings(engine: Engine) async throws {
        try await withApp(engine, sqliteFile: true) { app in
            try await A.setUp(app)
            var visitor = Browser(app: app)
            var long = A.valid
            long["scope"] = String(repeating: "a", count: 4_001)
            let tooLong = try await A.apply(&visitor, long)
            #expect(tooLong.0 == .unprocessableEntity && tooLong.1.contains("Texten är längre än 4000 tecken."))
            #expect(try await A.applications(app).isEmpty)

            let follow = try #require(try await A.apply(&visitor, A.valid).2.first(name: .location)).replacingOccurrences(of: "?klart=skickad", with: "")
            // Leaving while pending: refused in words, nothing written.
            let pending = try await visitor.send(.GET, follow)
            let csrf = try #require(Browser.csrf(in: pending.1) ?? visitor.cookies["samsyn_csrf"])
            visitor.cookies["samsyn_csrf"] = csrf
            let leave = try await visitor.send(.POST, follow + "/lamna", form: ["csrf": csrf])
            #expect(leave.0 == .conflict && leave.1.contains("Bara en ansluten organisation kan lämna överenskommelsen."))
            #expect(try await A.applications(app).first?.status == .pending)

            let application = try #require(try await A.applications(app).first)
            let token = try await app.apiToken(A.lead)
            let path = "/api/v1/organisations/\(A.org)/agreements/\(A.key)/applications/\(try application.requireID().uuidString.lowercased())/decision"
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<4 { group.addTask { try await app.api(.POST, path, token: token, body: #"{"decision": "approve"}"#).0 } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .ok }.count == 1 && statuses.filter { $0 == .unprocessableEntity }.count == 3, "\(statuses)")
            #expect(try await MailMessage.query(on: app.db).filter(\.$reason == "agreements.accession.approved").count() == 1)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$action == "accession.approve").count() == 1)

            let applied = try #require(try await MailMessage.query(on: app.db).filter(\.$reason == "agreements.accession.applied").first())
            #expect(applied.secret != nil && applied.body.contains(follow))
        }
    }

    @Test("Finding 12: once sent, the applied mail keeps no working follow link", .enabled(if: TestSMTPServer.available), arguments: Engine.enabled)
    func followLinkScrubbed(engine: Engine) async throws {
        let server = try TestSMTPServer()
        defer { server.stop() }
        try await withApp(engine) { app in
            try await A.setUp(app)
            var visitor = Browser(app: app)
            let follow = try #require(try await A.apply(&visitor, A.valid).2.first(name: .location)).replacingOccurrences(of: "?klart=skickad", with: "")
            _ = try await MailSender(client: SMTPClient(settings: server.settings())).sendDue(at: AgreementsFixture.moment("2026-03-03"), on: app.db,
                                                                                          group: app.eventLoopGroup)
            let applied = try #require(try await MailMessage.query(on: app.db).filter(\.$reason == "agreements.accession.applied").first())
            #expect(applied.status == .sent && applied.secret == nil && !applied.body.contains(follow))
        }
    }

    @Test("Finding 5: a meeting document's address with a quote or angle brackets is refused; eight meetings of one title and day at once are all saved",
          arguments: Engine.enabled)
    func meetings(engine: Engine) async throws {
        try await withApp(engine, sqliteFile: true) { app in
            try await A.setUp(app)
            let token = try await app.apiToken(A.lead)
            let path = "/api/v1/organisations/\(A.org)/meetings"
            let hostile = #"{"title":"Möte","heldOn":"2024-03-09","group":"ledningsgrupp","participants":[],"documents":[{"title":"Protokoll","url":"https://example.org/\"><meta http-equiv=\"refresh\" content=\"0;url=https://example.net\">"}]}"#
            let refused = try await app.api(.POST, path, token: token, body: hostile)
            #expect(refused.0 == .unprocessableEntity && refused.1.contains("is not an http(s) address"))
            let body = #"{"title":"Möte","heldOn":"2024-03-09","group":"ledningsgrupp","participants":[],"documents":[]}"#
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<8 { group.addTask { try await app.api(.POST, path, token: token, body: body).0 } }
                return try await group.reduce(into: []) { $0.append($1) }
            }
            #expect(statuses.allSatisfy { $0 == .created }, "\(statuses)")
            #expect(Set(try await Meeting.query(on: app.db).filter(\.$title == "Möte").all().map(\.key)).count == 8)
        }
    }

    @Test("Finding 5: the registry's search term and a budget's title and note marker reach attributes escaped", arguments: Engine.enabled)
    func attributeSinks(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let search = try await app.get("/o/\(Demo.organisationSlug)/avtal?sok=%22%3E%3Cb%3Ex%3C%2Fb%3E")
            #expect(search.status == .ok && !search.body.contains("<b>x</b>") && search.body.contains("value=\"&quot;&gt;&lt;b&gt;x&lt;/b&gt;\""))
            let organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == Demo.organisationSlug).first())
            try await Factory.user("ekonom@example.se", roles: [.editor], in: organisation, on: app.db)
            let token = try await app.apiToken("ekonom@example.se")
            let api = "/api/v1/organisations/\(Demo.organisationSlug)/budgets"
            #expect(try await app.api(.POST, api, token: token, body: #"{"year": 2024}"#).0 == .created)
            let body = #"{"spec": {"title": "Budget \"><b>x</b>", "notes": [{"marker": "1\"><b>y</b>", "text": "En not"}], "#
                + #""lines": [{"side": "cost", "costCentre": "12", "name": "Styrelsen", "amount": -1000, "notes": ["1\"><b>y</b>"]}]}}"#
            #expect(try await app.api(.PUT, "\(api)/2024", token: token, body: body).0 == .ok)
            let page = try await app.get("/o/\(Demo.organisationSlug)/budget/2024")
            #expect(page.status == .ok && !page.body.contains("<b>x</b>") && !page.body.contains("<b>y</b>"), "\(page.status)")
            #expect(page.body.contains(#"aria-label="Budget &quot;&gt;&lt;b&gt;x&lt;/b&gt;""#))
        }
    }

    @Test("Finding 6: a 2 MB PDF is attached to an agreement through a streamed browser upload", arguments: Engine.enabled)
    func largeDocument(engine: Engine) async throws {
        try await withApp(engine) { app in
            let organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == Demo.organisationSlug).first())
            try await Factory.user("dokument@example.se", roles: [.editor], in: organisation, on: app.db)
            var editor = Browser(app: app)
            #expect(try await editor.signIn("dokument@example.se", Factory.password) == .seeOther)
            let agreement = "/o/\(Demo.organisationSlug)/avtal/hantera/skolfilm-i-norrbotten"
            let page = try await editor.send(.GET, agreement)
            #expect(page.0 == .ok)
            let csrf = try #require(Browser.csrf(in: page.1))
            var pdf = Data("%PDF-1.7\n".utf8)
            pdf.append(Data(repeating: 0x20, count: 2 * 1024 * 1024))
            pdf.append(Data("\n%%EOF\n".utf8))
            editor.live = true
            let uploaded = try await editor.upload(agreement + "/dokument", fields: ["csrf": csrf, "public": "on"],
                                                   file: "avtal.pdf", data: pdf)
            // The live client follows the redirect to the agreement's page.
            #expect(uploaded.0 == .seeOther || uploaded.0 == .ok, "\(uploaded.0) \(Browser.visibleText(uploaded.1).prefix(300))")
            let stored = try #require(try await AgreementDocument.query(on: app.db).filter(\.$name == "avtal.pdf").first())
            #expect(stored.size == pdf.count)
        }
    }
}
