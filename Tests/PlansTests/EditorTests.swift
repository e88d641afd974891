import AppTestSupport
@testable import Auth
import Fluent
import Foundation
@testable import Organisation
@testable import Plans
@testable import SamsynApp
import Testing
import Vapor

@Suite("Writing plans: drafts, edits, adoption, versions, and who may do it")
struct EditorTests {
    static let password = "ett-langt-losenord"
    let org = "/o/norrbottens-kommuner"

    func user(_ app: Application, _ email: String, _ role: RoleKind, org: String = "norrbottens-kommuner", represents: String? = nil) async throws -> Browser {
        try await Roles.createUser(email: email, name: email, password: Self.password, organisationSlug: org, role: role,
                                      represents: represents, actor: .commandLine, hasher: app.password.async, on: app.db)
        var browser = Browser(app: app)
        #expect(try await browser.signIn(email, Self.password) == .seeOther)
        return browser
    }

    func csrf(_ browser: inout Browser, _ path: String) async throws -> String {
        try #require(Browser.csrf(in: try await browser.send(.GET, path).1))
    }

    @Test("Next year's plan from this year's, a key activity edited, adopted, published; then a new version and its changes",
          arguments: Engine.enabled)
    func planLifecycle(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            var editor = try await user(app, "redaktor@example.se", .editor)
            var token = try await csrf(&editor, "\(org)/redigera")
            let copied = try await editor.send(.POST, "\(org)/redigera/verksamhetsplan-2023/kopia",
                                               form: ["csrf": token, "slug": "verksamhetsplan-2024", "title": "Verksamhetsplan 2024",
                                                      "periodStart": "2024", "periodEnd": "2024"])
            #expect(copied.0 == .seeOther)
            #expect(copied.2.first(name: .location) == "\(org)/redigera/verksamhetsplan-2024/1?klart=kopia&ar=2023", "and lists the sections naming 2023")
            #expect(try await app.get("\(org)/dokument/verksamhetsplan-2024").status == .notFound, "a draft is not public")
            #expect(try await editor.send(.GET, "\(org)/redigera/verksamhetsplan-2024/1/forhandsvisning").1.contains("<h1>Verksamhetsplan 2024</h1>"))

            let draft = try await app.getJSON("/api/v1/organisations/norrbottens-kommuner/documents/verksamhetsplan-2023", as: DocumentContent.self)
            #expect(draft.allNodes.filter { $0.level == "Nyckelaktivitet" }.count == 53)
            let key = "utredning-av-ungdomsmottagningarnas-organisering"
            let formPage = try await editor.send(.GET, "\(org)/redigera/verksamhetsplan-2024/1/punkt/\(key)").1
            token = try #require(Browser.csrf(in: formPage))
            let revision = try #require(HTMLCheck.matches(of: #"name="revision" value="(\d+)""#, in: formPage).first)
            let saved = try await editor.send(.POST, "\(org)/redigera/verksamhetsplan-2024/1/punkt/\(key)",
                                              form: ["csrf": token, "revision": revision, "title": "Utredning av ungdomsmottagningarnas organisering, fas 2", "text": "Fortsätter från 2023."])
            #expect(saved.0 == .seeOther)
            let adoption = ["csrf": token, "body": "Förbundsfullmäktige", "date": "2023-11-24", "reference": "§ 7"]
            let asked = try await editor.send(.POST, "\(org)/redigera/verksamhetsplan-2024/1/anta", form: adoption)
            #expect(asked.0 == .ok && asked.1.contains("Ja, anta och publicera"), "adopting asks first")
            #expect(try await app.get("\(org)/dokument/verksamhetsplan-2024").status == .notFound, "asking adopts nothing")
            let adopted = try await editor.send(.POST, "\(org)/redigera/verksamhetsplan-2024/1/anta", form: adoption.merging(["confirmed": "ja"]) { $1 })
            #expect(adopted.2.first(name: .location) == "\(org)/redigera/verksamhetsplan-2024/1?klart=antagen")
            let said = try await editor.send(.GET, "\(org)/redigera/verksamhetsplan-2024/1?klart=antagen").1
            #expect(said.contains("Versionen är antagen och publicerad.") && said.contains(#"href="\#(org)/dokument/verksamhetsplan-2024/version/1">Visa den publicerade sidan"#))

            let page = try await app.get("\(org)/dokument/verksamhetsplan-2024").body
            #expect(page.contains("Utredning av ungdomsmottagningarnas organisering, fas 2"))
            #expect(page.contains("<dt>Antagen av</dt><dd>Förbundsfullmäktige</dd>"))
            #expect(try await app.get("\(org)/dokument/verksamhetsplan-2023").body.contains("Utredning av Ungdomsmottagningarnas organisering"), "last year's plan is untouched")

            // The adopted version is frozen: a change makes a new version.
            let frozen = try await editor.send(.POST, "\(org)/redigera/verksamhetsplan-2024/1/punkt/\(key)",
                                               form: ["csrf": token, "revision": "2", "title": "Ändrad", "text": ""])
            #expect(frozen.0 == .conflict)
            #expect(try await editor.send(.POST, "\(org)/redigera/verksamhetsplan-2024/utkast", form: ["csrf": token]).0 == .seeOther)
            let goal = "vi-stodjer-innovativa-losningar-kring-valfardens-utmaningar"
            let goalForm = try await editor.send(.GET, "\(org)/redigera/verksamhetsplan-2024/2/punkt/\(goal)").1
            let goalRevision = try #require(HTMLCheck.matches(of: #"name="revision" value="(\d+)""#, in: goalForm).first)
            #expect(try await editor.send(.POST, "\(org)/redigera/verksamhetsplan-2024/2/punkt/\(goal)",
                                          form: ["csrf": token, "revision": goalRevision, "title": "Vi stödjer innovativa lösningar.", "text": ""]).0 == .seeOther)
            #expect(try await editor.send(.POST, "\(org)/redigera/verksamhetsplan-2024/2/anta",
                                          form: ["csrf": token, "body": "Styrelsen", "date": "2024-03-01", "reference": "", "confirmed": "ja"]).0 == .seeOther)

            let summaries = try await app.getJSON("/api/v1/organisations/norrbottens-kommuner/documents", as: [DocumentSummary].self)
            #expect(summaries.first { $0.slug == "verksamhetsplan-2024" }?.version == 2)
            let first = try await app.getJSON("/api/v1/organisations/norrbottens-kommuner/documents/verksamhetsplan-2024?version=1", as: DocumentContent.self)
            #expect(first.version.status == .superseded)
            let changes = try await app.get("\(org)/dokument/verksamhetsplan-2024/jamfor?fran=1&till=2").body
            #expect(changes.contains("Ändrad: </span>Mål – Vi stödjer innovativa lösningar."))
            #expect(changes.contains("[borttaget:] </span>lösningar kring välfärdens utmaningar.</del>"), "the words removed, marked")
            #expect(try await app.get("\(org)/dokument/verksamhetsplan-2024").body.contains("ändringar mot version 1"))

            #expect(try await editor.send(.GET, "\(org)/admin/logg").0 == .forbidden, "the audit trail is for administrators")
            var administrator = try await user(app, "admin@example.se", .administrator)
            let log = try await administrator.send(.GET, "\(org)/admin/logg")
            #expect(log.0 == .ok && log.1.contains("<strong>Ändrade titel eller text</strong>: Utredning av ungdomsmottagningarnas organisering, fas 2 (Verksamhetsplan 2024, version 1)"))
            #expect(log.1.contains("Utredning av ungdomsmottagningarnas organisering, fas 2"))
            let own = try await administrator.send(.GET, "\(org)/admin/logg?anvandare=redaktor%40example.se").1
            #expect(own.contains("Antog versionen") && !own.contains("admin@example.se</a>"))
            let audit = try await AuditEntry.query(on: app.db).all().map(\.action)
            #expect(audit.filter { $0 == "node.update" }.count == 2)
            #expect(audit.contains("document.create") && audit.contains("version.create") && audit.filter { $0 == "version.adopt" }.count == 2)
        }
    }

    @Test("Refusals: not signed in, a member representative, a reader, an editor of another organisation, a wrong CSRF token",
          arguments: Engine.enabled)
    func refusals(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            var other = try demoJSON()
            other.editObject("organisation") { $0["slug"] = "annat-forbund"; $0["name"] = "Annat förbund" }
            _ = try await OrganisationImporter.importFile(data(other), on: app.db)
            var editor = try await user(app, "redaktor@example.se", .editor)
            let token = try await csrf(&editor, "\(org)/redigera")
            var representative = try await user(app, "lulea@example.se", .memberRepresentative, represents: "2580")
            let repToken = try await csrf(&representative, "/konto")
            var reader = try await user(app, "lasare@example.se", .reader)
            var outsider = try await user(app, "annan@example.se", .editor, org: "annat-forbund")
            let outsiderToken = try await csrf(&outsider, "/o/annat-forbund/redigera")
            let before = try await DatabaseFingerprint.take(app.db)
            let auditBefore = try await AuditEntry.query(on: app.db).count()
            let copy = ["slug": "verksamhetsplan-2024", "title": "Verksamhetsplan 2024", "periodStart": "2024", "periodEnd": "2024"]

            var anonymous = Browser(app: app)
            #expect(try await anonymous.send(.GET, "\(org)/redigera").0 == .seeOther, "a page asked for without a session leads to the sign-in page")
            #expect(try await anonymous.send(.POST, "\(org)/redigera/verksamhetsplan-2023/kopia", form: copy.merging(["csrf": token]) { $1 }).0 == .unauthorized)

            #expect(try await representative.send(.GET, "\(org)/redigera").0 == .forbidden)
            #expect(try await representative.send(.POST, "\(org)/redigera/verksamhetsplan-2023/kopia", form: copy.merging(["csrf": repToken]) { $1 }).0 == .forbidden)

            #expect(try await reader.send(.GET, "\(org)/redigera").0 == .forbidden)

            #expect(try await outsider.send(.GET, "\(org)/redigera").0 == .forbidden)
            #expect(try await outsider.send(.POST, "\(org)/redigera/verksamhetsplan-2023/utkast", form: ["csrf": outsiderToken]).0 == .forbidden)

            #expect(try await editor.send(.POST, "\(org)/redigera/verksamhetsplan-2023/utkast", form: ["csrf": "fel"]).0 == .forbidden)
            #expect(try await editor.send(.POST, "\(org)/redigera/verksamhetsplan-2023/utkast", form: ["csrf": outsiderToken]).0 == .forbidden,
                    "another session's token does not count")
            #expect(try await DatabaseFingerprint.take(app.db) == before)
            #expect(try await AuditEntry.query(on: app.db).count() == auditBefore, "nothing was written, so nothing was audited")
        }
    }

    @Test("Every fact of a node: unit, status, partners, networks, strategies, Agenda 2030; done activities stay behind in next year's copy",
          arguments: Engine.enabled)
    func facts(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            var editor = try await user(app, "redaktor@example.se", .editor)
            let token = try await csrf(&editor, "\(org)/redigera")
            #expect(try await editor.send(.POST, "\(org)/redigera/verksamhetsplan-2023/utkast", form: ["csrf": token]).0 == .seeOther)
            let node = "\(org)/redigera/verksamhetsplan-2023/2/punkt/utredning-av-ungdomsmottagningarnas-organisering"
            let formPage = try await editor.send(.GET, node).1
            #expect(formPage.contains("<legend>Samarbetsparter <span class=\"hint\">(0 av") && formPage.contains("Polisen"))
            let revision = try #require(HTMLCheck.matches(of: #"name="revision" value="(\d+)""#, in: formPage).first)
            var facts = ["csrf": token, "revision": revision, "title": "Utredning av Ungdomsmottagningarnas organisering", "text": "",
                         "responsibleUnit": "Avdelning Social välfärd", "status": "done",
                         "partners[]": "polisen", "networks[]": "brottsforebyggande-arbete-trygghetskonferensen", "strategies[]": "natverk",
                         "primary": "16.1", "secondary": "5"]
            #expect(try await editor.send(.POST, node, form: facts.merging(["partners[]": "okand"]) { $1 }).0 == .unprocessableEntity)
            #expect(try await editor.send(.POST, node, form: facts.merging(["primary": "18"]) { $1 }).0 == .unprocessableEntity)
            #expect(try await editor.send(.POST, node, form: facts.merging(["responsibleUnit": "Avdelning Påhittad"]) { $1 }).0 == .unprocessableEntity)
            #expect(try await editor.send(.POST, node, form: facts).0 == .seeOther)
            facts["revision"] = revision
            #expect(try await editor.send(.POST, node, form: facts).0 == .conflict, "the old revision")
            #expect(try await editor.send(.POST, "\(org)/redigera/verksamhetsplan-2023/2/anta",
                                          form: ["csrf": token, "body": "Styrelsen", "date": "2023-12-01", "reference": "", "confirmed": "ja"]).0 == .seeOther)

            let plan = try await app.getJSON("/api/v1/organisations/norrbottens-kommuner/documents/verksamhetsplan-2023", as: DocumentContent.self)
            let saved = try #require(plan.allNodes.first { $0.key == "utredning-av-ungdomsmottagningarnas-organisering" })
            #expect(saved.responsibleUnit == "Avdelning Social välfärd" && saved.status == "done")
            #expect(saved.partners == ["polisen"] && saved.networks == ["brottsforebyggande-arbete-trygghetskonferensen"] && saved.strategies == ["natverk"])
            #expect(saved.agenda2030.map(\.code) == ["16.1", "5"])
            #expect(saved.references.partners.map(\.name) == ["Polisen"] && saved.references.partners.map(\.key) == ["polisen"], "key and name alike")
            #expect(saved.references.responsibleUnit?.key == "avdelning-social-valfard" && saved.references.responsibleUnit?.name == "Avdelning Social välfärd")
            #expect(saved.references.networks.first?.name.isEmpty == false)
            let page = try await app.get("\(org)/dokument/verksamhetsplan-2023/utredning-av-ungdomsmottagningarnas-organisering").body
            #expect(page.contains("Avdelning Social välfärd") && page.contains("/o/norrbottens-kommuner/aktorer/polisen"))
            #expect(try await app.get("\(org)/agenda-2030").body.contains("(delmål 16.1)"))

            // A later rename in the registry does not rewrite the adopted plan.
            try await OrganisationRecord.query(on: app.db).filter(\.$slug == "polisen").set(\.$name, to: "Polismyndigheten").update()
            app.pageCache.removeAll()
            let frozen = try await app.get("\(org)/dokument/verksamhetsplan-2023/utredning-av-ungdomsmottagningarnas-organisering").body
            #expect(frozen.contains(">Polisen</a>") && !frozen.contains("Polismyndigheten"))
            #expect(try await app.get("\(org)/organisation").body.contains("Polismyndigheten"), "the registry itself shows the new name")
            let exported = try await OrganisationExporter.export(slug: Demo.organisationSlug, on: app.db)
            let adopted = try #require(exported.documents.first { $0.slug == "verksamhetsplan-2023" }?.versions.first { $0.number == 2 })
            #expect(adopted.frozenNames?["partner:polisen"] == "Polisen", "the export carries the frozen names")
            #expect(adopted.nodes.first { $0.key == "utredning-av-ungdomsmottagningarnas-organisering" }?.status == "done")

            #expect(try await editor.send(.POST, "\(org)/redigera/verksamhetsplan-2023/kopia",
                                          form: ["csrf": token, "slug": "verksamhetsplan-2024", "title": "Verksamhetsplan 2024", "periodStart": "2024", "periodEnd": "2024"]).0 == .seeOther)
            let copy = try await editor.send(.GET, "\(org)/redigera/verksamhetsplan-2024/1").1
            #expect(!copy.contains("Utredning av Ungdomsmottagningarnas organisering"), "a done activity is not carried")
            #expect(copy.contains("Utvärdering av Norrbus"), "unfinished activities are")
        }
    }

    @Test("An administrator creates users and gives roles; nobody else can", arguments: Engine.enabled)
    func administration(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            var admin = try await user(app, "admin@example.se", .administrator)
            let token = try await csrf(&admin, "\(org)/admin/anvandare")
            let newUser = ["csrf": token, "email": "ny@example.se", "name": "Ny Redaktör", "role": "editor", "represents": "", "password": Self.password]
            #expect(try await admin.send(.POST, "\(org)/admin/anvandare", form: newUser.merging(["csrf": "fel"]) { $1 }).0 == .forbidden)
            #expect(try await admin.send(.POST, "\(org)/admin/anvandare", form: newUser.merging(["password": "kort"]) { $1 }).0 == .unprocessableEntity)
            let created = try await admin.send(.POST, "\(org)/admin/anvandare", form: newUser)
            #expect(created.0 == .seeOther && created.2.first(name: .location) == "\(org)/admin/anvandare?klart=skapad")
            #expect(try await admin.send(.GET, "\(org)/admin/anvandare?klart=skapad").1.contains("ny@example.se"))
            var newcomer = Browser(app: app)
            #expect(try await newcomer.signIn("ny@example.se", Self.password) == .seeOther)
            #expect(try await newcomer.send(.GET, "\(org)/redigera").0 == .ok)
            #expect(try await newcomer.send(.GET, "\(org)/admin/anvandare").0 == .forbidden, "an editor is no administrator")

            let grant = ["csrf": token, "email": "ny@example.se", "role": "member-representative", "represents": ""]
            #expect(try await admin.send(.POST, "\(org)/admin/anvandare/roll", form: grant).0 == .unprocessableEntity)
            #expect(try await admin.send(.POST, "\(org)/admin/anvandare/roll", form: grant.merging(["represents": "2580"]) { $1 }).0 == .seeOther)
            #expect(try await admin.send(.GET, "\(org)/admin/anvandare").1.contains("Medlemsrepresentant för Luleå"))
            #expect(try await newcomer.send(.POST, "\(org)/admin/anvandare/aterkalla",
                                            form: ["csrf": try await csrf(&newcomer, "/konto"), "email": "admin@example.se", "role": "administrator"]).0 == .forbidden)
            let revoke = ["csrf": token, "email": "ny@example.se", "role": "editor"]
            #expect(try await admin.send(.POST, "\(org)/admin/anvandare/aterkalla", form: revoke).1.contains("Ja, ta bort rollen"), "asked first")
            #expect(try await newcomer.send(.GET, "\(org)/redigera").0 == .ok, "asking removes nothing")
            #expect(try await admin.send(.POST, "\(org)/admin/anvandare/aterkalla", form: revoke.merging(["confirmed": "ja"]) { $1 }).0 == .seeOther)
            #expect(try await newcomer.send(.GET, "\(org)/redigera").0 == .forbidden, "the role is gone")
            let audit = try await AuditEntry.query(on: app.db).filter(\.$actor == "admin@example.se").all().map(\.action)
            #expect(audit.contains("user.create") && audit.contains("role.grant") && audit.contains("role.revoke"))
        }
    }

    @Test("Every kind of write is refused for every role without the right, and changes nothing", arguments: Engine.enabled)
    func everyWriteEveryRole(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            var other = try demoJSON()
            other.editObject("organisation") { $0["slug"] = "annat-forbund"; $0["name"] = "Annat förbund" }
            _ = try await OrganisationImporter.importFile(data(other), on: app.db)
            var editor = try await user(app, "redaktor@example.se", .editor)
            let editorToken = try await csrf(&editor, "\(org)/redigera")
            #expect(try await editor.send(.POST, "\(org)/redigera/verksamhetsplan-2023/utkast", form: ["csrf": editorToken]).0 == .seeOther)
            let node = "\(org)/redigera/verksamhetsplan-2023/2/punkt/jamlik-valfard"
            let writes: [(String, [String: String], adminOnly: Bool)] = [
                ("\(org)/redigera/nytt", ["slug": "x", "title": "X", "kind": "annan", "levels": "A"], false),
                ("\(org)/redigera/verksamhetsplan-2023/utkast", [:], false),
                ("\(org)/redigera/verksamhetsplan-2023/kopia", ["slug": "y", "title": "Y"], false),
                ("\(org)/redigera/verksamhetsplan-2023/2/ny", ["title": "Z"], false),
                (node, ["revision": "1", "title": "Ändrad", "text": ""], false),
                (node + "/ordning", ["direction": "down"], false),
                (node + "/ta-bort", [:], false),
                ("\(org)/redigera/verksamhetsplan-2023/2/uppgifter", ["title": "T"], false),
                ("\(org)/redigera/verksamhetsplan-2023/2/kasta", ["confirmed": "ja"], false),
                ("\(org)/redigera/verksamhetsplan-2023/2/nytt-avsnitt", ["heading": "H", "depth": "2", "body": "B"], false),
                ("\(org)/redigera/verksamhetsplan-2023/2/avsnitt/natverk", ["heading": "H", "depth": "2", "body": "B"], false),
                ("\(org)/redigera/verksamhetsplan-2023/2/avsnitt/natverk/ordning", ["direction": "up"], false),
                ("\(org)/redigera/verksamhetsplan-2023/2/avsnitt/natverk/ta-bort", ["confirmed": "ja"], false),
                ("\(org)/redigera/verksamhetsplan-2023/2/anta", ["body": "B", "date": "2024-01-01", "reference": ""], false),
                ("\(org)/admin/anvandare", ["email": "x@example.se", "name": "X", "role": "administrator", "password": Self.password], true),
                ("\(org)/admin/anvandare/roll", ["email": "redaktor@example.se", "role": "administrator"], true),
                ("\(org)/admin/anvandare/aterkalla", ["email": "redaktor@example.se", "role": "editor", "confirmed": "ja"], true),
                ("\(org)/admin/anvandare/konto", ["email": "redaktor@example.se", "disabled": "ja", "confirmed": "ja"], true),
            ]
            var visitors: [(String, Browser, String)] = [("anonymous", Browser(app: app), "x")]
            for (email, role, organisation) in [("lulea@example.se", RoleKind.memberRepresentative, "norrbottens-kommuner"),
                                                ("lasare@example.se", .reader, "norrbottens-kommuner"),
                                                ("annan@example.se", .administrator, "annat-forbund")] {
                var browser = try await user(app, email, role, org: organisation, represents: role == .memberRepresentative ? "2580" : nil)
                visitors.append((email, browser, try await csrf(&browser, "/konto")))
            }
            visitors.append(("redaktor@example.se (admin pages)", editor, editorToken))
            let before = try await DatabaseFingerprint.take(app.db)
            let auditBefore = try await AuditEntry.query(on: app.db).count()
            for (name, var browser, token) in visitors {
                for (path, fields, adminOnly) in writes where name != "redaktor@example.se (admin pages)" || adminOnly {
                    let status = try await browser.send(.POST, path, form: fields.merging(["csrf": token]) { $1 }).0
                    #expect(status == (name == "anonymous" ? .unauthorized : .forbidden), "\(name) POST \(path) answered \(status)")
                }
            }
            #expect(try await DatabaseFingerprint.take(app.db) == before)
            #expect(try await AuditEntry.query(on: app.db).count() == auditBefore)
        }
    }

    @Test("A document from scratch with its own level model", arguments: Engine.enabled)
    func fromScratch(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            var editor = try await user(app, "redaktor@example.se", .editor)
            let token = try await csrf(&editor, "\(org)/redigera")
            let form = ["csrf": token, "slug": "samverkansplan-2024", "title": "Samverkansplan 2024", "kind": "handlingsplan",
                        "levels": "Samverkansområde, Målsättning", "periodStart": "2024", "periodEnd": "2025"]
            #expect(try await editor.send(.POST, "\(org)/redigera/nytt", form: form.merging(["levels": "Mål, Mål"]) { $1 }).0 == .unprocessableEntity)
            #expect(try await editor.send(.POST, "\(org)/redigera/nytt", form: form).0 == .seeOther)
            #expect(try await editor.send(.POST, "\(org)/redigera/nytt", form: form).0 == .conflict, "the address is taken")
            let draft = "\(org)/redigera/samverkansplan-2024/1"
            #expect(try await editor.send(.POST, "\(draft)/ny", form: ["csrf": token, "title": "Digitalisering"]).0 == .seeOther)
            #expect(try await editor.send(.POST, "\(draft)/ny", form: ["csrf": token, "parent": "digitalisering", "title": "Gemensam e-tjänsteplattform"]).0 == .seeOther)
            #expect(try await editor.send(.POST, "\(draft)/ny", form: ["csrf": token, "parent": "gemensam-e-tjansteplattform", "title": "För djupt"]).0 == .unprocessableEntity)
            #expect(try await editor.send(.POST, "\(draft)/anta", form: ["csrf": token, "body": "Styrelsen", "date": "2024-02-01", "reference": "§ 4", "confirmed": "ja"]).0 == .seeOther)
            let page = try await app.get("\(org)/dokument/samverkansplan-2024").body
            #expect(page.contains("Samverkansområde → Målsättning"))
            #expect(page.contains("Gemensam e-tjänsteplattform") && page.contains("2024–2025"))
        }
    }

    @Test("Add, reorder, move and remove nodes in a draft; the comparison shows each change", arguments: Engine.enabled)
    func treeEditing(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            var editor = try await user(app, "redaktor@example.se", .editor)
            let token = try await csrf(&editor, "\(org)/redigera")
            #expect(try await editor.send(.POST, "\(org)/redigera/verksamhetsplan-2023/utkast", form: ["csrf": token]).0 == .seeOther)
            let draft = "\(org)/redigera/verksamhetsplan-2023/2"
            let goal = "vi-verkar-for-valfard-som-framjar-trygghet", other = "vi-stodjer-innovativa-losningar-kring-valfardens-utmaningar"
            #expect(try await editor.send(.POST, "\(draft)/ny", form: ["csrf": token, "parent": goal, "title": "Ny nyckelaktivitet om <b>trygghet</b>"]).0 == .seeOther)
            #expect(try await editor.send(.POST, "\(draft)/punkt/ny-nyckelaktivitet-om-b-trygghet-b/ordning", form: ["csrf": token, "direction": "up"]).0 == .seeOther)
            let moved = "\(draft)/punkt/utredning-av-ungdomsmottagningarnas-organisering"
            var fields = try await Browser.formFields(in: try await editor.send(.GET, moved).1, action: moved)
            fields["parent"] = other
            #expect(try await editor.send(.POST, moved, form: fields).0 == .seeOther, "moving is choosing another parent in the item's form")
            let removal = "\(draft)/punkt/kartlaggning-av-kommunala-insatser-avseende-kommunala/ta-bort"
            #expect(try await editor.send(.POST, removal, form: ["csrf": token]).1.contains("Ja, ta bort"), "removing asks first")
            #expect(try await editor.send(.POST, removal, form: ["csrf": token, "confirmed": "ja"]).0 == .seeOther)
            let norrbus = "\(draft)/punkt/utvardering-av-norrbus-det-lansovergripande-samarbetet"
            fields = try await Browser.formFields(in: try await editor.send(.GET, norrbus).1, action: norrbus)
            fields["parent"] = "jamlik-valfard"
            let wrongLevel = try await editor.send(.POST, norrbus, form: fields)
            #expect(wrongLevel.0 == .unprocessableEntity && wrongLevel.1.contains("nivån ovanför"))
            #expect(wrongLevel.1.contains(#"<p class="field-error" id="parent-error">"#), "beside the field")
            #expect(try await editor.send(.POST, "\(draft)/ny", form: ["csrf": token, "parent": "finns-inte", "title": "X"]).0 == .notFound)
            #expect(try await editor.send(.POST, "\(org)/redigera/verksamhetsplan-2023/1/ny", form: ["csrf": token, "title": "X"]).0 == .conflict, "version 1 is adopted")

            let editorPage = try await editor.send(.GET, draft).1
            #expect(editorPage.contains("Ny nyckelaktivitet om &lt;b&gt;trygghet&lt;/b&gt;"))
            #expect(try await editor.send(.POST, "\(draft)/anta", form: ["csrf": token, "body": "Styrelsen", "date": "2023-06-01", "reference": "", "confirmed": "ja"]).0 == .seeOther)
            let plan = try await app.getJSON("/api/v1/organisations/norrbottens-kommuner/documents/verksamhetsplan-2023", as: DocumentContent.self)
            let first = try #require(plan.allNodes.first { $0.key == goal })
            #expect(first.children.count == 8, "9 + 1 added − 1 moved out − 1 removed")
            #expect(first.children.dropFirst(6).first?.title == "Ny nyckelaktivitet om <b>trygghet</b>", "moved up one place, from last")
            #expect(plan.allNodes.first { $0.key == other }?.children.last?.title == "Utredning av Ungdomsmottagningarnas organisering")
            #expect(plan.allNodes.filter { $0.level == "Nyckelaktivitet" }.count == 53)
            let changes = try await app.get("\(org)/dokument/verksamhetsplan-2023/jamfor?fran=1&till=2").body
            for kind in ["Tillagd", "Flyttad", "Borttagen"] { #expect(changes.contains(kind), "\(kind) is missing") }
            #expect(!changes.contains("<b>"))
        }
    }

    @Test("The API writes with a personal token, ETag and If-Match; stale, missing, revoked and foreign tokens are refused",
          arguments: Engine.enabled)
    func apiWrites(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            var other = try demoJSON()
            other.editObject("organisation") { $0["slug"] = "annat-forbund"; $0["name"] = "Annat förbund" }
            _ = try await OrganisationImporter.importFile(data(other), on: app.db)
            var editor = try await user(app, "redaktor@example.se", .editor)
            var token = try await csrf(&editor, "/konto")
            let created = try await editor.send(.POST, "/konto/nycklar", form: ["csrf": token, "name": "Skript"])
            let apiToken = try #require(HTMLCheck.matches(of: #"<code>(samsyn_[A-Za-z0-9_-]+)</code>"#, in: created.1).first)
            token = try await csrf(&editor, "\(org)/redigera")
            #expect(try await editor.send(.POST, "\(org)/redigera/verksamhetsplan-2023/utkast", form: ["csrf": token]).0 == .seeOther)
            let path = "/api/v1/organisations/norrbottens-kommuner/documents/verksamhetsplan-2023/versions/2/nodes/jamlik-valfard"

            func call(_ method: HTTPMethod, _ bearer: String?, ifMatch: String? = nil, body: String? = nil) async throws -> (HTTPStatus, String, HTTPHeaders) {
                var headers = HTTPHeaders()
                if let bearer { headers.bearerAuthorization = .init(token: bearer) }
                if let ifMatch { headers.replaceOrAdd(name: .ifMatch, value: ifMatch) }
                if body != nil { headers.contentType = .json }
                var result: (HTTPStatus, String, HTTPHeaders) = (.internalServerError, "", [:])
                try await app.testing().test(method, path, headers: headers, body: body.map { ByteBuffer(string: $0) }) { response async in
                    result = (response.status, response.body.string, response.headers)
                }
                return result
            }
            let read = try await call(.GET, apiToken)
            #expect(read.0 == .ok)
            let etag = try #require(read.2.first(name: .eTag))
            let body = #"{"title": "Jämlik välfärd (API)", "text": "Ny text."}"#
            #expect(try await call(.PUT, apiToken, body: body).0 == .preconditionRequired)
            #expect(try await call(.PUT, nil, ifMatch: etag, body: body).0 == .unauthorized)
            #expect(try await call(.PUT, "samsyn_fel", ifMatch: etag, body: body).0 == .unauthorized)
            let saved = try await call(.PUT, apiToken, ifMatch: etag, body: body)
            #expect(saved.0 == .ok && saved.1.contains("Jämlik välfärd (API)"))
            #expect(saved.2.first(name: .eTag) != etag)
            let stale = try await call(.PUT, apiToken, ifMatch: etag, body: #"{"title": "Förlorad", "text": ""}"#)
            #expect(stale.0 == .preconditionFailed, "a second save with the old ETag is refused")
            #expect(try await call(.GET, apiToken).1.contains("Jämlik välfärd (API)"))

            var outsider = try await user(app, "annan@example.se", .editor, org: "annat-forbund")
            let outsiderCSRF = try await csrf(&outsider, "/konto")
            let outsiderToken = try #require(HTMLCheck.matches(of: #"<code>(samsyn_[A-Za-z0-9_-]+)</code>"#,
                                                               in: try await outsider.send(.POST, "/konto/nycklar", form: ["csrf": outsiderCSRF, "name": "x"]).1).first)
            #expect(try await call(.GET, outsiderToken).0 == .forbidden, "another organisation's editor")

            let tokenID = try #require(try await ApiToken.query(on: app.db).filter(\.$name == "Skript").first()?.id)
            token = try await csrf(&editor, "/konto")
            #expect(try await editor.send(.POST, "/konto/nycklar/\(tokenID)/aterkalla", form: ["csrf": token]).0 == .ok)
            #expect(try await call(.GET, apiToken).0 == .unauthorized, "a revoked token")
        }
    }

    @Test("Every editing action over the API with a token: create, copy, add, move, facts, remove, adopt; readers are refused",
          arguments: Engine.enabled)
    func apiEditing(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            func token(for email: String, _ role: RoleKind) async throws -> String {
                var browser = try await user(app, email, role)
                let csrfToken = try await csrf(&browser, "/konto")
                return try #require(HTMLCheck.matches(of: #"<code>(samsyn_[A-Za-z0-9_-]+)</code>"#,
                                                      in: try await browser.send(.POST, "/konto/nycklar", form: ["csrf": csrfToken, "name": "api"]).1).first)
            }
            let editor = try await token(for: "redaktor@example.se", .editor)
            let reader = try await token(for: "lasare@example.se", .reader)
            let base = "/api/v1/organisations/norrbottens-kommuner/documents"
            func call(_ method: HTTPMethod, _ path: String, _ bearer: String, _ json: String? = nil, ifMatch: String? = nil) async throws -> (HTTPStatus, String, HTTPHeaders) {
                var headers = HTTPHeaders()
                headers.bearerAuthorization = .init(token: bearer)
                if json != nil { headers.contentType = .json }
                if let ifMatch { headers.replaceOrAdd(name: .ifMatch, value: ifMatch) }
                var result: (HTTPStatus, String, HTTPHeaders) = (.internalServerError, "", [:])
                try await app.testing().test(method, path, headers: headers, body: json.map { ByteBuffer(string: $0) }) { response async in
                    result = (response.status, response.body.string, response.headers)
                }
                return result
            }
            let copy = #"{"slug": "verksamhetsplan-2024", "title": "Verksamhetsplan 2024", "periodStart": 2024, "periodEnd": 2024, "copyOf": "verksamhetsplan-2023"}"#
            #expect(try await call(.POST, base, reader, copy).0 == .forbidden)
            #expect(try await call(.POST, base, editor, copy).0 == .created)
            #expect(try await call(.POST, base, editor, copy).0 == .conflict)
            #expect(try await call(.POST, base, editor, #"{"slug": "tom", "title": "Tom", "levels": ["Område", "Område"]}"#).0 == .unprocessableEntity)
            let draft = "\(base)/verksamhetsplan-2024/versions/1"
            let added = try await call(.POST, "\(draft)/nodes", editor, #"{"title": "Ny aktivitet", "parent": "vi-verkar-for-valfard-som-framjar-trygghet"}"#)
            #expect(added.0 == .created && added.1.contains(#""node":"ny-aktivitet""#))
            #expect(try await call(.POST, "\(draft)/nodes/ny-aktivitet/move", editor, #"{"parent": "vi-stodjer-innovativa-losningar-kring-valfardens-utmaningar"}"#).0 == .noContent)
            #expect(try await call(.POST, "\(draft)/nodes/ny-aktivitet/move", editor, #"{"direction": "up"}"#).0 == .noContent)
            #expect(try await call(.POST, "\(draft)/nodes/ny-aktivitet/move", editor, #"{}"#).0 == .unprocessableEntity)
            let etag = try #require(try await call(.GET, "\(draft)/nodes/ny-aktivitet", editor).2.first(name: .eTag))
            let facts = #"{"status": "ongoing", "partners": ["region-norrbotten"], "agenda2030": [{"code": "3.4", "role": "primary", "explanation": ""}]}"#
            #expect(try await call(.PUT, "\(draft)/nodes/ny-aktivitet/facts", editor, facts).0 == .preconditionRequired)
            #expect(try await call(.PUT, "\(draft)/nodes/ny-aktivitet/facts", editor, facts, ifMatch: etag).0 == .ok)
            #expect(try await call(.PUT, "\(draft)/nodes/ny-aktivitet/facts", editor, facts, ifMatch: etag).0 == .preconditionFailed)
            #expect(try await call(.DELETE, "\(draft)/nodes/utredning-av-ungdomsmottagningarnas-organisering", reader).0 == .forbidden)
            #expect(try await call(.DELETE, "\(draft)/nodes/utredning-av-ungdomsmottagningarnas-organisering", editor).0 == .noContent)
            // The draft's own parts: title and period, prose sections; reading the draft and the history.
            #expect(try await call(.PUT, draft, editor, #"{"title": "Verksamhetsplan 2024", "periodStart": 2025, "periodEnd": 2024}"#).0 == .unprocessableEntity)
            #expect(try await call(.PUT, draft, reader, #"{"title": "Verksamhetsplan 2024"}"#).0 == .forbidden)
            #expect(try await call(.PUT, draft, editor, #"{"title": "Verksamhetsplan för 2024", "periodStart": 2024, "periodEnd": 2024}"#).0 == .noContent)
            let section = try await call(.POST, "\(draft)/sections", editor, #"{"heading": "Uppföljning", "depth": 2, "body": "Varje tertial."}"#)
            #expect(section.0 == .created && section.1.contains(#""key":"uppfoljning""#))
            #expect(try await call(.PUT, "\(draft)/sections/uppfoljning", editor, #"{"heading": "Uppföljning", "depth": 9, "body": "x"}"#).0 == .unprocessableEntity)
            #expect(try await call(.PUT, "\(draft)/sections/uppfoljning", editor, #"{"heading": "Uppföljning", "depth": 2, "body": "Varje tertial och år."}"#).0 == .noContent)
            #expect(try await call(.POST, "\(draft)/sections/uppfoljning/move", editor, #"{"direction": "up"}"#).0 == .noContent)
            #expect(try await call(.DELETE, "\(draft)/sections/finns-inte", editor).0 == .notFound)
            let read = try await call(.GET, draft, editor)
            #expect(read.0 == .ok && read.1.contains(#""title":"Verksamhetsplan för 2024""#) && read.1.contains("Varje tertial och år."))
            #expect(try await call(.GET, draft, reader).0 == .forbidden, "drafts are for editors")
            let history = try await call(.GET, "/api/v1/organisations/norrbottens-kommuner/history?document=verksamhetsplan-2024&item=avsnitt:uppfoljning", editor)
            #expect(history.0 == .ok && history.1.contains(#""actionLabel":"Ändrade avsnitt""#) && history.1.contains(#""subjectName":"Uppföljning""#))
            #expect(try await call(.GET, "/api/v1/organisations/norrbottens-kommuner/history?from=2023-02-30", editor).0 == .badRequest)
            #expect(try await call(.POST, "\(draft)/adoption", editor, #"{"body": "Förbundsfullmäktige", "date": "24 november"}"#).0 == .unprocessableEntity)
            #expect(try await call(.POST, "\(draft)/adoption", editor, #"{"body": "Förbundsfullmäktige", "date": "2023-11-24", "reference": "§ 7"}"#).0 == .noContent)
            #expect(try await call(.POST, "\(draft)/nodes", editor, #"{"title": "För sent"}"#).0 == .conflict, "adopted versions are frozen")
            #expect(try await call(.DELETE, draft, editor).0 == .conflict, "an adopted version cannot be discarded")
            #expect(try await call(.POST, "\(base)/verksamhetsplan-2024/versions", editor).0 == .created)
            #expect(try await call(.POST, "\(base)/verksamhetsplan-2024/versions", editor).0 == .conflict, "one open draft")
            #expect(try await call(.DELETE, "\(base)/verksamhetsplan-2024/versions/2", editor).0 == .noContent)
            let comparison = try await app.get("\(base)/verksamhetsplan-2023/comparison?from=1&to=1")
            #expect(comparison.status == .ok && comparison.body.contains(#""changes":{"document":[],"nodes":[],"sections":[]}"#))
            let plan = try await app.getJSON("\(base)/verksamhetsplan-2024", as: DocumentContent.self)
            let node = try #require(plan.allNodes.first { $0.key == "ny-aktivitet" })
            #expect(node.status == "ongoing" && node.partners == ["region-norrbotten"] && node.agenda2030.map(\.code) == ["3.4"])
            #expect(plan.version.adoptedBy == "Förbundsfullmäktige")
            #expect(!plan.allNodes.contains { $0.key == "utredning-av-ungdomsmottagningarnas-organisering" })
            #expect(try await call(.POST, "\(base)/verksamhetsplan-2024/versions", editor).0 == .created)
        }
    }

    @Test("50 pairs of truly concurrent saves of one node: each pair saves once and refuses once", arguments: Engine.enabled)
    func concurrentSaves(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let document = try #require(try await SteeringDocument.query(on: app.db).filter(\.$slug == "verksamhetsplan-2023").with(\.$versions).first())
            let draft = try await PlanEditing.newDraft(of: document, from: document.versions[0], actor: .commandLine, on: app.db)
            let node = try #require(try await PlanNode.query(on: app.db).filter(\.$version.$id == draft.requireID()).filter(\.$key == "jamlik-valfard").first())
            let nodeID = try node.requireID(), organisationID = document.$organisation.id
            var revision = node.revision
            for pair in 0..<50 {
                let expected = revision
                let results = await withTaskGroup(of: Result<Int, any Error>.self) { group in
                    for editor in ["a", "b"] {
                        group.addTask {
                            do {
                                return .success(try await PlanEditing.updateNode(nodeID, expectedRevision: expected, title: "Jämlik välfärd \(pair)\(editor)",
                                                                                 text: "Text \(pair) från \(editor)", actor: .commandLine,
                                                                                 organisationID: organisationID, on: app.db))
                            } catch { return .failure(error) }
                        }
                    }
                    return await group.reduce(into: []) { $0.append($1) }
                }
                let saved = results.compactMap { try? $0.get() }
                let refused = results.compactMap { result -> PlanEditing.Failure? in
                    if case .failure(let error) = result { return error as? PlanEditing.Failure }
                    return nil
                }
                #expect(saved.count == 1 && refused.count == 1, "pair \(pair): \(results)")
                if case .conflict = refused.first {} else { Issue.record("pair \(pair) was not refused as a conflict") }
                revision = saved.first ?? revision + 1
            }
            let entries = try await AuditEntry.query(on: app.db).filter(\.$action == "node.update").all()
            #expect(entries.count == 50)
            let final = try #require(try await PlanNode.find(nodeID, on: app.db))
            #expect(final.revision == node.revision + 50)
            #expect(entries.contains { $0.after == "\(final.title)\n\n\(final.text)" }, "the audit trail shows the saved text")
        }
    }
}
