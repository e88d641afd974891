import Auth
import Core
import Fluent
import Foundation
import Organisation
import Vapor

/// Writes to budgets, each in one transaction with its revision and audit entry. A proposal may
/// change; an adopted budget is frozen (next year starts from a copy of it).
public enum BudgetWork {
    public enum Failure: DomainFailure, Equatable {
        case invalid(BudgetRules.Problem)
        case adopted
        case exists(Int)
        case notFound
        case conflict

        public var swedish: String {
            switch self {
            case .invalid(let problem): problem.swedish
            case .adopted: "Budgeten är beslutad och kan inte ändras. Kopiera den till nästa år för att börja på en ny."
            case .exists(let year): "Det finns redan en budget för \(year). Ändra den i stället."
            case .notFound: "Budgeten finns inte."
            case .conflict: "Någon annan har ändrat budgeten sedan du öppnade formuläret. Öppna det igen."
            }
        }

        public var english: String {
            switch self {
            case .invalid(let problem): "\(problem.path): \(problem.english)"
            case .adopted: "the budget is adopted and cannot change; copy it to next year"
            case .exists(let year): "a budget for \(year) exists"
            case .notFound: "no such budget"
            case .conflict: "the budget changed since the revision given; read it again"
            }
        }

        public var field: String? { if case .invalid(let problem) = self { problem.field } else { nil } }

        public var status: HTTPResponseStatus {
            switch self {
            case .invalid: .unprocessableEntity
            case .adopted, .exists, .conflict: .conflict
            case .notFound: .notFound
            }
        }
    }

    public enum Outcome: Equatable { case saved, unchanged }

    static func members(_ organisation: OrganisationRecord, on db: any Database) async throws -> [String] {
        try await MemberQuery.members(of: organisation, on: db).map { $0.scbCode ?? $0.slug }
    }

    static func check(_ spec: BudgetSpec, _ organisation: OrganisationRecord, on db: any Database) async throws {
        if let problem = BudgetRules.problem(spec, members: try await members(organisation, on: db)) { throw Failure.invalid(problem) }
    }

    /// An empty proposal for a year that has no budget.
    static func create(year: Int, in organisation: OrganisationRecord, actor: AuditLog.Actor, at now: Date, on db: any Database) async throws -> Budget {
        guard (1900...2200).contains(year) else {
            throw Failure.invalid(.init(field: "year", path: "year", swedish: "Skriv ett årtal, som 2027.", english: "is not a year"))
        }
        return try await propose(year: year, spec: BudgetSpec(title: "Budget \(year)"), origin: "an empty proposal", in: organisation, actor: actor, at: now, on: db)
    }

    /// Next year's proposal from this year's budget: its lines, notes and fee inputs, not its decision.
    static func copy(_ budget: Budget, in organisation: OrganisationRecord, actor: AuditLog.Actor, at now: Date,
                            on db: any Database) async throws -> Budget {
        let year = budget.year + 1
        var spec = budget.spec
        spec.title = spec.title.replacingOccurrences(of: String(budget.year), with: String(year))
        spec.adoptedBy = nil
        spec.adoptedOn = nil
        spec.decisionReference = nil
        spec.listedIn = nil
        return try await propose(year: year, spec: spec, origin: "a copy of \(budget.year)", in: organisation, actor: actor, at: now, on: db)
    }

    /// A new proposal as revision 1, with its audit entry; refused when the year has a budget.
    static func propose(year: Int, spec: BudgetSpec, origin: String, in organisation: OrganisationRecord, actor: AuditLog.Actor, at now: Date,
                        on db: any Database) async throws -> Budget {
        guard try await BudgetQuery.budget(year, organisationID: organisation.requireID(), on: db) == nil else { throw Failure.exists(year) }
        let budget = Budget()
        budget.organisationID = try organisation.requireID()
        budget.year = year
        budget.status = .proposal
        budget.spec = spec
        budget.revision = 1
        budget.updatedAt = now
        try await db.write(refusingDuplicatesAs: Failure.exists(year)) { db in
            try await budget.create(on: db)
            try await record(budget, actor: actor, at: now, on: db)
            try await AuditLog.record("budget.create", subject: String(year), actor: actor, organisationID: budget.organisationID,
                                      after: origin, context: .init(name: spec.title), on: db)
        }
        return budget
    }

    /// Saves a proposal's new spec as its next revision; an unchanged spec writes nothing.
    static func update(_ budget: Budget, to spec: BudgetSpec, expectedRevision: Int?, in organisation: OrganisationRecord,
                              actor: AuditLog.Actor, at now: Date, on db: any Database) async throws -> Outcome {
        guard budget.status == .proposal else { throw Failure.adopted }
        try await check(spec, organisation, on: db)
        guard spec != budget.spec else { return .unchanged }
        if let expectedRevision, expectedRevision != budget.revision { throw Failure.conflict }
        let before = budget.spec
        // A save or decision that committed in between took this revision number: 409, not a database error.
        try await db.write(refusingDuplicatesAs: Failure.conflict) { db in
            budget.spec = spec
            budget.revision += 1
            budget.updatedAt = now
            try await budget.update(on: db)
            try await record(budget, actor: actor, at: now, on: db)
            try await AuditLog.record("budget.update", subject: String(budget.year), actor: actor, organisationID: budget.organisationID,
                                      before: "result \(before.result)", after: "result \(spec.result)", context: .init(name: spec.title), on: db)
        }
        return .saved
    }

    /// Records förbundsfullmäktige's decision: the budget is adopted and frozen.
    static func adopt(_ budget: Budget, by body: String, on date: String, reference: String?, in organisation: OrganisationRecord,
                             actor: AuditLog.Actor, at now: Date, on db: any Database) async throws {
        guard budget.status == .proposal else { throw Failure.adopted }
        var spec = budget.spec
        spec.adoptedBy = body.trimmingCharacters(in: .whitespacesAndNewlines)
        spec.adoptedOn = date.trimmingCharacters(in: .whitespaces)
        spec.decisionReference = reference.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0.trimmingCharacters(in: .whitespaces) }
        guard !(spec.adoptedBy ?? "").isEmpty else {
            throw Failure.invalid(.init(field: "adoptedBy", path: "adoptedBy", swedish: "Ange vilket organ som beslutade budgeten.", english: "is empty"))
        }
        guard CalendarDate.isValid(spec.adoptedOn ?? "") else {
            throw Failure.invalid(.init(field: "adoptedOn", path: "adoptedOn", swedish: "Skriv ett datum som finns, som 2022-11-24.", english: "is not a date"))
        }
        try await check(spec, organisation, on: db)
        let decided = spec
        try await db.write(refusingDuplicatesAs: Failure.conflict) { db in
            budget.spec = decided
            budget.status = .adopted
            budget.revision += 1
            budget.updatedAt = now
            try await budget.update(on: db)
            try await record(budget, actor: actor, at: now, on: db)
            try await AuditLog.record("budget.adopt", subject: String(budget.year), actor: actor, organisationID: budget.organisationID,
                                      before: "proposal", after: "adopted by \(decided.adoptedBy ?? "") on \(decided.adoptedOn ?? "")", context: .init(name: decided.title), on: db)
        }
    }

    static func record(_ budget: Budget, actor: AuditLog.Actor, at now: Date, on db: any Database) async throws {
        let row = BudgetRevision()
        row.$budget.id = try budget.requireID()
        row.number = budget.revision
        row.status = budget.status
        row.specJSON = budget.specJSON
        row.changedAt = now
        row.changedBy = actor.description
        try await row.create(on: db)
    }
}
