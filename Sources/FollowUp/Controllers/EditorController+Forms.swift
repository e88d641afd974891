import Auth
import Core
import Fluent
import Organisation
import Plans
import Vapor

/// The forms of follow-up: open a period, report an activity, assess a goal, close a period,
/// choose reporters, set the period templates.
extension EditorController {
    static func form(_ req: Request) throws -> [String: String] {
        try req.content.decode([String: String].self)
    }

    // MARK: Opening a period

    static let periodFields: [Forms.FieldSpec] = [
        .init("name", "Periodens namn", hint: "Till exempel Tertial 1 2024. Namnet blir också periodens adress."),
        .init("endsOn", "Perioden slutar", .date),
        .init("deadline", "Sista dag att rapportera", .date),
        .init("remindDaysBefore", "Påminn så många dagar före sista dagen", .number,
              hint: "Rapportörer som inte har rapporterat får ett e-postmeddelande då, och ett till när sista dagen har passerat. Lämna tomt för bara det senare."),
    ]

    static func newPeriodModel(_ context: Context, _ tree: FollowedTree, templates: [PeriodTemplate.Value], values: [String: String]) -> Forms.FormView.Model {
        let year = tree.periodStart ?? Calendar.stockholm.component(.year, from: Date())
        return .init(heading: "Öppna en period", intro: ["Perioden följer upp \(tree.title), version \(tree.versionNumber). Varje nyckelaktivitet rapporteras av sin rapportör, annars av redaktörerna."],
                     trail: trail(context, tree), action: FollowUpURL.newPeriod.link(context.slug, tree.documentSlug), fields: periodFields,
                     state: .init(values: values), submit: "Öppna perioden", cancelURL: FollowUpURL.periods.link(context.slug, tree.documentSlug),
                     links: templates.enumerated().map { index, template in
                         .init(FollowUpURL.newPeriod.link(context.slug, tree.documentSlug, query: ["mall": "\(index)"]), "Fyll i från mallen \(template.name) \(year)")
                     })
    }

    static func values(_ period: FollowUpWork.NewPeriod) -> [String: String] {
        ["name": period.name, "endsOn": period.endsOn, "deadline": period.deadline, "remindDaysBefore": period.remindDaysBefore.map(String.init) ?? ""]
    }

    @Sendable static func newPeriodForm(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let tree = try await tree(req, context)
        let templates = try await TemplateQuery.templates(organisationID: context.organisation.requireID(), on: req.db)
        let existing = Set(try await PeriodQuery.periods(organisationID: context.organisation.requireID(), document: tree.documentSlug, on: req.db).map(\.key))
        let year = tree.periodStart ?? Calendar.stockholm.component(.year, from: Date())
        let proposals = templates.map { FollowUpWork.NewPeriod(template: $0, year: year) }
        let chosen = req.queryValue("mall", as: Int.self).flatMap { proposals.indices.contains($0) ? proposals[$0] : nil }
            ?? proposals.first { !existing.contains(Slug.make(from: $0.name)) }
        return formPage(req, context, newPeriodModel(context, tree, templates: templates, values: chosen.map(values) ?? [:]))
    }

    @Sendable static func newPeriod(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let tree = try await tree(req, context)
        let form = try form(req)
        let templates = try await TemplateQuery.templates(organisationID: context.organisation.requireID(), on: req.db)
        let model = newPeriodModel(context, tree, templates: templates, values: form)
        return try await submit(req, context, model) {
            let remind = form["remindDaysBefore"]?.trimmingCharacters(in: .whitespaces) ?? ""
            guard remind.isEmpty || Int(remind) != nil else {
                throw FollowUpWork.Failure.invalid("Ange ett antal dagar som ett heltal, eller lämna tomt.", english: "remindDaysBefore is not a whole number", field: "remindDaysBefore")
            }
            let new = FollowUpWork.NewPeriod(name: form["name"] ?? "", endsOn: form["endsOn"] ?? "", deadline: form["deadline"] ?? "", remindDaysBefore: Int(remind))
            let period = try await FollowUpWork.openPeriod(new, for: tree, organisationID: context.organisation.requireID(), actor: context.actor, on: req.db)
            return redirect(req, FollowUpURL.period.link(context.slug, tree.documentSlug, period.key), notice: "oppnad")
        }
    }

    // MARK: Reporting

