import Auth
import Core
import Fluent
import Organisation
import Vapor

/// A draft's page, its preview, comparing it with another version, and adopting it.
extension EditorController {
    struct AdoptForm: Content { let body: String; let date: String; let reference: String; let confirmed: String?; let csrf: String }

    /// What the draft's page reads from its address: the tree's filters and, after a copy, the year copied from.
    static let draftPageQuery = ["niva", "omrade", "status", "q", "ar"]

    static func filter(_ req: Request) -> Editor.TreeFilter {
        let text = { (name: String) in req.queryValue(name).flatMap { $0.isEmpty ? nil : String($0.prefix(200)) } }
        return Editor.TreeFilter(level: text("niva").flatMap(Int.init), area: text("omrade"), status: text("status"), text: text("q"))
    }

    static func draftPage(_ req: Request, _ context: Context, _ content: DocumentContent, message: String? = nil,
                          status: HTTPStatus = .ok) async throws -> Response {
        // After a copy: the sections still naming the year copied from.
        let oldYear = req.queryValue("ar", as: Int.self).flatMap { DocumentLimits.years.contains($0) ? $0 : nil }
        let naming = oldYear.map { year in (year, content.sections.filter { "\($0.heading ?? "") \($0.body)".contains(String(year)) }) }
        let view = DraftEdit.View(content: content, csrf: context.csrf, message: message, notice: notice(req), filter: filter(req),
                                    oldYearSections: naming)
        return privatePage(req.render(view), status: status)
    }

    @Sendable static func draft(req: Request) async throws -> Response {
        let context = try await requireEditor(req, for: .readDrafts)
        return try await draftPage(req, context, try await version(req, context).2)
    }

    @Sendable static func preview(req: Request) async throws -> Response {
        let context = try await requireEditor(req, for: .readDrafts)
        let (_, _, content) = try await version(req, context)
        return privatePage(req.render(DocumentShow.View(model: content,
                                                        parts: try await req.application.pageSlots.items(PlansSlots.documentParts, for: content, request: req))))
    }

    @Sendable static func previewNode(req: Request) async throws -> Response {
        let context = try await requireEditor(req, for: .readDrafts)
        let (_, _, content) = try await version(req, context)
        let key = try req.requiredParameter("node")
        guard let path = content.path(to: key) else { throw Abort(.notFound, reason: "no node \"\(key)\" in this version") }
        let model = try await DocumentController.nodeModel(path, in: content, organisation: context.organisation, on: req.db)
        return privatePage(req.render(NodeShow.View(model: model)))
    }

    /// This version beside another: by default the one in force, or the version of another
    /// document of the organisation chosen as `?med=SLUG:NUMBER` (next year's plan beside this year's).
    @Sendable static func compare(req: Request) async throws -> Response {
        let context = try await requireEditor(req, for: .readDrafts)
        let (document, version, content) = try await version(req, context)
        let documents = try await SteeringDocument.query(on: req.db).filter(\.$organisation.$id == context.organisation.requireID())
            .with(\.$versions).sort(\.$slug).all()
        var options: [Editor.Choice] = []
        for other in documents {
            for candidate in other.versions.sorted(by: { $0.number > $1.number }) where !(other.id == document.id && candidate.number == version.number) {
                options.append(.init("\(other.slug):\(candidate.number)", "\(candidate.title), version \(candidate.number) – "
                                     + Editor.stateLabel(candidate.status, adoptedOn: candidate.adoptedOn).lowercased()))
            }
        }
        let requested = req.queryValue("med").map { $0.contains(":") ? $0 : "\(document.slug):\($0)" }
        let lineages = Set(content.allNodes.map(\.lineage))
        let loaded = documents.first { $0.id == document.id } ?? document
        let fallback = try await defaultComparison(for: loaded, version: version, among: documents, sharing: lineages, on: req.db)
        guard let chosen = requested ?? fallback, options.contains(where: { $0.value == chosen }) else {
            return try await draftPage(req, context, content, message: "Det finns ingen annan version att jämföra med.")
        }
        let parts = chosen.split(separator: ":")
        guard let other = documents.first(where: { $0.slug == parts[0] }), let number = Int(parts[1]),
              let (otherDocument, otherVersion, versions) = try await DocumentQuery.anyVersion(organisation: context.organisation, documentSlug: other.slug,
                                                                                              number: number, on: req.db) else {
            throw Abort(.notFound, reason: "no such version to compare with")
        }
        let old = try await DocumentQuery.content(organisation: context.organisation, document: otherDocument, version: otherVersion,
                                                  allVersions: versions, on: req.db)
        let names = try await EditorQuery.factOptions(context.organisation, on: req.db)
        var lookup = (old.version.frozenNames ?? [:]).merging(content.version.frozenNames ?? [:]) { $1 }
        for partner in names.partners { lookup["partner:\(partner.key)"] = partner.name }
        for network in names.networks { lookup["network:\(network.key)"] = network.name }
        let model = VersionCompare.View.Model(old: old, new: content, comparison: VersionDiff.compare(old, content, names: lookup),
                                              trail: trail(context, content),
                                              choices: (PlansURL.Editor.compare.link(context.slug, document.slug, String(version.number)), options, chosen))
        return privatePage(req.render(VersionCompare.View(model: model)))
    }

