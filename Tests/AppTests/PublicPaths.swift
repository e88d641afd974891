import AppTestSupport
import Core
import Foundation
@testable import Organisation
@testable import Plans
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
