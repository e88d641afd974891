import Auth
import Core
import Fluent
import Organisation
import Vapor

/// A draft's tree: a node's one form (title, text, facts, place), adding, ordering and removing.
extension EditorController {
    struct NodeForm: Content {
        let revision: Int; let title: String; let text: String
        let responsibleUnit: String?; let status: String?
        let partners: [String]?; let networks: [String]?; let strategies: [String]?; let primary: String?; let secondary: String?
        let parent: String?
    }
    struct AddForm: Content { let title: String; let parent: String? }
    struct OrderForm: Content { let direction: String }

    /// The node named in the URL: as the page shows it, and its row (for the revision).
    static func editedNode(_ req: Request, version: DocumentVersion, content: DocumentContent) async throws -> (DocumentContent.Node, PlanNode) {
        let key = try req.requiredParameter("node")
        guard let node = content.allNodes.first(where: { $0.key == key }),
              let row = try await PlanNode.query(on: req.db).filter(\.$version.$id == version.requireID()).filter(\.$key == key).first() else {
            throw Abort(.notFound, reason: "no node \"\(key)\"")
        }
        return (node, row)
    }

    @Sendable static func nodeForm(req: Request) async throws -> Response {
        let context = try await requireEditor(req, for: .readDrafts)
        let (_, version, content) = try await version(req, context)
        guard version.status == .draft else { throw Abort(.notFound, reason: "only a draft's nodes are edited") }
        let (node, row) = try await editedNode(req, version: version, content: content)
        let view = NodeEdit.View(content: content, node: node, revision: row.revision, csrf: context.csrf,
                                   options: try await EditorQuery.factOptions(context.organisation, on: req.db), notice: notice(req))
        return privatePage(req.render(view))
    }

