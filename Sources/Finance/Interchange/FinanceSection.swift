import Core
import Fluent
import Foundation
import Organisation
import Plans

/// Finance's part of the organisation file: every budget with its spec, status and revisions, the
/// outcomes per line and month, the forecasts, and the external funding with its sent reminders.
/// Absent when the organisation has none of them. Documented in docs/finance.md and
/// schema/sections/finance.schema.json.
public enum FinanceSection: InterchangeSection {
    public struct Content: Codable, Equatable, Sendable {
        public var finance: FinanceEntry?
    }

    public struct FinanceEntry: Codable, Equatable, Sendable {
        public var budgets: [BudgetEntry]
        public var outcomes: [OutcomeEntry]?
        public var forecasts: [ForecastEntry]?
        public var fundings: [FundingEntry]?
        /// The mapping from accounts to lines, where the organisation has saved one.
        public var mapping: OutcomeMapping?
        /// Cost lines linked to the goal areas they serve.
        public var lineGoals: [LineGoalEntry]?
    }

    public struct LineGoalEntry: Codable, Equatable, Sendable {
        public var year: Int
        public var costCentre: String
        public var document: String
        public var lineage: String
        public var example: Bool?
    }

    /// One line's outcome in one month, in öre, as the books or a form gave it.
    public struct OutcomeEntry: Codable, Equatable, Sendable {
        public var year: Int
        public var month: Int
        public var side: BudgetSide
        public var costCentre: String
        public var ore: Int
        public var source: String
        public var importedAt: String
        public var example: Bool?
    }

    public struct ForecastEntry: Codable, Equatable, Sendable {
        public var year: Int
        public var throughMonth: Int
        public var side: BudgetSide
        public var costCentre: String
        public var amount: Int
        public var comment: String?
        public var changedAt: String
        public var changedBy: String
    }

    public struct FundingEntry: Codable, Equatable, Sendable {
        public var key: String
        public var spec: FundingSpec
        public var updatedAt: String
        /// The deadline reminders already sent, so a restored organisation does not send them again.
        public var reminders: [ReminderEntry]?
    }

    public struct ReminderEntry: Codable, Equatable, Sendable {
        public var deadline: String
        public var recipient: String
        public var sentAt: String
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
        let outcomes = try await Outcome.query(on: db).filter(\.$organisationID == tenant).all()
            .sorted { ($0.year, $0.month, $0.side.rawValue, $0.costCentre) < ($1.year, $1.month, $1.side.rawValue, $1.costCentre) }
        let forecasts = try await Forecast.query(on: db).filter(\.$organisationID == tenant).all()
            .sorted { ($0.year, $0.throughMonth, $0.side.rawValue, $0.costCentre) < ($1.year, $1.throughMonth, $1.side.rawValue, $1.costCentre) }
        let fundings = try await Funding.query(on: db).filter(\.$organisationID == tenant).sort(\.$key).all()
        let reminders = try await FundingReminder.query(on: db).filter(\.$funding.$id ~~ fundings.compactMap(\.id)).all()
            .sorted { ($0.deadline, $0.recipient) < ($1.deadline, $1.recipient) }
        let mapping = try await OutcomeMappingRecord.query(on: db).filter(\.$organisationID == tenant).first()?.mapping
        let lineGoals = try await LineGoal.query(on: db).filter(\.$organisationID == tenant).all()
            .sorted { ($0.year, $0.costCentre) < ($1.year, $1.costCentre) }
        guard !budgets.isEmpty || !fundings.isEmpty || mapping != nil else { return Content(finance: nil) }
        context[OrganisationSection.ReferencedRegistryKeys.self] = (context[OrganisationSection.ReferencedRegistryKeys.self] ?? []) + fundings.map(\.spec.funder)
        let revisions = try await BudgetRevision.query(on: db).filter(\.$budget.$id ~~ budgets.compactMap(\.id)).sort(\.$number).all()
        return Content(finance: FinanceEntry(
            budgets: budgets.map { budget in
            let entries = revisions.filter { $0.$budget.id == budget.id }.map {
                RevisionEntry(number: $0.number, status: $0.status, changedAt: moment($0.changedAt), changedBy: $0.changedBy,
                              spec: JSONColumn.decode(BudgetSpec.self, from: $0.specJSON, default: budget.spec))
            }
            let updatedAt = moment(budget.updatedAt)
            return BudgetEntry(year: budget.year, status: budget.status, spec: budget.spec, revision: budget.revision, updatedAt: updatedAt,
                               revisions: entries == [defaultRevision(budget.status, budget.spec, updatedAt: updatedAt)] ? nil : entries)
            },
            outcomes: outcomes.isEmpty ? nil : outcomes.map {
                OutcomeEntry(year: $0.year, month: $0.month, side: $0.side, costCentre: $0.costCentre, ore: $0.ore, source: $0.source,
                             importedAt: moment($0.importedAt), example: $0.example ? true : nil)
            },
            forecasts: forecasts.isEmpty ? nil : forecasts.map {
                ForecastEntry(year: $0.year, throughMonth: $0.throughMonth, side: $0.side, costCentre: $0.costCentre, amount: $0.amount,
                              comment: $0.comment, changedAt: moment($0.changedAt), changedBy: $0.changedBy)
            },
            fundings: fundings.isEmpty ? nil : fundings.map { funding in
                let sent = reminders.filter { $0.$funding.id == funding.id }.map { ReminderEntry(deadline: $0.deadline, recipient: $0.recipient, sentAt: moment($0.sentAt)) }
                return FundingEntry(key: funding.key, spec: funding.spec, updatedAt: moment(funding.updatedAt), reminders: sent.isEmpty ? nil : sent)
            },
            mapping: mapping,
            lineGoals: lineGoals.isEmpty ? nil : lineGoals.map {
                LineGoalEntry(year: $0.year, costCentre: $0.costCentre, document: $0.document, lineage: $0.lineage, example: $0.example ? true : nil)
            }))
    }

    static func defaultRevision(_ status: BudgetStatus, _ spec: BudgetSpec, updatedAt: String) -> RevisionEntry {
        RevisionEntry(number: 1, status: status, changedAt: updatedAt, changedBy: "organisation file", spec: spec)
    }

    public static func validate(_ content: Content, context: inout InterchangeContext, on db: any Database) async throws {
        guard let finance = content.finance else { return }
        let budgets = finance.budgets
        try validateOutcomes(finance)
        if let problem = finance.mapping?.problem() { throw ImportError("finance.mapping.\(problem.path)", problem.english) }
        try validateFundings(finance.fundings ?? [], context: context)
        try validateLineGoals(finance, context: context)
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

    /// Replaces the organisation's budgets, outcomes, forecasts, funding, mapping and links with the file's.
    public static func write(_ content: Content, context: inout InterchangeContext, on db: any Database) async throws {
        guard let organisationID = context.tenant else { return }
        try await Budget.query(on: db).filter(\.$organisationID == organisationID).delete()
        try await Outcome.query(on: db).filter(\.$organisationID == organisationID).delete()
        try await Forecast.query(on: db).filter(\.$organisationID == organisationID).delete()
        try await Funding.query(on: db).filter(\.$organisationID == organisationID).delete()
        try await OutcomeMappingRecord.query(on: db).filter(\.$organisationID == organisationID).delete()
        try await LineGoal.query(on: db).filter(\.$organisationID == organisationID).delete()
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
        if let finance = content.finance { try await writeThroughTheYear(finance, organisationID: organisationID, on: db) }
        context.counts["fundings"] = content.finance?.fundings?.count ?? 0
    }
}
