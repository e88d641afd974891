import Auth
import Core
import Fluent
import Organisation
import Plans
import Plot
import Vapor

/// Writing plans in the browser. Signed-in editors and administrators of the organisation
/// only; every form carries the session's CSRF token; every write clears the page cache.
extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

enum EditorController {
    struct Context {
        let organisation: OrganisationRecord
        let session: UserSession
        let user: User
        var actor: AuditLog.Actor { .user(user.id!, email: user.email) }
    }

    struct CSRFForm: Content { let csrf: String }
    struct CopyForm: Content { let csrf: String; let slug: String; let title: String; let periodStart: Int?; let periodEnd: Int? }
    struct NodeForm: Content { let csrf: String; let revision: Int; let title: String; let text: String }
    struct AdoptForm: Content { let csrf: String; let body: String; let date: String; let reference: String }
    struct FactsForm: Content {
        let csrf: String; let revision: Int; let responsibleUnit: String?; let status: String?
        let partners: [String]?; let networks: [String]?; let strategies: [String]?; let primary: String?; let secondary: String?
    }
    struct NewDocumentForm: Content {
        let csrf: String; let slug: String; let title: String; let kind: String; let levels: String; let periodStart: Int?; let periodEnd: Int?
    }
    struct AddForm: Content { let csrf: String; let title: String; let parent: String? }
    struct OrderForm: Content { let csrf: String; let direction: String }
    struct MoveForm: Content { let csrf: String; let parent: String }

    /// Who may write here: a signed-in editor or administrator of this organisation. Anyone else
    /// is refused, so no URL, form field or id reaches another organisation's data.
    static func requireEditor(_ req: Request) async throws -> Context {
        guard let (session, user) = try await AuthController.current(req) else {
            throw Abort(.unauthorized, reason: "sign in to edit")
        }
        let organisation = try await req.store.organisation(req.requiredParameter("org"))
        let roles = try await Role.query(on: req.db)
            .filter(\.$user.$id == user.requireID())
            .filter(\.$organisation.$id == organisation.requireID())
            .all()
        guard roles.contains(where: { $0.role == .editor || $0.role == .administrator }) else {
            throw Abort(.forbidden, reason: "editing needs the editor or administrator role in \(organisation.name)")
        }
        return Context(organisation: organisation, session: session, user: user)
    }

    static func version(_ req: Request, _ context: Context) async throws -> (SteeringDocument, DocumentVersion, DocumentContent) {
        let slug = try req.requiredParameter("doc")
        guard let number = Int(try req.requiredParameter("version")),
              let (document, version, versions) = try await DocumentQuery.anyVersion(organisation: context.organisation, documentSlug: slug,
                                                                                   number: number, on: req.db) else {
            throw Abort(.notFound, reason: "no such version of \"\(slug)\"")
        }
        let content = try await DocumentQuery.content(organisation: context.organisation, document: document, version: version,
                                                      allVersions: versions, on: req.db)
        return (document, version, content)
    }

    static func page(_ html: String, status: HTTPStatus = .ok) -> Response {
        let response = htmlResponse(html, status: status)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let documents = try await SteeringDocument.query(on: req.db)
            .filter(\.$organisation.$id == context.organisation.requireID()).with(\.$versions).sort(\.$slug).all()
        let model = documents.map { document in
            Editor.DocumentVersions(slug: document.slug, versions: document.versions.sorted { $0.number > $1.number }.map { ($0.number, $0.title, $0.status) })
        }
        return page(Editor.IndexView(organisationSlug: context.organisation.slug, organisationName: context.organisation.name,
                                     documents: model, csrf: context.session.csrfToken).document().render())
    }

    @Sendable static func newDraft(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        try AuthController.requireCSRF(try req.content.decode(CSRFForm.self).csrf, session: context.session)
        let slug = try req.requiredParameter("doc")
        guard let document = try await SteeringDocument.query(on: req.db).filter(\.$organisation.$id == context.organisation.requireID())
                .filter(\.$slug == slug).with(\.$versions).first(),
              let latest = document.versions.max(by: { $0.number < $1.number }) else { throw Abort(.notFound, reason: "no document \"\(slug)\"") }
        let draft = try await PlanEditing.newDraft(of: document, from: latest, actor: context.actor, on: req.db)
        req.application.pageCache.removeAll()
        return req.redirect(to: "/o/\(context.organisation.slug)/redigera/\(slug)/\(draft.number)", redirectType: .normal)
    }

