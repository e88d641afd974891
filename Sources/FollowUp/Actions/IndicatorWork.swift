import Auth
import Core
import Fluent
import Foundation
import Organisation

/// Writing indicators: each change one transaction with its audit entry; an unchanged save writes
/// nothing. The forms, the API and the tests share these rules.
public enum IndicatorWork {
    public struct Spec: Sendable, Equatable {
        public var title: String
        public var unit: String
        var direction: Indicator.Direction
        var aggregate: Indicator.Aggregate
        public var baselineValue: Double?
        public var baselineYear: Int?
        public var kpi: String?
        public var source: String?
        public var targets: [Int: Double]
        /// Typed-in values by area (SCB code, or `IndicatorValue.organisation`) and period.
        public var values: [String: [String: Double]]
        public var example = false

        init(title: String, unit: String, direction: Indicator.Direction, aggregate: Indicator.Aggregate = .mean,
                    baselineValue: Double? = nil, baselineYear: Int? = nil, kpi: String? = nil, source: String? = nil,
                    targets: [Int: Double] = [:], values: [String: [String: Double]] = [:], example: Bool = false) {
            self.title = title
            self.unit = unit
            self.direction = direction
            self.aggregate = aggregate
            self.baselineValue = baselineValue
            self.baselineYear = baselineYear
            self.kpi = kpi
            self.source = source
            self.targets = targets
            self.values = values
            self.example = example
        }
    }

    typealias Failure = FollowUpWork.Failure

    static let years = 1900...2200

