import AppTestSupport
@testable import Auth
import Core
import Fluent
import Foundation
@testable import Organisation
import SamsynApp
import Testing
import Vapor

/// The annual meeting of the regional agreement, kept as a meeting record of its organisation.
@Suite("Meeting records: forms, refusals, pages, API and the file")
struct MeetingTests {
    static let org = "regional-overenskommelse-norrbotten"
    static let editor = "ledning@example.se", reader = "lasare@example.se"

    static func setUp(_ app: Application) async throws -> OrganisationRecord {
        let organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == org).first())
        try await Factory.user(editor, roles: [.editor], in: organisation, on: app.db)
        try await Factory.user(reader, roles: [.reader], in: organisation, on: app.db)
        return organisation
    }

    static func post(_ browser: inout Browser, _ path: String, _ fields: [String: String]) async throws -> (HTTPStatus, String, HTTPHeaders) {
        let (_, page, _) = try await browser.send(.GET, "/logga-in")
        return try await browser.send(.POST, path, form: fields.merging(["csrf": try #require(Browser.csrf(in: page))]) { $1 })
    }

    @Test("An editor records the annual meeting; refusals come back beside the field; an unchanged form changes nothing", arguments: Engine.enabled)
    func recordAMeeting(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let organisation = try await Self.setUp(app)
            var editor = Browser(app: app)
            #expect(try await editor.signIn(Self.editor, Factory.password) == .seeOther)
            let new = "/o/\(Self.org)/moten/ny"
            let fields = ["title": "Årligt möte 2024", "heldOn": "2024-11-20", "group": "",
                          "participants": "Anna Andersson; Region Norrbotten\nBo Berg; Samforma\nCilla Carlsson",
                          "notes": "Överenskommelsen följdes upp.", "documents": "Minnesanteckningar; https://example.se/minnen.pdf"]
            let before = try await DatabaseFingerprint.take(app.db)
            for (field, value, message) in [("heldOn", "2024-02-30", "Skriv ett datum som finns"), ("participants", "Dan Dahl; Okänd förening", "finns inte i registret"),
                                            ("documents", "Bilder; ftp://example.se/x", "är inte en webbadress"), ("title", " ", "Skriv mötets rubrik.")] {
                let (status, page, _) = try await Self.post(&editor, new, fields.merging([field: value]) { $1 })
                #expect(status == .unprocessableEntity && page.contains("id=\"\(field)-error\"") && page.contains(message), "\(field)")
            }
            #expect(try await DatabaseFingerprint.take(app.db) == before, "nothing written")
            let (status, _, headers) = try await Self.post(&editor, new, fields)
            #expect(status == .seeOther)
            let location = try #require(headers.first(name: .location))
            #expect(location == "/o/\(Self.org)/moten/2024-11-20-arligt-mote-2024?klart=sparat")
            let page = try await editor.send(.GET, location).1
            #expect(page.contains("Mötet är sparat.") && page.contains("<h3>Region Norrbotten</h3>") && page.contains("Bo Berg") && page.contains("Utan angiven part"))
            let meeting = try #require(try await Meeting.query(on: app.db).first())
            #expect(meeting.record.participants == [.init(name: "Anna Andersson", party: "region-norrbotten"), .init(name: "Bo Berg", party: "samforma"),
                                                     .init(name: "Cilla Carlsson")])
            let edit = "/o/\(Self.org)/moten/\(meeting.key)/andra"
            let form = try Browser.formFields(in: try await editor.send(.GET, edit).1, action: edit)
            #expect(try await editor.send(.POST, edit, form: form).2.first(name: .location)?.hasSuffix("klart=oforandrat") == true)
            let audit = try await AuditEntry.query(on: app.db).filter(\.$organisationID == organisation.requireID()).all().map(\.action)
            #expect(audit.filter { $0.hasPrefix("meeting.") } == ["meeting.create"])

            var visitor = Browser(app: app)
            #expect(try await visitor.send(.GET, "/o/\(Self.org)/moten").1.contains("Årligt möte 2024"))
            #expect(try await visitor.send(.GET, new).0 != .ok)
            var reader = Browser(app: app)
            #expect(try await reader.signIn(Self.reader, Factory.password) == .seeOther)
            #expect(try await Self.post(&reader, new, fields).0 == .forbidden)
        }
    }

    @Test("Over the API and through the organisation file", arguments: Engine.enabled)
    func apiAndFile(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            _ = try await Self.setUp(app)
            let token = try await app.apiToken(Self.editor)
            let url = "/api/v1/organisations/\(Self.org)/meetings"
            let body = #"{"title": "Årligt möte 2025", "heldOn": "2025-11-19", "group": "ledningsgrupp", "participants": [{"name": "Eva Ek", "party": "lansstyrelsen-norrbotten"}], "documents": []}"#
            let created = try await app.api(.POST, url, token: token, body: body)
            #expect(created.0 == .created && created.2.first(name: .location) == "\(url)/2025-11-19-arligt-mote-2025")
            let refused = try await app.api(.POST, url, token: token, body: body.replacingOccurrences(of: "lansstyrelsen-norrbotten", with: "nowhere"))
            #expect(refused.0 == .unprocessableEntity && refused.1.contains("participants: party"))
            #expect(try await app.api(.POST, url, token: try await app.apiToken(Self.reader), body: body).0 == .forbidden)
            let list = try await app.getJSON(url, as: [MeetingDTO].self)
            #expect(list.map(\.title) == ["Årligt möte 2025"] && list[0].group == "ledningsgrupp")

            let file = try OrganisationExporter.encode(try await OrganisationExporter.export(slug: Self.org, on: app.db))
            #expect(String(decoding: file, as: UTF8.self).contains("\"meetings\""))
            try await Meeting.query(on: app.db).delete()
            _ = try await OrganisationImporter.importFile(file, replace: true, on: app.db)
            #expect(try OrganisationExporter.encode(try await OrganisationExporter.export(slug: Self.org, on: app.db)) == file)
        }
    }
}
