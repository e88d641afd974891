import Auth
import Core
import Fluent
import Foundation
import Organisation
import Vapor

/// Levels of participation: the public page and API, and the editors' form to mark a key activity.
enum ParticipationController {
    @Sendable static func page(req: Request) async throws -> Response {
        let notice = req.queryValue("klart").map { $0 == "oforandrat" ? "Inget ändrades: markeringen var redan sådan." : "Markeringen är sparad." }
        @Sendable func render() async throws -> String {
            let organisation = try await req.organisation()
            let catalogue = try await Catalogue.load(organisation, on: req.db)
            let chosen = req.queryValue("niva").flatMap(ParticipationLevel.init)
            return req.render(ParticipationIndex.View(organisation: organisation, marked: try await Participation.marked(catalogue, on: req.db), chosen: chosen,
                                                notice: notice))
        }
        if notice == nil { return try await req.cachedPage(varyingOn: ["niva"]) { try await render() } }
        return privatePage(try await render())
    }

    @Sendable static func json(req: Request) async throws -> Response {
        try await req.cachedJSON(varyingOn: ["level"]) {
            let catalogue = try await Catalogue.load(try await req.organisation(), on: req.db)
            let chosen = req.queryValue("level").flatMap(ParticipationLevel.init)
            return try await Participation.marked(catalogue, on: req.db).filter { chosen == nil || $0.level == chosen }
                .map { ParticipationMarkDTO(document: $0.node.reference.document, lineage: $0.node.reference.lineage, title: $0.node.title, level: $0.level) }
        }
    }

    static func model(_ context: EditorController.Context, values: [String: String]) -> Forms.FormView.Model {
        .init(heading: "Markera medverkan", intro: ["Välj en nyckelaktivitet och den nivå av medverkan den erbjuder civilsamhället. Välj Ingen för att ta bort markeringen."],
              trail: [Breadcrumb("Medverkan", url: AgreementsURL.participation.link(context.slug))], action: AgreementsURL.markParticipation.link(context.slug),
              fields: [.init("activity", "Nyckelaktivitet", .select([.init("", "Välj…")] + context.catalogue.activities.map {
                           .init("\($0.reference.document)/\($0.reference.lineage)", "\($0.documentTitle): \($0.title)") })),
                       .init("level", "Nivå", .select([.init("", "Ingen")] + ParticipationLevel.allCases.map { .init($0.rawValue, "\($0.label) – \($0.explanation)") }))],
              state: .init(values: values), submit: "Spara", cancelURL: AgreementsURL.participation.link(context.slug))
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let context = try await EditorController.context(req, .edit)
        return EditorController.render(req, context, model(context, values: [:]))
    }

    @Sendable static func mark(req: Request) async throws -> Response {
        let context = try await EditorController.context(req, .edit)
        let values = try req.content.decode([String: String].self)
        return try await EditorController.submit(req, context, model(context, values: values)) {
            let parts = (values["activity"] ?? "").split(separator: "/", maxSplits: 1).map(String.init)
            let reference = AgreementSpec.NodeReference(document: parts.first ?? "", lineage: parts.count == 2 ? parts[1] : "")
            let changed = try await Participation.mark(reference, level: (values["level"]).flatMap(ParticipationLevel.init), in: context.catalogue,
                                                       actor: context.actor, on: req.db)
            return req.redirect(to: AgreementsURL.participation.link(context.slug, query: ["klart": changed ? "sparat" : "oforandrat"]), redirectType: .normal)
        }
    }
}

/// A marked key activity over the API.
public struct ParticipationMarkDTO: Content, Equatable {
    public let document: String
    public let lineage: String
    public let title: String
    public let level: ParticipationLevel
}
