import Auth
import Core
import Fluent
import Organisation
import Vapor

/// Documents as a whole: a new one, a copy, a new draft, a draft's title and period, discarding a draft.
extension EditorController {
    struct NewDocumentForm: Content { let slug: String; let title: String; let kind: String; let levels: String; let periodStart: String?; let periodEnd: String? }
    struct CopyForm: Content { let slug: String; let title: String; let periodStart: String?; let periodEnd: String? }
    struct DetailsForm: Content { let title: String; let periodStart: String?; let periodEnd: String? }
    struct ConfirmForm: Content { let csrf: String; let confirmed: String? }

    static let periodFields = [Editor.FieldSpec("periodStart", "Period från (år)", .number), Editor.FieldSpec("periodEnd", "Period till (år)", .number)]

    static func newDocumentModel(_ context: Context, values: [String: String] = ["kind": DocumentKind.verksamhetsplan.rawValue]) -> Editor.FormView.Model {
        .init(heading: "Nytt dokument", intro: ["Dokumentet börjar som ett tomt utkast med de nivåer du anger."], trail: trail(context),
              action: PlansURL.Editor.newDocument.link(context.slug),
              fields: [.init("slug", "Adress", hint: "Små bokstäver a–z, siffror och bindestreck, till exempel handlingsplan-2024."),
                       .init("title", "Titel"),
                       .init("kind", "Typ", .select(DocumentKind.allCases.map { .init($0.rawValue, $0.label) })),
                       .init("levels", "Nivåer, uppifrån och ned", hint: "Skilda med kommatecken, till exempel Målområde, Mål, Nyckelaktivitet.")]
                + periodFields,
              state: .init(values: values), submit: "Skapa dokument", cancelURL: PlansURL.Editor.index.link(context.slug))
    }

    @Sendable static func newDocumentForm(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        return formPage(req, context, newDocumentModel(context))
    }

    @Sendable static func newDocument(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let form = try req.content.decode(NewDocumentForm.self)
        let model = newDocumentModel(context, values: ["slug": form.slug, "title": form.title, "kind": form.kind, "levels": form.levels,
                                                       "periodStart": form.periodStart ?? "", "periodEnd": form.periodEnd ?? ""])
        return try await submit(req, context, model, fallbackField: "levels") {
            guard Slug.isValid(form.slug) else { throw PlanEditing.Failure.invalid("Adressen får bara ha a–z, siffror och enstaka bindestreck.", field: "slug") }
            guard let kind = DocumentKind(rawValue: form.kind) else { throw PlanEditing.Failure.invalid("Välj en typ av dokument.", field: "kind") }
            let period = (try year(form.periodStart, field: "periodStart"), try year(form.periodEnd, field: "periodEnd"))
            _ = try await PlanEditing.createDocument(organisationID: context.organisation.requireID(), slug: form.slug, title: form.title, kind: kind,
                                                     period: period, levels: form.levels.components(separatedBy: ","), actor: context.actor, on: req.db)
            return redirect(req, draftURL(context, form.slug, 1, notice: .created))
        }
    }

    static func copyModel(_ context: Context, _ document: SteeringDocument, _ latest: DocumentVersion, values: [String: String] = [:]) -> Editor.FormView.Model {
        .init(heading: "Kopiera \(latest.title)",
              intro: ["Ett nytt dokument görs av version \(latest.number): all text och alla mål följer med, nyckelaktiviteter så länge de inte är genomförda eller avbrutna.",
                      "Efteråt listas de avsnitt som nämner det gamla årtalet, så att du kan se över dem."],
              trail: trail(context), action: PlansURL.Editor.copy.link(context.slug, document.slug),
              fields: [.init("slug", "Adress för det nya dokumentet", hint: "Till exempel verksamhetsplan-2024."), .init("title", "Titel")] + periodFields,
              state: .init(values: values), submit: "Skapa kopia", cancelURL: PlansURL.Editor.index.link(context.slug))
    }

    @Sendable static func copyForm(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let (document, latest) = try await EditorQuery.latestVersion(of: try req.requiredParameter("doc"), in: context.organisation, on: req.db)
        return formPage(req, context, copyModel(context, document, latest))
    }

