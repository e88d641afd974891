import Auth
import Core
import Fluent
import Organisation
import Vapor

extension EditorController {
    /// GET /o/:org/redigera/historik: the history of the organisation's documents for its editors,
    /// by document, item (?punkt=LINEAGE), user and date.
    @Sendable static func history(req: Request) async throws -> Response {
        let context = try await requireEditor(req, for: .readDrafts)
        let filter = AuditFilter(req)
        let (entries, hasMore) = try await AuditQuery.page(organisationID: context.organisation.requireID(), filter: filter, documentsOnly: true, on: req.db)
        let documents = try await SteeringDocument.query(on: req.db).filter(\.$organisation.$id == context.organisation.requireID())
            .with(\.$versions).sort(\.$slug).all()
        let choices = documents.map { document in
            Editor.Choice(document.slug, document.versions.max { $0.number < $1.number }?.title ?? document.slug)
        }
        // The item's name as the newest entry about it has it.
        var itemName: String?
        if let item = filter.item {
            itemName = try await AuditQuery.latestName(of: item, in: filter.document, organisationID: context.organisation.requireID(), on: req.db) ?? item
        }
        let model = AuditIndex.View.Model(heading: "Historik", trail: trail(context), base: PlansURL.Editor.history.link(context.slug), entries: entries,
                                    hasMore: hasMore, filter: filter, documents: choices, itemName: itemName)
        return privatePage(req.render(AuditIndex.View(organisationSlug: context.slug, organisationName: context.organisation.name, model: model)))
    }
}
