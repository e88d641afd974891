import Core
import Fluent
import Foundation
import Organisation
import Plans
import SQLKit

/// The indicators of the organisation's goals in its file, and the Kolada values they show: the
/// KPIs' metadata and the members' values by gender. Kolada's tables are shared by every
/// organisation, so an import adds and updates those rows and never deletes any.
extension FollowUpSection {
    public struct IndicatorEntry: Codable, Equatable, Sendable {
        public struct Baseline: Codable, Equatable, Sendable { public var value: Double; public var year: Int }
        public struct Target: Codable, Equatable, Sendable { public var year: Int; public var value: Double }
        public struct Value: Codable, Equatable, Sendable { public var area: String; public var period: String; public var value: Double }

        public var document: String
        public var lineage: String
        public var key: String
        public var title: String
        public var unit: String
        var direction: Indicator.Direction
        /// Absent means the mean.
        var aggregate: Indicator.Aggregate?
        public var baseline: Baseline?
        public var kpi: String?
        public var source: String?
        public var example: Bool?
        public var targets: [Target]
        /// Typed-in values only; a KPI's values are under `kolada`.
        public var values: [Value]

        var spec: IndicatorWork.Spec {
            .init(title: title, unit: unit, direction: direction, aggregate: aggregate ?? .mean, baselineValue: baseline?.value, baselineYear: baseline?.year,
                  kpi: kpi, source: source, targets: Dictionary(targets.map { ($0.year, $0.value) }) { $1 },
                  values: values.reduce(into: [:]) { $0[$1.area, default: [:]][$1.period] = $1.value }, example: example ?? false)
        }
    }

    public struct KoladaEntry: Codable, Equatable, Sendable {
        public struct KPI: Codable, Equatable, Sendable {
            public var id: String
            public var title: String
            public var description: String
            public var municipalityType: String?
            public var dividedByGender: Bool
            public var operatingArea: String?
            public var perspective: String?
            public var publicationPeriod: String?
        }

        public struct Value: Codable, Equatable, Sendable {
            public var kpi: String
            public var municipality: String
            public var period: String
            public var gender: String
            public var value: Double?
            public var count: Int
            public var status: String
        }

        public var kpis: [KPI]
        public var values: [Value]
    }

    static func exportIndicators(tenant: UUID, on db: any Database) async throws -> ([IndicatorEntry], KoladaEntry?) {
        let indicators = try await Indicator.query(on: db).filter(\.$organisationID == tenant)
            .sort(\.$documentSlug).sort(\.$lineage).sort(\.$position).all()
        var entries: [IndicatorEntry] = []
        for indicator in indicators {
            let spec = try await IndicatorWork.spec(of: indicator, on: db)
            entries.append(IndicatorEntry(
                document: indicator.documentSlug, lineage: indicator.lineage, key: indicator.key, title: spec.title, unit: spec.unit,
                direction: spec.direction, aggregate: spec.aggregate == .mean ? nil : spec.aggregate,
                baseline: spec.baselineValue.flatMap { value in spec.baselineYear.map { .init(value: value, year: $0) } }, kpi: spec.kpi,
                source: spec.source, example: spec.example ? true : nil,
                targets: spec.targets.sorted { $0.key < $1.key }.map { .init(year: $0.key, value: $0.value) },
                values: spec.values.sorted { $0.key < $1.key }.flatMap { area, periods in
                    periods.sorted { $0.key < $1.key }.map { .init(area: area, period: $0.key, value: $0.value) }
                }))
        }
        let kpis = Array(Set(indicators.compactMap(\.kpi))).sorted()
        guard !kpis.isEmpty else { return (entries, nil) }
        let members = try await MemberQuery.members(organisationID: tenant, on: db).compactMap(\.scbCode)
        let sql = db as! any SQLDatabase
        let values = members.isEmpty ? [] : try await sql.select().columns("kpi", "municipality", "period", "gender", "value", "count", "status")
            .from(KoladaTables.values).where("kpi", .in, SQLBind.group(kpis)).where("municipality", .in, SQLBind.group(members))
            .orderBy("kpi").orderBy("municipality").orderBy("period").orderBy("gender").all(decoding: KoladaImport.Stored.self)
        let metadata = try await sql.select().columns("*").from(KoladaTables.kpis).where("id", .in, SQLBind.group(kpis)).orderBy("id")
            .all(decoding: KoladaImport.KPIRow.self)
        return (entries, KoladaEntry(
            kpis: metadata.map {
                .init(id: $0.id, title: $0.title, description: $0.description, municipalityType: $0.municipality_type, dividedByGender: $0.divided_by_gender,
                      operatingArea: $0.operating_area, perspective: $0.perspective, publicationPeriod: $0.publication_period)
            },
            values: values.map { .init(kpi: $0.kpi, municipality: $0.municipality, period: $0.period, gender: $0.gender, value: $0.value, count: $0.count, status: $0.status) }))
    }

