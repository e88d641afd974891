import Core
import Foundation
import Organisation
import Plans
import Vapor

/// The JSON API under /api/v1. Reads are public; the import route needs the import token.
enum APIController {
    struct OrganisationDTO: Content {
        let slug: String
        let name: String
        let kind: OrganisationKind
        let county: String?
        let scbCode: String?
        let population: Int?
        let populationYear: Int?

        init(_ organisation: OrganisationRecord) {
            slug = organisation.slug
            name = organisation.name
            kind = organisation.kind
            county = organisation.county
            scbCode = organisation.scbCode
            population = organisation.population
            populationYear = organisation.populationYear
        }
    }

    struct OrganisationDetailDTO: Content {
        let organisation: OrganisationDTO
        let members: [OrganisationDTO]
        let documents: [DocumentSummary]
    }

    struct TreeDTO: Content {
        let organisation: String
        let document: String
        let version: Int
        let levels: [String]
        let nodes: [DocumentContent.Node]
    }

    struct NodeDTO: Content {
        let organisation: String
        let document: String
        let version: Int
        /// Keys of the ancestors, root first.
        let path: [String]
        let node: DocumentContent.Node
    }

    struct Agenda2030DTO: Content {
        let organisation: String
        let servedGoals: [String]
        let uses: [Agenda2030Show.Use]
    }

    struct GoalDTO: Content {
        let code: String
        let titleSv: String
        let titleEn: String
        let targets: [Agenda2030.Target]
    }

    struct ImportResultDTO: Content {
        let organisation: String
        let documents: Int
        let nodes: Int
        let replaced: Bool
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func cached<T: Encodable>(_ req: Request, _ build: @escaping () async throws -> T) async throws -> Response {
        try await req.application.pageCache.respond(to: req, contentType: .json) { try json(try await build()) }
    }

    @Sendable static func organisations(req: Request) async throws -> Response {
        try await cached(req) { try await req.store.hostedOrganisations().map(OrganisationDTO.init) }
    }

    @Sendable static func organisation(req: Request) async throws -> Response {
        try await cached(req) {
            let organisation = try await req.store.organisation(req.requiredParameter("org"))
            return OrganisationDetailDTO(
                organisation: .init(organisation),
                members: try await req.store.members(organisation).map(OrganisationDTO.init),
                documents: try await DocumentQuery.summaries(organisationID: organisation.requireID(), on: req.db))
        }
    }

    @Sendable static func members(req: Request) async throws -> Response {
        try await cached(req) {
            let organisation = try await req.store.organisation(req.requiredParameter("org"))
            return try await req.store.members(organisation).map(OrganisationDTO.init)
        }
    }

    @Sendable static func documents(req: Request) async throws -> Response {
        try await cached(req) {
            let organisation = try await req.store.organisation(req.requiredParameter("org"))
            return try await DocumentQuery.summaries(organisationID: organisation.requireID(), on: req.db)
        }
    }

    static func content(_ req: Request) async throws -> DocumentContent {
        let version = try req.versionParameter()
        let organisation = try await req.store.organisation(req.requiredParameter("org"))
        return try await req.store.content(organisation, document: req.requiredParameter("doc"), version: version)
    }

    @Sendable static func document(req: Request) async throws -> Response {
        _ = try req.versionParameter()
        return try await cached(req) { try await content(req) }
    }

    @Sendable static func tree(req: Request) async throws -> Response {
        _ = try req.versionParameter()
        return try await cached(req) {
            let content = try await content(req)
            return TreeDTO(organisation: content.organisation.slug, document: content.slug, version: content.version.number,
                           levels: content.version.levels, nodes: content.nodes)
        }
    }

    @Sendable static func node(req: Request) async throws -> Response {
        _ = try req.versionParameter()
        return try await cached(req) {
            let content = try await content(req)
            let key = try req.requiredParameter("node")
            guard let path = content.path(to: key) else {
                throw Abort(.notFound, reason: "document \"\(content.slug)\" has no node \"\(key)\"")
            }
            return NodeDTO(organisation: content.organisation.slug, document: content.slug, version: content.version.number,
                           path: path.dropLast().map(\.key), node: path[path.count - 1])
        }
    }

    @Sendable static func agenda2030(req: Request) async throws -> Response {
        try await cached(req) {
            let organisation = try await req.store.organisation(req.requiredParameter("org"))
            let model = Agenda2030Show.Model(organisationSlug: organisation.slug, organisationName: organisation.name,
                                         documents: try await req.store.contents(organisation))
            return Agenda2030DTO(organisation: organisation.slug, servedGoals: model.servedGoals, uses: model.uses)
        }
    }

    @Sendable static func agenda2030Goals(req: Request) async throws -> Response {
        try await cached(req) {
            Agenda2030.goals.map { GoalDTO(code: $0.code, titleSv: $0.titleSv, titleEn: $0.titleEn, targets: Agenda2030.targets(ofGoal: $0.code)) }
        }
    }

    @Sendable static func municipalities(req: Request) async throws -> Response {
        try await cached(req) {
            try await OrganisationRecord.query(on: req.db).all().filter { $0.kind == .kommun }.sorted { ($0.scbCode ?? "") < ($1.scbCode ?? "") }.map(OrganisationDTO.init)
        }
    }

    @Sendable static func openAPI(req: Request) async throws -> Response {
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
    }

    /// POST /api/v1/organisations: imports an organisation file. Allowed only with the
    /// installation's import token (SAMSYN_IMPORT_TOKEN); without one configured, refused for all.
    @Sendable static func importOrganisation(req: Request) async throws -> Response {
        guard let expected = req.application.importToken, !expected.isEmpty else {
            throw Abort(.forbidden, reason: "imports over the API are disabled on this installation (SAMSYN_IMPORT_TOKEN is not set)")
        }
        guard let token = req.headers.bearerAuthorization?.token else {
            throw Abort(.unauthorized, reason: "send the import token as Authorization: Bearer <token>")
        }
        guard constantTimeEquals(token, expected) else {
            throw Abort(.forbidden, reason: "the import token is not valid")
        }
        guard let buffer = req.body.data else { throw Abort(.badRequest, reason: "the request has no body; send an organisation file") }
        let replace = (try? req.query.get(Bool.self, at: "replace")) ?? false
        let file: OrganisationFile
        do {
            file = try OrganisationFile.decode(Data(buffer: buffer))
        } catch {
            throw Abort(.badRequest, reason: error.description)
        }
        let outcome = try await OrganisationImporter.importFile(file, replace: replace, actor: .importToken, on: req.db)
        req.application.pageCache.removeAll()
        let response = Response(status: outcome.replaced ? .ok : .created)
        try response.content.encode(ImportResultDTO(organisation: outcome.organisationSlug, documents: outcome.documents,
                                                    nodes: outcome.nodes, replaced: outcome.replaced))
        return response
    }

    static func constantTimeEquals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8), right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
