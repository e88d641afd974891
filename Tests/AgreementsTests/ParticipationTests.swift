@testable import Agreements
import AppTestSupport
@testable import Auth
import Fluent
import Foundation
@testable import Organisation
import SamsynApp
import Testing
import Vapor

@Suite("Levels of participation on key activities")
struct ParticipationTests {
    typealias F = AgreementsFixture
    static let activity = "verksamhetsplan-2023/utveckla-samverkan-pa-regional-och-lokal-niva-mellan"

    @Test("An editor marks a key activity; its page, the levels page (filtered), the API and the file carry it", arguments: Engine.enabled)
    func mark(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let fixture = try await F(app)
            var editor = try await fixture.browser(F.editor)
            let form = F.path("").replacingOccurrences(of: "/avtal", with: "/medverkan/markera")
            #expect(try await editor.send(.GET, form).1.contains("Partnerskap – Den högsta nivån"))
            let before = try await DatabaseFingerprint.take(app.db)
            let refused = try await F.post(&editor, form, ["activity": "verksamhetsplan-2023/jamlik-valfard", "level": "dialog"])
            #expect(refused.0 == .unprocessableEntity && refused.1.contains("Välj en nyckelaktivitet."), "a goal area is not a key activity")
            #expect(try await DatabaseFingerprint.take(app.db) == before)
            let saved = try await F.post(&editor, form, ["activity": Self.activity, "level": "dialog"])
            #expect(saved.2.first(name: .location) == "/o/\(F.org)/medverkan?klart=sparat")
            #expect(try await F.post(&editor, form, ["activity": Self.activity, "level": "dialog"]).2.first(name: .location)?.hasSuffix("klart=oforandrat") == true)

            var visitor = Browser(app: app)
            let node = try await visitor.send(.GET, "/o/\(F.org)/dokument/verksamhetsplan-2023/version/1/utveckla-samverkan-pa-regional-och-lokal-niva-mellan").1
            #expect(node.contains("<h2>Medverkan</h2>") && node.contains("<strong>Dialog</strong>"))
            #expect(try await visitor.send(.GET, "/o/\(F.org)/medverkan?niva=dialog").1.contains("Utveckla samverkan på regional och lokal nivå"))
            #expect(!(try await visitor.send(.GET, "/o/\(F.org)/medverkan?niva=samrad").1.contains("Utveckla samverkan på regional och lokal nivå")))
            let api = try await app.getJSON("/api/v1/organisations/\(F.org)/participation?level=dialog", as: [ParticipationMarkDTO].self)
            #expect(api.map(\.level) == [.dialog] && api.first?.lineage == "utveckla-samverkan-pa-regional-och-lokal-niva-mellan")

            let file = try OrganisationExporter.encode(try await OrganisationExporter.export(slug: F.org, on: app.db))
            try await ParticipationMark.query(on: app.db).delete()
            _ = try await OrganisationImporter.importFile(file, replace: true, on: app.db)
            #expect(try await ParticipationMark.query(on: app.db).first()?.level == .dialog)

            #expect(try await F.post(&editor, form, ["activity": Self.activity, "level": ""]).2.first(name: .location)?.hasSuffix("klart=sparat") == true)
            #expect(try await ParticipationMark.query(on: app.db).count() == 0, "Ingen removes the mark")
            var reader = try await fixture.browser(F.reader)
            #expect(try await F.post(&reader, form, ["activity": Self.activity, "level": "dialog"]).0 == .forbidden)
        }
    }
}
