import Auth
import Core
import Fluent
import Foundation
import Organisation
import Plans
import Vapor

/// Keeping external funding: add, change and remove, each one transaction with its audit; a form
/// sent unchanged writes nothing.
public enum FundingWork {
    public enum Failure: DomainFailure, Equatable {
        case invalid(BudgetRules.Problem)
        case notFound
        case keyTaken(String)

        public var swedish: String {
            switch self {
            case .invalid(let problem): problem.swedish
            case .notFound: "Finansieringen finns inte."
            case .keyTaken(let key): "Adressen \(key) används redan av en annan finansiering."
            }
        }

        public var english: String {
            switch self {
            case .invalid(let problem): "\(problem.path): \(problem.english)"
            case .notFound: "no such funding"
            case .keyTaken(let key): "key \"\(key)\" is taken"
            }
        }

        public var field: String? { if case .invalid(let problem) = self { problem.field } else { "key" } }

        public var status: HTTPResponseStatus {
            switch self {
            case .invalid: .unprocessableEntity
            case .keyTaken: .conflict
            case .notFound: .notFound
            }
        }
    }

    public enum Outcome: Equatable, Sendable { case created, changed, unchanged }

    /// The registry's organisations and the key activities of the organisation's published plans.
    public static func known(for organisation: OrganisationRecord, on db: any Database) async throws -> FundingRules.Known {
        let funders = try await OrganisationRecord.query(on: db).all().map { $0.scbCode ?? $0.slug }
        let activities = try await PublicNodes.list(of: organisation, on: db).filter(\.isActivity).map { FundingSpec.Activity(document: $0.document, lineage: $0.lineage) }
        return .init(funders: Set(funders), activities: Set(activities))
    }

    static func check(_ spec: FundingSpec, key: String, in organisation: OrganisationRecord, on db: any Database) async throws {
        guard Slug.isValid(key) else {
            throw Failure.invalid(.init(field: "key", path: "key", swedish: "Adressen skrivs med små bokstäver, siffror och bindestreck.", english: "is not a slug"))
        }
        if let problem = FundingRules.problem(spec, known: try await known(for: organisation, on: db)) { throw Failure.invalid(problem) }
    }

    /// Saves `spec` under `key`: a new funding, or the one `replacing` names (whose key may change).
    @discardableResult
    static func save(_ spec: FundingSpec, key proposed: String?, replacing: Funding?, in organisation: OrganisationRecord, actor: AuditLog.Actor,
                            at now: Date, on db: any Database) async throws -> (Funding, Outcome) {
        let organisationID = try organisation.requireID()
        let key = proposed.flatMap { $0.isEmpty ? nil : $0 } ?? replacing?.key ?? Slug.make(from: spec.title)
        try await check(spec, key: key, in: organisation, on: db)
        if let replacing, replacing.key == key, replacing.spec == spec { return (replacing, .unchanged) }
        if let other = try await Funding.query(on: db).filter(\.$organisationID == organisationID).filter(\.$key == key).first(), other.id != replacing?.id {
            throw Failure.keyTaken(key)
        }
        let funding = replacing ?? Funding()
        let before = replacing.map { JSONColumn.encode($0.spec) }
        funding.organisationID = organisationID
        funding.key = key
        funding.spec = spec
        funding.updatedAt = now
        // A funding created in between with the same key: refused as the check above would have.
        try await db.write(refusingDuplicatesAs: Failure.keyTaken(key)) { db in
            try await funding.save(on: db)
            try await AuditLog.record(replacing == nil ? "funding.create" : "funding.update", subject: key, actor: actor, organisationID: organisationID,
                                      before: before, after: funding.specJSON, on: db)
        }
        return (funding, replacing == nil ? .created : .changed)
    }

    static func remove(_ funding: Funding, actor: AuditLog.Actor, on db: any Database) async throws {
        try await db.write { db in
            try await funding.delete(on: db)
            try await AuditLog.record("funding.delete", subject: funding.key, actor: actor, organisationID: funding.organisationID,
                                      before: funding.specJSON, on: db)
        }
    }
}
