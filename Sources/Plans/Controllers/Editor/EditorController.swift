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
/// middleware after every write. A refused form comes back with the input and the reason
/// beside the field; a write leads to the page it concerns with a notice of what was done.
enum EditorController {
    struct Context {
        let organisation: OrganisationRecord
        let signedIn: SignedIn
        var csrf: String { signedIn.csrfToken }
        var actor: AuditLog.Actor { .user(signedIn.user) }
        var slug: String { organisation.slug }
    }

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
    static func draftURL(_ context: Context, _ slug: String, _ number: Int, notice: EditorNotice? = nil, at anchor: String? = nil,
                         year: Int? = nil) -> String {
        PlansURL.Editor.draft.link(context.slug, slug, String(number), query: [EditorNotice.parameter: notice?.rawValue, "ar": year.map(String.init)])
            + (anchor.map { "#\($0)" } ?? "")
    }

    static func notice(_ req: Request) -> EditorNotice? {
        req.queryValue(EditorNotice.parameter).flatMap(EditorNotice.init(rawValue:))
    }

    static func redirect(_ req: Request, _ url: String) -> Response { req.redirect(to: url, redirectType: .normal) }

    /// Where a refusal goes in a form: the field the rule names, or `fallback`; and its status.
    static func refusal(_ failure: PlanEditing.Failure, fallback: String) -> (field: String, message: String, status: HTTPStatus) {
        switch failure {
        case .invalid(let message, let field): (field ?? fallback, message, .unprocessableEntity)
        case .slugTaken: ("slug", "Adressen används redan av ett annat dokument.", .conflict)
        case .notADraft, .draftOpen, .conflict: ("", failure.swedish, .conflict)
        case .notFound: ("", failure.swedish, .notFound)
        }
    }

    static func formPage(_ req: Request, _ context: Context, _ model: Editor.FormView.Model, status: HTTPStatus = .ok) -> Response {
        privatePage(req.render(Editor.FormView(tenantSlug: context.slug, tenantName: context.organisation.name,
                                               tenantHome: OrganisationURL.home.link(context.slug), model: model, csrf: context.csrf)), status: status)
    }

    /// Asks before what cannot be undone; the form posts `fields` again with confirmed=ja.
    static func confirmPage(_ req: Request, _ context: Context, heading: String, question: String, action: String, fields: [String: String],
                            confirmLabel: String, cancelURL: String) -> Response {
        privatePage(req.render(Forms.ConfirmView(tenantSlug: context.slug, tenantName: context.organisation.name,
                                                 tenantHome: OrganisationURL.home.link(context.slug), trail: trail(context), heading: heading,
                                                 question: question, action: action, fields: fields, confirmLabel: confirmLabel, cancelURL: cancelURL)))
    }

    /// Runs a form's write; a refusal shows the form again with what was typed and the reason.
    static func submit(_ req: Request, _ context: Context, _ model: Editor.FormView.Model, fallbackField: String,
                       _ write: () async throws -> Response) async throws -> Response {
        do {
            return try await write()
        } catch let failure as PlanEditing.Failure {
            let (field, message, status) = refusal(failure, fallback: fallbackField)
            var model = model
            model.state.error = (field, message)
            return formPage(req, context, model, status: status)
        }
    }

    /// Runs a write without a form of its own (order, removal after confirming) on the version
    /// of the URL: a refusal shows the draft with the reason; success returns to `anchor` with `notice`.
    static func onDraft(_ req: Request, _ context: Context, notice: EditorNotice, at anchor: (DocumentContent) -> String?,
                        _ write: (DocumentVersion) async throws -> Void) async throws -> Response {
        let (_, version, content) = try await version(req, context)
        do {
            try await write(version)
        } catch let failure as PlanEditing.Failure {
            return try await draftPage(req, context, content, message: failure.swedish, status: refusal(failure, fallback: "").status)
        }
        return redirect(req, draftURL(context, content.slug, version.number, notice: notice, at: anchor(content)))
    }

    static func direction(_ req: Request) throws -> PlanEditing.Direction {
        guard let direction = PlanEditing.Direction(rawValue: try req.content.decode(OrderForm.self).direction) else {
            throw Abort(.badRequest, reason: "direction must be up or down")
        }
        return direction
    }

    /// A year typed in a form: empty is none, anything else must be a whole number.
    static func year(_ text: String?, field: String) throws -> Int? {
        guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        guard let year = Int(text) else { throw PlanEditing.Failure.invalid("Ange ett årtal med fyra siffror, till exempel 2024.", field: field) }
        return year
    }

    static func trail(_ context: Context) -> [Breadcrumb] { [Breadcrumb("Redigera", url: PlansURL.Editor.index.link(context.slug))] }

    static func trail(_ context: Context, _ content: DocumentContent) -> [Breadcrumb] {
        trail(context) + [Breadcrumb("\(content.title), version \(content.version.number)",
                                     url: PlansURL.Editor.draft.link(context.slug, content.slug, String(content.version.number)))]
    }

    @Sendable static func index(req: Request) async throws -> Response {
        let context = try await requireEditor(req, for: .readDrafts)
        let documents = try await SteeringDocument.query(on: req.db)
            .filter(\.$organisation.$id == context.organisation.requireID()).with(\.$versions).sort(\.$slug).all()
        let model = documents.map { document in
            Editor.DocumentVersions(slug: document.slug, versions: document.versions.sorted { $0.number > $1.number }.map {
                .init(number: $0.number, title: $0.title, status: $0.status, adoptedOn: $0.adoptedOn)
            })
        }
        let page = DocumentEditorIndex.View(organisationSlug: context.slug, organisationName: context.organisation.name, documents: model,
                                    csrf: context.csrf, notice: notice(req))
        return privatePage(req.render(page))
    }
}
