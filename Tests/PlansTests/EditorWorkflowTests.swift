import AppTestSupport
@testable import Auth
import Fluent
import Foundation
@testable import Organisation
@testable import Plans
import Testing
import Vapor

/// The editor as staff use it (issue 9): a whole document editable, review before the decision,
/// one draft at a time, filters, nothing lost, and a history that reads after renames.
@Suite("The editor's daily work")
struct EditorWorkflowTests {
    static let org = "/o/norrbottens-kommuner"
    static let draft = "\(org)/redigera/verksamhetsplan-2023/2"

    static func editorWithDraft(_ app: Application) async throws -> (Browser, String) {
        let organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == "norrbottens-kommuner").first())
        try await Factory.user("redaktor@example.se", roles: [.editor], in: organisation, on: app.db)
        var editor = Browser(app: app)
        #expect(try await editor.signIn("redaktor@example.se", Factory.password) == .seeOther)
        let token = try #require(Browser.csrf(in: try await editor.send(.GET, "\(org)/redigera").1))
        #expect(try await editor.send(.POST, "\(org)/redigera/verksamhetsplan-2023/utkast", form: ["csrf": token]).0 == .seeOther)
        return (editor, token)
    }

    @Test("Title and period: a bad period comes back beside the field with the input; a save says so; unchanged saves nothing",
          arguments: Engine.enabled)
    func details(engine: Engine) async throws {
        try await withApp(engine) { app in
            var (editor, token) = try await Self.editorWithDraft(app)
            let before = try await DatabaseFingerprint.take(app.db)
            let bad = try await editor.send(.POST, "\(Self.draft)/uppgifter", form: ["csrf": token, "title": "Verksamhetsplan 2023 rev", "periodStart": "2025", "periodEnd": "2024"])
            #expect(bad.0 == .unprocessableEntity && bad.1.contains(#"<p class="field-error" id="periodEnd-error">Perioden slutar innan den börjar.</p>"#))
            #expect(bad.1.contains(#"value="Verksamhetsplan 2023 rev""#))
            let empty = try await editor.send(.POST, "\(Self.draft)/uppgifter", form: ["csrf": token, "title": " ", "periodStart": "2023", "periodEnd": "2023"])
            #expect(empty.0 == .unprocessableEntity && empty.1.contains(#"id="title-error">Ange en titel."#))
            let letters = try await editor.send(.POST, "\(Self.draft)/uppgifter", form: ["csrf": token, "title": "X", "periodStart": "tjugo", "periodEnd": ""])
            #expect(letters.0 == .unprocessableEntity && letters.1.contains(#"id="periodStart-error""#))
            let badDate = try await editor.send(.POST, "\(Self.draft)/anta", form: ["csrf": token, "body": "Styrelsen", "date": "2023-02-30", "reference": "§ 4"])
            #expect(badDate.0 == .unprocessableEntity && badDate.1.contains(#"<p class="field-error" id="date-error">Ange ett datum som finns, som ÅÅÅÅ-MM-DD.</p>"#))
            #expect(badDate.1.contains(#"value="Styrelsen""#) && badDate.1.contains(#"value="§ 4""#), "the rest of the input is kept")
            let node = "\(Self.draft)/punkt/jamlik-valfard"
            var fields = try Browser.formFields(in: try await editor.send(.GET, node).1, action: node)
            fields["title"] = "  "
            fields["text"] = "Ny text som inte får gå förlorad."
            let emptyTitle = try await editor.send(.POST, node, form: fields)
            #expect(emptyTitle.0 == .unprocessableEntity && emptyTitle.1.contains(#"<p class="field-error" id="title-error">Titeln får inte vara tom.</p>"#))
            #expect(emptyTitle.1.contains("Ny text som inte får gå förlorad."), "the text typed is kept")
            let unchanged = try await editor.send(.POST, "\(Self.draft)/uppgifter", form: ["csrf": token, "title": "Verksamhetsplan 2023", "periodStart": "2023", "periodEnd": "2023"])
            #expect(unchanged.2.first(name: .location)?.contains("klart=oforandrad") == true)
            #expect(try await DatabaseFingerprint.take(app.db) == before, "refusals and an unchanged save write nothing")
            let saved = try await editor.send(.POST, "\(Self.draft)/uppgifter", form: ["csrf": token, "title": "Verksamhetsplan 2023–2024", "periodStart": "2023", "periodEnd": "2024"])
            #expect(saved.2.first(name: .location) == "\(Self.draft)?klart=uppgifter")
            #expect(try await editor.send(.GET, "\(Self.draft)?klart=uppgifter").1.contains("Titel och period är sparade."))
            let version = try #require(try await DocumentVersion.query(on: app.db).filter(\.$number == 2).first())
            #expect(version.title == "Verksamhetsplan 2023–2024" && version.periodEnd == 2024)
            let adopted = try await editor.send(.POST, "\(Self.org)/redigera/verksamhetsplan-2023/1/uppgifter", form: ["csrf": token, "title": "Y", "periodStart": "", "periodEnd": ""])
            #expect(adopted.0 == .conflict, "an adopted version is frozen")
        }
    }

    @Test("Prose sections: preview without saving, add, edit, reorder, remove after asking; the goal tree's place stays", arguments: Engine.enabled)
    func sections(engine: Engine) async throws {
        try await withApp(engine) { app in
            var (editor, token) = try await Self.editorWithDraft(app)
            let before = try await DatabaseFingerprint.take(app.db)
            let preview = try await editor.send(.POST, "\(Self.draft)/nytt-avsnitt",
                                                form: ["csrf": token, "heading": "Uppföljning", "depth": "2", "body": "Vi följer upp **varje tertial**.", "forhandsgranska": "ja"])
            #expect(preview.0 == .ok && preview.1.contains("<strong>varje tertial</strong>") && preview.1.contains("Vi följer upp **varje tertial**."))
            #expect(try await DatabaseFingerprint.take(app.db) == before, "a preview saves nothing")
            let added = try await editor.send(.POST, "\(Self.draft)/nytt-avsnitt", form: ["csrf": token, "heading": "Uppföljning", "depth": "2", "body": "Vi följer upp varje tertial."])
            #expect(added.2.first(name: .location) == "\(Self.draft)?klart=avsnitt-tillagt#avsnitt-uppfoljning")
            let edited = try await editor.send(.POST, "\(Self.draft)/avsnitt/uppfoljning", form: ["csrf": token, "heading": "Uppföljning", "depth": "2", "body": "Vi följer upp varje tertial och helår.\r\n\r\nStyrelsen får rapporterna."])
            #expect(edited.2.first(name: .location) == "\(Self.draft)?klart=avsnitt-sparat#avsnitt-uppfoljning")
            let refused = try await editor.send(.POST, "\(Self.draft)/avsnitt/uppfoljning", form: ["csrf": token, "heading": "", "depth": "7", "body": "Text"])
            #expect(refused.0 == .unprocessableEntity && refused.1.contains(#"id="depth-error">Välj rubriknivå 1, 2 eller 3."#))
            #expect(try await editor.send(.POST, "\(Self.draft)/avsnitt/uppfoljning/ordning", form: ["csrf": token, "direction": "up"]).0 == .seeOther)
            let content = try await Self.content(app, version: 2)
            #expect(content.sections.suffix(2).map(\.key) == ["uppfoljning", "det-gemensamma-forbundet"], "moved one place up")
            #expect(content.sections.first { $0.key == "uppfoljning" }?.body == "Vi följer upp varje tertial och helår.\n\nStyrelsen får rapporterna.")
            let ask = try await editor.send(.POST, "\(Self.draft)/avsnitt/uppfoljning/ta-bort", form: ["csrf": token])
            #expect(ask.0 == .ok && ask.1.contains("Ja, ta bort avsnittet"))
            #expect(try await editor.send(.POST, "\(Self.draft)/avsnitt/uppfoljning/ta-bort", form: ["csrf": token, "confirmed": "ja"]).0 == .seeOther)
            #expect(try await Self.content(app, version: 2).sections.count == content.sections.count - 1)
            let tree = try #require(content.sections.first { $0.role == .goalTree })
            #expect(try await editor.send(.GET, "\(Self.draft)/avsnitt/\(tree.key)").0 == .notFound, "the goal tree's place is not prose")
            let audit = try await AuditEntry.query(on: app.db).filter(\.$item == "avsnitt:uppfoljning").all().map(\.action)
            #expect(Set(audit) == ["section.create", "section.update", "section.reorder", "section.delete"])
        }
    }

    static func content(_ app: Application, slug: String = "verksamhetsplan-2023", version: Int) async throws -> DocumentContent {
        let organisation = try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == "norrbottens-kommuner").first())
        let (document, row, versions) = try #require(try await DocumentQuery.anyVersion(organisation: organisation, documentSlug: slug, number: version, on: app.db))
        return try await DocumentQuery.content(organisation: organisation, document: document, version: row, allVersions: versions, on: app.db)
    }

    @Test("One open draft; discarding asks, keeps the version in force, and the list says gällande, ersatt and utkast", arguments: Engine.enabled)
    func oneDraftAndDiscard(engine: Engine) async throws {
        try await withApp(engine) { app in
            var (editor, token) = try await Self.editorWithDraft(app)
            let again = try await editor.send(.POST, "\(Self.org)/redigera/verksamhetsplan-2023/utkast", form: ["csrf": token])
            #expect(again.2.first(name: .location) == "\(Self.draft)?klart=oppet-utkast", "the open draft, not a second one")
            let index = try await editor.send(.GET, "\(Self.org)/redigera").1
            #expect(index.contains("<strong>Gällande") && index.contains("<strong>Utkast – ej publicerat</strong>"))
            #expect(index.contains("Fortsätt med utkastet (version 2)"))
            #expect(try await editor.send(.GET, "\(Self.draft)/kasta").1.contains("Ja, kasta utkastet"))
            #expect(try await DocumentVersion.query(on: app.db).filter(\.$number == 2).count() == 1, "asking discards nothing")
            let discarded = try await editor.send(.POST, "\(Self.draft)/kasta", form: ["csrf": token, "confirmed": "ja"])
            #expect(discarded.2.first(name: .location) == "\(Self.org)/redigera?klart=kastat#dokument-verksamhetsplan-2023")
            #expect(try await editor.send(.GET, "\(Self.org)/redigera?klart=kastat").1.contains("Utkastet är kastat."))
            #expect(try await DocumentVersion.query(on: app.db).filter(\.$number == 2).count() == 0)
            #expect(try await app.get("\(Self.org)/dokument/verksamhetsplan-2023").status == .ok)
            #expect(try await editor.send(.POST, "\(Self.org)/redigera/verksamhetsplan-2023/1/kasta", form: ["csrf": token, "confirmed": "ja"]).0 == .conflict,
                    "an adopted version cannot be discarded")
            #expect(try await editor.send(.POST, "\(Self.org)/redigera/verksamhetsplan-2023/utkast", form: ["csrf": token]).0 == .seeOther)
            #expect(try await editor.send(.POST, "\(Self.draft)/anta", form: ["csrf": token, "body": "Styrelsen", "date": "2023-12-01", "reference": "", "confirmed": "ja"]).0 == .seeOther)
            #expect(try await editor.send(.GET, "\(Self.org)/redigera").1.contains("<strong>Ersatt"))
        }
    }

    @Test("The draft beside the version in force, word by word, and next year's plan beside this year's", arguments: Engine.enabled)
    func compare(engine: Engine) async throws {
        try await withApp(engine) { app in
            var (editor, token) = try await Self.editorWithDraft(app)
            let node = "\(Self.draft)/punkt/utredning-av-ungdomsmottagningarnas-organisering"
            var fields = try Browser.formFields(in: try await editor.send(.GET, node).1, action: node)
            fields["text"] = "Utredningen görs tillsammans med regionen."
            fields["title"] = "Utredning av ungdomsmottagningarnas organisering och finansiering"
            fields["status"] = "ongoing"
            #expect(try await editor.send(.POST, node, form: fields).0 == .seeOther)
            #expect(try await editor.send(.POST, "\(Self.draft)/avsnitt/natverk", form: ["csrf": token, "heading": "Nätverk", "depth": "2", "body": "Nätverken är kärnan."]).0 == .seeOther)
            let page = try await editor.send(.GET, "\(Self.draft)/jamfor").1
            #expect(page.contains("till <strong>Verksamhetsplan 2023, version 2 (utkast – ej publicerat)</strong>"))
            #expect(page.contains("Utredning av <del><span class=\"visually-hidden\">[borttaget:] </span>Ungdomsmottagningarnas</del><ins>"), "a word replaced, marked")
            #expect(page.contains("organisering<ins><span class=\"visually-hidden\">[tillagt:] </span> och finansiering</ins>"), "words added, marked")
            #expect(page.contains("<dt>Status</dt>") && page.contains("Pågående"))
            #expect(page.contains("Ändrad: </span>Nätverk") && page.contains("<dt>Text</dt>"))
            #expect(!(try await app.get("\(Self.org)/dokument/verksamhetsplan-2023").body.contains("organisering och finansiering")), "the draft stays private")

            #expect(try await editor.send(.POST, "\(Self.org)/redigera/verksamhetsplan-2023/kopia",
                                          form: ["csrf": token, "slug": "verksamhetsplan-2024", "title": "Verksamhetsplan 2024", "periodStart": "2024", "periodEnd": "2024"]).0 == .seeOther)
            let copied = try await editor.send(.GET, "\(Self.org)/redigera/verksamhetsplan-2024/1?klart=kopia&ar=2023").1
            #expect(copied.contains("Avsnitt som nämner 2023"), "the sections naming the old year are listed")
            let next = try await editor.send(.GET, "\(Self.org)/redigera/verksamhetsplan-2024/1/jamfor?med=verksamhetsplan-2023:2").1
            #expect(next.contains("<dt>Titel</dt>") && next.contains("Verksamhetsplan 2024"), "the document's title differs")
            #expect(!next.contains("Tillagd: </span>Målområde"), "goals match by lineage across documents")
            let defaulted = try await editor.send(.GET, "\(Self.org)/redigera/verksamhetsplan-2024/1/jamfor").1
            #expect(defaulted.contains("Från <strong>Verksamhetsplan 2023"), "by default, the plan it was copied from")
        }
    }

    @Test("Filters by level, goal area, status and words; the preview's links stay in the draft", arguments: Engine.enabled)
    func filtersAndPreview(engine: Engine) async throws {
        try await withApp(engine) { app in
            var (editor, _) = try await Self.editorWithDraft(app)
            let filtered = try await editor.send(.GET, "\(Self.draft)?niva=2&omrade=jamlik-valfard&q=ungdomsmottagning").1
            #expect(filtered.contains("1 träff.") && filtered.contains("Utredning av Ungdomsmottagningarnas organisering"))
            #expect(!filtered.contains("Samordning av det strategiska arbetet"), "other activities are filtered away")
            #expect(filtered.contains(#"<option value="jamlik-valfard" selected>"#), "the filter keeps its choices")
            let none = try await editor.send(.GET, "\(Self.draft)?q=finns-inte-alls").1
            #expect(none.contains("Inget i trädet matchar filtret."))
            let preview = try await editor.send(.GET, "\(Self.draft)/forhandsvisning").1
            let links = HTMLCheck.matches(of: #"href="(/o/norrbottens-kommuner/[^"]+)""#, in: preview)
            #expect(!links.contains { $0.contains("/dokument/verksamhetsplan-2023/version/2") }, "no public address of the draft")
            let nodeLink = try #require(links.first { $0.contains("/forhandsvisning/") })
            let nodePage = try await editor.send(.GET, nodeLink)
            #expect(nodePage.0 == .ok && nodePage.1.contains("Utkast – ej publicerat."))
        }
    }

    @Test("Saving facts keeps a partner the list lacks, and keeps Agenda 2030 explanations", arguments: Engine.enabled)
    func nothingLost(engine: Engine) async throws {
        try await withApp(engine) { app in
            var (editor, _) = try await Self.editorWithDraft(app)
            let version = try #require(try await DocumentVersion.query(on: app.db).filter(\.$number == 2).first())
            let row = try #require(try await PlanNode.query(on: app.db).filter(\.$version.$id == version.requireID())
                .filter(\.$key == "utredning-av-ungdomsmottagningarnas-organisering").first())
            row.partnersJSON = #"["polisen","nedlagd-part"]"#
            try await row.update(on: app.db)
            let link = Agenda2030Link()
            link.$version.id = try version.requireID()
            link.$node.id = try row.requireID()
            link.position = 0
            link.code = "3.4"
            link.role = .primary
            link.explanation = "Psykisk hälsa"
            try await link.create(on: app.db)
            let path = "\(Self.draft)/punkt/utredning-av-ungdomsmottagningarnas-organisering"
            let page = try await editor.send(.GET, path).1
            #expect(page.contains("nedlagd-part (finns inte längre i registret)"))
            var fields = try #require(HTMLForm.all(in: page).first { $0.action == path }).fields
            fields = fields.map { $0.name == "text" ? ($0.name, "Ny text.") : $0 }
            #expect(try await editor.send(.POST, path, pairs: fields).0 == .seeOther)
            let saved = try #require(try await PlanNode.find(row.requireID(), on: app.db))
            #expect(saved.partnersJSON == #"["polisen","nedlagd-part"]"#, "both partners kept, in their order")
            #expect(try await Agenda2030Link.query(on: app.db).filter(\.$node.$id == row.requireID()).first()?.explanation == "Psykisk hälsa")
        }
    }

    @Test("The history names what was changed as it was called then, by document, item, user and date", arguments: Engine.enabled)
    func history(engine: Engine) async throws {
        try await withApp(engine) { app in
            var (editor, _) = try await Self.editorWithDraft(app)
            let path = "\(Self.draft)/punkt/utredning-av-ungdomsmottagningarnas-organisering"
            for title in ["Utredning, första namnet", "Utredning, andra namnet"] {
                var fields = try Browser.formFields(in: try await editor.send(.GET, path).1, action: path)
                fields["title"] = title
                #expect(try await editor.send(.POST, path, form: fields).0 == .seeOther)
            }
            let removal = try await editor.send(.POST, path + "/ta-bort", form: ["csrf": try #require(Browser.csrf(in: try await editor.send(.GET, path).1)), "confirmed": "ja"])
            #expect(removal.0 == .seeOther)
            let history = try await editor.send(.GET, "\(Self.org)/redigera/historik?dokument=verksamhetsplan-2023&punkt=utredning-av-ungdomsmottagningarnas-organisering").1
            #expect(history.contains("Visar historiken för <strong>Utredning, andra namnet</strong>"))
            #expect(history.contains("<strong>Ändrade titel eller text</strong>: Utredning, första namnet (Verksamhetsplan 2023, version 2)"))
            #expect(history.contains("<strong>Tog bort</strong>: Utredning, andra namnet"), "a removed item's history still reads")
            #expect(!history.contains("Skapade ett utkast"), "only this item")
            let today = ISO8601DateFormatter().string(from: Date()).prefix(10)
            #expect(try await editor.send(.GET, "\(Self.org)/redigera/historik?fran=2001-01-01&till=2001-12-31").1.contains("Inga ändringar matchar filtret."))
            #expect(try await editor.send(.GET, "\(Self.org)/redigera/historik?fran=\(today)&anvandare=redaktor%40example.se").1.contains("Skapade ett utkast"))
            for index in 0..<60 {
                try await AuditLog.record("node.update", subject: "node x", actor: .commandLine, organisationID: try #require(try await OrganisationRecord.query(on: app.db).filter(\.$slug == "norrbottens-kommuner").first()).id,
                                          context: .init(name: "Rad \(index)", document: "verksamhetsplan-2023"), on: app.db)
            }
            let first = try await editor.send(.GET, "\(Self.org)/redigera/historik").1
            #expect(first.contains("Äldre →") && !first.contains("← Nyare"))
            #expect(try await editor.send(.GET, "\(Self.org)/redigera/historik?sida=2").1.contains("← Nyare"))
        }
    }
}

/// A version adopted by several bodies: each party of an agreement decides on the same text.
@Suite("Adoption by several bodies")
struct FurtherAdoptionTests {
    static let org = "/o/norrbottens-kommuner"
    static let version1 = "\(org)/redigera/verksamhetsplan-2023/1"

    @Test("An editor adds another body's decision: refusals beside the field with the input kept, the public page and the API show it",
          arguments: Engine.enabled)
    func furtherAdoption(engine: Engine) async throws {
        try await withApp(engine) { app in
            var (editor, token) = try await EditorWorkflowTests.editorWithDraft(app)
            let before = try await DatabaseFingerprint.take(app.db)
            let draft = try await editor.send(.POST, "\(EditorWorkflowTests.draft)/fler-beslut", form: ["csrf": token, "body": "Styrelsen"])
            #expect(draft.0 == .unprocessableEntity && draft.1.contains("Anta versionen först"), "a draft is adopted first")
            let empty = try await editor.send(.POST, "\(Self.version1)/fler-beslut", form: ["csrf": token, "body": " ", "date": "2023-01-01"])
            #expect(empty.0 == .unprocessableEntity && empty.1.contains(#"id="body-error">Ange vilket organ som antog dokumentet."#))
            let badDate = try await editor.send(.POST, "\(Self.version1)/fler-beslut", form: ["csrf": token, "body": "Regionstyrelsen", "date": "2023-02-30"])
            #expect(badDate.0 == .unprocessableEntity && badDate.1.contains(#"id="date-error""#) && badDate.1.contains(#"value="Regionstyrelsen""#))
            #expect(try await DatabaseFingerprint.take(app.db) == before, "refusals write nothing")

            let saved = try await editor.send(.POST, "\(Self.version1)/fler-beslut", form: ["csrf": token, "body": "Regionstyrelsen", "date": "", "reference": "§ 7"])
            #expect(saved.2.first(name: .location) == "\(Self.version1)?klart=fler-beslut")
            #expect(try await editor.send(.GET, "\(Self.version1)?klart=fler-beslut").1.contains("Beslutet är tillagt"))
            let twice = try await editor.send(.POST, "\(Self.version1)/fler-beslut", form: ["csrf": token, "body": "regionstyrelsen", "date": ""])
            #expect(twice.0 == .unprocessableEntity && twice.1.contains("finns redan bland besluten"), "the same body twice is refused")
            let page = try await app.get("\(Self.org)/dokument/verksamhetsplan-2023").body
            #expect(page.contains("Regionstyrelsen – § 7"))

            let apiToken = try await app.apiToken("redaktor@example.se")
            let api = "/api/v1/organisations/norrbottens-kommuner/documents/verksamhetsplan-2023/versions/1/further-adoptions"
            let added = try await app.api(.POST, api, token: apiToken, body: #"{"body": "Kommunstyrelsen i Luleå", "adoptedOn": "2023-03-01"}"#)
            #expect(added.0 == .noContent)
            let refused = try await app.api(.POST, api, token: apiToken, body: #"{"body": "X", "adoptedOn": "den första mars"}"#)
            #expect(refused.0 == .unprocessableEntity && refused.1.contains("date"))
            let content = try await app.getJSON("/api/v1/organisations/norrbottens-kommuner/documents/verksamhetsplan-2023", as: DocumentContent.self)
            #expect(content.version.furtherAdoptions == [Adoption(body: "Regionstyrelsen", decisionReference: "§ 7"),
                                                         Adoption(body: "Kommunstyrelsen i Luleå", adoptedOn: "2023-03-01")])
            let audit = try await AuditEntry.query(on: app.db).filter(\.$action == "version.adopt.further").all()
            #expect(audit.count == 2)
        }
    }
}
