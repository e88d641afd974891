import Auth
import Core
import Fluent
import Organisation
import Vapor

/// The editor's writes over the JSON API, with a personal API token: the same actions, rights
/// and audit trail as the forms.
enum EditorAPIController {
    struct NewDocument: Content {
        let slug: String
        let title: String
        let kind: DocumentKind?
        let levels: [String]?
        let periodStart: Int?
        let periodEnd: Int?
        /// Copy the newest version of this document instead of starting empty.
        let copyOf: String?
    }
    struct NewNode: Content { let title: String; let parent: String? }
    struct Move: Content { let parent: String?; let direction: PlanEditing.Direction? }
    struct Adoption: Content { let body: String; let date: String; let reference: String? }
    struct Facts: Content {
        let responsibleUnit: String?; let status: String?; let partners: [String]?; let networks: [String]?; let strategies: [String]?
        let agenda2030: [DocumentContent.Agenda2030Entry]?
    }
    struct Created: Content { let document: String; let version: Int; let node: String? }

    struct EditableNode: Content {
        let key: String
        let level: String
        let title: String
        let text: String
        let revision: Int
        let versionStatus: DocumentStatus
    }

    struct NodeUpdate: Content {
        let title: String
        let text: String
    }

    /// The token's user, who must be an editor or administrator of the organisation of the URL.
    static func requireEditor(_ req: Request, for action: PlansPermissions.Action = .write) async throws -> (OrganisationRecord, AuditLog.Actor) {
        (try await req.organisation(permitting: action), .user(try req.user))
    }

    /// Turns an editing refusal into the API's status and a JSON reason.
    static func version(_ req: Request, _ organisation: OrganisationRecord) async throws -> DocumentVersion {
        let slug = try req.requiredParameter("doc")
        guard let number = Int(try req.requiredParameter("version")),
              let (_, version, _) = try await DocumentQuery.anyVersion(organisation: organisation, documentSlug: slug, number: number, on: req.db) else {
            throw Abort(.notFound, reason: "no such version of \"\(slug)\"")
        }
        return version
    }

    static func created(_ value: Created) throws -> Response {
        let response = Response(status: .created)
        try response.content.encode(value)
        return response
    }

    @Sendable static func createDocument(req: Request) async throws -> Response {
        let (organisation, actor) = try await requireEditor(req)
        let input = try req.content.decode(NewDocument.self)
        guard Slug.isValid(input.slug) else { throw Abort(.unprocessableEntity, reason: "slug must use a–z, digits and single hyphens") }
        if let source = input.copyOf {
            let (document, latest) = try await EditorQuery.latestVersion(of: source, in: organisation, on: req.db)
            _ = try await PlanEditing.copyDocument(latest, of: document, slug: input.slug, title: input.title,
                                                   period: (input.periodStart, input.periodEnd), carryOver: req.application.carryOverRule,
                                                   actor: actor, on: req.db)
        } else {
            _ = try await PlanEditing.createDocument(organisationID: organisation.requireID(), slug: input.slug, title: input.title,
                                                     kind: input.kind ?? .annan, period: (input.periodStart, input.periodEnd),
                                                     levels: input.levels ?? [], actor: actor, on: req.db)
        }
        return try created(.init(document: input.slug, version: 1, node: nil))
    }

    @Sendable static func createVersion(req: Request) async throws -> Response {
        let (organisation, actor) = try await requireEditor(req)
        let (document, latest) = try await EditorQuery.latestVersion(of: try req.requiredParameter("doc"), in: organisation, on: req.db)
        let draft = try await PlanEditing.newDraft(of: document, from: latest, actor: actor, on: req.db)
        return try created(.init(document: document.slug, version: draft.number, node: nil))
    }

    @Sendable static func addNode(req: Request) async throws -> Response {
        let (organisation, actor) = try await requireEditor(req)
        let input = try req.content.decode(NewNode.self)
        let version = try await version(req, organisation)
        let node = try await PlanEditing.addNode(to: version, parentKey: input.parent, title: input.title, actor: actor,
                                      organisationID: organisation.requireID(), on: req.db)
        return try created(.init(document: try req.requiredParameter("doc"), version: version.number, node: node.key))
    }

    @Sendable static func moveNode(req: Request) async throws -> Response {
        let (organisation, actor) = try await requireEditor(req)
        let input = try req.content.decode(Move.self)
        let version = try await version(req, organisation)
        let key = try req.requiredParameter("node")
        if let parent = input.parent {
            try await PlanEditing.move(key, in: version, toParent: parent, actor: actor, organisationID: organisation.requireID(), on: req.db)
        } else if let direction = input.direction {
            try await PlanEditing.reorder(key, in: version, direction: direction, actor: actor, organisationID: organisation.requireID(), on: req.db)
        } else {
            throw PlanEditing.Failure.invalid("send either parent or direction (up or down)")
        }
        return Response(status: .noContent)
    }

