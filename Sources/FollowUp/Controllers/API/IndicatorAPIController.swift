import Auth
import Core
import Fluent
import Foundation
import Organisation
import Plans
import Vapor

/// Indicators over the JSON API: public reads; with a personal API token, an editor adds,
/// replaces and removes them and imports Kolada files, with the same rules and audit trail as the forms.
enum IndicatorAPIController {
    /// GET …/documents/:doc/indicators
    @Sendable static func list(req: Request) async throws -> Response {
        try await req.cachedJSON {
            let organisation = try await req.organisation()
            let slug = try req.requiredParameter("doc")
            guard let tree = try await FollowedTreeQuery.load(organisation, document: slug, version: nil, on: req.db) else {
                throw Abort(.notFound, reason: "document \"\(slug)\" does not exist or is not published")
            }
            return try await IndicatorQuery.contents(organisation, document: slug, on: req.db).map { IndicatorDTO($0, goal: tree.item(lineage: $0.lineage)?.title) }
        }
    }

    /// GET …/documents/:doc/indicators/:indicator
    @Sendable static func show(req: Request) async throws -> Response {
        try await req.cachedJSON {
            let (_, indicator, tree) = try await IndicatorController.load(req)
            return IndicatorDTO(indicator, goal: tree.item(lineage: indicator.lineage)?.title)
        }
    }

    static func dto(_ indicator: Indicator, _ context: EditorController.Context, _ tree: FollowedTree, on db: any Database) async throws -> IndicatorDTO {
        let content = try await IndicatorQuery.contents(context.organisation, document: tree.documentSlug, key: indicator.key, on: db)[0]
        return IndicatorDTO(content, goal: tree.item(lineage: indicator.lineage)?.title)
    }

    /// POST …/documents/:doc/indicators
    @Sendable static func create(req: Request) async throws -> Response {
        let context = try await FollowUpAPIController.access(req, .manage)
        let tree = try await EditorController.tree(req, context)
        let input = try req.content.decode(IndicatorInputDTO.self)
        let indicator = try await IndicatorWork.add(try input.spec, to: input.lineage ?? "", of: tree, organisationID: context.organisation.requireID(), key: input.key,
                                    actor: context.actor, on: req.db)
        let response = Response(status: .created)
        try response.content.encode(try await dto(indicator, context, tree, on: req.db))
        response.headers.replaceOrAdd(name: .location, value: FollowUpURL.API.indicator.link(context.slug, tree.documentSlug, indicator.key))
        return response
    }

    /// PUT …/documents/:doc/indicators/:indicator — facts, targets and typed-in values replaced; unchanged input changes nothing.
    @Sendable static func replace(req: Request) async throws -> IndicatorDTO {
        let context = try await FollowUpAPIController.access(req, .manage)
        let (indicator, tree) = try await EditorController.indicator(req, context)
        let input = try req.content.decode(IndicatorInputDTO.self)
        if let lineage = input.lineage, lineage != indicator.lineage {
            throw Abort(.unprocessableEntity, reason: "an indicator does not move between goals: remove it and add it to \"\(lineage)\"")
        }
        _ = try await IndicatorWork.update(indicator, with: try input.spec, replacingValues: true, tree: tree, actor: context.actor, on: req.db)
        return try await dto(indicator, context, tree, on: req.db)
    }

    /// DELETE …/documents/:doc/indicators/:indicator
    @Sendable static func delete(req: Request) async throws -> HTTPStatus {
        let context = try await FollowUpAPIController.access(req, .manage)
        let (indicator, tree) = try await EditorController.indicator(req, context)
        try await IndicatorWork.delete(indicator, tree: tree, actor: context.actor, on: req.db)
        return .noContent
    }

    /// POST …/organisations/:org/kolada-imports — one Kolada file, or a list of files that are the pages of one answer.
    @Sendable static func importKolada(req: Request) async throws -> KoladaImportDTO {
        let context = try await FollowUpAPIController.access(req, .manage)
        guard let body = req.body.data, body.readableBytes > 0 else { throw Abort(.badRequest, reason: "send a Kolada file (JSON) or a list of them") }
        let data = Data(buffer: body)
        guard JSONShape.isShallow(data) else {
            throw Abort(.unprocessableEntity, reason: "body: the JSON nests deeper than \(JSONShape.depthLimit) levels")
        }
        // A list of pages is split by its bytes: each page is read by the Kolada reader, which refuses what is not a page.
        let files: [(name: String, data: Data)] = JSONShape.arrayElements(of: data).map { ranges in
            ranges.enumerated().map { index, range in ("body[\(index)]", data[range]) }
        } ?? [("body", data)]
        return KoladaImportDTO(try await KoladaImport.run(files, actor: context.actor, on: req.db))
    }

    /// GET …/organisations/:org/annual-reports/:year — the figures of the year's adopted annual report, as adopted.
    @Sendable static func annualReport(req: Request) async throws -> Response {
        try await req.cachedJSON {
            let organisation = try await req.organisation()
            guard let year = req.parameters.get("year", as: Int.self) else { throw Abort(.badRequest, reason: "year must be a whole number such as 2023") }
            let reports = try await DocumentQuery.slugs(organisationID: organisation.requireID(), kind: .verksamhetsberattelse, on: req.db)
            for report in reports {
                guard let content = try? await PublishedContent.content(organisation, document: report, version: nil, on: req.db),
                      content.version.periodStart == year, let data = try await AnnualReportProvider.data(for: content, on: req) else { continue }
                return data
            }
            throw Abort(.notFound, reason: "\(organisation.name) has no adopted annual report for \(year)")
        }
    }
}
