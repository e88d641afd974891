import Auth
import Core
import Fluent
import Foundation
import SQLKit

/// Imports Kolada files in one transaction: every file is read and checked first, so a malformed
/// one writes nothing. Values are keyed by (kpi, municipality, period, gender); importing the same
/// files again changes nothing, and the report says what was added, changed, deleted and left alone.
public enum KoladaImport {
    public struct Report: Sendable, Equatable, CustomStringConvertible {
        public var added = 0, changed = 0, deleted = 0, unchanged = 0
        public var kpisAdded = 0, kpisChanged = 0, kpisUnchanged = 0
        /// The last page names a next page that was not given: the answer is not complete.
        public var incomplete = false

        public var description: String {
            "values: \(added) added, \(changed) changed, \(deleted) deleted, \(unchanged) unchanged; "
                + "KPIs: \(kpisAdded) added, \(kpisChanged) changed, \(kpisUnchanged) unchanged"
                + (incomplete ? "; the last page links to a next page that was not given" : "")
        }
    }

    struct Key: Hashable { let kpi, municipality, period, gender: String }
    struct Stored: Decodable, Equatable { let kpi, municipality, period, gender: String; let value: Double?; let count: Int; let status: String }

    /// Rows per INSERT: 7 columns × 4 000 rows stays under the limits of bound values of the SQLite
    /// Samsyn bundles (32 766) and of PostgreSQL (65 535); fewer statements are most of an import's speed.
    static let batch = 4_000

    public static func run(_ files: [(name: String, data: Data)], actor: AuditLog.Actor, on db: any Database,
                           progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }) async throws -> Report {
        // The files are read side by side (decoding is most of an import's time), then taken in order.
        let pages = try await withThrowingTaskGroup(of: (Int, KoladaFile.Page).self) { group in
            for (index, file) in files.enumerated() { group.addTask { (index, try KoladaFile.read(file.data, file: file.name)) } }
            var pages: [KoladaFile.Page?] = Array(repeating: nil, count: files.count)
            for try await (index, page) in group { pages[index] = page }
            return pages.compactMap { $0 }
        }
        return try await store(pages, names: files.map(\.name).joined(separator: ", "), actor: actor, on: db, progress: progress)
    }

    /// Stores read pages as one answer: the organisation file's Kolada values come this way too.
    static func store(_ pages: [KoladaFile.Page], names: String, actor: AuditLog.Actor?, on db: any Database,
                      progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }) async throws -> Report {
        var report = Report()
        var values: [Key: KoladaFile.Value] = [:]
        var kpis: [String: KoladaFile.KPI] = [:]
        values.reserveCapacity(pages.reduce(0) { $0 + $1.values.count })
        for (index, page) in pages.enumerated() {
            for value in page.values { values[Key(kpi: value.kpi, municipality: value.municipality, period: value.period, gender: value.gender)] = value }
            for kpi in page.kpis { kpis[kpi.id] = kpi }
            if index == pages.count - 1 { report.incomplete = page.next != nil }
        }
        let sql = db as! any SQLDatabase
        let kpiIDs = Array(Set(values.keys.map(\.kpi)))
        var stored: [Key: Stored] = [:]
        for chunk in stride(from: 0, to: kpiIDs.count, by: 500).map({ Array(kpiIDs[$0..<min($0 + 500, kpiIDs.count)]) }) {
            for row in try await sql.select().columns("kpi", "municipality", "period", "gender", "value", "count", "status").from(KoladaTables.values)
                .where("kpi", .in, SQLBind.group(chunk)).all(decoding: Stored.self) {
                stored[Key(kpi: row.kpi, municipality: row.municipality, period: row.period, gender: row.gender)] = row
            }
        }
        var inserts: [KoladaFile.Value] = [], updates: [KoladaFile.Value] = [], deletes: [Key] = []
        for (key, value) in values {
            let existing = stored[key]
            if value.deleted {
                if existing != nil { deletes.append(key) } else { report.unchanged += 1 }
            } else if let existing {
                if existing == Stored(kpi: key.kpi, municipality: key.municipality, period: key.period, gender: key.gender, value: value.value,
                                      count: value.count, status: value.status) { report.unchanged += 1 } else { updates.append(value) }
            } else {
                inserts.append(value)
            }
        }
        report.added = inserts.count
        report.changed = updates.count
        report.deleted = deletes.count
        let storedKPIs = kpis.isEmpty ? [] : try await sql.select()
            .columns("id", "title", "description", "municipality_type", "divided_by_gender", "operating_area", "perspective", "publication_period")
            .from(KoladaTables.kpis).where("id", .in, SQLBind.group(Array(kpis.keys))).all(decoding: KPIRow.self)
        let kpiChanges = kpis.values.filter { kpi in storedKPIs.first { $0.id == kpi.id }.map { KPIRow(kpi) != $0 } ?? true }
        report.kpisAdded = kpiChanges.filter { kpi in !storedKPIs.contains { $0.id == kpi.id } }.count
        report.kpisChanged = kpiChanges.count - report.kpisAdded
        report.kpisUnchanged = kpis.count - kpiChanges.count
        let total = inserts.count + updates.count + deletes.count + kpiChanges.count
        guard total > 0 else { return report }
        let (summary, removals, rows, kpiRows) = (report, deletes + updates.map { Key(kpi: $0.kpi, municipality: $0.municipality, period: $0.period, gender: $0.gender) },
                                                  inserts + updates, kpiChanges)
        try await db.write { db in
            let sql = db as! any SQLDatabase
            var done = 0
            for key in removals {
                try await sql.delete(from: KoladaTables.values).where("kpi", .equal, SQLBind(key.kpi)).where("municipality", .equal, SQLBind(key.municipality))
                    .where("period", .equal, SQLBind(key.period)).where("gender", .equal, SQLBind(key.gender)).run()
                done += 1
                if done % 1_000 == 0 { progress(done, total) }
            }
            for start in stride(from: 0, to: rows.count, by: batch) {
                let insert = sql.insert(into: KoladaTables.values).columns("kpi", "municipality", "period", "gender", "value", "count", "status")
                for value in rows[start..<min(start + batch, rows.count)] {
                    insert.values(SQLBind(value.kpi), SQLBind(value.municipality), SQLBind(value.period), SQLBind(value.gender), SQLBind(value.value),
                                  SQLBind(value.count), SQLBind(value.status))
                }
                try await insert.run()
                done = min(done + batch, total)
                progress(done, total)
            }
            for kpi in kpiRows {
                try await sql.delete(from: KoladaTables.kpis).where("id", .equal, SQLBind(kpi.id)).run()
                try await sql.insert(into: KoladaTables.kpis).model(KPIRow(kpi)).run()
            }
            if let actor { try await AuditLog.record("kolada.import", subject: names, actor: actor, after: summary.description, on: db) }
            progress(total, total)
        }
        return report
    }

    struct KPIRow: Codable, Equatable {
        let id: String, title: String, description: String, municipality_type: String?, divided_by_gender: Bool, operating_area: String?
        let perspective: String?, publication_period: String?

        init(_ kpi: KoladaFile.KPI) {
            id = kpi.id
            title = kpi.title
            description = kpi.description
            municipality_type = kpi.municipalityType
            divided_by_gender = kpi.dividedByGender
            operating_area = kpi.operatingArea
            perspective = kpi.perspective
            publication_period = kpi.publicationPeriod
        }
    }
}
