import Auth
import Core
import Fluent
import Organisation
import Vapor

/// A draft's prose: a section's heading, depth and text (with a preview before saving), new
/// sections, their order and removal.
extension EditorController {
    struct SectionForm: Content { let heading: String?; let depth: String?; let body: String; let forhandsgranska: String? }

    static func sectionModel(_ context: Context, _ content: DocumentContent, key: String?, values: [String: String]) -> Editor.FormView.Model {
        let number = String(content.version.number)
        return .init(heading: key == nil ? "Nytt avsnitt" : "Redigera avsnitt", trail: trail(context, content),
                     action: key.map { PlansURL.Editor.section.link(context.slug, content.slug, number, $0) }
                         ?? PlansURL.Editor.newSection.link(context.slug, content.slug, number),
                     fields: [.init("heading", "Rubrik (frivillig)"),
                              .init("depth", "Rubriknivå", .select([.init("1", "1 – huvudrubrik"), .init("2", "2 – underrubrik"), .init("3", "3 – mindre rubrik")])),
                              .init("body", "Text", .textarea(rows: 14),
                                    hint: "Stycken skiljs med en tom rad; **fetstil**, *kursiv*, rader som börjar med - blir punktlista.")],
                     state: .init(values: values), submit: "Spara", cancelURL: draftURL(context, content.slug, content.version.number, at: key.map { "avsnitt-\($0)" } ?? "avsnitt"),
                     previewButton: "Förhandsgranska",
                     links: key.map { [.init(PlansURL.Editor.removeSection.link(context.slug, content.slug, number, $0), "Ta bort avsnittet …")] } ?? [])
    }

    static func section(_ req: Request, in content: DocumentContent) throws -> DocumentContent.Section {
        let key = try req.requiredParameter("section")
        guard let section = content.sections.first(where: { $0.key == key }), section.role != .goalTree else {
            throw Abort(.notFound, reason: "no prose section \"\(key)\"")
        }
        return section
    }

    @Sendable static func sectionForm(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let (_, _, content) = try await version(req, context)
        let section = try section(req, in: content)
        return formPage(req, context, sectionModel(context, content, key: section.key,
                                                   values: ["heading": section.heading ?? "", "depth": String(section.depth), "body": section.body]))
    }

    @Sendable static func newSectionForm(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let (_, _, content) = try await version(req, context)
        return formPage(req, context, sectionModel(context, content, key: nil, values: ["depth": "2"]))
    }

    /// Saves (or previews) an existing section, or a new one when the URL names none.
    @Sendable static func saveSection(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let form = try req.content.decode(SectionForm.self)
        let (_, version, content) = try await version(req, context)
        let key = req.parameters.get("section") != nil ? try section(req, in: content).key : nil
        var model = sectionModel(context, content, key: key, values: ["heading": form.heading ?? "", "depth": form.depth ?? "", "body": form.body])
        let input = PlanEditing.SectionInput(heading: form.heading, body: form.body, depth: Int(form.depth ?? "") ?? 0)
        if form.forhandsgranska == "ja" {
            model.preview = form.body
            model.notice = "Förhandsgranskningen står under formuläret. Inget är sparat ännu."
            return formPage(req, context, model)
        }
        return try await submit(req, context, model, fallbackField: "body") {
            if let key {
                let changed = try await PlanEditing.updateSection(key, in: version, input, actor: context.actor,
                                                                  organisationID: context.organisation.requireID(), on: req.db)
                return redirect(req, draftURL(context, content.slug, version.number, notice: changed ? .sectionSaved : .unchanged, at: "avsnitt-\(key)"))
            }
            let added = try await PlanEditing.addSection(to: version, input, actor: context.actor, organisationID: context.organisation.requireID(), on: req.db)
            return redirect(req, draftURL(context, content.slug, version.number, notice: .sectionAdded, at: "avsnitt-\(added)"))
        }
    }

    @Sendable static func reorderSection(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let direction = try direction(req), key = try req.requiredParameter("section")
        return try await onDraft(req, context, notice: .sectionReordered, at: { _ in "avsnitt-\(key)" }) { version in
            try await PlanEditing.reorderSection(key, in: version, direction: direction, actor: context.actor,
                                                 organisationID: context.organisation.requireID(), on: req.db)
        }
    }

    @Sendable static func removeSectionForm(req: Request) async throws -> Response {
        let context = try await requireEditor(req)
        let (_, version, content) = try await version(req, context)
        let section = try section(req, in: content)
        return confirmPage(req, context, heading: "Ta bort avsnittet?",
            question: "Avsnittet ”\(section.heading ?? section.key)” tas bort ur utkastet med all sin text.",
            action: PlansURL.Editor.removeSection.link(context.slug, content.slug, String(version.number), section.key),
            fields: ["csrf": context.csrf], confirmLabel: "Ja, ta bort avsnittet",
            cancelURL: PlansURL.Editor.section.link(context.slug, content.slug, String(version.number), section.key))
    }

    @Sendable static func removeSection(req: Request) async throws -> Response {
        guard try req.content.decode(ConfirmForm.self).confirmed == "ja" else { return try await removeSectionForm(req: req) }
        let context = try await requireEditor(req)
        let key = try req.requiredParameter("section")
        return try await onDraft(req, context, notice: .sectionRemoved, at: { _ in "avsnitt" }) { version in
            try await PlanEditing.removeSection(key, in: version, actor: context.actor, organisationID: context.organisation.requireID(), on: req.db)
        }
    }
}
