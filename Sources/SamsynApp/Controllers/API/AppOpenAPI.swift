import Core
import Organisation
import Foundation
import OpenAPIKit
import Vapor

/// The composition root's part of the OpenAPI document (the routes that combine modules, and
/// imports) and the document itself, assembled once at start from the routes.
enum AppOpenAPI {
    static let info = OpenAPI.Document.Info(
        title: "Samsyn API",
        description: """
        Open data from Samsyn: organisations, their members and structure, steering documents with every public \
        version, goal trees and Agenda 2030 links, and the editor's writes with a personal API token. Reads are public \
        and never return drafts; they carry an ETag and answer 304 to a matching If-None-Match. Errors are JSON: \
        {"error": {"status": 404, "reason": "…"}}, and a malformed body's reason names the field by its JSON path. A \
        method a path does not have is answered 405 with an Allow header; a body that is not JSON, 415; one over \
        its limit, 413. Public reads may be fetched from any web page (CORS: Access-Control-Allow-Origin *). The data is \
        published under each organisation's licence, given in its responses as `licence`; unless an organisation \
        says otherwise it is CC0 1.0 (no rights reserved).
        """,
        license: .init(name: "CC0 1.0 Universal", url: URL(string: "https://creativecommons.org/publicdomain/zero/1.0/")!),
        version: "1.0.0")

    static let components = OpenAPIComponents(schemas: [
        "OrganisationDetail": .record(["organisation": .component("Organisation"), "members": .list(.component("Organisation")),
                                       "documents": .list(.component("DocumentSummary")), "licence": .component("Licence")]),
        "Licence": .record(["name": .string, "url": .string], description: "The licence the organisation publishes its data under"),
        "ImportResult": .record(["organisation": .string, "documents": .integer, "nodes": .integer, "replaced": .boolean]),
    ])

    static let openAPI = APIOperation("openAPI", summary: "This document", response: .object)
    static let organisations = APIOperation("organisations", summary: "The organisations that publish here",
                                            response: .list(.component("Organisation")),
                                            example: [OrganisationDTO.example])
    static let organisation = APIOperation("organisation", summary: "An organisation with its members and documents",
                                           response: .component("OrganisationDetail"), errors: [404])
    static let importOrganisation = APIOperation(
        "importOrganisation", summary: "Import an organisation file (docs/organisation-file.md) in one transaction",
        parameters: [.query(name: "replace", schema: .boolean, description: "Overwrite an organisation that already exists")],
        requestBody: .object(description: "An organisation file"), status: 201, responseDescription: "Imported (200 when it replaced one)",
        response: .component("ImportResult"), errors: [400, 409, 413, 422])

    /// The document of every described route, as JSON with sorted keys.
    static func json(routes: [Route], modules: [any AppModule.Type]) throws -> String {
        let document = OpenAPIAssembler(info: info, components: [components] + modules.map { $0.openAPI }).document(routes: routes)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
    }
}

extension Application {
    private struct OpenAPIKey: StorageKey { typealias Value = String }

    /// The OpenAPI document, assembled after the routes are registered.
    var openAPIJSON: String {
        get { storage[OpenAPIKey.self] ?? "{}" }
        set { storage[OpenAPIKey.self] = newValue }
    }
}
