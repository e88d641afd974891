import Auth
import Core
import Fluent
import Foundation
import Organisation

/// The organisation's mapping from accounts to budget lines: read (the standard one until saved),
/// saved with its audit, unchanged input writing nothing.
public enum MappingWork {
    public static func mapping(of organisation: OrganisationRecord, on db: any Database) async throws -> OutcomeMapping {
        try await OutcomeMappingRecord.query(on: db).filter(\.$organisationID == organisation.requireID()).first()?.mapping ?? .standard
    }

    /// Returns whether anything changed; throws the rules' problem.
    @discardableResult
    public static func save(_ mapping: OutcomeMapping, in organisation: OrganisationRecord, actor: AuditLog.Actor, at now: Date,
                            on db: any Database) async throws -> Bool {
        if let problem = mapping.problem() { throw BudgetWork.Failure.invalid(problem) }
        let organisationID = try organisation.requireID()
        let record = try await OutcomeMappingRecord.query(on: db).filter(\.$organisationID == organisationID).first()
        guard (record?.mapping ?? .standard) != mapping else { return false }
        let before = record.map(\.rulesJSON)
        let saved = record ?? OutcomeMappingRecord()
        saved.organisationID = organisationID
        saved.mapping = mapping
        saved.updatedAt = now
        try await db.write { db in
            try await saved.save(on: db)
            try await AuditLog.record("mapping.update", subject: organisation.slug, actor: actor, organisationID: organisationID,
                                      before: before, after: saved.rulesJSON, on: db)
        }
        return true
    }
}
