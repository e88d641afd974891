import Auth
import Core
import Fluent
import Foundation

/// Writing indicators: each change one transaction with its audit entry.
public enum IndicatorWork {
    public struct Spec: Sendable {
        public var title: String
        public var unit: String
        public var direction: Indicator.Direction
        public var baseline: (value: Double, year: Int)?
        public var kpi: String?
        public var targets: [Int: Double]
        /// Typed-in values by area (SCB code, or `IndicatorValue.organisation`) and period.
        public var values: [String: [String: Double]]
        public var example = false

        public init(title: String, unit: String, direction: Indicator.Direction, baseline: (value: Double, year: Int)? = nil, kpi: String? = nil,
                    targets: [Int: Double] = [:], values: [String: [String: Double]] = [:], example: Bool = false) {
            self.title = title
            self.unit = unit
            self.direction = direction
            self.baseline = baseline
            self.kpi = kpi
            self.targets = targets
            self.values = values
            self.example = example
        }
    }

    /// Adds an indicator to a goal or goal area of a published document.
    @discardableResult
    public static func add(_ spec: Spec, to lineage: String, of tree: FollowedTree, organisationID: UUID, actor: AuditLog.Actor,
                           on db: any Database) async throws -> Indicator {
        guard let goal = tree.item(lineage: lineage), !tree.isActivity(goal) else { throw FollowUpWork.Failure.notFound("goal \"\(lineage)\"") }
        let title = spec.title.trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty, TextRules.problem(in: title, as: .title) == nil else {
            throw FollowUpWork.Failure.invalid("Ange en titel.", english: "title is empty or not plain text", field: "title")
        }
        return try await db.write { db in
            let existing = try await Indicator.query(on: db).filter(\.$organisationID == organisationID).all()
            var key = Slug.make(from: title), suffix = 2
            while existing.contains(where: { $0.key == key }) { key = Slug.make(from: title) + "-\(suffix)"; suffix += 1 }
            let indicator = Indicator()
            indicator.organisationID = organisationID
            indicator.documentSlug = tree.documentSlug
            indicator.lineage = lineage
            indicator.key = key
            indicator.position = existing.filter { $0.documentSlug == tree.documentSlug && $0.lineage == lineage }.count
            indicator.title = title
            indicator.unit = spec.unit
            indicator.direction = spec.direction
            indicator.baselineValue = spec.baseline?.value
            indicator.baselineYear = spec.baseline?.year
            indicator.kpi = spec.kpi
            indicator.example = spec.example
            try await indicator.create(on: db)
            for (year, value) in spec.targets.sorted(by: { $0.key < $1.key }) {
                let target = IndicatorTarget()
                target.$indicator.id = try indicator.requireID()
                target.year = year
                target.value = value
                try await target.create(on: db)
            }
            for (area, periods) in spec.values {
                for (period, number) in periods {
                    let value = IndicatorValue()
                    value.$indicator.id = try indicator.requireID()
                    value.area = area
                    value.period = period
                    value.value = number
                    try await value.create(on: db)
                }
            }
            try await AuditLog.record("indicator.create", subject: "\(tree.documentSlug) \(key)", actor: actor, organisationID: organisationID,
                                      after: title + (spec.kpi.map { " (Kolada \($0))" } ?? ""),
                                      context: .init(name: title, document: tree.documentSlug, documentTitle: tree.title, version: tree.versionNumber, item: goal.key),
                                      on: db)
            return indicator
        }
    }
}