    /// Indicators belong to goals of the file's published versions; keys are unique; the numbers are numbers.
    static func validateIndicators(_ entry: FollowUpEntry, versions: DocumentsSection.Versions.Value) throws {
        var keys = Set<String>()
        for (index, indicator) in (entry.indicators ?? []).enumerated() {
            let path = "followUp.indicators[\(index)]"
            guard versions[indicator.document]?.values.contains(where: { $0.status != .draft && $0.goals.contains(indicator.lineage) }) == true else {
                throw ImportError("\(path).lineage", "no goal or goal area \"\(indicator.lineage)\" in a published version of document \"\(indicator.document)\"")
            }
            guard Slug.isValid(indicator.key), indicator.key != "ny" else { throw ImportError("\(path).key", "lowercase letters, digits and hyphens, not \"ny\"") }
            guard keys.insert(indicator.key).inserted else { throw ImportError("\(path).key", "duplicate indicator \"\(indicator.key)\"") }
            guard Set(indicator.targets.map(\.year)).count == indicator.targets.count else { throw ImportError("\(path).targets", "a year appears twice") }
            guard Set(indicator.values.map { "\($0.area) \($0.period)" }).count == indicator.values.count else {
                throw ImportError("\(path).values", "an area and period appear twice")
            }
            let areas = Set(indicator.values.map(\.area)).filter { $0 == IndicatorValue.organisation || ($0.count == 4 && $0.allSatisfy(\.isNumber)) }
            do {
                _ = try IndicatorWork.validated(indicator.spec, areas: areas)
            } catch let failure as FollowUpWork.Failure {
                throw ImportError("\(path)", failure.description)
            }
        }
        guard let kolada = entry.kolada else { return }
        for (index, kpi) in kolada.kpis.enumerated() where !IndicatorWork.isKPI(kpi.id) {
            throw ImportError("followUp.kolada.kpis[\(index)].id", "a letter and five digits, e.g. N01951")
        }
        var seen = Set<String>()
        for (index, value) in kolada.values.enumerated() {
            let path = "followUp.kolada.values[\(index)]"
            guard IndicatorWork.isKPI(value.kpi) else { throw ImportError("\(path).kpi", "a letter and five digits, e.g. N01951") }
            guard IndicatorWork.isPeriod(value.period) else { throw ImportError("\(path).period", "a year, or a year and a part, e.g. 2023") }
            guard ["T", "K", "M"].contains(value.gender) else { throw ImportError("\(path).gender", "T, K or M") }
            guard value.value.map(Bounds.isIndicatorValue) ?? true, value.count >= 0 else {
                throw ImportError("\(path).value", "a finite number of at most 10^15 in magnitude or null, and a count of 0 or more")
            }
            guard seen.insert("\(value.kpi) \(value.municipality) \(value.period) \(value.gender)").inserted else {
                throw ImportError(path, "the same KPI, municipality, period and gender appear twice")
            }
        }
    }

    static func writeIndicators(_ entry: FollowUpEntry, organisationID: UUID, on db: any Database) async throws {
        try await Indicator.query(on: db).filter(\.$organisationID == organisationID).delete()
        var positions: [String: Int] = [:]
        for entry in entry.indicators ?? [] {
            let indicator = Indicator()
            indicator.organisationID = organisationID
            indicator.documentSlug = entry.document
            indicator.lineage = entry.lineage
            indicator.key = entry.key
            indicator.position = positions["\(entry.document) \(entry.lineage)", default: 0]
            positions["\(entry.document) \(entry.lineage)", default: 0] += 1
            indicator.example = entry.example ?? false
            try await IndicatorWork.store(entry.spec, in: indicator, replacingValues: true, on: db)
        }
        guard let kolada = entry.kolada else { return }
        var page = KoladaFile.Page()
        page.values = kolada.values.map {
            .init(kpi: $0.kpi, municipality: $0.municipality, period: $0.period, gender: $0.gender, value: $0.value, count: $0.count, status: $0.status, deleted: false)
        }
        page.kpis = kolada.kpis.map {
            .init(id: $0.id, title: $0.title, description: $0.description, municipalityType: $0.municipalityType, dividedByGender: $0.dividedByGender,
                  operatingArea: $0.operatingArea, perspective: $0.perspective, publicationPeriod: $0.publicationPeriod)
        }
        _ = try await KoladaImport.store([page], names: "", actor: nil, on: db)
    }
}
