import Auth
import Core
import Fluent
import Foundation
import Organisation
import Vapor

/// Outcomes from an SIE file (docs/finance.md): the file's result accounts, by month and cost-centre
/// object, mapped to the budget's lines by the organisation's `OutcomeMapping` (by default accounts
/// 3000–3999 are revenues, 4000–8999 costs, and the object in dimension 1 names the line) and written
/// in one transaction. The amounts change sign, since the books write costs as debits (positive) and
/// the budget as negative. Rows no rule maps and cost centres the budget lacks are counted, not
/// written. A second import of the same file changes nothing.
public enum OutcomeImport {
    /// What the file says against itself, or a row it could not read: shown beside the report on the
    /// page, in the API answer and by the CLI. `line` is the file's, where one line is at fault.
    public struct Warning: Codable, Sendable, Equatable {
        public let line: Int?
        public let english: String
        public let swedish: String

        public init(line: Int?, english: String, swedish: String) {
            self.line = line
            self.english = english
            self.swedish = swedish
        }
    }

    public struct Report: Codable, Sendable, Equatable, CustomStringConvertible {
        public let year: Int
        public let months: [Int]
        public let added: Int
        public let changed: Int
        public let removed: Int
        public let unchanged: Int
        /// Rows whose amounts were the same but were example data (the demo's), now the organisation's own: not counted as changed.
        public var markedAsOwn: Int = 0
        /// Rows of the file that are no line's: no cost centre, another kind of account.
        public let unmapped: Int
        /// Cost centres the file names that the budget has no line for, by side.
        public let notInBudget: [String]
        /// The file checked against itself: differences between its own figures, unbalanced vouchers, rows not read.
        public var warnings: [Warning] = []

        /// Nothing in the file became a budget line's outcome: no row matched the mapping and the budget's lines.
        public var nothingMatched: Bool { added + changed + removed + unchanged + markedAsOwn == 0 }

        public var description: String {
            let counts = nothingMatched
                ? "\(year): nothing in the file matched the mapping to the budget's lines (\(unmapped) rows not mapped)"
                : "\(year), months \(months.map(String.init).joined(separator: ", ")): \(added) added, \(changed) changed, \(removed) removed, "
                    + "\(unchanged) unchanged" + (markedAsOwn == 0 ? "" : ", \(markedAsOwn) example rows now the organisation's own")
                    + "; \(unmapped) rows not mapped"
            return counts + (notInBudget.isEmpty ? "" : "; not in the budget: \(notInBudget.joined(separator: ", "))")
                + warnings.map { "\nwarning: " + ($0.line.map { "line \($0): " } ?? "") + $0.english }.joined()
        }

        /// What the page says after an import (the warnings are listed beside it).
        public var swedish: String {
            if nothingMatched {
                return "Inget i filen matchade kopplingen mellan bokföringens konton och budgetens rader"
                    + (unmapped == 0 ? "" : " (\(unmapped) rader hör inte till någon budgetrad)") + ". Inget lästes in."
                    + (notInBudget.isEmpty ? "" : " Kostnadsställen som budgeten saknar: \(notInBudget.joined(separator: ", ")).")
            }
            let own = markedAsOwn == 0 ? "" : " \(markedAsOwn) rader med samma belopp var exempeldata och är nu organisationens eget utfall."
            guard added + changed + removed > 0 else { return "Inget ändrades: utfallet för \(year) var redan detsamma (\(unchanged + markedAsOwn) rader)." + own }
            return "Utfallet för \(year) är inläst för månad \(months.map(String.init).joined(separator: ", ")): \(added) tillagda, \(changed) ändrade, "
                + "\(removed) borttagna och \(unchanged) oförändrade rader." + own
                + (unmapped == 0 ? "" : " \(unmapped) rader i filen hör inte till någon budgetrad enligt kontomappningen.")
                + (notInBudget.isEmpty ? "" : " Kostnadsställen som budgeten saknar: \(notInBudget.joined(separator: ", ")).")
        }
    }