    @Sendable static func copy(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let form = try req.content.decode(CopyForm.self)
        try AuthController.requireCSRF(form.csrf, session: context.session)
        guard Slug.isValid(form.slug) else { throw Abort(.badRequest, reason: "the address must use a–z, digits and single hyphens") }
        guard !form.title.trimmingCharacters(in: .whitespaces).isEmpty else { throw Abort(.badRequest, reason: "the title must not be empty") }
        let slug = try req.requiredParameter("doc")
        guard let source = try await SteeringDocument.query(on: req.db).filter(\.$organisation.$id == context.organisation.requireID())
                .filter(\.$slug == slug).with(\.$versions).first(),
              let latest = source.versions.max(by: { $0.number < $1.number }) else { throw Abort(.notFound, reason: "no document \"\(slug)\"") }
        do {
            _ = try await PlanEditing.copyDocument(latest, of: source, slug: form.slug, title: form.title,
                                                   period: (form.periodStart, form.periodEnd), actor: context.actor, on: req.db)
        } catch let failure as PlanEditing.Failure {
            throw Abort(.conflict, reason: failure.description)
        }
        req.application.pageCache.removeAll()
        return req.redirect(to: "/o/\(context.organisation.slug)/redigera/\(form.slug)/1", redirectType: .normal)
    }

    /// The node named in the URL: as the page shows it, and its row (for the revision).
    static func editedNode(_ req: Request, version: DocumentVersion, content: DocumentContent) async throws -> (DocumentContent.Node, PlanNode) {
        let key = try req.requiredParameter("node")
        guard let node = content.allNodes.first(where: { $0.key == key }),
              let row = try await PlanNode.query(on: req.db).filter(\.$version.$id == version.requireID()).filter(\.$key == key).first() else {
            throw Abort(.notFound, reason: "no node \"\(key)\"")
        }
        return (node, row)
    }

    @Sendable static func newDocument(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let form = try req.content.decode(NewDocumentForm.self)
        try AuthController.requireCSRF(form.csrf, session: context.session)
        guard Slug.isValid(form.slug) else { throw Abort(.badRequest, reason: "the address must use a–z, digits and single hyphens") }
        guard let kind = DocumentKind(rawValue: form.kind) else { throw Abort(.badRequest, reason: "unknown document kind") }
        do {
            _ = try await PlanEditing.createDocument(organisationID: context.organisation.requireID(), slug: form.slug, title: form.title, kind: kind,
                                                     period: (form.periodStart, form.periodEnd), levels: form.levels.components(separatedBy: ","),
                                                     actor: context.actor, on: req.db)
        } catch let failure as PlanEditing.Failure {
            if case .slugTaken = failure { throw Abort(.conflict, reason: failure.description) }
            throw Abort(.unprocessableEntity, reason: failure.description)
        }
        return req.redirect(to: "/o/\(context.organisation.slug)/redigera/\(form.slug)/1", redirectType: .normal)
    }

    @Sendable static func draft(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let (_, _, content) = try await version(req, context)
        return page(Editor.DraftView(content: content, csrf: context.session.csrfToken).document().render())
    }

    @Sendable static func preview(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let (_, _, content) = try await version(req, context)
        return page(DocumentShow.View(model: content).document().render())
    }

    /// What a node's facts may point at: the organisation's units, its members and partners, its networks.
    static func factOptions(_ req: Request, _ organisation: OrganisationRecord) async throws -> Editor.FactOptions {
        let structure = try await req.store.structure(organisation)
        let members = try await req.store.members(organisation).map { (key: $0.scbCode ?? $0.slug, name: $0.name) }
        var seen = Set(members.map(\.key))
        let partners = structure.groups.flatMap { [$0.convener].compactMap { $0 } + $0.partners }
            .filter { seen.insert($0.key).inserted }.sorted { $0.name < $1.name }.map { (key: $0.key, name: $0.name) }
        return .init(units: structure.units.map(\.name), partners: partners + members,
                     networks: structure.groups.map { (key: $0.key, name: $0.name) })
    }

    @Sendable static func nodeForm(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let (_, version, content) = try await version(req, context)
        let (node, row) = try await editedNode(req, version: version, content: content)
        let view = Editor.NodeForm(content: content, node: node, revision: row.revision, csrf: context.session.csrfToken)
        view.options = try await factOptions(req, context.organisation)
        return page(view.document().render())
    }

