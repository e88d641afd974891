import Auth
import Core
import Fluent
import Organisation
import Vapor

/// Follow-up over the JSON API: the closed periods for everyone; with a personal API token, the
/// open ones too, and the same writes, rights and audit trail as the forms.
enum FollowUpAPIController {
    /// GET …/documents/:doc/follow-up — the closed periods of the version they follow, with reports and assessments.
    @Sendable static func show(req: Request) async throws -> Response {
        try await req.cachedJSON {
            let organisation = try await req.organisation()
            let dashboard = try await FollowUpController.load(req, organisation, includingOpen: false, period: nil)
            return dto(dashboard, showReporters: false)
        }
    }

    static func dto(_ dashboard: Dashboard, showReporters: Bool) -> FollowUpDTO {
        FollowUpDTO(organisation: dashboard.tree.organisationSlug, document: dashboard.tree.documentSlug, version: dashboard.tree.versionNumber,
                    activityLevel: dashboard.activityLevel,
                    periods: dashboard.periods.map { PeriodDTO($0, tree: dashboard.tree, indicators: dashboard.indicators, showReporters: showReporters) })
    }

    /// Turns a refusal into the API's status and an English reason.
    static func access(_ req: Request, _ action: FollowUpPermissions.Action) async throws -> EditorController.Context {
        try await req.access(action, by: FollowUpPermissions.self)
    }

    static func period(_ req: Request, _ context: EditorController.Context) async throws -> (ReportingPeriod, FollowedTree) {
        try await EditorController.period(req, context)
    }

    static func periodDTO(_ period: ReportingPeriod, tree: FollowedTree, _ context: EditorController.Context, on db: any Database) async throws -> PeriodDTO {
        PeriodDTO(try await PeriodQuery.contents([period], on: db)[0], tree: tree,
                  indicators: try await IndicatorQuery.contents(context.organisation, document: tree.documentSlug, on: db), showReporters: true)
    }

    /// GET …/follow-up/periods — every period of the document, open ones included, for the organisation's users.
    @Sendable static func periods(req: Request) async throws -> FollowUpDTO {
        let context = try await access(req, .read)
        let tree = try await EditorController.tree(req, context)
        let periods = try await PeriodQuery.periods(organisationID: context.organisation.requireID(), document: tree.documentSlug, on: req.db)
        let contents = try await PeriodQuery.contents(periods.filter { $0.versionNumber == tree.versionNumber }, on: req.db)
        let indicators = try await IndicatorQuery.contents(context.organisation, document: tree.documentSlug, on: req.db)
        return dto(Dashboard(tree: tree, periods: contents, selectedKey: nil, indicators: indicators), showReporters: true)
    }

    @Sendable static func showPeriod(req: Request) async throws -> PeriodDTO {
        let context = try await access(req, .read)
        let (period, tree) = try await period(req, context)
        return try await periodDTO(period, tree: tree, context, on: req.db)
    }

    @Sendable static func openPeriod(req: Request) async throws -> Response {
        let context = try await access(req, .manage)
        let tree = try await EditorController.tree(req, context)
        let input = try req.content.decode(NewPeriodDTO.self)
        let period = try await FollowUpWork.openPeriod(.init(name: input.name, endsOn: input.endsOn, deadline: input.deadline, remindDaysBefore: input.remindDaysBefore),
                                          for: tree, organisationID: context.organisation.requireID(), actor: context.actor, on: req.db)
        let response = Response(status: .created)
        try response.content.encode(try await periodDTO(period, tree: tree, context, on: req.db))
        response.headers.replaceOrAdd(name: .location, value: FollowUpURL.API.period.link(context.slug, tree.documentSlug, period.key))
        return response
    }

    @Sendable static func putReport(req: Request) async throws -> ReportDTO {
        let context = try await access(req, .read)
        let (period, tree, item) = try await EditorController.reportTarget(req, context)
        let input = try req.content.decode(ReportInputDTO.self)
        _ = try await FollowUpWork.report(.init(status: input.status, progress: input.progress, comment: input.comment ?? ""), lineage: item.lineage,
                                      in: period, tree: tree, expectedRevision: input.revision, actor: context.actor, on: req.db)
        let report = try await PeriodQuery.contents([period], on: req.db)[0].reports[item.lineage]!
        return ReportDTO(report, title: item.title, showReporter: true)
    }

    @Sendable static func putAssessment(req: Request) async throws -> AssessmentDTO {
        let context = try await access(req, .manage)
        let (period, tree, item, _) = try await EditorController.assessmentTarget(req, context)
        let input = try req.content.decode(AssessmentInputDTO.self)
        _ = try await FollowUpWork.assess(input.verdict, motivation: input.motivation, lineage: item.lineage, in: period, tree: tree,
                                      expectedRevision: input.revision, actor: context.actor, on: req.db)
        let dashboard = Dashboard(tree: tree, periods: try await PeriodQuery.contents([period], on: req.db), selectedKey: period.key,
                                  indicators: try await IndicatorQuery.contents(context.organisation, document: tree.documentSlug, on: req.db))
        return AssessmentDTO(item, dashboard: dashboard, showAssessor: true)
    }

    @Sendable static func close(req: Request) async throws -> HTTPStatus {
        let context = try await access(req, .manage)
        let (period, tree) = try await period(req, context)
        try await FollowUpWork.close(period, tree: tree, actor: context.actor, on: req.db)
        return .noContent
    }
}