    @Sendable static func deleteNode(req: Request) async throws -> Response {
        let (organisation, actor) = try await requireEditor(req)
        let version = try await version(req, organisation)
        try await PlanEditing.remove(try req.requiredParameter("node"), in: version, actor: actor,
                                     organisationID: organisation.requireID(), on: req.db)
        return Response(status: .noContent)
    }

    @Sendable static func putFacts(req: Request) async throws -> Response {
        let (organisation, actor) = try await requireEditor(req)
        let expected = try ifMatchRevision(req)
        let input = try req.content.decode(Facts.self)
        let (version, node) = try await versionNode(req, organisation)
        let options = try await EditorQuery.factOptions(organisation, on: req.db)
        let facts = PlanEditing.Facts(responsibleUnit: input.responsibleUnit, status: input.status, partners: input.partners ?? [],
                                      networks: input.networks ?? [], strategies: input.strategies ?? [],
                                      agenda: (input.agenda2030 ?? []).map { .init(code: $0.code, role: $0.role) })
        _ = try await PlanEditing.updateFacts(node.requireID(), expectedRevision: expected, facts: facts, targets: options.targets,
                                          actor: actor, organisationID: organisation.requireID(), on: req.db)
        let (_, saved) = try await versionNode(req, organisation)
        return try nodeResponse(saved, version: version)
    }

    @Sendable static func adopt(req: Request) async throws -> Response {
        let (organisation, actor) = try await requireEditor(req)
        let input = try req.content.decode(Adoption.self)
        let version = try await version(req, organisation)
        try await PlanEditing.adopt(version, body: input.body, date: input.date, reference: input.reference ?? "", actor: actor,
                                    organisationID: organisation.requireID(), hooks: req.application.adoptionHooks, on: req.db)
        return Response(status: .noContent)
    }

    @Sendable static func furtherAdoption(req: Request) async throws -> Response {
        let (organisation, actor) = try await requireEditor(req)
        let input = try req.content.decode(Plans.Adoption.self)
        let version = try await version(req, organisation)
        try await PlanEditing.recordFurtherAdoption(version, input, actor: actor, organisationID: organisation.requireID(), on: req.db)
        return Response(status: .noContent)
    }

    static func versionNode(_ req: Request, _ organisation: OrganisationRecord) async throws -> (DocumentVersion, PlanNode) {
        let slug = try req.requiredParameter("doc"), key = try req.requiredParameter("node")
        guard let number = Int(try req.requiredParameter("version")),
              let (_, version, _) = try await DocumentQuery.anyVersion(organisation: organisation, documentSlug: slug, number: number, on: req.db),
              let node = try await PlanNode.query(on: req.db).filter(\.$version.$id == version.requireID()).filter(\.$key == key).first() else {
            throw Abort(.notFound, reason: "no node \"\(key)\" in that version of \"\(slug)\"")
        }
        return (version, node)
    }

    static func nodeResponse(_ node: PlanNode, version: DocumentVersion, status: HTTPStatus = .ok) throws -> Response {
        let response = Response(status: status)
        try response.content.encode(EditableNode(key: node.key, level: version.levels[safe: node.levelIndex] ?? "", title: node.title, text: node.text,
                                                 revision: node.revision, versionStatus: version.status))
        response.headers.replaceOrAdd(name: .eTag, value: "\"\(node.revision)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// The revision an If-Match header names: 428 without one, 400 when it is not a node's ETag.
    static func ifMatchRevision(_ req: Request) throws -> Int {
        guard let match = req.headers.first(name: .ifMatch) else { throw Abort(.preconditionRequired, reason: "send If-Match with the node's ETag") }
        guard let revision = Int(match.trimmingCharacters(in: CharacterSet(charactersIn: "\" W/"))) else {
            throw Abort(.badRequest, reason: "If-Match must be the node's ETag, e.g. \"3\"")
        }
        return revision
    }

    /// GET …/versions/:version/nodes/:node: a node of any version (drafts too) with its revision as ETag.
    @Sendable static func getNode(req: Request) async throws -> Response {
        let (organisation, _) = try await requireEditor(req, for: .readDrafts)
        let (version, node) = try await versionNode(req, organisation)
        return try nodeResponse(node, version: version)
    }

    /// PUT …/versions/:version/nodes/:node with If-Match: the ETag from GET. A stale ETag is 412.
    @Sendable static func putNode(req: Request) async throws -> Response {
        let (organisation, actor) = try await requireEditor(req)
        let expected = try ifMatchRevision(req)
        let update = try req.content.decode(NodeUpdate.self)
        let (_, node) = try await versionNode(req, organisation)
        _ = try await PlanEditing.updateNode(node.requireID(), expectedRevision: expected, title: update.title, text: update.text,
                                         actor: actor, organisationID: organisation.requireID(), on: req.db)
        let (savedVersion, saved) = try await versionNode(req, organisation)
        return try nodeResponse(saved, version: savedVersion)
    }
}
