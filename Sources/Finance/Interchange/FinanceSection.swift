import Core
import Fluent
import Foundation
import Organisation

/// Finance's part of the organisation file: every budget with its spec, status and revisions.
/// Absent when the organisation has none. Documented in docs/finance.md and
/// schema/sections/finance.schema.json.
public enum FinanceSection: InterchangeSection {
    public struct Content: Codable, Equatable, Sendable {
        public var finance: FinanceEntry?
    }

    public struct FinanceEntry: Codable, Equatable, Sendable {
        public var budgets: [BudgetEntry]
    }

    public struct BudgetEntry: Codable, Equatable, Sendable {
        public var year: Int
        public var status: BudgetStatus
        public var spec: BudgetSpec
        public var revision: Int
        public var updatedAt: String
        /// Every saved state, oldest first; absent when the only one is what the file itself makes.
        public var revisions: [RevisionEntry]?
    }

    public struct RevisionEntry: Codable, Equatable, Sendable {
        public var number: Int
        public var status: BudgetStatus
        public var changedAt: String
        public var changedBy: String
        public var spec: BudgetSpec
    }

    static func moment(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
    static func moment(_ text: String) -> Date? { ISO8601DateFormatter().date(from: text) }

    public static func export(tenant: UUID, context: inout InterchangeContext, on db: any Database) async throws -> Content {
        let budgets = try await Budget.query(on: db).filter(\.$organisationID == tenant).sort(\.$year).all()
        guard !budgets.isEmpty else { return Content(finance: nil) }
        let revisions = try await BudgetRevision.query(on: db).filter(\.$budget.$id ~~ budgets.compactMap(\.id)).sort(\.$number).all()
        return Content(finance: FinanceEntry(budgets: budgets.map { budget in
            let entries = revisions.filter { $0.$budget.id == budget.id }.map {
                RevisionEntry(number: $0.number, status: $0.status, changedAt: moment($0.changedAt), changedBy: $0.changedBy,
                              spec: JSONColumn.decode(BudgetSpec.self, from: $0.specJSON, default: budget.spec))
            }
            let updatedAt = moment(budget.updatedAt)
            return BudgetEntry(year: budget.year, status: budget.status, spec: budget.spec, revision: budget.revision, updatedAt: updatedAt,
                               revisions: entries == [defaultRevision(budget.status, budget.spec, updatedAt: updatedAt)] ? nil : entries)
        }))
    }

    static func defaultRevision(_ status: BudgetStatus, _ spec: BudgetSpec, updatedAt: String) -> RevisionEntry {
        RevisionEntry(number: 1, status: status, changedAt: updatedAt, changedBy: "organisation file", spec: spec)
    }

    public static func validate(_ content: Content, context: inout InterchangeContext, on db: any Database) async throws {
        guard let budgets = content.finance?.budgets else { return }
        let members = context[OrganisationSection.MemberKeys.self] ?? []
        var years = Set<Int>()
        for (index, entry) in budgets.enumerated() {
            let path = "finance.budgets[\(index)]"
            guard (1900...2200).contains(entry.year) else { throw ImportError("\(path).year", "a year between 1900 and 2200") }
            guard years.insert(entry.year).inserted else { throw ImportError("\(path).year", "a second budget for \(entry.year)") }
            guard entry.revision >= 1, moment(entry.updatedAt) != nil else { throw ImportError("\(path).revision", "1 or more, with updatedAt a moment in ISO 8601") }
            for (name, spec) in [("spec", entry.spec)] + (entry.revisions ?? []).enumerated().map({ ("revisions[\($0)].spec", $1.spec) }) {
                if let failure = BudgetRules.problem(spec, members: members) {
                    throw ImportError("\(path).\(name).\(failure.path)", failure.english)
                }
            }
            if let revisions = entry.revisions {
                guard revisions.map(\.number) == Array(1...max(1, revisions.count)), revisions.last?.number == entry.revision,
                      revisions.last?.spec == entry.spec, revisions.last?.status == entry.status,
                      revisions.allSatisfy({ moment($0.changedAt) != nil }) else {
                    throw ImportError("\(path).revisions", "numbered 1, 2, … up to the budget's revision, the last one its spec and status")
                }
            }
        }
    }

    /// Replaces the organisation's budgets with the file's.
    public static func write(_ content: Content, context: inout InterchangeContext, on db: any Database) async throws {
        guard let organisationID = context.tenant else { return }
        try await Budget.query(on: db).filter(\.$organisationID == organisationID).delete()
        for entry in content.finance?.budgets ?? [] {
            let budget = Budget()
            budget.organisationID = organisationID
            budget.year = entry.year
            budget.status = entry.status
            budget.spec = entry.spec
            budget.revision = entry.revision
            budget.updatedAt = moment(entry.updatedAt) ?? Date()
            try await budget.create(on: db)
            for revision in entry.revisions ?? [defaultRevision(entry.status, entry.spec, updatedAt: entry.updatedAt)] {
                let row = BudgetRevision()
                row.$budget.id = try budget.requireID()
                row.number = revision.number
                row.status = revision.status
                row.specJSON = JSONColumn.encode(revision.spec)
                row.changedAt = moment(revision.changedAt) ?? budget.updatedAt
                row.changedBy = revision.changedBy
                try await row.create(on: db)
            }
        }
        context.counts["budgets"] = content.finance?.budgets.count ?? 0
    }
}
