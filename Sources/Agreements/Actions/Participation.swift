import Auth
import Core
import Fluent
import Foundation

/// Marks the level of participation a key activity offers, or removes the mark; one transaction
/// with its audit entry. Only key activities of the organisation's public documents are marked.
public enum Participation {
    /// Sets (or, with nil, removes) the level; returns whether anything changed.
    public static func mark(_ reference: AgreementSpec.NodeReference, level: ParticipationLevel?, in catalogue: Catalogue, actor: AuditLog.Actor,
                            on db: any Database) async throws -> Bool {
        guard catalogue.node(reference)?.isActivity == true else {
            throw AgreementWork.Failure.invalid("Välj en nyckelaktivitet.", english: "no key activity \(reference.document)/\(reference.lineage)", field: "activity")
        }
        let organisationID = try catalogue.organisation.requireID()
        let existing = try await ParticipationMark.query(on: db).filter(\.$organisationID == organisationID)
            .filter(\.$documentSlug == reference.document).filter(\.$lineage == reference.lineage).first()
        guard existing?.level != level else { return false }
        try await db.write { db in
            if let existing { try await existing.delete(on: db) }
            if let level {
                let mark = ParticipationMark()
                mark.organisationID = organisationID
                mark.documentSlug = reference.document
                mark.lineage = reference.lineage
                mark.level = level
                try await mark.create(on: db)
            }
            try await AuditLog.record("participation.mark", subject: "\(reference.document)/\(reference.lineage)", actor: actor, organisationID: organisationID,
                                      before: existing?.level.label, after: level?.label, on: db)
        }
        return true
    }

    /// The marked key activities, in the documents' order, with their levels.
    public static func marked(_ catalogue: Catalogue, on db: any Database) async throws -> [(node: Catalogue.Node, level: ParticipationLevel)] {
        let marks = try await ParticipationMark.query(on: db).filter(\.$organisationID == catalogue.organisation.requireID()).all()
        let levels = Dictionary(marks.map { (AgreementSpec.NodeReference(document: $0.documentSlug, lineage: $0.lineage), $0.level) }, uniquingKeysWith: { first, _ in first })
        return catalogue.activities.compactMap { node in levels[node.reference].map { (node, $0) } }
    }
}
