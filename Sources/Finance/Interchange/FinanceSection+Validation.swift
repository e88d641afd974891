import Core
import Foundation
import Organisation
import Plans

/// What the finance section's outcomes, forecasts, funding and goal-area links must fit: the file's
/// own budgets, registry and plans. Each refusal names its JSON path.
extension FinanceSection {
    /// Outcomes and forecasts only for a budget's lines, one per cell.
    static func validateOutcomes(_ finance: FinanceEntry) throws {
        var lines: [Int: Set<String>] = [:]
        for budget in finance.budgets { lines[budget.year] = Set(budget.spec.lines.map { "\($0.side.rawValue) \($0.costCentre)" }) }
        var cells = Set<String>()
        for (index, entry) in (finance.outcomes ?? []).enumerated() {
            let path = "finance.outcomes[\(index)]"
            guard (1...12).contains(entry.month) else { throw ImportError("\(path).month", "a month 1–12") }
            guard lines[entry.year]?.contains("\(entry.side.rawValue) \(entry.costCentre)") == true else {
                throw ImportError("\(path).costCentre", "a line of the file's budget for \(entry.year)")
            }
            guard Bounds.isOre(entry.ore) else { throw ImportError("\(path).ore", "at most 10^14 öre (10^12 kronor) in magnitude") }
            guard moment(entry.importedAt) != nil else { throw ImportError("\(path).importedAt", "a moment in ISO 8601") }
            guard cells.insert("\(entry.year) \(entry.month) \(entry.side.rawValue) \(entry.costCentre)").inserted else {
                throw ImportError(path, "a second outcome for the same line and month")
            }
        }
        cells = []
        for (index, entry) in (finance.forecasts ?? []).enumerated() {
            let path = "finance.forecasts[\(index)]"
            guard (1...12).contains(entry.throughMonth) else { throw ImportError("\(path).throughMonth", "a month 1–12") }
            guard lines[entry.year]?.contains("\(entry.side.rawValue) \(entry.costCentre)") == true else {
                throw ImportError("\(path).costCentre", "a line of the file's budget for \(entry.year)")
            }
            guard Bounds.isKronor(entry.amount) else { throw ImportError("\(path).amount", Bounds.kronorEnglish) }
            if let comment = entry.comment, let problem = TextRules.problem(in: comment, as: .title, limit: 1_000) {
                throw ImportError("\(path).comment", problem.english)
            }
            guard moment(entry.changedAt) != nil else { throw ImportError("\(path).changedAt", "a moment in ISO 8601") }
            guard cells.insert("\(entry.year) \(entry.throughMonth) \(entry.side.rawValue) \(entry.costCentre)").inserted else {
                throw ImportError(path, "a second forecast for the same line and month")
            }
        }
    }

    /// Funders in the file's registry, key activities of the file's plans.
    static func validateFundings(_ fundings: [FundingEntry], context: InterchangeContext) throws {
        let registry = (context[OrganisationSection.RegistryKeys.self] ?? []).union([context[OrganisationSection.OwnKey.self]].compactMap { $0 })
        let versions = context[DocumentsSection.Versions.self] ?? [:]
        let activities = Set(versions.flatMap { document, numbered in
            numbered.values.flatMap { $0.activities.map { FundingSpec.Activity(document: document, lineage: $0) } }
        })
        var keys = Set<String>()
        for (index, entry) in fundings.enumerated() {
            let path = "finance.fundings[\(index)]"
            guard Slug.isValid(entry.key) else { throw ImportError("\(path).key", "lowercase letters, digits and hyphens") }
            guard keys.insert(entry.key).inserted else { throw ImportError("\(path).key", "duplicate key \"\(entry.key)\"") }
            if let problem = FundingRules.problem(entry.spec, known: .init(funders: registry, activities: activities)) {
                throw ImportError("\(path).spec.\(problem.path)", problem.english)
            }
            guard moment(entry.updatedAt) != nil, (entry.reminders ?? []).allSatisfy({ moment($0.sentAt) != nil }) else {
                throw ImportError("\(path).updatedAt", "a moment in ISO 8601")
            }
        }
    }

    /// Links of a file budget's cost lines to goal areas (non-activity nodes) of the file's plans.
    static func validateLineGoals(_ finance: FinanceEntry, context: InterchangeContext) throws {
        let versions = context[DocumentsSection.Versions.self] ?? [:]
        var seen = Set<String>()
        for (index, entry) in (finance.lineGoals ?? []).enumerated() {
            let path = "finance.lineGoals[\(index)]"
            guard finance.budgets.first(where: { $0.year == entry.year })?.spec.lines.contains(where: { $0.side == .cost && $0.costCentre == entry.costCentre }) == true else {
                throw ImportError("\(path).costCentre", "a cost line of the file's budget for \(entry.year)")
            }
            guard versions[entry.document]?.values.contains(where: { $0.goals.contains(entry.lineage) }) == true else {
                throw ImportError("\(path).lineage", "a goal area of the file's document \(entry.document)")
            }
            guard seen.insert("\(entry.year) \(entry.costCentre)").inserted else { throw ImportError(path, "a second link for the line") }
        }
    }
}
