import Auth
import Core
import Fluent
import Organisation
import Plot
import Vapor

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

/// Writing plans in the browser. The routes are signed-in ones (session and CSRF checked by
/// middleware); each handler asks for the editor's right in the organisation of the URL, so no
/// URL, form field or id reaches another organisation's data. The page cache is cleared by
/// middleware after every write.
enum EditorController {
    struct Context {
        let organisation: OrganisationRecord
        let signedIn: SignedIn
        var csrf: String { signedIn.csrfToken }
        var actor: AuditLog.Actor { .user(signedIn.user) }
    }

    struct CopyForm: Content { let slug: String; let title: String; let periodStart: Int?; let periodEnd: Int? }
    struct NodeForm: Content { let revision: Int; let title: String; let text: String }
    struct AdoptForm: Content { let csrf: String; let body: String; let date: String; let reference: String; let confirmed: String? }
    struct RemoveForm: Content { let csrf: String; let confirmed: String? }
    struct FactsForm: Content {
        let revision: Int; let responsibleUnit: String?; let status: String?
        let partners: [String]?; let networks: [String]?; let strategies: [String]?; let primary: String?; let secondary: String?
    }
    struct NewDocumentForm: Content {
        let slug: String; let title: String; let kind: String; let levels: String; let periodStart: Int?; let periodEnd: Int?
    }
    struct AddForm: Content { let title: String; let parent: String? }
    struct OrderForm: Content { let direction: String }
    struct MoveForm: Content { let parent: String }

