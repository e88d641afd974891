import AppTestSupport
@testable import Auth
import Core
import Fluent
import Foundation
@testable import Organisation
@testable import Plans
@testable import SamsynApp
import Testing
import Vapor

@Suite("Organisation file: export, import and the round trip")
struct InterchangeTests {
    @Test("Export → import into an empty database → export gives the same file, and every page and API response is the same",
          arguments: Engine.enabled)
    func roundTrip(engine: Engine) async throws {
        try await withApp(engine) { source in
            let first = try OrganisationExporter.encode(try await OrganisationExporter.export(slug: Demo.organisationSlug, on: source.db))
            let paths = try await PublicPaths.all(source)
            #expect(paths.count > 150)
            let agreement = try OrganisationExporter.encode(try await OrganisationExporter.export(slug: Demo.agreementSlug, on: source.db))
            try await withApp(engine, demo: false) { target in
                let outcome = try await OrganisationImporter.importFile(first, on: target.db)
                _ = try await OrganisationImporter.importFile(agreement, on: target.db)
                #expect(try OrganisationExporter.encode(try await OrganisationExporter.export(slug: Demo.agreementSlug, on: target.db)) == agreement)
                #expect(outcome.documents == 3 && outcome.nodes == 79)
                let second = try OrganisationExporter.encode(try await OrganisationExporter.export(slug: Demo.organisationSlug, on: target.db))
                #expect(first == second)
                for path in paths {
                    let (before, after) = (try await source.get(path), try await target.get(path))
                    #expect(before.status == .ok, "\(path)")
                    #expect(before.body == after.body, "\(path) differs after the round trip")
                }
            }
        }
    }

    @Test("The demo file is exactly what an export of the demo gives (without its example follow-up, which has a file of its own)", arguments: Engine.enabled)
    func demoFileIsAnExport(engine: Engine) async throws {
        try await withApp(engine, examples: false) { app in
            let exported = try await OrganisationExporter.export(slug: Demo.organisationSlug, on: app.db)
            let demo = try OrganisationFile.decode(Data(contentsOf: Demo.fileURL))
            #expect(exported == demo)
            let agreement = try await OrganisationExporter.export(slug: Demo.agreementSlug, on: app.db)
            #expect(agreement == (try OrganisationFile.decode(Data(contentsOf: Demo.agreementFileURL))))
        }
    }

    @Test("An existing organisation is refused without replace, and replace overwrites it", arguments: Engine.enabled)
    func replace(engine: Engine) async throws {
        try await withApp(engine) { app in
            var file = try demoJSON()
            var registry = file["registry"] as! [[String: Any]]
            registry.append(["key": "ny-partner", "kind": "ideburen", "name": "Ny partner"])
            file["registry"] = registry
            let before = try await DatabaseFingerprint.take(app.db)
            await #expect(throws: ImportConflict.self) { try await OrganisationImporter.importFile(data(file), on: app.db) }
            #expect(try await DatabaseFingerprint.take(app.db) == before, "the refused import left nothing behind (one transaction)")

            var organisation = file["organisation"] as! [String: Any]
            organisation["name"] = "Norrbottens Kommuner (ny)"
            file["organisation"] = organisation
            let outcome = try await OrganisationImporter.importFile(data(file), replace: true, on: app.db)
            #expect(outcome.replaced)
            #expect(try await AuditEntry.query(on: app.db).filter(\.$subject == Demo.organisationSlug).all().map(\.action) == ["organisation.import", "organisation.replace"])
            let detail = try await app.getJSON("/api/v1/organisations/norrbottens-kommuner", as: HomeController.OrganisationDetailDTO.self)
            #expect(detail.organisation.name == "Norrbottens Kommuner (ny)")
            #expect(detail.members.count == 14 && detail.documents.count == 2)
        }
    }

