import Auth
import Core
import Fluent
import Foundation
import Organisation
import Vapor

/// Outcomes without an SIE file, and the forecasts made at a period's end: a CSV of outcomes per
/// line and month (the open-data export's own format), a month typed in a form, a period's
/// forecasts with their comments. Each a transaction with its audit; unchanged input writes nothing.
public enum OutcomeWork {
    /// The columns of the outcome CSV, as the open-data export writes them.
    public static let csvColumns = ["year", "month", "side", "costCentre", "amount"]

    /// Kronor with at most two decimals as öre, in either CSV dialect: "-12345.5" and "−12 345,50" are -1234550.
    static func ore(_ text: String) -> Int? {
        let plain = text.replacingOccurrences(of: "\u{2212}", with: "-").replacingOccurrences(of: ",", with: ".").filter { !$0.isWhitespace }
        return try? SIEReader.ore(plain, line: 0)
    }

    /// Reads a CSV of outcomes for `year` (either dialect) into cells, naming the first bad row.
    static func cells(csv data: Data, year: Int) throws -> [OutcomeImport.Cell: Int] {
        let rows: [[String]]
        do { rows = try CSVTable.read(data).rows } catch {
            throw OutcomeImport.Failure.row(1, "not CSV", swedish: "Filen går inte att läsa som CSV.")
        }
        guard let header = rows.first, csvColumns.allSatisfy(header.contains) else {
            throw OutcomeImport.Failure.row(1, "the header names \(csvColumns.joined(separator: ", "))",
                                            swedish: "Första raden ska ha kolumnerna \(csvColumns.joined(separator: ", ")).")
        }
        let index = Dictionary(header.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
        var cells: [OutcomeImport.Cell: Int] = [:]
        for (offset, row) in rows.dropFirst().enumerated() where !row.allSatisfy(\.isEmpty) {
            let line = offset + 2
            func field(_ name: String) -> String { index[name].flatMap { row.indices.contains($0) ? row[$0] : nil } ?? "" }
            guard Int(field("year")) == year else {
                throw OutcomeImport.Failure.row(line, "year \"\(field("year"))\" is not \(year)", swedish: "Året \"\(field("year"))\" är inte \(year).")
            }
            guard let month = Int(field("month")), (1...12).contains(month) else {
                throw OutcomeImport.Failure.row(line, "month \"\(field("month"))\" is not 1–12", swedish: "Månaden \"\(field("month"))\" är inte 1–12.")
            }
            guard let side = BudgetSide(rawValue: field("side")) else {
                throw OutcomeImport.Failure.row(line, "side \"\(field("side"))\" is not cost or revenue", swedish: "Sidan \"\(field("side"))\" är inte cost eller revenue.")
            }
            let centre = field("costCentre")
            guard !centre.isEmpty else { throw OutcomeImport.Failure.row(line, "no costCentre", swedish: "Kostnadsstället saknas.") }
            guard let ore = ore(field("amount")) else {
                throw OutcomeImport.Failure.row(line, "amount \"\(field("amount"))\" is not kronor with at most two decimals",
                                                swedish: "Beloppet \"\(field("amount"))\" är inte kronor med högst två decimaler.")
            }
            let cell = OutcomeImport.Cell(month: month, side: side, costCentre: centre)
            guard cells[cell] == nil else {
                throw OutcomeImport.Failure.row(line, "a second row for month \(month), \(side.rawValue) \(centre)",
                                                swedish: "En andra rad för månad \(month), \(side.rawValue) \(centre).")
            }
            cells[cell] = ore
        }
        return cells
    }

    public static func importCSV(_ data: Data, year: Int, in organisation: OrganisationRecord, actor: AuditLog.Actor, at now: Date,
                                 on db: any Database) async throws -> OutcomeImport.Report {
        let cells = try cells(csv: data, year: year)
        return try await OutcomeImport.store(cells, year: year, months: Set(cells.keys.map(\.month)), source: "csv", unmapped: 0, example: false,
                                             in: organisation, actor: actor, at: now, on: db)
    }

    /// A file of outcomes for `year` as the browser and the API get it: an SIE file starts with a
    /// #label (after any byte-order mark or blank lines), anything else is read as CSV.
    public static func importFile(_ data: Data, name: String, year: Int, in organisation: OrganisationRecord, actor: AuditLog.Actor,
                                  at now: Date, on db: any Database) async throws -> OutcomeImport.Report {
        let start = data.drop { $0 == 0xEF || $0 == 0xBB || $0 == 0xBF || $0 == 0x20 || $0 == 0x0D || $0 == 0x0A }.first
        if start == UInt8(ascii: "#") {
            return try await OutcomeImport.run(data, name: name.isEmpty ? "fil.se" : name, in: organisation, expectedYear: year, actor: actor, at: now, on: db)
        }
        return try await importCSV(data, year: year, in: organisation, actor: actor, at: now, on: db)
    }

    /// One month typed in: each line's outcome in kronor, nil for none. The month is the form's.
    public static func type(month: Int, year: Int, amounts: [LineKey: Int], in organisation: OrganisationRecord, actor: AuditLog.Actor,
                            at now: Date, on db: any Database) async throws -> OutcomeImport.Report {
        if let line = amounts.first(where: { !Bounds.isKronor($0.value) })?.key {
            throw OutcomeImport.Failure.tooLarge(month: month, line: "\(line.side.rawValue) \(line.costCentre)")
        }
        // A line whose kronor the user left as the form showed them keeps what was read: its öre and its source.
        let organisationID = try organisation.requireID()
        let stored = try await Outcome.query(on: db).filter(\.$organisationID == organisationID).filter(\.$year == year).filter(\.$month == month).all()
        let read = Dictionary(stored.map { (LineKey(side: $0.side, costCentre: $0.costCentre), $0.ore) }, uniquingKeysWith: { first, _ in first })
        let cells = Dictionary(amounts.map { key, kronor in
            let kept = read[key].flatMap { ore in Self.shownKronor(ore) == kronor ? ore : nil }
            return (OutcomeImport.Cell(month: month, side: key.side, costCentre: key.costCentre), kept ?? kronor * 100)
        }, uniquingKeysWith: { first, _ in first })
        return try await OutcomeImport.store(cells, year: year, months: [month], source: "form", unmapped: 0, example: false,
                                             in: organisation, actor: actor, at: now, on: db)
    }

    /// Öre as the month's form shows them: whole kronor, halves away from zero.
    static func shownKronor(_ ore: Int) -> Int { FeeCalculation.rounded(Decimal(ore) / 100) }

    public struct LineKey: Hashable, Sendable {
        public let side: BudgetSide
        public let costCentre: String

        public init(side: BudgetSide, costCentre: String) {
            self.side = side
            self.costCentre = costCentre
        }
    }

    public struct ForecastInput: Equatable, Sendable {
        public var amount: Int
        public var comment: String?

        public init(amount: Int, comment: String?) {
            self.amount = amount
            self.comment = comment
        }
    }

    public enum Failure: DomainFailure, Equatable {
        case month
        case unknownLine(String)
        /// A forecast beyond ±10^12 kronor on this line.
        case amount(String)

        public var english: String {
            switch self {
            case .month: "throughMonth must be 1–12"
            case .unknownLine(let line): "the budget has no line \(line)"
            case .amount(let line): "the forecast for \(line) \(Bounds.kronorEnglish)"
            }
        }

        public var swedish: String {
            switch self {
            case .month: "Välj en månad, 1–12."
            case .unknownLine(let line): "Budgeten har ingen rad \(line)."
            case .amount(let line): "Prognosen för \(line): \(Bounds.kronorSwedish)"
            }
        }

        public var status: HTTPResponseStatus { .unprocessableEntity }
        public var field: String? { nil }
    }

    /// The forecasts made at the end of `throughMonth`: a line without input has none. Returns whether anything changed.
    @discardableResult
    public static func forecast(year: Int, throughMonth: Int, _ inputs: [LineKey: ForecastInput], in organisation: OrganisationRecord,
                                actor: AuditLog.Actor, at now: Date, on db: any Database) async throws -> Bool {
        guard (1...12).contains(throughMonth) else { throw Failure.month }
        let organisationID = try organisation.requireID()
        guard let budget = try await BudgetQuery.budget(year, organisationID: organisationID, on: db) else { throw OutcomeImport.Failure.noBudget(year) }
        let lines = Set(budget.spec.lines.map { LineKey(side: $0.side, costCentre: $0.costCentre) })
        if let unknown = inputs.keys.first(where: { !lines.contains($0) }) { throw Failure.unknownLine("\(unknown.side.rawValue) \(unknown.costCentre)") }
        if let line = inputs.first(where: { !Bounds.isKronor($0.value.amount) })?.key { throw Failure.amount("\(line.side.rawValue) \(line.costCentre)") }
        return try await db.write { db in
            let existing = try await Forecast.query(on: db).filter(\.$organisationID == organisationID).filter(\.$year == year)
                .filter(\.$throughMonth == throughMonth).all()
            var byLine = Dictionary(existing.map { (LineKey(side: $0.side, costCentre: $0.costCentre), $0) }, uniquingKeysWith: { first, _ in first })
            var changes = 0
            for (line, input) in inputs.sorted(by: { ($0.key.side.rawValue, $0.key.costCentre) < ($1.key.side.rawValue, $1.key.costCentre) }) {
                let comment = input.comment.flatMap { $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                let row = byLine.removeValue(forKey: line) ?? Forecast()
                if row.id != nil, row.amount == input.amount, row.comment == comment { continue }
                row.organisationID = organisationID
                row.year = year
                row.throughMonth = throughMonth
                row.side = line.side
                row.costCentre = line.costCentre
                row.amount = input.amount
                row.comment = comment
                row.changedAt = now
                row.changedBy = actor.description
                try await row.save(on: db)
                changes += 1
            }
            for row in byLine.values { try await row.delete(on: db); changes += 1 }
            if changes > 0 {
                try await AuditLog.record("forecasts.update", subject: "\(year)-\(throughMonth)", actor: actor, organisationID: organisationID,
                                          after: "\(changes) lines", on: db)
            }
            return changes > 0
        }
    }
}