    static func requireEditor(_ req: Request, for action: PlansPermissions.Action = .write) async throws -> Context {
        Context(organisation: try await req.organisation(permitting: action), signedIn: try req.signedIn)
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

    /// The draft's page, saying what was done and showing the item it was done to.
    static func draftURL(_ context: Context, _ slug: String, _ number: Int, notice: EditorNotice? = nil, at key: String? = nil) -> String {
        PlansURL.Editor.draft.link(context.organisation.slug, slug, String(number))
            + (notice.map { "?\(EditorNotice.parameter)=\($0.rawValue)" } ?? "") + (key.map { "#nod-\($0)" } ?? "")
    }

    static func notice(_ req: Request) -> EditorNotice? {
        (try? req.query.get(String.self, at: EditorNotice.parameter)).flatMap(EditorNotice.init(rawValue:))
    }

    @Sendable static func index(req: Request) async throws -> Response {
        try await indexPage(req, try await requireEditor(req, for: .readDrafts))
    }

    /// The editor's start page; with a refused form, that form again with its input and the reason beside the field.
    static func indexPage(_ req: Request, _ context: Context, refused: Editor.FormError? = nil, status: HTTPStatus = .ok) async throws -> Response {
        let documents = try await SteeringDocument.query(on: req.db)
            .filter(\.$organisation.$id == context.organisation.requireID()).with(\.$versions).sort(\.$slug).all()
        let model = documents.map { document in
            Editor.DocumentVersions(slug: document.slug, versions: document.versions.sorted { $0.number > $1.number }.map { ($0.number, $0.title, $0.status) })
        }
        return privatePage(req.render(Editor.IndexView(organisationSlug: context.organisation.slug, organisationName: context.organisation.name,
                                                       documents: model, csrf: context.csrf, formError: refused)), status: status)
    }

    /// Which field of a new or copied document's form a refusal concerns; nil when the form is fine so far.
    static func documentFormProblem(slug: String, title: String, period: (Int?, Int?)) -> (field: String, message: String)? {
        if !Slug.isValid(slug) { return ("slug", "Adressen får bara ha a–z, siffror och enstaka bindestreck.") }
        if title.trimmingCharacters(in: .whitespaces).isEmpty { return ("title", "Ange en titel.") }
        if let problem = TextRules.problem(in: title, as: .title, limit: DocumentLimits.titleLength) { return ("title", problem.swedish) }
        do { try PlanEditing.checkPeriod(period) } catch let failure as PlanEditing.Failure { return ("periodEnd", failure.swedish) } catch {}
        return nil
    }

    @Sendable static func newDraft(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let (document, latest) = try await EditorQuery.latestVersion(of: try req.requiredParameter("doc"), in: context.organisation, on: req.db)
        let draft = try await PlanEditing.newDraft(of: document, from: latest, actor: context.actor, on: req.db)
        return req.redirect(to: draftURL(context, document.slug, draft.number, notice: .draft), redirectType: .normal)
    }

    @Sendable static func copy(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let form = try req.content.decode(CopyForm.self)
        let source = try req.requiredParameter("doc")
        let values = ["slug": form.slug, "title": form.title, "periodStart": form.periodStart.map(String.init) ?? "",
                      "periodEnd": form.periodEnd.map(String.init) ?? ""]
        let refuse = { (field: String, message: String, status: HTTPStatus) in
            try await indexPage(req, context, refused: .init(form: source, field: field, message: message, values: values), status: status)
        }
        if let problem = documentFormProblem(slug: form.slug, title: form.title, period: (form.periodStart, form.periodEnd)) {
            return try await refuse(problem.field, problem.message, .unprocessableEntity)
        }
        let (document, latest) = try await EditorQuery.latestVersion(of: source, in: context.organisation, on: req.db)
        do {
            _ = try await PlanEditing.copyDocument(latest, of: document, slug: form.slug, title: form.title, period: (form.periodStart, form.periodEnd),
                                                   carryOver: req.application.carryOverRule, actor: context.actor, on: req.db)
        } catch let failure as PlanEditing.Failure {
            if case .slugTaken = failure { return try await refuse("slug", "Adressen används redan av ett annat dokument.", .conflict) }
            return try await refuse("title", failure.swedish, .unprocessableEntity)
        }
        return req.redirect(to: draftURL(context, form.slug, 1, notice: .copied), redirectType: .normal)
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
        let values = ["slug": form.slug, "title": form.title, "levels": form.levels, "periodStart": form.periodStart.map(String.init) ?? "",
                      "periodEnd": form.periodEnd.map(String.init) ?? ""]
        let refuse = { (field: String, message: String, status: HTTPStatus) in
            try await indexPage(req, context, refused: .init(form: "new", field: field, message: message, values: values), status: status)
        }
        if let problem = documentFormProblem(slug: form.slug, title: form.title, period: (form.periodStart, form.periodEnd)) {
            return try await refuse(problem.field, problem.message, .unprocessableEntity)
        }
        guard let kind = DocumentKind(rawValue: form.kind) else { return try await refuse("title", "Välj en typ av dokument.", .unprocessableEntity) }
        do {
            _ = try await PlanEditing.createDocument(organisationID: context.organisation.requireID(), slug: form.slug, title: form.title, kind: kind,
                                                     period: (form.periodStart, form.periodEnd), levels: form.levels.components(separatedBy: ","),
                                                     actor: context.actor, on: req.db)
        } catch let failure as PlanEditing.Failure {
            if case .slugTaken = failure { return try await refuse("slug", "Adressen används redan av ett annat dokument.", .conflict) }
            return try await refuse("levels", failure.swedish, .unprocessableEntity)
        }
        return req.redirect(to: draftURL(context, form.slug, 1, notice: .created), redirectType: .normal)
    }

    @Sendable static func draft(req: Request) async throws -> Response {
        let context = try await requireEditor(req, for: .readDrafts)
        let (_, _, content) = try await version(req, context)
        return privatePage(req.render(Editor.DraftView(content: content, csrf: context.csrf, notice: notice(req))))
    }

    @Sendable static func preview(req: Request) async throws -> Response {
        let context = try await requireEditor(req, for: .readDrafts)
        let (_, _, content) = try await version(req, context)
        return privatePage(req.render(DocumentShow.View(model: content)))
    }

    @Sendable static func nodeForm(req: Request) async throws -> Response {
        let context = try await requireEditor(req, for: .readDrafts)
        let (_, version, content) = try await version(req, context)
        let (node, row) = try await editedNode(req, version: version, content: content)
        let view = Editor.NodeForm(content: content, node: node, revision: row.revision, csrf: context.csrf, notice: notice(req))
        view.options = try await EditorQuery.factOptions(context.organisation, on: req.db)
        return privatePage(req.render(view))
    }

    @Sendable static func saveFacts(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let form = try req.content.decode(FactsForm.self)
        let (_, version, content) = try await version(req, context)
        let (node, row) = try await editedNode(req, version: version, content: content)
        let options = try await EditorQuery.factOptions(context.organisation, on: req.db)
        let codes = { (text: String?, role: Agenda2030Role) in
            (text ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map { (code: String($0), role: role) }
        }
        let facts = PlanEditing.Facts(
            responsibleUnit: form.responsibleUnit.nonEmpty, status: form.status.nonEmpty,
            partners: form.partners ?? [], networks: form.networks ?? [], strategies: form.strategies ?? [],
            agenda: codes(form.primary, .primary) + codes(form.secondary, .secondary))
        do {
            _ = try await PlanEditing.updateFacts(row.requireID(), expectedRevision: form.revision, facts: facts,
                                                  allowedPartners: Set(options.partners.map(\.key)), allowedNetworks: Set(options.networks.map(\.key)),
                                                  allowedUnits: Set(options.units), actor: context.actor,
                                                  organisationID: context.organisation.requireID(), on: req.db)
        } catch let failure as PlanEditing.Failure {
            let view = Editor.NodeForm(content: content, node: node, revision: row.revision, csrf: context.csrf, message: failure.swedish)
            view.options = options
            let status: HTTPStatus = if case .conflict = failure { .conflict } else if failure == .notADraft { .conflict } else { .unprocessableEntity }
            return privatePage(req.render(view), status: status)
        }
        return req.redirect(to: PlansURL.Editor.node.link(context.organisation.slug, content.slug, String(version.number), node.key)
                                + "?\(EditorNotice.parameter)=\(EditorNotice.facts.rawValue)", redirectType: .normal)
    }

    @Sendable static func saveNode(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let form = try req.content.decode(NodeForm.self)
        let (_, version, content) = try await version(req, context)
        let (node, row) = try await editedNode(req, version: version, content: content)
        do {
            _ = try await PlanEditing.updateNode(row.requireID(), expectedRevision: form.revision, title: form.title, text: form.text,
                                                 actor: context.actor, organisationID: context.organisation.requireID(), on: req.db)
            return req.redirect(to: draftURL(context, content.slug, version.number, notice: .saved, at: node.key), redirectType: .normal)
        } catch let failure as PlanEditing.Failure {
            switch failure {
            case let .conflict(title, text, revision):
                return privatePage(req.render(Editor.NodeForm(content: content, node: node, revision: revision, csrf: context.csrf,
                                                              draftTitle: form.title, draftText: form.text, conflict: (title, text),
                                                              message: failure.swedish)), status: .conflict)
            case .notADraft:
                return privatePage(req.render(Editor.DraftView(content: content, csrf: context.csrf, message: failure.swedish)), status: .conflict)
            default:
                return privatePage(req.render(Editor.NodeForm(content: content, node: node, revision: form.revision, csrf: context.csrf,
                                                              draftTitle: form.title, draftText: form.text, message: failure.swedish)),
                                   status: .unprocessableEntity)
            }
        }
    }

    @Sendable static func adopt(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let form = try req.content.decode(AdoptForm.self)
        let (document, version, content) = try await version(req, context)
        guard form.confirmed == "ja" else {
            let inForce = content.versions.first { $0.status == .adopted }
            let question = "Version \(version.number) av \(content.title) antas av \(form.body) \(form.date) och publiceras. Den låses och kan inte ändras."
                + (inForce.map { " Version \($0.number), som gäller i dag, blir ersatt." } ?? "")
            return privatePage(req.render(Editor.ConfirmView(
                organisationSlug: context.organisation.slug, organisationName: context.organisation.name, heading: "Anta \(content.title)?",
                question: question, action: PlansURL.Editor.adopt.link(context.organisation.slug, document.slug, String(version.number)),
                fields: ["csrf": form.csrf, "body": form.body, "date": form.date, "reference": form.reference], confirmLabel: "Ja, anta och publicera",
                cancelURL: draftURL(context, document.slug, version.number))))
        }
        do {
            try await PlanEditing.adopt(version, body: form.body, date: form.date, reference: form.reference, actor: context.actor,
                                        organisationID: context.organisation.requireID(), on: req.db)
        } catch let failure as PlanEditing.Failure {
            return privatePage(req.render(Editor.DraftView(content: content, csrf: context.csrf, message: failure.swedish)),
                               status: failure == .notADraft ? .conflict : .unprocessableEntity)
        }
        return req.redirect(to: PlansURL.document(context.organisation.slug, document.slug, version: version.number), redirectType: .normal)
    }

    /// Runs a tree change on a draft, then returns to the draft; a refusal re-renders the draft with the reason.
    static func treeChange(_ req: Request, notice: EditorNotice, _ change: (Context, DocumentVersion) async throws -> String?) async throws -> Response {
        let context = try await requireEditor(req)
        let (document, version, content) = try await version(req, context)
        let key: String?
        do {
            key = try await change(context, version)
        } catch let failure as PlanEditing.Failure {
            let status: HTTPStatus = if case .notFound = failure { .notFound } else if failure == .notADraft { .conflict } else { .unprocessableEntity }
            return privatePage(req.render(Editor.DraftView(content: content, csrf: context.csrf, message: failure.swedish)), status: status)
        }
        return req.redirect(to: draftURL(context, document.slug, version.number, notice: notice, at: key), redirectType: .normal)
    }

    static func count(_ nodes: [DocumentContent.Node]) -> Int {
        nodes.reduce(nodes.count) { $0 + count($1.children) }
    }

    @Sendable static func addNode(req: Request) async throws -> Response {
        let form = try req.content.decode(AddForm.self)
        return try await treeChange(req, notice: .added) { context, version in
            try await PlanEditing.addNode(to: version, parentKey: form.parent.nonEmpty, title: form.title,
                                          actor: context.actor, organisationID: context.organisation.requireID(), on: req.db).key
        }
    }

    @Sendable static func reorder(req: Request) async throws -> Response {
        let form = try req.content.decode(OrderForm.self)
        guard let direction = PlanEditing.Direction(rawValue: form.direction) else { throw Abort(.badRequest, reason: "direction must be up or down") }
        let key = try req.requiredParameter("node")
        return try await treeChange(req, notice: .reordered) { context, version in
            try await PlanEditing.reorder(key, in: version, direction: direction, actor: context.actor,
                                          organisationID: context.organisation.requireID(), on: req.db)
            return key
        }
    }

    @Sendable static func move(req: Request) async throws -> Response {
        let form = try req.content.decode(MoveForm.self)
        let key = try req.requiredParameter("node")
        return try await treeChange(req, notice: .moved) { context, version in
            try await PlanEditing.move(key, in: version, toParent: form.parent, actor: context.actor,
                                       organisationID: context.organisation.requireID(), on: req.db)
            return key
        }
    }

    @Sendable static func remove(req: Request) async throws -> Response {
        let key = try req.requiredParameter("node")
        let form = try req.content.decode(RemoveForm.self)
        guard form.confirmed == "ja" else {
            let context = try await requireEditor(req)
            let (document, version, content) = try await version(req, context)
            guard let node = content.allNodes.first(where: { $0.key == key }) else { throw Abort(.notFound, reason: "no node \"\(key)\"") }
            let below = content.path(to: key).map { _ in Self.count(node.children) } ?? 0
            return privatePage(req.render(Editor.ConfirmView(
                organisationSlug: context.organisation.slug, organisationName: context.organisation.name, heading: "Ta bort \(node.title)?",
                question: below == 0 ? "\(node.level) \"\(node.title)\" tas bort ur utkastet."
                    : "\(node.level) \"\(node.title)\" och allt som ligger under den (\(below) st.) tas bort ur utkastet.",
                action: PlansURL.Editor.remove.link(context.organisation.slug, document.slug, String(version.number), key),
                fields: ["csrf": form.csrf], confirmLabel: "Ja, ta bort", cancelURL: draftURL(context, document.slug, version.number, at: key))))
        }
        return try await treeChange(req, notice: .removed) { context, version in
            try await PlanEditing.remove(key, in: version, actor: context.actor, organisationID: context.organisation.requireID(), on: req.db)
            return nil
        }
    }
}