    @Test("Drafts never reach a public page or API response", arguments: Engine.enabled)
    func draftsStayPrivate(engine: Engine) async throws {
        try await withApp(engine, demo: false) { app in
            var file = try demoJSON()
            var documents = file["documents"] as! [[String: Any]]
            var plan = documents[1]
            var versions = plan["versions"] as! [[String: Any]]
            var draft = versions[0]
            draft["number"] = 2
            draft["status"] = "draft"
            draft["title"] = "Verksamhetsplan 2024 UTKAST"
            versions.append(draft)
            plan["versions"] = versions
            documents[1] = plan
            var hidden = documents[0]
            var hiddenVersions = hidden["versions"] as! [[String: Any]]
            hiddenVersions[0]["status"] = "draft"
            hiddenVersions[0]["title"] = "Inriktning HEMLIGT UTKAST"
            hidden["versions"] = hiddenVersions
            documents[0] = hidden
            file["documents"] = documents
            _ = try await OrganisationImporter.importFile(data(file), on: app.db)

            for path in try await PublicPaths.all(app) {
                let body = try await app.get(path).body
                #expect(!body.contains("UTKAST"), "\(path) shows a draft")
                #expect(!body.contains("HEMLIGT"), "\(path) shows a draft document")
            }
            #expect(try await app.get("/o/norrbottens-kommuner/dokument/verksamhetsplan-2023/version/2").status == .notFound)
            #expect(try await app.get("/api/v1/organisations/norrbottens-kommuner/documents/verksamhetsplan-2023?version=2").status == .notFound)
            #expect(try await app.get("/o/norrbottens-kommuner/dokument/inriktning-2023-2026").status == .notFound)
            // The export for moving an organisation still carries every version.
            let export = try await OrganisationExporter.export(slug: Demo.organisationSlug, on: app.db)
            #expect(export.documents.flatMap(\.versions).count == 3)
        }
    }
}

@Suite("Bad organisation files are refused with the path of the fault, changing nothing")
struct BadImportTests {
    typealias Breakage = @Sendable (inout [String: Any]) -> Void

    static let cases: [(String, String, Breakage)] = [
        ("wrong type", "documents[0].versions[0].number", { file in
            file.edit("documents", 0, "versions", 0) { $0["number"] = "ett" }
        }),
        ("missing property", "documents[0].versions[0].title", { file in
            file.edit("documents", 0, "versions", 0) { $0.removeValue(forKey: "title") }
        }),
        ("unknown property", "organisation.colour", { file in
            var organisation = file["organisation"] as! [String: Any]
            organisation["colour"] = "blå"
            file["organisation"] = organisation
        }),
        ("parent that does not exist", "documents[1].versions[0].nodes[5].parent", { file in
            file.edit("documents", 1, "versions", 0, "nodes", 5) { $0["parent"] = "finns-inte" }
        }),
        ("duplicate document slug", "documents[1].slug", { file in
            file.edit("documents", 1) { $0["slug"] = "inriktning-2023-2026" }
        }),
        ("duplicate node key", "documents[1].versions[0].nodes[2].key", { file in
            file.edit("documents", 1, "versions", 0, "nodes", 2) { $0["key"] = "jamlik-valfard" }
        }),
        ("level not in the level model", "documents[1].versions[0].nodes[2].level", { file in
            file.edit("documents", 1, "versions", 0, "nodes", 2) { $0["level"] = "Delmål" }
        }),
        ("level out of order", "documents[1].versions[0].nodes[2].level", { file in
            file.edit("documents", 1, "versions", 0, "nodes", 2) { $0["level"] = "Mål" }
        }),
        ("unknown Agenda 2030 goal", "documents[0].versions[0].agenda2030[0].code", { file in
            file.edit("documents", 0, "versions", 0, "agenda2030", 0) { $0["code"] = "18" }
        }),
        ("bad slug", "organisation.slug", { file in
            var organisation = file["organisation"] as! [String: Any]
            organisation["slug"] = "Norrbotten!"
            file["organisation"] = organisation
        }),
        ("member not in the registry", "organisation.members[0]", { file in
            var organisation = file["organisation"] as! [String: Any]
            organisation["members"] = ["9999"]
            file["organisation"] = organisation
        }),
        ("value not allowed", "documents[0].kind", { file in
            file.edit("documents", 0) { $0["kind"] = "roman" }
        }),
    ]

    @Test("Each broken file is refused with the offending field's path", arguments: Engine.enabled)
    func refused(engine: Engine) async throws {
        try await withApp(engine) { app in try await expectRefusals(app, Self.cases) }
    }

    @Test("Malformed JSON is refused with a clear reason", arguments: Engine.enabled)
    func malformed(engine: Engine) async throws {
        try await withApp(engine) { app in
            let before = try await DatabaseFingerprint.take(app.db)
            for text in ["{", "[]", "null", "{\"format\": \"samsyn-organisation\"}"] {
                await #expect(throws: ImportError.self) { try await OrganisationImporter.importFile(Data(text.utf8), on: app.db) }
            }
            do {
                _ = try await OrganisationImporter.importFile(Data("{\"a\": ".utf8), on: app.db)
            } catch let error as ImportError {
                #expect(error.description.contains("not valid JSON"))
            }
            #expect(try await DatabaseFingerprint.take(app.db) == before)
        }
    }
}
