import Auth
import Core
import Fluent
import Foundation
import Organisation

/// Outcomes from an SIE file (docs/finance.md): the file's result accounts, by month and cost-centre
/// object, mapped to the budget's lines by the organisation's `OutcomeMapping` (by default accounts
/// 3000–3999 are revenues, 4000–8999 costs, and the object in dimension 1 names the line) and written
/// in one transaction. The amounts change sign, since the books write costs as debits (positive) and
/// the budget as negative. Rows no rule maps and cost centres the budget lacks are counted, not
/// written. A second import of the same file changes nothing.
public enum OutcomeImport {
    public struct Report: Codable, Sendable, Equatable, CustomStringConvertible {
        public let year: Int
        public let months: [Int]
        public let added: Int
        public let changed: Int
        public let removed: Int
        public let unchanged: Int
        /// Rows of the file that are no line's: no cost centre, another kind of account.
        public let unmapped: Int
        /// Cost centres the file names that the budget has no line for, by side.
        public let notInBudget: [String]

        public var description: String {
            "\(year), months \(months.map(String.init).joined(separator: ", ")): \(added) added, \(changed) changed, \(removed) removed, "
                + "\(unchanged) unchanged; \(unmapped) rows not mapped" + (notInBudget.isEmpty ? "" : "; not in the budget: \(notInBudget.joined(separator: ", "))")
        }

        /// What the page says after an import.
        public var swedish: String {
            guard added + changed + removed > 0 else { return "Inget ändrades: utfallet för \(year) var redan detsamma (\(unchanged) rader)." }
            return "Utfallet för \(year) är inläst för månad \(months.map(String.init).joined(separator: ", ")): \(added) tillagda, \(changed) ändrade, "
                + "\(removed) borttagna och \(unchanged) oförändrade rader."
                + (unmapped == 0 ? "" : " \(unmapped) rader i filen hör inte till någon budgetrad (konto utanför 3000–8999 eller utan kostnadsställe).")
                + (notInBudget.isEmpty ? "" : " Kostnadsställen som budgeten saknar: \(notInBudget.joined(separator: ", ")).")
        }
    }

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case file(SIEReader.Failure)
        case noYear
        case noBudget(Int)
        case otherYear(file: Int, expected: Int)
        /// A CSV row that is not an outcome: its line and what is wrong.
        case row(Int, String, swedish: String)
        /// A month's outcome on a line beyond ±10^12 kronor (`Bounds.kronor`): "month 3, cost 12".
        case tooLarge(month: Int, line: String)

        public var description: String {
            switch self {
            case .file(let failure): failure.description
            case .noYear: "the file names no financial year (#RAR 0)"
            case .noBudget(let year): "the organisation has no budget for \(year)"
            case .otherYear(let file, let expected): "the file is for \(file), not \(expected)"
            case .row(let line, let message, _): "line \(line): \(message)"
            case .tooLarge(let month, let line): "the outcome of month \(month) on \(line) is more than 10^12 kronor in magnitude"
            }
        }