    static func reportModel(_ context: Context, _ tree: FollowedTree, _ period: ReportingPeriod, _ item: FollowedTree.Item, values: [String: String],
                            previous: (String, ReportValue)?) -> Forms.FormView.Model {
        let goal = tree.path(to: item.lineage).dropLast().last
        return .init(
            heading: "Rapportera: \(item.title)",
            intro: ["\(period.name), sista dag att rapportera \(period.deadline)." + (goal.map { " \(item.level) under målet ”\($0.title)”." } ?? "")]
                + (previous.map { name, report in ["Förra perioden (\(name)): \(report.status.label)\(report.progress.map { ", \($0) %" } ?? "")\(report.comment.isEmpty ? "" : ". \(report.comment)")"] } ?? []),
            trail: trail(context, tree) + [Breadcrumb(period.name, url: FollowUpURL.period.link(context.slug, tree.documentSlug, period.key))],
            action: FollowUpURL.report.link(context.slug, tree.documentSlug, period.key, item.lineage),
            fields: [
                .init("status", "Status", .select(ActivityStatus.allCases.map { .init($0.rawValue, $0.label) })),
                .init("progress", "Framsteg i procent", .number, hint: "0–100. En genomförd aktivitet är 100 om du inte anger annat."),
                .init("comment", "Kommentar", .textarea(rows: 5), hint: "Vad har gjorts, vad återstår, vad hindrar? Blir offentlig när perioden stängs."),
                .init("revision", "", .hidden),
            ],
            state: .init(values: values), submit: "Spara rapporten", cancelURL: FollowUpURL.period.link(context.slug, tree.documentSlug, period.key))
    }

    static func reportTarget(_ req: Request, _ context: Context) async throws -> (ReportingPeriod, FollowedTree, FollowedTree.Item) {
        let (period, tree) = try await period(req, context)
        let lineage = try req.requiredParameter("lineage")
        guard let item = tree.item(lineage: lineage), tree.isActivity(item) else { throw Abort(.notFound, reason: "no key activity \"\(lineage)\" in this plan") }
        let assigned = try await ReporterQuery.assigned(organisationID: context.organisation.requireID(), document: tree.documentSlug, on: req.db)
        guard FollowUpPermissions.mayReport(lineage: lineage, assigned: assigned, user: context.user, roles: context.roles) else {
            throw Abort(.forbidden, reason: "this activity is reported by its reporter or an editor of \(context.organisation.name)")
        }
        return (period, tree, item)
    }

    /// The report of the period before this one, for reference.
    static func previousReport(_ period: ReportingPeriod, lineage: String, on db: any Database) async throws -> (String, ReportValue)? {
        let earlier = try await PeriodQuery.periods(organisationID: period.organisationID, document: period.documentSlug, on: db)
            .filter { $0.endsOn < period.endsOn }
        guard let last = earlier.last, let report = try await PeriodQuery.contents([last], on: db).first?.reports[lineage] else { return nil }
        return (last.name, report)
    }

    @Sendable static func reportForm(req: Request) async throws -> Response {
        let context = try await context(req, .read)
        let (period, tree, item) = try await reportTarget(req, context)
        let current = try await PeriodQuery.contents([period], on: req.db).first?.reports[item.lineage]
        let previous = try await previousReport(period, lineage: item.lineage, on: req.db)
        var model = reportModel(context, tree, period, item, values: [
            "status": (current?.status ?? previous?.1.status ?? .ongoing).rawValue, "progress": (current?.progress ?? previous?.1.progress).map(String.init) ?? "",
            "comment": current?.comment ?? "", "revision": String(current?.revision ?? 0)], previous: previous)
        if period.state == .closed { model.state.error = ("", FollowUpWork.Failure.closed(period: period.name).swedish) }
        return formPage(req, context, model, status: period.state == .closed ? .conflict : .ok)
    }

    @Sendable static func report(req: Request) async throws -> Response {
        let context = try await context(req, .read)
        let (period, tree, item) = try await reportTarget(req, context)
        let form = try form(req)
        let model = reportModel(context, tree, period, item, values: form, previous: try await previousReport(period, lineage: item.lineage, on: req.db))
        return try await submit(req, context, model) {
            guard let status = form["status"].flatMap(ActivityStatus.init(rawValue:)) else {
                throw FollowUpWork.Failure.invalid("Välj en status.", english: "status must be one of \(ActivityStatus.allCases.map(\.rawValue))", field: "status")
            }
            let progressText = form["progress"]?.trimmingCharacters(in: .whitespaces) ?? ""
            guard progressText.isEmpty || Int(progressText) != nil else {
                throw FollowUpWork.Failure.invalid("Ange framsteget som ett heltal 0–100.", english: "progress is not a whole number", field: "progress")
            }
            let outcome = try await FollowUpWork.report(.init(status: status, progress: Int(progressText), comment: form["comment"] ?? ""), lineage: item.lineage,
                                                        in: period, tree: tree, expectedRevision: form["revision"].flatMap(Int.init),
                                                        actor: context.actor, on: req.db)
            let notice = if case .unchanged = outcome { "oforandrad" } else { "rapport" }
            return redirect(req, FollowUpURL.period.link(context.slug, tree.documentSlug, period.key), notice: notice)
        }
    }

    // MARK: Assessing

