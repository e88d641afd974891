import Foundation
import Vapor

/// An indicator as the API gives it: its facts, targets, every value shown (typed in or from
/// Kolada) and the trend its page draws.
struct IndicatorDTO: Content {
    struct Point: Codable { let period: String; let value: Double }
    struct AreaValue: Codable { let area: String; let areaName: String; let period: String; let value: Double }
    struct Trend: Codable { let label: String; let values: [Point] }

    let key: String
    let document: String
    let lineage: String
    let goal: String?
    let title: String
    let unit: String
    let direction: Indicator.Direction
    let aggregate: Indicator.Aggregate
    let baseline: FollowUpSection.IndicatorEntry.Baseline?
    let kpi: String?
    let kpiTitle: String?
    let kpiDescription: String?
    let kpiURL: String?
    let source: String?
    /// True for demonstration data.
    let example: Bool
    let targets: [FollowUpSection.IndicatorEntry.Target]
    let values: [AreaValue]
    let trend: Trend

    init(_ indicator: IndicatorContent, goal: String?) {
        key = indicator.key
        document = indicator.documentSlug
        lineage = indicator.lineage
        self.goal = goal
        title = indicator.title
        unit = indicator.unit
        direction = indicator.direction
        aggregate = indicator.aggregate
        baseline = indicator.baselineValue.flatMap { value in indicator.baselineYear.map { .init(value: value, year: $0) } }
        kpi = indicator.kpi
        kpiTitle = indicator.kpiTitle
        kpiDescription = indicator.kpiDescription
        kpiURL = indicator.kpiURL
        source = indicator.source
        example = indicator.example
        targets = indicator.targets.sorted { $0.key < $1.key }.map { .init(year: $0.key, value: $0.value) }
        values = indicator.areas.flatMap { area in
            indicator.periods.compactMap { period in indicator.values[area.code]?[period].map { AreaValue(area: area.code, areaName: area.name, period: period, value: $0) } }
        }
        let trend = indicator.trend
        self.trend = Trend(label: trend.label, values: trend.values.sorted { $0.key < $1.key }.map { Point(period: $0.key, value: $0.value) })
    }
}

/// An indicator to add or to replace whole: facts, targets and typed-in values.
struct IndicatorInputDTO: Content {
    /// The goal or goal area (required when adding; an indicator does not move).
    let lineage: String?
    /// The address segment when adding; made from the title when absent.
    let key: String?
    let title: String
    let unit: String
    let direction: Indicator.Direction
    let aggregate: Indicator.Aggregate?
    let baseline: FollowUpSection.IndicatorEntry.Baseline?
    let kpi: String?
    let source: String?
    let targets: [FollowUpSection.IndicatorEntry.Target]?
    let values: [FollowUpSection.IndicatorEntry.Value]?

    var spec: IndicatorWork.Spec {
        get throws {
            let targets = targets ?? [], values = values ?? []
            guard Set(targets.map(\.year)).count == targets.count else {
                throw FollowUpWork.Failure.invalid("", english: "a target year appears twice", field: "targets")
            }
            guard Set(values.map { "\($0.area) \($0.period)" }).count == values.count else {
                throw FollowUpWork.Failure.invalid("", english: "an area and period appear twice in values", field: "values")
            }
            return .init(title: title, unit: unit, direction: direction, aggregate: aggregate ?? .mean, baselineValue: baseline?.value,
                         baselineYear: baseline?.year, kpi: kpi, source: source, targets: Dictionary(targets.map { ($0.year, $0.value) }) { $1 },
                         values: values.reduce(into: [:]) { $0[$1.area, default: [:]][$1.period] = $1.value })
        }
    }
}

/// What a Kolada import did.
struct KoladaImportDTO: Content {
    let added: Int, changed: Int, deleted: Int, unchanged: Int
    let kpisAdded: Int, kpisChanged: Int, kpisUnchanged: Int
    /// The last page links to a next page that was not sent: the answer is not complete.
    let incomplete: Bool

    init(_ report: KoladaImport.Report) {
        (added, changed, deleted, unchanged) = (report.added, report.changed, report.deleted, report.unchanged)
        (kpisAdded, kpisChanged, kpisUnchanged, incomplete) = (report.kpisAdded, report.kpisChanged, report.kpisUnchanged, report.incomplete)
    }
}