    @Sendable static func copy(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let form = try req.content.decode(CopyForm.self)
        let (document, latest) = try await EditorQuery.latestVersion(of: try req.requiredParameter("doc"), in: context.organisation, on: req.db)
        let model = copyModel(context, document, latest, values: ["slug": form.slug, "title": form.title, "periodStart": form.periodStart ?? "",
                                                                  "periodEnd": form.periodEnd ?? ""])
        return try await submit(req, context, model, fallbackField: "title") {
            guard Slug.isValid(form.slug) else { throw PlanEditing.Failure.invalid("Adressen får bara ha a–z, siffror och enstaka bindestreck.", field: "slug") }
            guard !form.title.trimmingCharacters(in: .whitespaces).isEmpty else { throw PlanEditing.Failure.invalid("Ange en titel.", field: "title") }
            let period = (try year(form.periodStart, field: "periodStart"), try year(form.periodEnd, field: "periodEnd"))
            _ = try await PlanEditing.copyDocument(latest, of: document, slug: form.slug, title: form.title, period: period,
                                                   carryOver: req.application.carryOverRule, actor: context.actor, on: req.db)
            let oldYear = latest.periodEnd ?? latest.periodStart
            return redirect(req, draftURL(context, form.slug, 1, notice: .copied, year: oldYear))
        }
    }

    @Sendable static func newDraft(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let (document, latest) = try await EditorQuery.latestVersion(of: try req.requiredParameter("doc"), in: context.organisation, on: req.db)
        do {
            let draft = try await PlanEditing.newDraft(of: document, from: latest, actor: context.actor, on: req.db)
            return redirect(req, draftURL(context, document.slug, draft.number, notice: .draft))
        } catch PlanEditing.Failure.draftOpen(let number) {
            return redirect(req, draftURL(context, document.slug, number, notice: .draftOpen))
        }
    }

    static func detailsModel(_ context: Context, _ content: DocumentContent, values: [String: String]? = nil) -> Editor.FormView.Model {
        let version = content.version
        return .init(heading: "Titel och period", trail: trail(context, content),
                     action: PlansURL.Editor.details.link(context.slug, content.slug, String(version.number)),
                     fields: [.init("title", "Titel")] + periodFields,
                     state: .init(values: values ?? ["title": version.title, "periodStart": version.periodStart.map(String.init) ?? "",
                                                     "periodEnd": version.periodEnd.map(String.init) ?? ""]),
                     submit: "Spara", cancelURL: draftURL(context, content.slug, version.number))
    }

    @Sendable static func detailsForm(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let (_, _, content) = try await version(req, context)
        return formPage(req, context, detailsModel(context, content))
    }

    @Sendable static func saveDetails(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let form = try req.content.decode(DetailsForm.self)
        let (document, version, content) = try await version(req, context)
        let model = detailsModel(context, content, values: ["title": form.title, "periodStart": form.periodStart ?? "", "periodEnd": form.periodEnd ?? ""])
        return try await submit(req, context, model, fallbackField: "title") {
            let period = (try year(form.periodStart, field: "periodStart"), try year(form.periodEnd, field: "periodEnd"))
            let changed = try await PlanEditing.updateDetails(version, title: form.title, period: period, actor: context.actor,
                                                              organisationID: context.organisation.requireID(), on: req.db)
            return redirect(req, draftURL(context, document.slug, version.number, notice: changed ? .details : .unchanged))
        }
    }

    /// GET asks; POST with confirmed=ja discards.
    @Sendable static func discardForm(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let (document, version, content) = try await version(req, context)
        return confirmPage(req, context, heading: "Kasta utkastet?",
            question: "Version \(version.number) av \(content.title) tas bort med alla ändringar som gjorts i den. Den gällande versionen ändras inte. Det går inte att ångra.",
            action: PlansURL.Editor.discard.link(context.slug, document.slug, String(version.number)), fields: ["csrf": context.csrf],
            confirmLabel: "Ja, kasta utkastet", cancelURL: draftURL(context, document.slug, version.number))
    }

    @Sendable static func discard(req: Request) async throws -> Response {
        let form = try req.content.decode(ConfirmForm.self)
        guard form.confirmed == "ja" else { return try await discardForm(req: req) }
        let context = try await requireEditor(req)
        let (document, version, content) = try await version(req, context)
        do {
            try await PlanEditing.discard(version, actor: context.actor, organisationID: context.organisation.requireID(), on: req.db)
        } catch let failure as PlanEditing.Failure {
            return try await draftPage(req, context, content, message: failure.swedish, status: refusal(failure, fallback: "").status)
        }
        return redirect(req, PlansURL.Editor.index.link(context.slug, query: [EditorNotice.parameter: EditorNotice.discarded.rawValue]) + "#dokument-" + document.slug)
    }
}
