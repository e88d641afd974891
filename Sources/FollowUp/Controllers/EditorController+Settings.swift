import Auth
import Core
import Fluent
import Organisation
import Plans
import Vapor

/// Who reports which activity, and the organisation's period templates.
extension EditorController {
    static func reportersModel(_ context: Context, _ tree: FollowedTree, people: [ReporterQuery.Person], values: [String: String]) -> Forms.FormView.Model {
        let choices = [Forms.Choice("", "Redaktörerna")] + people.map { .init($0.email, "\($0.name) (\($0.email))") }
        return .init(heading: "Välj rapportörer",
                     intro: ["Varje nyckelaktivitet i \(tree.title) rapporteras av den du väljer här. Utan rapportör rapporterar organisationens redaktörer.",
                             "Bara den som har en roll i organisationen kan väljas; ge nya personer en roll under Användare först."],
                     trail: trail(context, tree), action: FollowUpURL.reporters.link(context.slug, tree.documentSlug),
                     fields: tree.activities.map { .init($0.lineage, $0.title, .select(choices)) }, state: .init(values: values),
                     submit: "Spara rapportörerna", cancelURL: FollowUpURL.periods.link(context.slug, tree.documentSlug))
    }

    @Sendable static func reportersForm(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let tree = try await tree(req, context)
        let organisationID = try context.organisation.requireID()
        let assigned = try await ReporterQuery.assigned(organisationID: organisationID, document: tree.documentSlug, on: req.db)
        let people = try await ReporterQuery.candidates(organisationID: organisationID, on: req.db)
        var model = reportersModel(context, tree, people: people, values: assigned)
        model.notice = notice(req)
        return formPage(req, context, model)
    }

    @Sendable static func saveReporters(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let tree = try await tree(req, context)
        let form = try form(req)
        let people = try await ReporterQuery.candidates(organisationID: context.organisation.requireID(), on: req.db)
        return try await submit(req, context, reportersModel(context, tree, people: people, values: form)) {
            let chosen = Dictionary(tree.activities.compactMap { item in form[item.lineage].map { (item.lineage, Optional($0)) } }) { $1 }
            let changed = try await FollowUpWork.setReporters(chosen, tree: tree, organisationID: context.organisation.requireID(), actor: context.actor, on: req.db)
            return redirect(req, FollowUpURL.periods.link(context.slug, tree.documentSlug), notice: changed == 0 ? "oforandrad" : "rapportorer")
        }
    }

    // MARK: Templates

    static let templateRows = 6

    static func templatesModel(_ context: Context, values: [String: String]) -> Forms.FormView.Model {
        let fields = (0..<templateRows).flatMap { index -> [Forms.FieldSpec] in
            [.init("name\(index)", "Period \(index + 1): namn", hint: index == 0 ? "Lämna namnet tomt för att ta bort en period." : nil),
             .init("ends\(index)", "Period \(index + 1): slutar (MM-DD)"),
             .init("deadline\(index)", "Period \(index + 1): dagar till sista rapportdag", .number),
             .init("remind\(index)", "Period \(index + 1): påminn dagar före", .number)]
        }
        return .init(heading: "Periodmallar",
                     intro: ["Mallarna fyller i namn, slutdatum, sista rapportdag och påminnelse när en redaktör öppnar en ny period. Standard är tertial 1, tertial 2 och helår."],
                     trail: [Breadcrumb("Uppföljning", url: FollowUpURL.index.link(context.slug))], action: FollowUpURL.templates.link(context.slug),
                     fields: fields, state: .init(values: values), submit: "Spara mallarna", cancelURL: FollowUpURL.index.link(context.slug))
    }

    @Sendable static func templatesForm(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let templates = try await TemplateQuery.templates(organisationID: context.organisation.requireID(), on: req.db)
        var values: [String: String] = [:]
        for (index, template) in templates.enumerated() {
            values["name\(index)"] = template.name
            values["ends\(index)"] = String(format: "%02d-%02d", template.endsMonth, template.endsDay)
            values["deadline\(index)"] = String(template.deadlineDays)
            values["remind\(index)"] = template.remindDaysBefore.map(String.init) ?? ""
        }
        var model = templatesModel(context, values: values)
        model.notice = notice(req)
        return formPage(req, context, model)
    }

    @Sendable static func saveTemplates(req: Request) async throws -> Response {
        let context = try await context(req, .manage)
        let form = try form(req)
        return try await submit(req, context, templatesModel(context, values: form)) {
            var templates: [PeriodTemplate.Value] = []
            for index in 0..<templateRows {
                let text = { (name: String) in form["\(name)\(index)"]?.trimmingCharacters(in: .whitespaces) ?? "" }
                guard !text("name").isEmpty else { continue }
                let day = text("ends").split(separator: "-").compactMap { Int($0) }
                guard day.count == 2 else {
                    throw FollowUpWork.Failure.invalid("Ange en dag som MM-DD, till exempel 04-30.", english: "ends must be MM-DD", field: "ends\(index)")
                }
                guard let deadline = Int(text("deadline")) else {
                    throw FollowUpWork.Failure.invalid("Ange ett antal dagar som ett heltal.", english: "deadline days must be a whole number", field: "deadline\(index)")
                }
                guard text("remind").isEmpty || Int(text("remind")) != nil else {
                    throw FollowUpWork.Failure.invalid("Ange ett antal dagar som ett heltal, eller lämna tomt.", english: "remind days must be a whole number", field: "remind\(index)")
                }
                templates.append(.init(name: text("name"), endsMonth: day[0], endsDay: day[1], deadlineDays: deadline, remindDaysBefore: Int(text("remind"))))
            }
            let changed = try await FollowUpWork.saveTemplates(templates, organisationID: context.organisation.requireID(), actor: context.actor, on: req.db)
            return redirect(req, FollowUpURL.templates.link(context.slug), notice: changed ? "mallar" : "oforandrad")
        }
    }
}