    static func assessmentModel(_ context: Context, _ tree: FollowedTree, _ period: ReportingPeriod, _ item: FollowedTree.Item,
                                proposal: FulfilmentRule.Proposal, values: [String: String]) -> Forms.FormView.Model {
        .init(heading: "Bedöm: \(item.title)",
              intro: ["\(item.level) i \(tree.title), \(period.name).",
                      "Samsyns förslag: \(proposal.verdict.label). \(proposal.basis)"],
              trail: trail(context, tree) + [Breadcrumb(period.name, url: FollowUpURL.period.link(context.slug, tree.documentSlug, period.key))],
              action: FollowUpURL.assessment.link(context.slug, tree.documentSlug, period.key, item.lineage),
              fields: [
                  .init("verdict", "Bedömning", .select(Verdict.allCases.map { .init($0.rawValue, $0.label) })),
                  .init("motivation", "Motivering", .textarea(rows: 6), hint: "Vad bygger bedömningen på? Blir offentlig när perioden stängs."),
                  .init("revision", "", .hidden),
              ],
              state: .init(values: values), submit: "Spara bedömningen", cancelURL: FollowUpURL.period.link(context.slug, tree.documentSlug, period.key))
    }

    static func assessmentTarget(_ req: Request, _ context: Context) async throws -> (ReportingPeriod, FollowedTree, FollowedTree.Item, Dashboard) {
        let (period, tree) = try await period(req, context)
        let lineage = try req.requiredParameter("lineage")
        guard let item = tree.item(lineage: lineage), !tree.isActivity(item) else { throw Abort(.notFound, reason: "no goal \"\(lineage)\" in this plan") }
        let dashboard = Dashboard(tree: tree, periods: try await PeriodQuery.contents([period], on: req.db), selectedKey: period.key,
                                  indicators: try await IndicatorQuery.contents(context.organisation, document: tree.documentSlug, on: req.db))
        return (period, tree, item, dashboard)
    }

    @Sendable static func assessmentForm(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let (period, tree, item, dashboard) = try await assessmentTarget(req, context)
        let current = dashboard.assessment(item)
        let proposal = dashboard.proposal(item)
        var model = assessmentModel(context, tree, period, item, proposal: proposal, values: [
            "verdict": (current?.verdict ?? proposal.verdict).rawValue, "motivation": current?.motivation ?? "", "revision": String(current?.revision ?? 0)])
        if period.state == .closed { model.state.error = ("", FollowUpWork.Failure.closed(period: period.name).swedish) }
        return formPage(req, context, model, status: period.state == .closed ? .conflict : .ok)
    }

    @Sendable static func assess(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let (period, tree, item, dashboard) = try await assessmentTarget(req, context)
        let form = try form(req)
        let model = assessmentModel(context, tree, period, item, proposal: dashboard.proposal(item), values: form)
        return try await submit(req, context, model) {
            guard let verdict = form["verdict"].flatMap(Verdict.init(rawValue:)) else {
                throw FollowUpWork.Failure.invalid("Välj en bedömning.", english: "verdict must be one of \(Verdict.allCases.map(\.rawValue))", field: "verdict")
            }
            let outcome = try await FollowUpWork.assess(verdict, motivation: form["motivation"] ?? "", lineage: item.lineage, in: period, tree: tree,
                                                        expectedRevision: form["revision"].flatMap(Int.init), actor: context.actor, on: req.db)
            let notice = if case .unchanged = outcome { "oforandrad" } else { "bedomning" }
            return redirect(req, FollowUpURL.period.link(context.slug, tree.documentSlug, period.key), notice: notice, at: "fulfilment")
        }
    }

    // MARK: Closing

    @Sendable static func closeForm(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let (period, tree) = try await period(req, context)
        let content = try await PeriodQuery.contents([period], on: req.db)[0]
        let missing = tree.activities.filter { content.reports[$0.lineage] == nil }.count
        let question = "När perioden är stängd kan rapporter och bedömningar inte längre ändras, och de blir offentliga."
            + (missing > 0 ? " \(missing) av \(tree.activities.count) nyckelaktiviteter saknar rapport; de visas som ej rapporterade." : " Alla nyckelaktiviteter är rapporterade.")
        return privatePage(req.render(Forms.ConfirmView(
            tenantSlug: context.slug, tenantName: context.organisation.name, tenantHome: OrganisationURL.home.link(context.slug),
            trail: trail(context, tree) + [Breadcrumb(period.name, url: FollowUpURL.period.link(context.slug, tree.documentSlug, period.key))],
            heading: "Stäng \(period.name)", question: question, action: FollowUpURL.close.link(context.slug, tree.documentSlug, period.key),
            fields: ["csrf": context.csrf], confirmLabel: "Stäng perioden", cancelURL: FollowUpURL.period.link(context.slug, tree.documentSlug, period.key))))
    }

    @Sendable static func close(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let (period, tree) = try await period(req, context)
        let url = FollowUpURL.period.link(context.slug, tree.documentSlug, period.key)
        guard try form(req)["confirmed"] == "ja" else { return req.redirect(to: FollowUpURL.close.link(context.slug, tree.documentSlug, period.key)) }
        do {
            try await FollowUpWork.close(period, tree: tree, actor: context.actor, on: req.db)
        } catch let failure as FollowUpWork.Failure {
            throw Abort(.conflict, reason: failure.swedish)
        }
        return redirect(req, url, notice: "stangd")
    }
}