    public enum Failure: DomainFailure, Equatable, CustomStringConvertible {
        case file(SIEReader.Failure)
        /// A type 1 file: the year's balances only, no months.
        case yearBalancesOnly
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
            case .yearBalancesOnly: "an SIE file of type 1 holds only the year's balances; the import needs period balances (types 2 and 3) or vouchers (type 4)"
            case .noYear: "the file names no financial year (#RAR 0); a file of type 4I may leave it out where the year is given (the page's year, the API path, --year)"
            case .noBudget(let year): "the organisation has no budget for \(year)"
            case .otherYear(let file, let expected): "the file is for \(file), not \(expected)"
            case .row(let line, let message, _): "line \(line): \(message)"
            case .tooLarge(let month, let line): "the outcome of month \(month) on \(line) is more than 10^12 kronor in magnitude"
            }
        }

        public var swedish: String {
            switch self {
            case .file(let failure): "Rad \(failure.line) i filen går inte att läsa som SIE: \(failure.swedish). Inget lästes in."
            case .yearBalancesOnly: "Filen är av SIE-typ 1 och innehåller bara årets saldon, inga månader. Läs in en fil av typ 2 eller 3 (periodsaldon) eller 4 (verifikationer). Inget lästes in."
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

    /// The file's outcomes per month and line, in öre as the budget signs them (`SIEReading`: money
    /// counted once), the rows no rule maps, and the file's warnings. A cell's sum is checked: beyond
    /// ±10^12 kronor the file is refused (`Failure.tooLarge`), never a trap.
    static func cells(_ file: SIEReader.File, year: Int, mapping: OutcomeMapping) throws(Failure) -> (cells: [Cell: Int], unmapped: Int, warnings: [Warning]) {
        var cells: [Cell: Int] = [:], unmapped = 0
        let reading = SIEReading(file, year: year)
        for posting in reading.postings {
            guard (1...12).contains(posting.month), let line = mapping.line(account: posting.account, object: posting.object) else {
                unmapped += 1
                continue
            }
            let cell = Cell(month: posting.month, side: line.side, costCentre: line.costCentre)
            let (sum, overflow) = (cells[cell] ?? 0).subtractingReportingOverflow(posting.ore)
            guard !overflow, Bounds.isOre(sum) else { throw .tooLarge(month: posting.month, line: "\(line.side.rawValue) \(line.costCentre)") }
            cells[cell] = sum
        }
        return (cells, unmapped, reading.warnings)
    }

    @discardableResult
    public static func run(_ data: Data, name: String, in organisation: OrganisationRecord, expectedYear: Int? = nil, example: Bool = false,
                           actor: AuditLog.Actor, at now: Date, on db: any Database) async throws -> Report {
        let file: SIEReader.File
        do { file = try SIEReader.read(data) } catch { throw Failure.file(error) }
        if file.type == "1" { throw Failure.yearBalancesOnly }
        let year: Int
        if let start = file.years[0]?.start, let named = Int(start.prefix(4)) {
            year = named
        } else if file.type == "4I", let expectedYear {
            // A 4I file (vouchers for another system) may leave out #RAR: the year is the page's, the path's or --year.
            year = expectedYear
        } else {
            throw Failure.noYear
        }
        if let expectedYear, expectedYear != year { throw Failure.otherYear(file: year, expected: expectedYear) }
        let (all, unmapped, warnings) = try cells(file, year: year, mapping: try await MappingWork.mapping(of: organisation, on: db))
        var report = try await store(all, year: year, months: Set(all.keys.map(\.month)), source: "sie:\(name)", unmapped: unmapped, example: example,
                                     in: organisation, actor: actor, at: now, on: db)
        report.warnings = warnings
        return report
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
        let (added, changed, removed, unchanged, markedAsOwn) = try await db.write { db -> (Int, Int, Int, Int, Int) in
            var added = 0, changed = 0, removed = 0, unchanged = 0, markedAsOwn = 0
            let existing = try await Outcome.query(on: db).filter(\.$organisationID == organisationID).filter(\.$year == year).filter(\.$month ~~ months).all()
            var byCell = Dictionary(existing.map { (Cell(month: $0.month, side: $0.side, costCentre: $0.costCentre), $0) }, uniquingKeysWith: { first, _ in first })
            for (cell, ore) in inBudget.sorted(by: { ($0.key.month, $0.key.side.rawValue, $0.key.costCentre) < ($1.key.month, $1.key.side.rawValue, $1.key.costCentre) }) {
                if let row = byCell.removeValue(forKey: cell) {
                    if row.ore == ore, row.example == example { unchanged += 1; continue }
                    if row.ore == ore {
                        // The same amount, no longer example data: marked, not counted as a change.
                        row.example = example
                        try await row.update(on: db)
                        markedAsOwn += 1
                        continue
                    }
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
            if added + changed + removed + markedAsOwn > 0 {
                try await AuditLog.record("outcomes.import", subject: String(year), actor: actor, organisationID: organisationID,
                                          after: "\(source): \(added) added, \(changed) changed, \(removed) removed"
                                              + (markedAsOwn == 0 ? "" : ", \(markedAsOwn) marked as the organisation's own"), on: db)
            }
            return (added, changed, removed, unchanged, markedAsOwn)
        }
        return Report(year: year, months: months, added: added, changed: changed, removed: removed, unchanged: unchanged, markedAsOwn: markedAsOwn,
                      unmapped: unmapped, notInBudget: missing)
    }
}

extension OutcomeImport.Failure {
    public var english: String { description }
    public var status: HTTPResponseStatus { .unprocessableEntity }
    /// The file as a whole: the upload's field.
    public var field: String? { "file" }
}
