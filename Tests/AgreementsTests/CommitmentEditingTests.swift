@testable import Agreements
import AppTestSupport
import Fluent
import Foundation
@testable import Organisation
import SamsynApp
import Testing
import Vapor

/// Editors set who owes each commitment; saving the agreement's own form keeps them.
@Suite("Who owes each commitment")
struct CommitmentEditingTests {
    static let path = "/o/\(Demo.agreementSlug)/avtal/hantera/regional-overenskommelse-om-samverkan"

    @Test("The form shows the recorded bearers; unchanged writes nothing; a change is a revision; the agreement form keeps them; outsiders get 403",
          arguments: Engine.enabled)
    func editing(engine: Engine) async throws {
        try await withApp(engine) { app in
            try await AccessionTests.setUp(app)
            var lead = Browser(app: app)
            #expect(try await lead.signIn(AccessionTests.lead, Factory.password) == .seeOther)
            let page = try await lead.send(.GET, "\(Self.path)/ataganden")
            #expect(page.0 == .ok && page.1.contains("Enligt lydelsen: civilsamhället."))
            var fields = try Browser.formFields(in: page.1, action: "\(Self.path)/ataganden")
            #expect(fields["kvalitet-2"] == "civil-society" && fields["sjalvstandighet-och-oberoende-3"] == "public-sector")
            let before = try await DatabaseFingerprint.take(app.db)
            let unchanged = try await lead.send(.POST, "\(Self.path)/ataganden", form: fields)
            #expect(unchanged.2.first(name: .location)?.contains("klart=oforandrat") == true)
            #expect(try await DatabaseFingerprint.take(app.db) == before, "an unchanged form writes nothing")

            fields["innovation-2"] = ""
            fields["kvalitet-2"] = "någon"
            let refused = try await lead.send(.POST, "\(Self.path)/ataganden", form: fields)
            #expect(refused.0 == .unprocessableEntity && refused.1.contains(#"id="kvalitet-2-error""#))
            fields["kvalitet-2"] = "civil-society"
            #expect(try await lead.send(.POST, "\(Self.path)/ataganden", form: fields).2.first(name: .location)?.contains("klart=sparat") == true)
            var agreement = try #require(try await Agreement.query(on: app.db).filter(\.$key == "regional-overenskommelse-om-samverkan").first())
            #expect(agreement.spec.commitments.count == 22 && agreement.revision == 2)

            // The agreement's own form carries neither the commitments nor loses them.
            let edit = try await lead.send(.GET, "\(Self.path)/andra")
            var form = try Browser.formFields(in: edit.1, action: "\(Self.path)/andra")
            form["summary"] = "Överenskommelsen mellan parterna och civilsamhället."
            #expect(try await lead.send(.POST, "\(Self.path)/andra", form: form).0 == .seeOther)
            agreement = try #require(try await Agreement.query(on: app.db).filter(\.$key == "regional-overenskommelse-om-samverkan").first())
            #expect(agreement.spec.commitments.count == 22 && agreement.spec.text == "regional-overenskommelse" && agreement.spec.acceptsAccessions)

            var outsider = Browser(app: app)
            #expect(try await outsider.signIn(AccessionTests.nkEditor, Factory.password) == .seeOther)
            #expect(try await outsider.send(.GET, "\(Self.path)/ataganden").0 == .forbidden)
        }
    }
}

/// The regional agreement's action plan is followed up like any plan (issue 10): the ledningsgrupp
/// opens a period, assesses a development area and closes it; the public sees the result.
@Suite("The agreement's own plan, followed up")
struct AgreementPlanFollowUpTests {
    @Test("A period on the action plan: opened, a development area assessed, closed, public", arguments: Engine.enabled)
    func followUp(engine: Engine) async throws {
        try await withApp(engine) { app in
            try await AccessionTests.setUp(app)
            let token = try await app.apiToken(AccessionTests.lead)
            let base = "/api/v1/organisations/\(Demo.agreementSlug)/documents/handlingsplan/follow-up/periods"
            let opened = try await app.api(.POST, base, token: token, body: #"{"name": "Uppföljning 2026", "endsOn": "2026-12-31", "deadline": "2027-01-31"}"#)
            #expect(opened.0 == .created, "\(opened.1)")
            let key = try #require((try JSONSerialization.jsonObject(with: Data(opened.1.utf8)) as? [String: Any])?["key"] as? String)
            let assessed = try await app.api(.PUT, "\(base)/\(key)/assessments/oka-kunskap", token: token,
                                             body: #"{"verdict": "partly-achieved", "motivation": "Två kunskapsdagar hölls; en tredje flyttades till våren."}"#)
            #expect(assessed.0 == .ok, "\(assessed.1)")
            let closed = try await app.api(.POST, "\(base)/\(key)/closure", token: token, body: "{}")
            #expect([.ok, .noContent].contains(closed.0), "\(closed.1)")
            let page = try await app.get("/o/\(Demo.agreementSlug)/uppfoljning/handlingsplan").body
            #expect(page.contains("Två kunskapsdagar hölls") && page.contains("Öka kunskap"))
            let agreement = try await app.get("/o/\(Demo.agreementSlug)/avtal/regional-overenskommelse-om-samverkan").body
            #expect(agreement.contains("Planer under avtalet") && agreement.contains("Handlingsplan för den regionala överenskommelsen"))
        }
    }
}
