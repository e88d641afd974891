import Fluent
import Foundation
import Organisation
import SQLKit

/// An indicator as its page, the goal's page and the API show it: its facts, its targets, and its
/// values per area (a member's SCB code, or `IndicatorValue.organisation`) and period.
public struct IndicatorContent: Sendable, Hashable {
    public struct Area: Sendable, Hashable {
        public let code: String
        public let name: String
    }

    public let key: String
    public let documentSlug: String
    public let lineage: String
    public let title: String
    public let unit: String
    let direction: Indicator.Direction
    public let baselineValue: Double?
    public let baselineYear: Int?
    let aggregate: Indicator.Aggregate
    public let source: String?
    public let kpi: String?
    /// Kolada's own title and description of the KPI, when imported.
    public let kpiTitle: String?
    public let kpiDescription: String?
    public let example: Bool
    public let targets: [Int: Double]
    /// The members in the organisation's order, then the organisation as a whole where it has values.
    public let areas: [Area]
    /// By area code, then period.
    public let values: [String: [String: Double]]

    /// Every period with a value, in order.
    public var periods: [String] { Array(Set(values.values.flatMap(\.keys))).sorted() }

    /// The newest period in which any member has a value.
    public var latestPeriod: String? { periods.last }

    /// Kolada's page of the KPI (its metadata in the open API).
    public var kpiURL: String? { kpi.map { "https://api.kolada.se/v3/kpi/\($0)" } }

    /// The series the trend shows: the organisation's own values where it has them, otherwise the
    /// members' values per period, added up or averaged as the indicator says. A sum is shown only
    /// for periods in which every member with values has one, so a missing member never reads as a fall.
    public var trend: (label: String, values: [String: Double]) {
        if let own = values[IndicatorValue.organisation], !own.isEmpty { return ("Hela organisationen", own) }
        let members = areas.filter { $0.code != IndicatorValue.organisation }
        var series: [String: Double] = [:]
        for period in periods {
            let found = members.compactMap { values[$0.code]?[period] }
            guard !found.isEmpty else { continue }
            switch aggregate {
            case .mean: series[period] = found.reduce(0, +) / Double(found.count)
            case .sum: if found.count == members.count { series[period] = found.reduce(0, +) }
            }
        }
        return (aggregate.label, series)
    }

    /// Whether the trend reached the target of `year`; nil when the year has no target or no value.
    public func reachedTarget(in year: Int) -> Bool? {
        guard let target = targets[year], let value = trend.values[String(year)] else { return nil }
        return direction.reaches(value, target)
    }
}

enum IndicatorQuery {
    /// The indicators of a document's goals (of one goal when `lineage` is given), in order.
    static func contents(_ organisation: OrganisationRecord, document: String, lineage: String? = nil, key: String? = nil,
                         on db: any Database) async throws -> [IndicatorContent] {
        let query = Indicator.query(on: db).filter(\.$organisationID == (try organisation.requireID())).filter(\.$documentSlug == document)
        if let lineage { query.filter(\.$lineage == lineage) }
        if let key { query.filter(\.$key == key) }
        let indicators = try await query.sort(\.$position).all()
        guard !indicators.isEmpty else { return [] }
        let ids = indicators.compactMap(\.id)
        let targets = try await IndicatorTarget.query(on: db).filter(\.$indicator.$id ~~ ids).all()
        let typed = try await IndicatorValue.query(on: db).filter(\.$indicator.$id ~~ ids).all()
        let members = try await MemberQuery.members(of: organisation, on: db).compactMap { member in
            member.scbCode.map { IndicatorContent.Area(code: $0, name: member.name) }
        }
        let kpis = Array(Set(indicators.compactMap(\.kpi)))
        struct KoladaRow: Decodable { let kpi: String; let municipality: String; let period: String; let value: Double? }
        struct KPIRow: Decodable { let id: String; let title: String; let description: String }
        let sql = db as! any SQLDatabase
        let kolada = kpis.isEmpty ? [] : try await sql.select().columns("kpi", "municipality", "period", "value").from(KoladaTables.values)
            .where("kpi", .in, SQLBind.group(kpis)).where("gender", .equal, SQLBind("T"))
            .where("municipality", .in, SQLBind.group(members.map(\.code).isEmpty ? [""] : members.map(\.code)))
            .all(decoding: KoladaRow.self)
        let kpiRows = kpis.isEmpty ? [] : try await sql.select().columns("id", "title", "description").from(KoladaTables.kpis)
            .where("id", .in, SQLBind.group(kpis)).all(decoding: KPIRow.self)
        return indicators.map { indicator in
            var values: [String: [String: Double]] = [:]
            for row in typed where row.$indicator.id == indicator.id { values[row.area, default: [:]][row.period] = row.value }
            for row in kolada where row.kpi == indicator.kpi {
                if let value = row.value { values[row.municipality, default: [:]][row.period] = value }
            }
            let kpi = kpiRows.first { $0.id == indicator.kpi }
            let own = values[IndicatorValue.organisation].map { _ in [IndicatorContent.Area(code: IndicatorValue.organisation, name: organisation.name)] } ?? []
            return IndicatorContent(
                key: indicator.key, documentSlug: indicator.documentSlug, lineage: indicator.lineage, title: indicator.title, unit: indicator.unit,
                direction: indicator.direction, baselineValue: indicator.baselineValue, baselineYear: indicator.baselineYear,
                aggregate: indicator.aggregate, source: indicator.source, kpi: indicator.kpi,
                kpiTitle: kpi?.title, kpiDescription: kpi?.description, example: indicator.example,
                targets: Dictionary(targets.filter { $0.$indicator.id == indicator.id }.map { ($0.year, $0.value) }) { $1 },
                areas: members.filter { values[$0.code] != nil } + own, values: values)
        }
    }
}
