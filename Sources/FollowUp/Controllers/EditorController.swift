import Auth
import Core
import Fluent
import Organisation
import Plans
import Vapor

/// Following up in the browser, for the organisation's users: the periods, a period's page, and the
/// forms to open a period, report, assess, close and choose reporters. Signed-in routes (session and
/// CSRF checked by middleware); each handler asks FollowUpPermissions in the organisation of the URL.
/// A refused form comes back with the input and the reason beside the field; a write leads to the
/// page it concerns with a notice of what was done.
enum EditorController {
    typealias Context = SignedInContext

    static func context(_ req: Request, _ action: FollowUpPermissions.Action) async throws -> Context {
        try await req.access(action, by: FollowUpPermissions.self)
    }

    /// The adopted tree the document's follow-up uses now: its newest public version.
    static func tree(_ req: Request, _ context: Context, version: Int? = nil) async throws -> FollowedTree {
        let slug = try req.requiredParameter("doc")
        guard let tree = try await FollowedTreeQuery.load(context.organisation, document: slug, version: version, on: req.db) else {
            throw Abort(.notFound, reason: "document \"\(slug)\" does not exist or is not published")
        }
        return tree
    }

    static func period(_ req: Request, _ context: Context) async throws -> (ReportingPeriod, FollowedTree) {
        let slug = try req.requiredParameter("doc"), key = try req.requiredParameter("period")
        guard let period = try await PeriodQuery.period(organisationID: context.organisation.requireID(), document: slug, key: key, on: req.db) else {
            throw Abort(.notFound, reason: "document \"\(slug)\" has no period \"\(key)\"")
        }
        return (period, try await tree(req, context, version: period.versionNumber))
    }

    static func notice(_ req: Request) -> String? {
        switch req.queryValue("klart") {
        case "oppnad": "Perioden är öppnad. Rapportörerna kan nu rapportera."
        case "rapport": "Rapporten är sparad."
        case "oforandrad": "Inget ändrades: formuläret skickades utan ändringar."
        case "bedomning": "Bedömningen är sparad."
        case "stangd": "Perioden är stängd. Rapporterna är nu offentliga och kan inte längre ändras."
        case "rapportorer": "Rapportörerna är sparade."
        case "mallar": "Periodmallarna är sparade."
        default: nil
        }
    }

    /// To `url` with the notice of what was done, at `anchor`.
    static func redirect(_ req: Request, _ url: String, notice: String, at anchor: String? = nil) -> Response {
        req.redirect(to: url + (url.contains("?") ? "&" : "?") + "klart=\(notice)" + (anchor.map { "#\($0)" } ?? ""), redirectType: .normal)
    }

    static func formPage(_ req: Request, _ context: Context, _ model: Forms.FormView.Model, status: HTTPStatus = .ok) -> Response {
        privatePage(req.render(Forms.FormView(tenantSlug: context.slug, tenantName: context.organisation.name,
                                              tenantHome: OrganisationURL.home.link(context.slug), model: model, csrf: context.csrf)), status: status)
    }

    /// Runs a form's write; a refusal shows the form again with what was typed and the reason.
    static func submit(_ req: Request, _ context: Context, _ model: Forms.FormView.Model, _ write: () async throws -> Response) async throws -> Response {
        do {
            return try await write()
        } catch let failure as FollowUpWork.Failure {
            var model = model
            let (field, status): (String, HTTPStatus) = switch failure {
            case .invalid(_, _, let field): (field ?? "", .unprocessableEntity)
            case .keyTaken: ("name", .conflict)
            case .closed, .conflict: ("", .conflict)
            case .notFound: ("", .notFound)
            }
            model.state.error = (field, failure.swedish)
            return formPage(req, context, model, status: status)
        }
    }

    static func trail(_ context: Context, _ tree: FollowedTree) -> [Breadcrumb] {
        [Breadcrumb("Uppföljning", url: FollowUpURL.index.link(context.slug)),
         Breadcrumb(tree.title, url: FollowUpURL.dashboard(context.slug, tree.documentSlug)),
         Breadcrumb("Perioder", url: FollowUpURL.periods.link(context.slug, tree.documentSlug))]
    }

    // MARK: Pages

    @Sendable static func periods(req: Request) async throws -> Response {
        let context = try await context(req, .read)
        let tree = try await tree(req, context)
        let periods = try await PeriodQuery.periods(organisationID: context.organisation.requireID(), document: tree.documentSlug, on: req.db)
        let contents = try await PeriodQuery.contents(periods.filter { $0.versionNumber == tree.versionNumber }, on: req.db)
        return privatePage(req.render(PeriodIndex.View(tree: tree, periods: contents, mayManage: context.mayManage, notice: notice(req))))
    }

    @Sendable static func period(req: Request) async throws -> Response {
        let context = try await context(req, .read)
        let (period, tree) = try await period(req, context)
        let all = try await PeriodQuery.periods(organisationID: context.organisation.requireID(), document: tree.documentSlug, on: req.db)
        let contents = try await PeriodQuery.contents(all.filter { $0.versionNumber == tree.versionNumber }, on: req.db)
        let dashboard = Dashboard(tree: tree, periods: contents, selectedKey: period.key,
                                  indicators: try await IndicatorQuery.contents(context.organisation, document: tree.documentSlug, on: req.db))
        let organisationID = try context.organisation.requireID()
        let assigned = try await ReporterQuery.assigned(organisationID: organisationID, document: tree.documentSlug, on: req.db)
        let people = try await ReporterQuery.candidates(organisationID: organisationID, on: req.db)
        let editors = try await ReporterQuery.editors(organisationID: organisationID, on: req.db)
        let activities = tree.activities.map(\.lineage)
        var reporters = Dictionary(grouping: activities.filter { assigned[$0] != nil }, by: { assigned[$0]! }).sorted { $0.key < $1.key }.map { email, lineages in
            PeriodShow.View.Reporter(name: people.first { $0.email == email }?.name ?? email, email: email, lineages: lineages)
        }
        let unassigned = activities.filter { assigned[$0] == nil }
        if !unassigned.isEmpty {
            reporters.append(.init(name: "Redaktörerna" + (editors.isEmpty ? "" : " (\(editors.map(\.name).joined(separator: ", ")))"), email: nil, lineages: unassigned))
        }
        let mayReport = Set(activities.filter { FollowUpPermissions.mayReport(lineage: $0, assigned: assigned, user: context.user, roles: context.roles) })
        let sections = try await req.application.pageSlots.items(FollowUpSlots.periodSections, for: PeriodSubject(
            organisation: context.organisation, documentSlug: tree.documentSlug, name: period.name, endsOn: period.endsOn), request: req)
        return privatePage(req.render(PeriodShow.View(dashboard: dashboard, reporters: reporters, mayReport: mayReport, mayManage: context.mayManage,
                                                 notice: notice(req), sections: sections)))
    }
}
