import Auth
import Core
import Fluent
import Organisation
import Plans
import Vapor

/// The editor's writes over the JSON API, with a personal API token: the same actions, rights
/// and audit trail as the forms.
enum APIEditorController {
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
    struct Move: Content { let parent: String?; let direction: String? }
    struct Adoption: Content { let body: String; let date: String; let reference: String? }
    struct Facts: Content {
        let responsibleUnit: String?; let status: String?; let partners: [String]?; let networks: [String]?; let strategies: [String]?
        let agenda2030: [DocumentContent.Agenda2030Entry]?
    }
    struct Created: Content { let document: String; let version: Int; let node: String? }

    static func actor(_ user: User) -> AuditLog.Actor { .user(user.id!, email: user.email) }

    /// Turns an editing refusal into the API's status and a JSON reason.
    static func refusal(_ failure: PlanEditing.Failure) -> Abort {
        switch failure {
        case .notADraft: Abort(.conflict, reason: failure.description)
        case .slugTaken: Abort(.conflict, reason: failure.description)
        case .conflict: Abort(.preconditionFailed, reason: "the node has changed since that ETag; GET it again")
        case .notFound: Abort(.notFound, reason: failure.description)
        case .invalid(let reason): Abort(.unprocessableEntity, reason: reason)
        }
    }

    static func run<T>(_ body: () async throws -> T) async throws -> T {
        do { return try await body() } catch let failure as PlanEditing.Failure { throw refusal(failure) }
    }

    static func document(_ req: Request, _ organisation: OrganisationRecord, _ slug: String) async throws -> (SteeringDocument, DocumentVersion) {
        guard let document = try await SteeringDocument.query(on: req.db).filter(\.$organisation.$id == organisation.requireID())
                .filter(\.$slug == slug).with(\.$versions).first(),
              let latest = document.versions.max(by: { $0.number < $1.number }) else { throw Abort(.notFound, reason: "no document \"\(slug)\"") }
        return (document, latest)
    }

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
        let (organisation, user) = try await EditorController.requireAPIEditor(req)
        let input = try req.content.decode(NewDocument.self)
        guard Slug.isValid(input.slug) else { throw Abort(.unprocessableEntity, reason: "slug must use a–z, digits and single hyphens") }
        try await run {
            if let source = input.copyOf {
                let (document, latest) = try await document(req, organisation, source)
                _ = try await PlanEditing.copyDocument(latest, of: document, slug: input.slug, title: input.title,
                                                       period: (input.periodStart, input.periodEnd), actor: actor(user), on: req.db)
            } else {
                _ = try await PlanEditing.createDocument(organisationID: organisation.requireID(), slug: input.slug, title: input.title,
                                                         kind: input.kind ?? .annan, period: (input.periodStart, input.periodEnd),
                                                         levels: input.levels ?? [], actor: actor(user), on: req.db)
            }
        }
        req.application.pageCache.removeAll()
        return try created(.init(document: input.slug, version: 1, node: nil))
    }

    @Sendable static func createVersion(req: Request) async throws -> Response {
        let (organisation, user) = try await EditorController.requireAPIEditor(req)
        let (document, latest) = try await document(req, organisation, try req.requiredParameter("doc"))
        let draft = try await run { try await PlanEditing.newDraft(of: document, from: latest, actor: actor(user), on: req.db) }
        return try created(.init(document: document.slug, version: draft.number, node: nil))
    }

    @Sendable static func addNode(req: Request) async throws -> Response {
        let (organisation, user) = try await EditorController.requireAPIEditor(req)
        let input = try req.content.decode(NewNode.self)
        let version = try await version(req, organisation)
        let node = try await run {
            try await PlanEditing.addNode(to: version, parentKey: input.parent, title: input.title, actor: actor(user),
                                          organisationID: organisation.requireID(), on: req.db)
        }
        return try created(.init(document: try req.requiredParameter("doc"), version: version.number, node: node.key))
    }

    @Sendable static func moveNode(req: Request) async throws -> Response {
        let (organisation, user) = try await EditorController.requireAPIEditor(req)
        let input = try req.content.decode(Move.self)
        let version = try await version(req, organisation)
        let key = try req.requiredParameter("node")
        try await run {
            if let parent = input.parent {
                try await PlanEditing.move(key, in: version, toParent: parent, actor: actor(user), organisationID: organisation.requireID(), on: req.db)
            } else if let direction = input.direction.flatMap(PlanEditing.Direction.init(rawValue:)) {
                try await PlanEditing.reorder(key, in: version, direction: direction, actor: actor(user), organisationID: organisation.requireID(), on: req.db)
            } else {
                throw PlanEditing.Failure.invalid("send either parent or direction (up or down)")
            }
        }
        req.application.pageCache.removeAll()
        return Response(status: .noContent)
    }

    @Sendable static func deleteNode(req: Request) async throws -> Response {
        let (organisation, user) = try await EditorController.requireAPIEditor(req)
        let version = try await version(req, organisation)
        try await run {
            try await PlanEditing.remove(try req.requiredParameter("node"), in: version, actor: actor(user),
                                         organisationID: organisation.requireID(), on: req.db)
        }
        req.application.pageCache.removeAll()
        return Response(status: .noContent)
    }

    @Sendable static func putFacts(req: Request) async throws -> Response {
        let (organisation, user) = try await EditorController.requireAPIEditor(req)
        guard let match = req.headers.first(name: .ifMatch), let expected = Int(match.trimmingCharacters(in: CharacterSet(charactersIn: "\" W/"))) else {
            throw Abort(.preconditionRequired, reason: "send If-Match with the node's ETag")
        }
        let input = try req.content.decode(Facts.self)
        let (version, node) = try await EditorController.apiNode(req, organisation)
        let options = try await EditorController.factOptions(req, organisation)
        let facts = PlanEditing.Facts(responsibleUnit: input.responsibleUnit, status: input.status, partners: input.partners ?? [],
                                      networks: input.networks ?? [], strategies: input.strategies ?? [],
                                      agenda: (input.agenda2030 ?? []).map { (code: $0.code, role: $0.role) })
        _ = try await run {
            try await PlanEditing.updateFacts(node.requireID(), expectedRevision: expected, facts: facts,
                                              allowedPartners: Set(options.partners.map(\.key)), allowedNetworks: Set(options.networks.map(\.key)),
                                              allowedUnits: Set(options.units), actor: actor(user), organisationID: organisation.requireID(), on: req.db)
        }
        req.application.pageCache.removeAll()
        let (_, saved) = try await EditorController.apiNode(req, organisation)
        return try EditorController.nodeResponse(saved, version: version)
    }

    @Sendable static func adopt(req: Request) async throws -> Response {
        let (organisation, user) = try await EditorController.requireAPIEditor(req)
        let input = try req.content.decode(Adoption.self)
        let version = try await version(req, organisation)
        try await run {
            try await PlanEditing.adopt(version, body: input.body, date: input.date, reference: input.reference ?? "", actor: actor(user),
                                        organisationID: organisation.requireID(), on: req.db)
        }
        req.application.pageCache.removeAll()
        return Response(status: .noContent)
    }
}
