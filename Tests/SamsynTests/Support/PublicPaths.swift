import Core
import Foundation
import Plans
@testable import SamsynApp
import Testing
import Vapor

/// Every public page and API response of an organisation, found by walking its documents.
enum PublicPaths {
    static func all(_ app: Application, organisation org: String = "norrbottens-kommuner") async throws -> [String] {
        var paths = ["/", "/o/\(org)", "/o/\(org)/dokument", "/o/\(org)/medlemmar", "/o/\(org)/agenda-2030",
                     "/api/v1/organisations", "/api/v1/organisations/\(org)", "/api/v1/organisations/\(org)/members",
                     "/api/v1/organisations/\(org)/documents", "/api/v1/organisations/\(org)/agenda-2030"]
        paths += ["/o/\(org)/organisation", "/o/\(org)/personer", "/api/v1/organisations/\(org)/structure"]
        let structure = try await app.getJSON("/api/v1/organisations/\(org)/structure", as: OrganisationStructure.self)
        for group in structure.groups { paths += ["/o/\(org)/organisation/\(group.key)", "/api/v1/organisations/\(org)/groups/\(group.key)"] }
        for unit in structure.units { paths += ["/o/\(org)/enheter/\(unit.key)", "/api/v1/organisations/\(org)/units/\(unit.key)"] }
        let actors = Set(structure.groups.flatMap { $0.partners.map(\.slug) + [$0.convener?.slug].compactMap { $0 } + $0.seats.compactMap(\.representing?.slug) })
        for actor in actors.sorted() { paths += ["/o/\(org)/aktorer/\(actor)", "/api/v1/organisations/\(org)/actors/\(actor)"] }
        let documents = try await app.getJSON("/api/v1/organisations/\(org)/documents", as: [DocumentSummary].self)
        for summary in documents {
            let content = try await app.getJSON("/api/v1/organisations/\(org)/documents/\(summary.slug)", as: DocumentContent.self)
            let api = "/api/v1/organisations/\(org)/documents/\(summary.slug)"
            paths += ["/o/\(org)/dokument/\(summary.slug)", api, api + "/tree"]
            for version in content.versions {
                paths += ["/o/\(org)/dokument/\(summary.slug)/version/\(version.number)", api + "?version=\(version.number)"]
            }
            for node in content.allNodes {
                paths += ["/o/\(org)/dokument/\(summary.slug)/\(node.key)", api + "/nodes/\(node.key)"]
            }
        }
        return paths
    }
}

/// Row counts of every table, to prove a refused change left the database as it was.
func rowCounts(_ app: Application) async throws -> [String: Int] {
    [
        "organisations": try await OrganisationRecord.query(on: app.db).count(),
        "memberships": try await Membership.query(on: app.db).count(),
        "documents": try await SteeringDocument.query(on: app.db).count(),
        "versions": try await DocumentVersion.query(on: app.db).count(),
        "sections": try await DocumentSection.query(on: app.db).count(),
        "nodes": try await PlanNode.query(on: app.db).count(),
        "agendaLinks": try await Agenda2030Link.query(on: app.db).count(),
        "units": try await Unit.query(on: app.db).count(),
        "groups": try await Group.query(on: app.db).count(),
        "listings": try await Listing.query(on: app.db).count(),
        "people": try await Person.query(on: app.db).count(),
        "seats": try await Seat.query(on: app.db).count(),
        "users": try await User.query(on: app.db).count(),
        "sessions": try await UserSession.query(on: app.db).count(),
        "auditEntries": try await AuditEntry.query(on: app.db).count(),
    ]
}

import Auth
import Organisation
import Fluent

/// The demo file as a mutable JSON object, for tests that break it on purpose.
func demoJSON() throws -> [String: Any] {
    try JSONSerialization.jsonObject(with: Data(contentsOf: Demo.fileURL)) as! [String: Any]
}

func data(_ object: Any) throws -> Data {
    try JSONSerialization.data(withJSONObject: object)
}

/// Imports the demo file, broken by each case, as a new organisation: each must be refused with
/// the case's path, and the database must stay exactly as it was.
func expectRefusals(_ app: Application, _ cases: [(name: String, path: String, breakage: @Sendable (inout [String: Any]) -> Void)]) async throws {
    let before = try await rowCounts(app)
    for (name, path, breakage) in cases {
        var file = try demoJSON()
        file.editObject("organisation") { $0["slug"] = "ny-organisation" }
        breakage(&file)
        do {
            _ = try await OrganisationImporter.importFile(data(file), on: app.db)
            Issue.record("\(name): the import was accepted")
        } catch let error as ImportError {
            #expect(error.path == path, "\(name): \(error)")
            #expect(!error.message.isEmpty)
        }
        #expect(try await rowCounts(app) == before, "\(name) changed the database")
    }
}
