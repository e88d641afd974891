import Core
import Organisation
import ReferenceData
import Vapor

/// Documents over the public JSON API: lists, a document, its tree, a node, Agenda 2030.
enum DocumentAPIController {
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

    @Sendable static func index(req: Request) async throws -> Response {
        try await req.cachedJSON {
            try await DocumentQuery.summaries(organisationID: try await req.organisation().requireID(), on: req.db)
        }
    }

    @Sendable static func show(req: Request) async throws -> Response {
        _ = try req.versionParameter()
        return try await req.cachedJSON(varyingOn: ["version"]) { try await req.publishedContent().1 }
    }

    @Sendable static func tree(req: Request) async throws -> Response {
        _ = try req.versionParameter()
        return try await req.cachedJSON(varyingOn: ["version"]) {
            let content = try await req.publishedContent().1
            return TreeDTO(organisation: content.organisation.slug, document: content.slug, version: content.version.number,
                           levels: content.version.levels, nodes: content.nodes)
        }
    }

    struct ComparisonDTO: Content {
        let organisation: String
        let document: String
        let from: Int
        let to: Int
        let changes: VersionDiff.Comparison
    }

    /// GET …/documents/:doc/comparison?from=1&to=2: what changed between two public versions.
    @Sendable static func comparison(req: Request) async throws -> Response {
        let (from, to) = try DocumentController.comparedVersions(req, names: ("from", "to"))
        return try await req.cachedJSON(varyingOn: ["from", "to"]) {
            let (organisation, old, new) = try await DocumentController.comparedContents(req, from: from, to: to)
            return ComparisonDTO(organisation: organisation.slug, document: new.slug, from: from, to: to,
                                 changes: VersionDiff.compare(old, new, names: DocumentController.frozenNames(old, new)))
        }
    }

    @Sendable static func node(req: Request) async throws -> Response {
        _ = try req.versionParameter()
        return try await req.cachedJSON(varyingOn: ["version"]) {
            let content = try await req.publishedContent().1
            let key = try req.requiredParameter("node")
            guard let path = content.path(to: key) else {
                throw Abort(.notFound, reason: "document \"\(content.slug)\" has no node \"\(key)\"")
            }
            return NodeDTO(organisation: content.organisation.slug, document: content.slug, version: content.version.number,
                           path: path.dropLast().map(\.key), node: path[path.count - 1])
        }
    }

    @Sendable static func agenda2030(req: Request) async throws -> Response {
        try await req.cachedJSON {
            let organisation = try await req.organisation()
            let model = Agenda2030Show.Model(organisationSlug: organisation.slug, organisationName: organisation.name,
                                             documents: try await PublishedContent.contents(organisation, on: req.db))
            return Agenda2030DTO(organisation: organisation.slug, servedGoals: model.servedGoals, uses: model.uses)
        }
    }

    @Sendable static func agenda2030Goals(req: Request) async throws -> Response {
        try await req.cachedJSON {
            Agenda2030.goals.map { GoalDTO(code: $0.code, titleSv: $0.titleSv, titleEn: $0.titleEn, targets: Agenda2030.targets(ofGoal: $0.code)) }
        }
    }
}