    /// A Kolada KPI id: a letter and five digits, "N01951" or "U00405".
    public static func isKPI(_ text: String) -> Bool {
        text.count == 6 && text.first!.isUppercase && text.first!.isASCII && text.dropFirst().allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// A period as Kolada writes it: a year, or a year and a part ("2023", "2023T1", "2023M04").
    public static func isPeriod(_ text: String) -> Bool {
        guard text.count >= 4, let year = Int(text.prefix(4)), years.contains(year) else { return false }
        return text.dropFirst(4).allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) } && text.count <= 8
    }

    /// The spec with its text trimmed, or the first rule it breaks.
    static func validated(_ spec: Spec, areas: Set<String>) throws -> Spec {
        var spec = spec
        spec.title = spec.title.trimmingCharacters(in: .whitespacesAndNewlines)
        spec.unit = spec.unit.trimmingCharacters(in: .whitespacesAndNewlines)
        spec.kpi = spec.kpi?.trimmingCharacters(in: .whitespaces).uppercased()
        if spec.kpi?.isEmpty == true { spec.kpi = nil }
        spec.source = spec.source?.trimmingCharacters(in: .whitespacesAndNewlines)
        if spec.source?.isEmpty == true { spec.source = nil }
        guard !spec.title.isEmpty, spec.title.count <= 300, TextRules.problem(in: spec.title, as: .title) == nil else {
            throw Failure.invalid("Ange en titel på en rad, högst 300 tecken.", english: "title must be one line of plain text, 1–300 characters", field: "title")
        }
        guard !spec.unit.isEmpty, spec.unit.count <= 60, TextRules.problem(in: spec.unit, as: .title) == nil else {
            throw Failure.invalid("Ange en enhet, till exempel ”antal” eller ”procent”.", english: "unit must be 1–60 characters of plain text", field: "unit")
        }
        if let kpi = spec.kpi, !isKPI(kpi) {
            throw Failure.invalid("Ett Kolada-nyckeltal är en bokstav och fem siffror, till exempel N01951.", english: "kpi must be a letter and five digits, e.g. N01951", field: "kpi")
        }
        if let source = spec.source, source.count > 500 {
            throw Failure.invalid("Skriv källan med högst 500 tecken.", english: "source is longer than 500 characters", field: "source")
        }
        switch (spec.baselineValue, spec.baselineYear) {
        case (nil, nil): break
        case (.some(let value), _) where !Bounds.isIndicatorValue(value):
            throw Failure.invalid(Bounds.indicatorSwedish, english: "baselineValue \(Bounds.indicatorEnglish)", field: "baselineValue")
        case (.some, .some(let year)) where years.contains(year): break
        case (.some, _):
            throw Failure.invalid("Ange året för utgångsvärdet, eller ta bort värdet.", english: "baselineYear is missing or not a year", field: "baselineYear")
        case (nil, _):
            throw Failure.invalid("Ange utgångsvärdet för året, eller ta bort året.", english: "baselineValue is missing", field: "baselineValue")
        }
        for (year, value) in spec.targets where !years.contains(year) || !Bounds.isIndicatorValue(value) {
            throw Failure.invalid("Målvärdet för \(year) är inte ett år med ett tal.", english: "target \(year) is not a year with a finite number of at most 10^15 in magnitude", field: "targets")
        }
        for (area, periods) in spec.values {
            guard areas.contains(area) else {
                throw Failure.invalid("\(area) är inte en medlem eller hela organisationen.", english: "area \"\(area)\" is neither a member's SCB code nor \"org\"", field: "values")
            }
            for (period, value) in periods where !isPeriod(period) || !Bounds.isIndicatorValue(value) {
                throw Failure.invalid("Värdet för \(area) \(period) är inte en period med ett tal (högst 10^15, plus eller minus).",
                                      english: "values: \(area) \(period) is not a period (e.g. 2023) with a finite number of at most 10^15 in magnitude", field: "values")
            }
        }
        return spec
    }

    /// The areas values may be typed for: the members' SCB codes and the organisation as a whole.
    static func areas(organisationID: UUID, on db: any Database) async throws -> Set<String> {
        let members = try await MemberQuery.members(organisationID: organisationID, on: db)
        return Set(members.compactMap(\.scbCode)).union([IndicatorValue.organisation])
    }

    /// Adds an indicator to a goal or goal area of a published document.
    @discardableResult
    static func add(_ spec: Spec, to lineage: String, of tree: FollowedTree, organisationID: UUID, key wanted: String? = nil,
                           actor: AuditLog.Actor, on db: any Database) async throws -> Indicator {
        guard let goal = tree.item(lineage: lineage), !tree.isActivity(goal) else {
            throw Failure.invalid("Välj ett mål eller målområde i \(tree.title).", english: "\"\(lineage)\" is not a goal or goal area of the document", field: "goal")
        }
        let spec = try validated(spec, areas: try await areas(organisationID: organisationID, on: db))
        if let wanted, !Slug.isValid(wanted) || wanted == "ny" {
            throw Failure.invalid("Adressen får bara ha små bokstäver, siffror och bindestreck.", english: "key must be lowercase letters, digits and hyphens, not \"ny\"", field: "key")
        }
        return try await db.write { db in
            let existing = try await Indicator.query(on: db).filter(\.$organisationID == organisationID).all()
            if let wanted, existing.contains(where: { $0.key == wanted }) {
                throw Failure.invalid("Organisationen har redan en indikator med adressen \(wanted).", english: "the organisation already has an indicator \"\(wanted)\"", field: "key")
            }
            var key = wanted ?? Slug.make(from: spec.title), suffix = 2
            // "ny" is the address of the form that adds one.
            while wanted == nil, key == "ny" || existing.contains(where: { $0.key == key }) { key = Slug.make(from: spec.title) + "-\(suffix)"; suffix += 1 }
            let indicator = Indicator()
            indicator.organisationID = organisationID
            indicator.documentSlug = tree.documentSlug
            indicator.lineage = lineage
            indicator.key = key
            indicator.position = (existing.filter { $0.documentSlug == tree.documentSlug && $0.lineage == lineage }.map(\.position).max() ?? -1) + 1
            indicator.example = spec.example
            try await store(spec, in: indicator, replacingValues: true, on: db)
            try await AuditLog.record("indicator.create", subject: "\(tree.documentSlug) \(key)", actor: actor, organisationID: organisationID,
                                      after: summary(spec), context: context(spec.title, tree, goal), on: db)
            return indicator
        }
    }

    /// Saves an indicator's facts and targets (and its typed-in values when `replacingValues`).
    /// Returns false, writing nothing, when nothing changed.
    @discardableResult
    static func update(_ indicator: Indicator, with spec: Spec, replacingValues: Bool, tree: FollowedTree, actor: AuditLog.Actor,
                              on db: any Database) async throws -> Bool {
        let checked = try validated(spec, areas: try await areas(organisationID: indicator.organisationID, on: db))
        return try await db.write { db in
            let before = try await self.spec(of: indicator, on: db)
            var spec = checked
            if !replacingValues { spec.values = before.values }
            spec.example = before.example
            guard spec != before else { return false }
            try await store(spec, in: indicator, replacingValues: replacingValues, on: db)
            try await AuditLog.record("indicator.update", subject: "\(indicator.documentSlug) \(indicator.key)", actor: actor,
                                      organisationID: indicator.organisationID, before: summary(before), after: summary(spec),
                                      context: context(spec.title, tree, tree.item(lineage: indicator.lineage)), on: db)
            return true
        }
    }

    /// Sets the typed-in values of one period: a number per area, nil to remove one. Returns how
    /// many changed.
    @discardableResult
    static func setValues(_ values: [String: Double?], period: String, of indicator: Indicator, tree: FollowedTree, actor: AuditLog.Actor,
                                 on db: any Database) async throws -> Int {
        guard isPeriod(period) else {
            throw Failure.invalid("Ange perioden som ett år, till exempel 2023.", english: "period must be a year such as 2023", field: "period")
        }
        var spec = try await self.spec(of: indicator, on: db)
        for (area, value) in values { spec.values[area, default: [:]][period] = value }
        spec.values = spec.values.filter { !$0.value.isEmpty }
        _ = try validated(spec, areas: try await areas(organisationID: indicator.organisationID, on: db))
        return try await db.write { db in
            let rows = try await IndicatorValue.query(on: db).filter(\.$indicator.$id == indicator.requireID()).filter(\.$period == period).all()
            var changed: [String] = []
            for (area, value) in values.sorted(by: { $0.key < $1.key }) {
                let row = rows.first { $0.area == area }
                switch (row, value) {
                case (nil, nil): continue
                case (let row?, let value?) where row.value == value: continue
                case (let row?, nil): try await row.delete(on: db)
                case (let row?, let value?): row.value = value; try await row.update(on: db)
                case (nil, let value?): try await IndicatorValue(indicatorID: indicator.requireID(), area: area, period: period, value: value).create(on: db)
                }
                changed.append("\(area) \(value.map(format) ?? "–")")
            }
            guard !changed.isEmpty else { return 0 }
            try await AuditLog.record("indicator.values", subject: "\(indicator.documentSlug) \(indicator.key) \(period)", actor: actor,
                                      organisationID: indicator.organisationID, after: changed.joined(separator: ", "),
                                      context: context(indicator.title, tree, tree.item(lineage: indicator.lineage)), on: db)
            return changed.count
        }
    }

    /// Removes an indicator with its targets and typed-in values (Kolada's values stay).
    static func delete(_ indicator: Indicator, tree: FollowedTree, actor: AuditLog.Actor, on db: any Database) async throws {
        try await db.write { db in
            let before = try await self.spec(of: indicator, on: db)
            try await indicator.delete(on: db)
            try await AuditLog.record("indicator.delete", subject: "\(indicator.documentSlug) \(indicator.key)", actor: actor,
                                      organisationID: indicator.organisationID, before: summary(before),
                                      context: context(indicator.title, tree, tree.item(lineage: indicator.lineage)), on: db)
        }
    }

    /// The indicator as a spec: its facts, targets and typed-in values.
    static func spec(of indicator: Indicator, on db: any Database) async throws -> Spec {
        let id = try indicator.requireID()
        let targets = try await IndicatorTarget.query(on: db).filter(\.$indicator.$id == id).all()
        let values = try await IndicatorValue.query(on: db).filter(\.$indicator.$id == id).all()
        return Spec(title: indicator.title, unit: indicator.unit, direction: indicator.direction, aggregate: indicator.aggregate,
                    baselineValue: indicator.baselineValue, baselineYear: indicator.baselineYear, kpi: indicator.kpi, source: indicator.source,
                    targets: Dictionary(targets.map { ($0.year, $0.value) }) { $1 },
                    values: values.reduce(into: [:]) { $0[$1.area, default: [:]][$1.period] = $1.value }, example: indicator.example)
    }

    /// Writes `spec` into `indicator` (saved or new) and replaces its targets, and its values when asked.
    static func store(_ spec: Spec, in indicator: Indicator, replacingValues: Bool, on db: any Database) async throws {
        indicator.title = spec.title
        indicator.unit = spec.unit
        indicator.direction = spec.direction
        indicator.aggregate = spec.aggregate
        indicator.baselineValue = spec.baselineValue
        indicator.baselineYear = spec.baselineYear
        indicator.kpi = spec.kpi
        indicator.source = spec.source
        try await indicator.save(on: db)
        let id = try indicator.requireID()
        try await IndicatorTarget.query(on: db).filter(\.$indicator.$id == id).delete()
        try await spec.targets.sorted(by: { $0.key < $1.key }).map { IndicatorTarget(indicatorID: id, year: $0.key, value: $0.value) }
            .create(inBatchesOf: 100, on: db)
        guard replacingValues else { return }
        try await IndicatorValue.query(on: db).filter(\.$indicator.$id == id).delete()
        try await spec.values.sorted(by: { $0.key < $1.key }).flatMap { area, periods in
            periods.sorted(by: { $0.key < $1.key }).map { IndicatorValue(indicatorID: id, area: area, period: $0.key, value: $0.value) }
        }.create(inBatchesOf: 100, on: db)
    }

    static func format(_ value: Double) -> String { IndicatorChart.number(value) }

    /// The audit trail's one-line account of a spec.
    static func summary(_ spec: Spec) -> String {
        var parts = ["\(spec.title) (\(spec.unit), \(spec.direction.label.lowercased()), \(spec.aggregate.label.lowercased()))"]
        if let value = spec.baselineValue, let year = spec.baselineYear { parts.append("utgångsvärde \(format(value)) år \(year)") }
        if let kpi = spec.kpi { parts.append("Kolada \(kpi)") }
        if let source = spec.source { parts.append("källa: \(source)") }
        if !spec.targets.isEmpty { parts.append("mål " + spec.targets.sorted { $0.key < $1.key }.map { "\($0.key): \(format($0.value))" }.joined(separator: ", ")) }
        let count = spec.values.values.map(\.count).reduce(0, +)
        if count > 0 { parts.append("\(count) inmatade värden") }
        return parts.joined(separator: "; ")
    }

    static func context(_ name: String, _ tree: FollowedTree, _ goal: FollowedTree.Item?) -> AuditLog.Context {
        .init(name: name, document: tree.documentSlug, documentTitle: tree.title, version: tree.versionNumber, item: goal?.key)
    }
}