        public var swedish: String {
            switch self {
            case .file(let failure): "Rad \(failure.line) i filen går inte att läsa som SIE: \(failure.swedish). Inget lästes in."
            case .noYear: "Filen anger inget räkenskapsår (#RAR 0). Inget lästes in."
            case .noBudget(let year): "Det finns ingen budget för \(year) att jämföra utfallet med. Inget lästes in."
            case .otherYear(let file, let expected): "Filen gäller \(file), inte \(expected). Inget lästes in."
            case .row(let line, _, let swedish): "Rad \(line): \(swedish) Inget lästes in."
            case .tooLarge(let month, let line):
                "Utfallet för månad \(month) på raden \(line) blir större än 1 000 000 000 000 kronor, plus eller minus. Inget lästes in."
            }
        }
    }

    struct Cell: Hashable { let month: Int; let side: BudgetSide; let costCentre: String }

    /// The file's outcomes per month and line, in öre as the budget signs them: from #PSALDO where the
    /// file has period balances, otherwise from the vouchers' #TRANS rows by their date's month.
    /// A cell's sum is checked: beyond ±10^12 kronor the file is refused (`Failure.tooLarge`), never a trap.
    static func cells(_ file: SIEReader.File, year: Int, mapping: OutcomeMapping) throws(Failure) -> (cells: [Cell: Int], unmapped: Int) {
        var cells: [Cell: Int] = [:], unmapped = 0
        func add(month: Int, account: String, objects: [SIEReader.ObjectReference], ore: Int) throws(Failure) {
            guard (1...12).contains(month), let line = mapping.line(account: account, object: objects.first(where: { $0.dimension == "1" })?.object) else {
                unmapped += 1
                return
            }
            let cell = Cell(month: month, side: line.side, costCentre: line.costCentre)
            let (sum, overflow) = (cells[cell] ?? 0).subtractingReportingOverflow(ore)
            guard !overflow, Bounds.isOre(sum) else { throw .tooLarge(month: month, line: "\(line.side.rawValue) \(line.costCentre)") }
            cells[cell] = sum
        }
        let balances = file.periodBalances.filter { $0.year == 0 }
        if !balances.isEmpty {
            for balance in balances where (balance.period ?? 0) / 100 == year {
                try add(month: (balance.period ?? 0) % 100, account: balance.account, objects: balance.objects, ore: balance.ore)
            }
        } else {
            for voucher in file.vouchers where Int(voucher.date.prefix(4)) == year {
                let month = Int(voucher.date.dropFirst(4).prefix(2)) ?? 0
                for row in voucher.transactions { try add(month: month, account: row.account, objects: row.objects, ore: row.ore) }
            }
        }
        return (cells, unmapped)
    }

    @discardableResult
    public static func run(_ data: Data, name: String, in organisation: OrganisationRecord, expectedYear: Int? = nil, example: Bool = false,
                           actor: AuditLog.Actor, at now: Date, on db: any Database) async throws -> Report {
        let file: SIEReader.File
        do { file = try SIEReader.read(data) } catch { throw Failure.file(error) }
        guard let start = file.years[0]?.start, let year = Int(start.prefix(4)) else { throw Failure.noYear }
        if let expectedYear, expectedYear != year { throw Failure.otherYear(file: year, expected: expectedYear) }
        let (all, unmapped) = try cells(file, year: year, mapping: try await MappingWork.mapping(of: organisation, on: db))
        return try await store(all, year: year, months: Set(all.keys.map(\.month)), source: "sie:\(name)", unmapped: unmapped, example: example,
                               in: organisation, actor: actor, at: now, on: db)
    }

    /// Writes a year's outcomes for the given months in one transaction: the months are the source's,
    /// so a line it no longer has there goes; cells outside the budget's lines are reported, not written.
    static func store(_ all: [Cell: Int], year: Int, months monthSet: Set<Int>, source: String, unmapped: Int, example: Bool,
                      in organisation: OrganisationRecord, actor: AuditLog.Actor, at now: Date, on db: any Database) async throws -> Report {
        if let cell = all.first(where: { !Bounds.isOre($0.value) })?.key {
            throw Failure.tooLarge(month: cell.month, line: "\(cell.side.rawValue) \(cell.costCentre)")
        }
        let organisationID = try organisation.requireID()
        guard let budget = try await BudgetQuery.budget(year, organisationID: organisationID, on: db) else { throw Failure.noBudget(year) }
        let lines = Set(budget.spec.lines.map { "\($0.side.rawValue) \($0.costCentre)" })
        let inBudget = all.filter { lines.contains("\($0.key.side.rawValue) \($0.key.costCentre)") }
        let missing = Set(all.keys.filter { !lines.contains("\($0.side.rawValue) \($0.costCentre)") }.map { "\($0.side.rawValue) \($0.costCentre)" }).sorted()
        let months = monthSet.sorted()
        let (added, changed, removed, unchanged) = try await db.write { db -> (Int, Int, Int, Int) in
            var added = 0, changed = 0, removed = 0, unchanged = 0
            let existing = try await Outcome.query(on: db).filter(\.$organisationID == organisationID).filter(\.$year == year).filter(\.$month ~~ months).all()
            var byCell = Dictionary(existing.map { (Cell(month: $0.month, side: $0.side, costCentre: $0.costCentre), $0) }, uniquingKeysWith: { first, _ in first })
            for (cell, ore) in inBudget.sorted(by: { ($0.key.month, $0.key.side.rawValue, $0.key.costCentre) < ($1.key.month, $1.key.side.rawValue, $1.key.costCentre) }) {
                if let row = byCell.removeValue(forKey: cell) {
                    if row.ore == ore, row.example == example { unchanged += 1; continue }
                    row.ore = ore
                    row.source = source
                    row.example = example
                    row.importedAt = now
                    try await row.update(on: db)
                    changed += 1
                } else {
                    let row = Outcome()
                    row.organisationID = organisationID
                    row.year = year
                    row.month = cell.month
                    row.side = cell.side
                    row.costCentre = cell.costCentre
                    row.ore = ore
                    row.source = source
                    row.example = example
                    row.importedAt = now
                    try await row.create(on: db)
                    added += 1
                }
            }
            for row in byCell.values { try await row.delete(on: db); removed += 1 }
            if added + changed + removed > 0 {
                try await AuditLog.record("outcomes.import", subject: String(year), actor: actor, organisationID: organisationID,
                                          after: "\(source): \(added) added, \(changed) changed, \(removed) removed", on: db)
            }
            return (added, changed, removed, unchanged)
        }
        return Report(year: year, months: months, added: added, changed: changed, removed: removed, unchanged: unchanged, unmapped: unmapped,
                      notInBudget: missing)
    }
}