    /// Agenda 2030 codes as typed: separated by commas or spaces.
    static func codes(_ text: String?, _ role: Agenda2030Role) -> [PlanEditing.Agenda2030Code] {
        (text ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }).map { .init(code: String($0), role: role) }
    }

    @Sendable static func saveNode(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let form = try req.content.decode(NodeForm.self)
        let (_, version, content) = try await version(req, context)
        let (node, row) = try await editedNode(req, version: version, content: content)
        let options = try await EditorQuery.factOptions(context.organisation, on: req.db)
        let facts = PlanEditing.Facts(responsibleUnit: form.responsibleUnit.nonEmpty, status: form.status.nonEmpty,
                                      partners: form.partners ?? [], networks: form.networks ?? [], strategies: form.strategies ?? [],
                                      agenda: codes(form.primary, .primary) + codes(form.secondary, .secondary))
        let typed = ["title": form.title, "text": form.text, "responsibleUnit": form.responsibleUnit ?? "", "status": form.status ?? "",
                     "partners": facts.partners.joined(separator: "\n"), "networks": facts.networks.joined(separator: "\n"),
                     "strategies": facts.strategies.joined(separator: "\n"), "primary": form.primary ?? "", "secondary": form.secondary ?? "",
                     "parent": form.parent ?? ""]
        let changes = PlanEditing.NodeChanges(title: form.title, text: form.text, facts: facts, parent: form.parent.nonEmpty)
        do {
            let revision = try await PlanEditing.save(row.requireID(), expectedRevision: form.revision, changes, targets: options.targets,
                                                      actor: context.actor, organisationID: context.organisation.requireID(), on: req.db)
            let notice: EditorNotice = revision == form.revision ? .unchanged : .saved
            return redirect(req, draftURL(context, content.slug, version.number, notice: notice, at: "punkt-\(node.key)"))
        } catch let failure as PlanEditing.Failure {
            switch failure {
            case let .conflict(title, text, revision):
                let view = NodeEdit.View(content: content, node: node, revision: revision, csrf: context.csrf, options: options,
                                           state: .init(values: typed, error: ("", failure.swedish)), conflict: (title, text))
                return privatePage(req.render(view), status: .conflict)
            case .notADraft, .notFound:
                return try await draftPage(req, context, content, message: failure.swedish, status: refusal(failure, fallback: "").status)
            default:
                let (field, message, status) = refusal(failure, fallback: "title")
                let view = NodeEdit.View(content: content, node: node, revision: form.revision, csrf: context.csrf, options: options,
                                           state: .init(values: typed, error: (field, message)))
                return privatePage(req.render(view), status: status)
            }
        }
    }

    static func addModel(_ context: Context, _ content: DocumentContent, under parent: DocumentContent.Node?, values: [String: String] = [:]) -> Editor.FormView.Model {
        let levels = content.version.levels
        let level = levels[safe: parent.map { $0.depth + 1 } ?? 0] ?? "Nod"
        var values = values
        values["parent"] = parent?.key ?? ""
        // "Lägg till", not "Ny": the level's name may be any gender (ett mål, en nyckelaktivitet, ett målområde).
        return .init(heading: parent.map { "Lägg till \(level.lowercased()) under \($0.title)" } ?? "Lägg till \(level.lowercased())",
                     intro: ["Den nya hamnar sist. Texten och uppgifterna fyller du i efteråt."],
                     trail: trail(context, content), action: PlansURL.Editor.addNode.link(context.slug, content.slug, String(content.version.number)),
                     fields: [.init("parent", "", .hidden), .init("title", "Titel")], state: .init(values: values), submit: "Lägg till",
                     cancelURL: draftURL(context, content.slug, content.version.number, at: parent.map { "punkt-\($0.key)" } ?? "maltrad"))
    }

    @Sendable static func addNodeForm(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let (_, _, content) = try await version(req, context)
        let parent = req.queryValue("under").flatMap { key in content.allNodes.first { $0.key == key } }
        return formPage(req, context, addModel(context, content, under: parent))
    }

    @Sendable static func addNode(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let form = try req.content.decode(AddForm.self)
        let (_, version, content) = try await version(req, context)
        let parent = form.parent.nonEmpty.flatMap { key in content.allNodes.first { $0.key == key } }
        return try await submit(req, context, addModel(context, content, under: parent, values: ["title": form.title]), fallbackField: "title") {
            let node = try await PlanEditing.addNode(to: version, parentKey: form.parent.nonEmpty, title: form.title, actor: context.actor,
                                                     organisationID: context.organisation.requireID(), on: req.db)
            return redirect(req, draftURL(context, content.slug, version.number, notice: .added, at: "punkt-\(node.key)"))
        }
    }

    @Sendable static func reorder(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let direction = try direction(req), key = try req.requiredParameter("node")
        return try await onDraft(req, context, notice: .reordered, at: { _ in "punkt-\(key)" }) { version in
            try await PlanEditing.reorder(key, in: version, direction: direction, actor: context.actor,
                                          organisationID: context.organisation.requireID(), on: req.db)
        }
    }

    static func count(_ nodes: [DocumentContent.Node]) -> Int {
        nodes.reduce(nodes.count) { $0 + count($1.children) }
    }

    @Sendable static func removeForm(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let (_, version, content) = try await version(req, context)
        let (node, _) = try await editedNode(req, version: version, content: content)
        let below = count(node.children)
        return confirmPage(req, context, heading: "Ta bort \(node.title)?",
            question: below == 0 ? "\(node.level) ”\(node.title)” tas bort ur utkastet."
                : "\(node.level) ”\(node.title)” och allt som ligger under (\(below) st.) tas bort ur utkastet.",
            action: PlansURL.Editor.remove.link(context.slug, content.slug, String(version.number), node.key),
            fields: ["csrf": context.csrf], confirmLabel: "Ja, ta bort",
            cancelURL: PlansURL.Editor.node.link(context.slug, content.slug, String(version.number), node.key))
    }

    @Sendable static func remove(req: Request) async throws -> Response {
        guard try req.content.decode(ConfirmForm.self).confirmed == "ja" else { return try await removeForm(req: req) }
        let context = try await requireEditor(req)
        let key = try req.requiredParameter("node")
        return try await onDraft(req, context, notice: .removed, at: { $0.parent(of: key).map { "punkt-\($0.key)" } ?? "maltrad" }) { version in
            try await PlanEditing.remove(key, in: version, actor: context.actor, organisationID: context.organisation.requireID(), on: req.db)
        }
    }
}