    /// The version in force of the same document; failing that, the newest adopted version of the
    /// document sharing most node lineages with this one (the plan it was copied from).
    static func defaultComparison(for document: SteeringDocument, version: DocumentVersion, among documents: [SteeringDocument],
                                  sharing lineages: Set<String>, on db: any Database) async throws -> String? {
        if let inForce = document.versions.first(where: { $0.status == .adopted && $0.number != version.number }) {
            return "\(document.slug):\(inForce.number)"
        }
        var best: (String, Int)? = nil
        for other in documents where other.id != document.id {
            guard let adopted = other.versions.filter({ $0.status != .draft }).max(by: { $0.number < $1.number }) else { continue }
            let nodes = try await PlanNode.query(on: db).filter(\.$version.$id == adopted.requireID()).all()
            let shared = nodes.filter { lineages.contains($0.lineage ?? $0.key) }.count
            if shared > (best?.1 ?? 0) { best = ("\(other.slug):\(adopted.number)", shared) }
        }
        if let best { return best.0 }
        return document.versions.filter { $0.number != version.number }.max { $0.number < $1.number }.map { "\(document.slug):\($0.number)" }
    }

    static func adoptModel(_ context: Context, _ content: DocumentContent, values: [String: String] = [:]) -> Editor.FormView.Model {
        let inForce = content.versions.first { $0.status == .adopted }
        return .init(heading: "Anta \(content.title)",
                     intro: ["När beslutet är fattat: ange vem som beslutade och när. Versionen publiceras och låses."
                             + (inForce.map { " Version \($0.number), som gäller i dag, blir ersatt." } ?? "")],
                     trail: trail(context, content), action: PlansURL.Editor.adopt.link(context.slug, content.slug, String(content.version.number)),
                     fields: [.init("body", "Beslutande organ", hint: "Till exempel Förbundsfullmäktige."),
                              .init("date", "Beslutsdatum", .date, hint: "ÅÅÅÅ-MM-DD, till exempel 2024-06-12."),
                              .init("reference", "Beslutsreferens (frivillig)", hint: "Till exempel § 12.")],
                     state: .init(values: values), submit: "Anta …", cancelURL: draftURL(context, content.slug, content.version.number))
    }

    @Sendable static func adoptForm(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        return formPage(req, context, adoptModel(context, try await version(req, context).2))
    }

    /// The form's values are checked first; then a confirmation page posts them again with confirmed=ja.
    @Sendable static func adopt(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let form = try req.content.decode(AdoptForm.self)
        let (document, version, content) = try await version(req, context)
        let model = adoptModel(context, content, values: ["body": form.body, "date": form.date, "reference": form.reference])
        return try await submit(req, context, model, fallbackField: "body") {
            try PlanEditing.checkAdoption(body: form.body, date: form.date, reference: form.reference)
            guard form.confirmed == "ja" else {
                let inForce = content.versions.first { $0.status == .adopted }
                let question = "Version \(version.number) av \(content.title) antas av \(form.body) \(form.date)"
                    + (form.reference.isEmpty ? "" : ", \(form.reference),") + " och publiceras. Den låses och kan inte ändras."
                    + (inForce.map { " Version \($0.number), som gäller i dag, blir ersatt." } ?? "")
                return confirmPage(req, context, heading: "Anta \(content.title)?",
                    question: question, action: PlansURL.Editor.adopt.link(context.slug, document.slug, String(version.number)),
                    fields: ["csrf": form.csrf, "body": form.body, "date": form.date, "reference": form.reference], confirmLabel: "Ja, anta och publicera",
                    cancelURL: PlansURL.Editor.adopt.link(context.slug, document.slug, String(version.number)))
            }
            try await PlanEditing.adopt(version, body: form.body, date: form.date, reference: form.reference, actor: context.actor,
                                        organisationID: context.organisation.requireID(), hooks: req.application.adoptionHooks, on: req.db)
            return redirect(req, draftURL(context, document.slug, version.number, notice: .adopted))
        }
    }

    struct FurtherAdoptionForm: Content { let body: String; let date: String?; let reference: String?; let csrf: String }

    static func furtherAdoptionModel(_ context: Context, _ content: DocumentContent, values: [String: String] = [:]) -> Editor.FormView.Model {
        .init(heading: "Lägg till ett beslut om \(content.title)",
              intro: ["När fler organ beslutar om samma version, som varje part i en överenskommelse: ange organet och, om de är kända, datum och referens."
                      + (content.version.adoptedBy.map { " Versionen är antagen av \($0)." } ?? "")],
              trail: trail(context, content), action: PlansURL.Editor.furtherAdoption.link(context.slug, content.slug, String(content.version.number)),
              fields: [.init("body", "Beslutande organ", hint: "Till exempel Samformas styrelse."),
                       .init("date", "Beslutsdatum (frivilligt)", .date, hint: "ÅÅÅÅ-MM-DD, till exempel 2021-06-15."),
                       .init("reference", "Beslutsreferens (frivillig)", hint: "Till exempel § 12.")],
              state: .init(values: values), submit: "Lägg till beslutet", cancelURL: draftURL(context, content.slug, content.version.number))
    }

    @Sendable static func furtherAdoptionForm(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        return formPage(req, context, furtherAdoptionModel(context, try await version(req, context).2))
    }

    @Sendable static func furtherAdoption(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let form = try req.content.decode(FurtherAdoptionForm.self)
        let (document, version, content) = try await version(req, context)
        let model = furtherAdoptionModel(context, content, values: ["body": form.body, "date": form.date ?? "", "reference": form.reference ?? ""])
        return try await submit(req, context, model, fallbackField: "body") {
            try await PlanEditing.recordFurtherAdoption(version, Adoption(body: form.body, adoptedOn: form.date, decisionReference: form.reference),
                                                        actor: context.actor, organisationID: context.organisation.requireID(), on: req.db)
            return redirect(req, draftURL(context, document.slug, version.number, notice: .furtherAdoption))
        }
    }
}
