import Auth
import Core
import Foundation
import Organisation
import Vapor

/// The JSON API's own routes: its OpenAPI description, and imports of organisation files.
enum APIController {
    struct ImportResultDTO: Content {
        let organisation: String
        let documents: Int
        let nodes: Int
        let replaced: Bool
    }

    @Sendable static func openAPI(req: Request) async throws -> Response {
        try await req.application.pageCache.respond(to: req, contentType: .json) { req.application.openAPIJSON }
    }

    /// POST /api/v1/organisations: imports an organisation file (behind `ImportTokenGuard`).
    @Sendable static func importOrganisation(req: Request) async throws -> Response {
        guard let buffer = req.body.data else { throw Abort(.badRequest, reason: "the request has no body; send an organisation file") }
        let replace = req.queryValue("replace", as: Bool.self) ?? false
        let file: InterchangeFile
        do {
            file = try OrganisationFile.decode(Data(buffer: buffer))
        } catch {
            throw Abort(.badRequest, reason: error.description)
        }
        let outcome = try await OrganisationImporter.importFile(file, replace: replace, actor: .importToken, on: req.db)
        let response = Response(status: outcome.replaced ? .ok : .created)
        try response.content.encode(ImportResultDTO(organisation: outcome.organisationSlug, documents: outcome.documents,
                                                    nodes: outcome.nodes, replaced: outcome.replaced))
        return response
    }
}

/// The import route's policy: the installation's import token (SAMSYN_IMPORT_TOKEN) as a bearer
/// token; without one configured, refused for all.
struct ImportTokenGuard: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let expected = request.application.importToken, !expected.isEmpty else {
            throw Abort(.forbidden, reason: "imports over the API are disabled on this installation (SAMSYN_IMPORT_TOKEN is not set)")
        }
        guard let token = request.headers.bearerAuthorization?.token else {
            throw Abort(.unauthorized, reason: "send the import token as Authorization: Bearer <token>")
        }
        guard secretsMatch(token, expected) else { throw Abort(.forbidden, reason: "the import token is not valid") }
        return try await next.respond(to: request)
    }
}
