import Core
import Fluent
import Organisation
import Plans
import Vapor

/// The public follow-up pages: the followed-up documents, a document's dashboard of closed
/// periods, and the closed periods' reports as CSV. Readable without signing in.
enum FollowUpController {
    @Sendable static func index(req: Request) async throws -> Response {
        try await req.cachedPage {
            let organisation = try await req.organisation()
            let periods = try await ReportingPeriod.query(on: req.db).filter(\.$organisationID == organisation.requireID()).sort(\.$endsOn).all()
            let documents = try await DocumentQuery.summaries(organisationID: organisation.requireID(), on: req.db).filter { $0.status == .adopted }
            let entries = documents.map { document in
                FollowUpIndexPage.Entry(slug: document.slug, title: document.title,
                                        periods: periods.filter { $0.documentSlug == document.slug && $0.state == .closed }.map(PeriodValue.init),
                                        open: periods.filter { $0.documentSlug == document.slug && $0.state == .open }.count)
            }
            return req.render(FollowUpIndexPage(organisationSlug: organisation.slug, organisationName: organisation.name, entries: entries))
        }
    }

    @Sendable static func dashboard(req: Request) async throws -> Response {
        try await req.cachedPage(varyingOn: ["period"]) {
            let organisation = try await req.organisation()
            let dashboard = try await load(req, organisation, includingOpen: false, period: try? req.query.get(String.self, at: "period"))
            return req.render(DashboardPage(dashboard: dashboard, workURL: FollowUpURL.periods.link(organisation.slug, dashboard.tree.documentSlug)))
        }
    }

    /// A document's dashboard: the version of the chosen period (else of the newest period the reader
    /// may see, else the newest public version), and the periods of that version.
    static func load(_ req: Request, _ organisation: OrganisationRecord, includingOpen: Bool, period key: String?) async throws -> Dashboard {
        let slug = try req.requiredParameter("doc")
        var periods = try await PeriodQuery.periods(organisationID: organisation.requireID(), document: slug, on: req.db)
        if !includingOpen { periods = periods.filter { $0.state == .closed } }
        if let key, !periods.contains(where: { $0.key == key }) {
            throw Abort(.notFound, reason: "document \"\(slug)\" has no \(includingOpen ? "" : "closed ")period \"\(key)\"")
        }
        let chosen = key.flatMap { key in periods.first { $0.key == key } } ?? periods.last
        guard let tree = try await FollowedTreeQuery.load(organisation, document: slug, version: chosen?.versionNumber, on: req.db) else {
            throw Abort(.notFound, reason: "document \"\(slug)\" does not exist or is not published")
        }
        let contents = try await PeriodQuery.contents(periods.filter { $0.versionNumber == tree.versionNumber }, on: req.db)
        return Dashboard(tree: tree, periods: contents, selectedKey: key)
    }

    /// GET …/oppna-data/uppfoljning/:doc — one row per key activity and closed period.
    @Sendable static func csv(req: Request) async throws -> Response {
        let organisation = try await req.organisation()
        let slug = try req.requiredParameter("doc")
        let periods = try await PeriodQuery.periods(organisationID: organisation.requireID(), document: slug, on: req.db).filter { $0.state == .closed }
        var rows: [[String]] = []
        for (version, group) in Dictionary(grouping: periods, by: \.versionNumber).sorted(by: { $0.key < $1.key }) {
            guard let tree = try await FollowedTreeQuery.load(organisation, document: slug, version: version, on: req.db) else { continue }
            for content in try await PeriodQuery.contents(group, on: req.db) {
                for item in tree.activities {
                    let report = content.reports[item.lineage]
                    rows.append([content.period.key, content.period.name, content.period.endsOn, String(version), item.lineage, item.title,
                                 report?.status.rawValue ?? "", report?.status.label ?? "Ej rapporterad", report?.progress.map(String.init) ?? "",
                                 report?.comment ?? "", content.period.example ? "true" : "false"])
                }
            }
        }
        let published = try await FollowedTreeQuery.load(organisation, document: slug, version: nil, on: req.db) != nil
        guard !rows.isEmpty || published else {
            throw Abort(.notFound, reason: "document \"\(slug)\" does not exist or is not published")
        }
        return try CSVTable(columns: ["period", "periodName", "endsOn", "version", "lineage", "title", "status", "statusLabel", "progress", "comment", "example"],
                            rows: rows).response(filename: "\(organisation.slug)-\(slug)-uppfoljning.csv")
    }
}
