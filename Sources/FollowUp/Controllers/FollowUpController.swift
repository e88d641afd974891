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
                FollowUpIndex.View.Entry(slug: document.slug, title: document.title,
                                        periods: periods.filter { $0.documentSlug == document.slug && $0.state == .closed }.map(PeriodValue.init),
                                        open: periods.filter { $0.documentSlug == document.slug && $0.state == .open }.count)
            }
            return req.render(FollowUpIndex.View(organisationSlug: organisation.slug, organisationName: organisation.name, entries: entries))
        }
    }

    @Sendable static func dashboard(req: Request) async throws -> Response {
        try await req.cachedPage(varyingOn: ["period"]) {
            let organisation = try await req.organisation()
            let slug = try req.requiredParameter("doc")
            let key = req.queryValue("period")
            let (version, periods) = try await visiblePeriods(req, organisation, includingOpen: false, period: key)
            // Closed periods never change, nor does an adopted version: the dashboard's body is
            // rendered once for each set of them, named by their ids and closing moments.
            // Indicators can change at any time, so they are read every time and are part of the name.
            let indicators = try await IndicatorQuery.contents(organisation, document: slug, on: req.db)
            let memoKey = "\(version.id)|\(key ?? "")|\(indicators.hashValue)|" + periods.map { "\($0.id):\($0.closedAt?.timeIntervalSince1970 ?? 0)" }.joined(separator: ",")
            let article = try await renderedDashboards.markup(for: memoKey) {
                let tree = try await FollowedTreeQuery.tree(organisation, document: slug, version: version, on: req.db)
                let dashboard = Dashboard(tree: tree, periods: try await PeriodQuery.contents(values: periods, on: req.db), selectedKey: key,
                                          indicators: indicators)
                return Markup.rendered(DashboardShow.View.article(dashboard))
            }
            let selected = key.flatMap { key in periods.first { $0.key == key } } ?? periods.last
            var sections: [PageSection] = []
            if let period = selected {
                sections = try await req.application.pageSlots.items(FollowUpSlots.periodSections,
                    for: PeriodSubject(organisation: organisation, documentSlug: slug, name: period.name, endsOn: period.endsOn), request: req)
            }
            return req.render(DashboardShow.View(organisationSlug: organisation.slug, organisationName: organisation.name, documentSlug: slug,
                                            title: version.title, periodName: selected?.name, article: article, sections: sections))
        }
    }

    static let renderedDashboards = BoundedMemo(maximumBytes: 16 << 20, maximumEntries: 1_000)

    /// The version a dashboard shows (the chosen period's, else the newest visible period's, else the
    /// newest public version) and that version's periods the reader may see, oldest first.
    static func visiblePeriods(_ req: Request, _ organisation: OrganisationRecord, includingOpen: Bool,
                               period key: String?) async throws -> (FollowedTreeQuery.VersionRow, [PeriodValue]) {
        let slug = try req.requiredParameter("doc")
        var periods = try await PeriodQuery.values(organisationID: organisation.requireID(), document: slug, on: req.db)
        if !includingOpen { periods = periods.filter { $0.state == .closed } }
        if let key, !periods.contains(where: { $0.key == key }) {
            throw Abort(.notFound, reason: "document \"\(slug)\" has no \(includingOpen ? "" : "closed ")period \"\(key)\"")
        }
        let chosen = key.flatMap { key in periods.first { $0.key == key } } ?? periods.last
        guard let version = try await FollowedTreeQuery.version(organisation, document: slug, number: chosen?.version, on: req.db) else {
            throw Abort(.notFound, reason: "document \"\(slug)\" does not exist or is not published")
        }
        return (version, periods.filter { $0.version == version.number })
    }

    /// A document's dashboard as values (the API's follow-up).
    static func load(_ req: Request, _ organisation: OrganisationRecord, includingOpen: Bool, period key: String?) async throws -> Dashboard {
        let (version, periods) = try await visiblePeriods(req, organisation, includingOpen: includingOpen, period: key)
        let slug = try req.requiredParameter("doc")
        let tree = try await FollowedTreeQuery.tree(organisation, document: slug, version: version, on: req.db)
        return Dashboard(tree: tree, periods: try await PeriodQuery.contents(values: periods, on: req.db), selectedKey: key,
                         indicators: try await IndicatorQuery.contents(organisation, document: slug, on: req.db))
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
