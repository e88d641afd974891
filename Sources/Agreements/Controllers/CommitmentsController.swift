import Core
import Foundation
import Organisation
import Vapor

/// Who owes each commitment of an agreement's text, set by its editors: one choice per node of the
/// text's deepest level, the wording's own reading offered as a hint. A save is a new revision of
/// the agreement; an unchanged form writes nothing.
enum CommitmentsController {
    static let none = ""

    static func model(_ context: EditorController.Context, _ agreement: Agreement, values: [String: String]) -> Forms.FormView.Model {
        let nodes = commitmentNodes(agreement.spec, context.catalogue)
        let principles = Dictionary(context.catalogue.nodes.map { ($0.key, $0.title) }, uniquingKeysWith: { first, _ in first })
        let choices = [Forms.Choice(none, "Inget åtagande")] + CommitmentBearer.allCases.map { Forms.Choice($0.rawValue, $0.label) }
        return .init(
            heading: "Vem åtar sig vad",
            intro: ["\(agreement.title).", nodes.isEmpty ? "Avtalet har ingen text med åtaganden. Välj avtalets text i formuläret för avtalet först."
                    : "Välj för varje åtagande vem som åtar sig det. En part från offentlig sektor (kommun, region, länsstyrelse, myndighet) har åtagandena för alla parter och för offentlig sektor; en förening eller idéburen organisation de för alla parter och för civilsamhället."],
            trail: [Breadcrumb("Avtal och överenskommelser", url: AgreementsURL.registry.link(context.slug)),
                    Breadcrumb("Hantera", url: AgreementsURL.staffRegistry.link(context.slug)),
                    Breadcrumb(agreement.title, url: AgreementsURL.staffAgreement.link(context.slug, agreement.key))],
            action: AgreementsURL.commitments.link(context.slug, agreement.key),
            fields: nodes.map { node in
                Forms.FieldSpec(node.reference.lineage, node.title, .select(choices),
                                hint: (node.parentKey.flatMap { principles[$0] }.map { "\($0). " } ?? "")
                                    + "Enligt lydelsen: \(CommitmentBearer.read(from: node.title).label.lowercased()).")
            } + [.init("revision", "", .hidden)],
            state: .init(values: values), submit: "Spara", cancelURL: AgreementsURL.staffAgreement.link(context.slug, agreement.key))
    }

    /// The nodes that can carry a commitment: the deepest level of the agreement's text.
    static func commitmentNodes(_ spec: AgreementSpec, _ catalogue: Catalogue) -> [Catalogue.Node] {
        guard let text = spec.text else { return [] }
        return catalogue.nodes.filter { $0.reference.document == text && $0.isActivity }
    }

    static func values(_ agreement: Agreement) -> [String: String] {
        var values = Dictionary(agreement.spec.commitments.map { ($0.node, $0.by.rawValue) }, uniquingKeysWith: { first, _ in first })
        values["revision"] = String(agreement.revision)
        return values
    }

    @Sendable static func form(req: Request) async throws -> Response {
        let context = try await EditorController.context(req, .edit)
        let agreement = try await EditorController.agreement(req, context)
        return EditorController.render(req, context, model(context, agreement, values: values(agreement)))
    }

    @Sendable static func save(req: Request) async throws -> Response {
        let context = try await EditorController.context(req, .edit)
        let agreement = try await EditorController.agreement(req, context)
        let values = try req.content.decode([String: String].self)
        return try await EditorController.submit(req, context, model(context, agreement, values: values)) {
            var spec = agreement.spec
            spec.commitments = try commitmentNodes(spec, context.catalogue).compactMap { node in
                let value = values[node.reference.lineage] ?? none
                guard value != none else { return nil }
                guard let bearer = CommitmentBearer(rawValue: value) else {
                    throw AgreementWork.Failure.invalid("Välj en av parterna.", english: "not a bearer", field: node.reference.lineage)
                }
                return AgreementSpec.Commitment(node: node.reference.lineage, by: bearer)
            }
            let outcome = try await AgreementWork.update(agreement, to: spec, expectedRevision: values["revision"].flatMap(Int.init), in: context.catalogue,
                                                         actor: context.actor, today: EditorController.today(req), at: req.application.now(), on: req.db)
            return EditorController.redirect(req, AgreementsURL.staffAgreement.link(context.slug, agreement.key),
                                             notice: outcome == .unchanged ? "oforandrat" : "sparat", at: "ataganden")
        }
    }
}