    @Sendable static func saveFacts(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let form = try req.content.decode(FactsForm.self)
        try AuthController.requireCSRF(form.csrf, session: context.session)
        let (_, version, content) = try await version(req, context)
        let (node, row) = try await editedNode(req, version: version, content: content)
        let options = try await factOptions(req, context.organisation)
        let codes = { (text: String?, role: Agenda2030Role) in
            (text ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map { (code: String($0), role: role) }
        }
        let facts = PlanEditing.Facts(
            responsibleUnit: form.responsibleUnit.flatMap { $0.isEmpty ? nil : $0 }, status: form.status.flatMap { $0.isEmpty ? nil : $0 },
            partners: form.partners ?? [], networks: form.networks ?? [], strategies: form.strategies ?? [],
            agenda: codes(form.primary, .primary) + codes(form.secondary, .secondary))
        do {
            _ = try await PlanEditing.updateFacts(row.requireID(), expectedRevision: form.revision, facts: facts,
                                                  allowedPartners: Set(options.partners.map(\.key)), allowedNetworks: Set(options.networks.map(\.key)),
                                                  allowedUnits: Set(options.units), actor: context.actor,
                                                  organisationID: context.organisation.requireID(), on: req.db)
        } catch let failure as PlanEditing.Failure {
            let view = Editor.NodeForm(content: content, node: node, revision: row.revision, csrf: context.session.csrfToken, message: failure.swedish)
            view.options = options
            let status: HTTPStatus = if case .conflict = failure { .conflict } else if failure == .notADraft { .conflict } else { .unprocessableEntity }
            return page(view.document().render(), status: status)
        }
        req.application.pageCache.removeAll()
        return req.redirect(to: "/o/\(context.organisation.slug)/redigera/\(content.slug)/\(version.number)/nod/\(node.key)", redirectType: .normal)
    }

    @Sendable static func saveNode(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let form = try req.content.decode(NodeForm.self)
        try AuthController.requireCSRF(form.csrf, session: context.session)
        let (_, version, content) = try await version(req, context)
        let (node, row) = try await editedNode(req, version: version, content: content)
        do {
            _ = try await PlanEditing.updateNode(row.requireID(), expectedRevision: form.revision, title: form.title, text: form.text,
                                                 actor: context.actor, organisationID: context.organisation.requireID(), on: req.db)
            req.application.pageCache.removeAll()
            return req.redirect(to: "/o/\(context.organisation.slug)/redigera/\(content.slug)/\(version.number)", redirectType: .normal)
        } catch let failure as PlanEditing.Failure {
            switch failure {
            case let .conflict(title, text, revision):
                return page(Editor.NodeForm(content: content, node: node, revision: revision, csrf: context.session.csrfToken,
                                            draftTitle: form.title, draftText: form.text, conflict: (title, text),
                                            message: failure.swedish).document().render(), status: .conflict)
            case .notADraft:
                return page(Editor.DraftView(content: content, csrf: context.session.csrfToken, message: failure.swedish).document().render(), status: .conflict)
            default:
                return page(Editor.NodeForm(content: content, node: node, revision: form.revision, csrf: context.session.csrfToken,
                                            draftTitle: form.title, draftText: form.text, message: failure.swedish).document().render(), status: .unprocessableEntity)
            }
        }
    }

    @Sendable static func adopt(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let form = try req.content.decode(AdoptForm.self)
        try AuthController.requireCSRF(form.csrf, session: context.session)
        let (document, version, content) = try await version(req, context)
        do {
            try await PlanEditing.adopt(version, body: form.body, date: form.date, reference: form.reference, actor: context.actor,
                                        organisationID: context.organisation.requireID(), on: req.db)
        } catch let failure as PlanEditing.Failure {
            return page(Editor.DraftView(content: content, csrf: context.session.csrfToken, message: failure.swedish).document().render(),
                        status: failure == .notADraft ? .conflict : .unprocessableEntity)
        }
        req.application.pageCache.removeAll()
        return req.redirect(to: SiteURL.document(context.organisation.slug, document.slug, version: version.number), redirectType: .normal)
    }

    /// Runs a tree change on a draft, then returns to the draft; a refusal re-renders the draft with the reason.
    static func treeChange(_ req: Request, csrf: String, _ change: (Context, DocumentVersion) async throws -> Void) async throws -> Response {
        let context = try await requireEditor(req)
        try AuthController.requireCSRF(csrf, session: context.session)
        let (document, version, content) = try await version(req, context)
        do {
            try await change(context, version)
        } catch let failure as PlanEditing.Failure {
            let status: HTTPStatus = if case .notFound = failure { .notFound } else if failure == .notADraft { .conflict } else { .unprocessableEntity }
            return page(Editor.DraftView(content: content, csrf: context.session.csrfToken, message: failure.swedish).document().render(), status: status)
        }
        req.application.pageCache.removeAll()
        return req.redirect(to: "/o/\(context.organisation.slug)/redigera/\(document.slug)/\(version.number)", redirectType: .normal)
    }

    @Sendable static func addNode(req: Request) async throws -> Response {
        let form = try req.content.decode(AddForm.self)
        return try await treeChange(req, csrf: form.csrf) { context, version in
            try await PlanEditing.addNode(to: version, parentKey: form.parent.flatMap { $0.isEmpty ? nil : $0 }, title: form.title,
                                         actor: context.actor, organisationID: context.organisation.requireID(), on: req.db)
        }
    }

    @Sendable static func reorder(req: Request) async throws -> Response {
        let form = try req.content.decode(OrderForm.self)
        guard let direction = PlanEditing.Direction(rawValue: form.direction) else { throw Abort(.badRequest, reason: "direction must be up or down") }
        let key = try req.requiredParameter("node")
        return try await treeChange(req, csrf: form.csrf) { context, version in
            try await PlanEditing.reorder(key, in: version, direction: direction, actor: context.actor,
                                          organisationID: context.organisation.requireID(), on: req.db)
        }
    }

    @Sendable static func move(req: Request) async throws -> Response {
        let form = try req.content.decode(MoveForm.self)
        let key = try req.requiredParameter("node")
        return try await treeChange(req, csrf: form.csrf) { context, version in
            try await PlanEditing.move(key, in: version, toParent: form.parent, actor: context.actor,
                                       organisationID: context.organisation.requireID(), on: req.db)
        }
    }

    @Sendable static func remove(req: Request) async throws -> Response {
        let form = try req.content.decode(CSRFForm.self)
        let key = try req.requiredParameter("node")
        return try await treeChange(req, csrf: form.csrf) { context, version in
            try await PlanEditing.remove(key, in: version, actor: context.actor, organisationID: context.organisation.requireID(), on: req.db)
        }
    }

    // MARK: API writes, with a personal API token

    struct NodeDTO: Content {
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

    /// The token's user, with the editor or administrator role in the organisation of the URL.
    static func requireAPIEditor(_ req: Request) async throws -> (OrganisationRecord, User) {
        guard let bearer = req.headers.bearerAuthorization?.token else { throw Abort(.unauthorized, reason: "send a personal API token as Authorization: Bearer <token>") }
        guard let user = try await Accounts.user(apiToken: bearer, on: req.db) else { throw Abort(.unauthorized, reason: "the API token is not valid or has been revoked") }
        let organisation = try await req.store.organisation(req.requiredParameter("org"))
        let allowed = try await Role.query(on: req.db).filter(\.$user.$id == user.requireID())
            .filter(\.$organisation.$id == organisation.requireID()).all()
            .contains { $0.role == .editor || $0.role == .administrator }
        guard allowed else { throw Abort(.forbidden, reason: "writing needs the editor or administrator role in \(organisation.name)") }
        return (organisation, user)
    }

    static func apiNode(_ req: Request, _ organisation: OrganisationRecord) async throws -> (DocumentVersion, PlanNode) {
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
        try response.content.encode(NodeDTO(key: node.key, level: version.levels[safe: node.levelIndex] ?? "", title: node.title, text: node.text,
                                            revision: node.revision, versionStatus: version.status))
        response.headers.replaceOrAdd(name: .eTag, value: "\"\(node.revision)\"")
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    /// GET …/versions/:version/nodes/:node: a node of any version (drafts too) with its revision as ETag.
    @Sendable static func apiGetNode(req: Request) async throws -> Response {
        let (organisation, _) = try await requireAPIEditor(req)
        let (version, node) = try await apiNode(req, organisation)
        return try nodeResponse(node, version: version)
    }

    /// PUT …/versions/:version/nodes/:node with If-Match: the ETag from GET. A stale ETag is 412.
    @Sendable static func apiPutNode(req: Request) async throws -> Response {
        let (organisation, user) = try await requireAPIEditor(req)
        guard let match = req.headers.first(name: .ifMatch) else { throw Abort(.preconditionRequired, reason: "send If-Match with the node's ETag") }
        guard let expected = Int(match.trimmingCharacters(in: CharacterSet(charactersIn: "\" W/"))) else {
            throw Abort(.badRequest, reason: "If-Match must be the node's ETag, e.g. \"3\"")
        }
        let update = try req.content.decode(NodeUpdate.self)
        let (_, node) = try await apiNode(req, organisation)
        _ = try await APIEditorController.run {
            try await PlanEditing.updateNode(node.requireID(), expectedRevision: expected, title: update.title, text: update.text,
                                             actor: .user(user.id!, email: user.email), organisationID: organisation.requireID(), on: req.db)
        }
        req.application.pageCache.removeAll()
        let (savedVersion, saved) = try await apiNode(req, organisation)
        return try nodeResponse(saved, version: savedVersion)
    }

    /// Public: the changes between two public versions.
    @Sendable static func compare(req: Request) async throws -> Response {
        guard let from = try? req.query.get(Int.self, at: "fran"), let to = try? req.query.get(Int.self, at: "till") else {
            throw Abort(.badRequest, reason: "name the versions to compare: ?fran=1&till=2")
        }
        return try await req.application.pageCache.respond(to: req) {
            let organisation = try await req.store.organisation(req.requiredParameter("org"))
            let slug = try req.requiredParameter("doc")
            let old = try await req.store.content(organisation, document: slug, version: from)
            let new = try await req.store.content(organisation, document: slug, version: to)
            return VersionCompare.View(old: old, new: new).document().render()
        }
    }
}
