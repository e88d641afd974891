import Core
import Fluent
import Foundation
import Organisation

/// A year's budget as pages, the API and the exports show it: its lines beside the year before
/// (matched by side and cost centre), the sums and the result computed, the notes where the lines
/// and sums point at them.
public struct BudgetContent: Codable, Sendable, Equatable {
    public struct Row: Codable, Sendable, Equatable {
        public let side: BudgetSide
        public let costCentre: String
        public let name: String
        /// This year's amount; absent for a line only the year before has.
        public let amount: Int?
        public let notes: [String]
        public let comparison: Int?
        public let comparisonNotes: [String]
    }

    public struct Total: Codable, Sendable, Equatable {
        public let amount: Int
        public let notes: [String]
        public let comparison: Int?
        public let comparisonNotes: [String]
    }

    public let year: Int
    public let title: String
    public let status: BudgetStatus
    public let statusLabel: String
    public let adoptedBy: String?
    public let adoptedOn: String?
    public let decisionReference: String?
    public let listedIn: String?
    public let heading: String?
    public let introduction: String?
    /// The year shown beside, where the organisation has its budget.
    public let comparisonYear: Int?
    public let comparisonTitle: String?
    public let costs: [Row]
    public let revenues: [Row]
    public let costSum: Total
    public let revenueSum: Total
    /// Revenues plus costs: negative is a planned deficit.
    public let result: Total
    public let notes: [BudgetSpec.Note]
    public let financingCostCentre: String?
    public let revision: Int
    /// Every saved state, newest first, with what changed; who saved it is for the audit trail, not here.
    public let history: [Change]

    public struct Change: Codable, Sendable, Equatable {
        public let revision: Int
        public let changedAt: String
        public let status: BudgetStatus
        public let changes: [String]
    }

    init(_ budget: Budget, previous: Budget?, revisions: [BudgetRevision] = []) {
        let spec = budget.spec, before = previous?.spec
        year = budget.year
        title = spec.title
        status = budget.status
        statusLabel = budget.status.label
        adoptedBy = spec.adoptedBy
        adoptedOn = spec.adoptedOn
        decisionReference = spec.decisionReference
        listedIn = spec.listedIn
        heading = spec.heading
        introduction = spec.introduction
        comparisonYear = previous?.year
        comparisonTitle = before?.title
        func rows(_ side: BudgetSide) -> [Row] {
            let mine = spec.lines.filter { $0.side == side }, theirs = before?.lines.filter { $0.side == side } ?? []
            let matched = mine.map { line in
                let other = theirs.first { $0.costCentre == line.costCentre }
                return Row(side: side, costCentre: line.costCentre, name: line.name, amount: line.amount, notes: line.notes,
                           comparison: other?.amount, comparisonNotes: other?.notes ?? [])
            }
            let gone = theirs.filter { other in !mine.contains { $0.costCentre == other.costCentre } }.map { other in
                Row(side: side, costCentre: other.costCentre, name: other.name, amount: nil, notes: [], comparison: other.amount, comparisonNotes: other.notes)
            }
            return matched + gone
        }
        costs = rows(.cost)
        revenues = rows(.revenue)
        costSum = Total(amount: spec.sum(.cost), notes: spec.costSumNotes, comparison: before?.sum(.cost), comparisonNotes: before?.costSumNotes ?? [])
        revenueSum = Total(amount: spec.sum(.revenue), notes: spec.revenueSumNotes, comparison: before?.sum(.revenue),
                           comparisonNotes: before?.revenueSumNotes ?? [])
        result = Total(amount: spec.result, notes: spec.resultNotes, comparison: before?.result, comparisonNotes: before?.resultNotes ?? [])
        // The notes this table points at, this year's first.
        var seen = Set<String>()
        notes = (spec.notes + (before?.notes ?? [])).filter { seen.insert($0.marker).inserted }
        financingCostCentre = spec.financingCostCentre
        revision = budget.revision
        let sorted = revisions.sorted { $0.number < $1.number }
        history = sorted.enumerated().map { index, row in
            let now = JSONColumn.decode(BudgetSpec.self, from: row.specJSON, default: spec)
            let changes = index == 0 ? ["upprättad"]
                : Self.changes(from: JSONColumn.decode(BudgetSpec.self, from: sorted[index - 1].specJSON, default: now), to: now,
                               statusChanged: sorted[index - 1].status != row.status)
            return Change(revision: row.number, changedAt: ISO8601DateFormatter().string(from: row.changedAt), status: row.status, changes: changes)
        }.reversed()
    }

    /// What changed between two saved states, in the words of the budget page.
    static func changes(from before: BudgetSpec, to after: BudgetSpec, statusChanged: Bool) -> [String] {
        var changes: [String] = []
        func note<T: Equatable>(_ label: String, _ a: T, _ b: T) { if a != b { changes.append(label) } }
        note("rubrik", before.title, after.title)
        note("placering i planen", [before.listedIn, before.heading], [after.listedIn, after.heading])
        note("text", before.introduction, after.introduction)
        note("rader", before.lines, after.lines)
        note("noter", [before.notes.map(\.text), before.costSumNotes, before.revenueSumNotes, before.resultNotes],
             [after.notes.map(\.text), after.costSumNotes, after.revenueSumNotes, after.resultNotes])
        note("finansieringsrad", before.financingCostCentre, after.financingCostCentre)
        note("indata för medlemsavgifterna", before.fees, after.fees)
        if statusChanged { changes.append("beslutad") }
        return changes
    }
}

/// A budget in the list of an organisation's budgets.
public struct BudgetSummary: Codable, Sendable, Equatable {
    public let year: Int
    public let title: String
    public let status: BudgetStatus
    public let result: Int
}

public enum BudgetQuery {
    static func budgets(_ organisationID: UUID, on db: any Database) async throws -> [Budget] {
        try await Budget.query(on: db).filter(\.$organisationID == organisationID).sort(\.$year, .descending).all()
    }

    static func budget(_ year: Int, organisationID: UUID, on db: any Database) async throws -> Budget? {
        try await Budget.query(on: db).filter(\.$organisationID == organisationID).filter(\.$year == year).first()
    }

    /// A year's budget beside the year before.
    public static func content(_ year: Int, organisationID: UUID, on db: any Database) async throws -> BudgetContent? {
        guard let budget = try await budget(year, organisationID: organisationID, on: db) else { return nil }
        return try await content(of: budget, on: db)
    }

    static func content(of budget: Budget, on db: any Database) async throws -> BudgetContent {
        let revisions = try await BudgetRevision.query(on: db).filter(\.$budget.$id == budget.requireID()).all()
        return BudgetContent(budget, previous: try await self.budget(budget.year - 1, organisationID: budget.organisationID, on: db), revisions: revisions)
    }

    /// The fee table of a year's budget, with the members' names from the registry.
    static func fees(_ budget: Budget, organisation: OrganisationRecord, on db: any Database) async throws -> FeeContent? {
        guard let basis = budget.spec.fees else { return nil }
        let members = try await MemberQuery.members(of: organisation, on: db)
        let named = members.map { (key: $0.scbCode ?? $0.slug, name: $0.name) }
        let table = try FeeCalculation.table(basis, financing: budget.spec.financing, members: named)
        return FeeContent(year: budget.year, title: budget.spec.title, basis: basis, table: table)
    }
}

/// The member fees of a year: the inputs with their sources, and the computed table.
public struct FeeContent: Codable, Sendable, Equatable {
    public let year: Int
    public let title: String
    public let basis: FeeBasis
    public let table: FeeCalculation.Table
}
