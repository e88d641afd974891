import Core
import Fluent
import Organisation
import Plans
import Vapor

/// An indicator's public page, its values as CSV, and the indicators on a goal's page.
enum IndicatorController {
    static func load(_ req: Request) async throws -> (OrganisationRecord, IndicatorContent, FollowedTree) {
        let organisation = try await req.organisation()
        let slug = try req.requiredParameter("doc"), key = try req.requiredParameter("indicator")
        guard let indicator = try await IndicatorQuery.contents(organisation, document: slug, key: key, on: req.db).first,
              let tree = try await FollowedTreeQuery.load(organisation, document: slug, version: nil, on: req.db) else {
            throw Abort(.notFound, reason: "document \"\(slug)\" has no indicator \"\(key)\"")
        }
        return (organisation, indicator, tree)
    }

    @Sendable static func show(req: Request) async throws -> Response {
        try await req.cachedPage {
            let (organisation, indicator, tree) = try await load(req)
            return req.render(IndicatorShow.View(organisationSlug: organisation.slug, organisationName: organisation.name, indicator: indicator,
                                            documentTitle: tree.title, goal: tree.item(lineage: indicator.lineage), versionNumber: tree.versionNumber))
        }
    }

    /// One row per area and period: the same numbers the page's tables show.
    @Sendable static func csv(req: Request) async throws -> Response {
        let (organisation, indicator, _) = try await load(req)
        var rows: [[String]] = []
        for area in indicator.areas {
            for period in indicator.periods {
                guard let value = indicator.values[area.code]?[period] else { continue }
                rows.append([area.code, area.name, period, String(value), Int(period).flatMap { indicator.targets[$0] }.map { String($0) } ?? ""])
            }
        }
        return try CSVTable(columns: ["area", "areaName", "period", "value", "target"], rows: rows)
            .response(filename: "\(organisation.slug)-\(indicator.key).csv")
    }

    /// The indicators of the goal a page shows, as a section of that page.
    static func sections(for subject: NodeSubject, on req: Request) async throws -> [NodeSection] {
        guard subject.content.version.status != .draft, let organisation = try await req.organisation(slug: subject.content.organisation.slug) else { return [] }
        let indicators = try await IndicatorQuery.contents(organisation, document: subject.content.slug, lineage: subject.node.lineage, on: req.db)
        guard !indicators.isEmpty else { return [] }
        return [NodeSection(heading: indicators.count == 1 ? "Indikator" : "Indikatorer",
                            content: IndicatorSections.onGoal(indicators, organisationSlug: organisation.slug))]
    }
}
