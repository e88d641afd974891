import Fluent
import Foundation

/// A measure of a goal or goal area (by its lineage in a document): "Invånare totalt, antal", with
/// its unit, which direction is better, a baseline and targets per year. Its values are typed in
/// (`IndicatorValue`) or come from a Kolada KPI (`kpi`) for every municipality Kolada has.
final class Indicator: Model, @unchecked Sendable {
    public static let schema = "followup_indicators"

    public enum Direction: String, Codable, CaseIterable, Sendable {
        case higher, lower

        public var label: String { self == .higher ? "Högre är bättre" : "Lägre är bättre" }

        /// Whether `value` reaches `target` in this direction.
        public func reaches(_ value: Double, _ target: Double) -> Bool { self == .higher ? value >= target : value <= target }
    }

    /// How the members' values make the organisation's when it has none of its own: counts add
    /// up ("Invånare totalt"), shares and rates do not.
    public enum Aggregate: String, Codable, CaseIterable, Sendable {
        case mean, sum

        public var label: String { self == .sum ? "Summa för medlemmarna" : "Medelvärde för medlemmarna" }
    }

    @ID public var id: UUID?
    @Field(key: "organisation_id") public var organisationID: UUID
    @Field(key: "document_slug") public var documentSlug: String
    @Field(key: "lineage") public var lineage: String
    /// The indicator's address segment, unique within the organisation.
    @Field(key: "key") public var key: String
    @Field(key: "position") public var position: Int
    @Field(key: "title") public var title: String
    @Field(key: "unit") public var unit: String
    @Field(key: "direction") public var direction: Direction
    @OptionalField(key: "baseline_value") public var baselineValue: Double?
    @OptionalField(key: "baseline_year") public var baselineYear: Int?
    /// A Kolada KPI id ("N01951"); nil when the values are typed in.
    @OptionalField(key: "kpi") public var kpi: String?
    /// Where the numbers come from, in words; empty when the KPI says it.
    @OptionalField(key: "source") public var source: String?
    @OptionalField(key: "aggregate") var storedAggregate: Aggregate?
    public var aggregate: Aggregate {
        get { storedAggregate ?? .mean }
        set { storedAggregate = newValue }
    }
    /// Demonstration data, as the demo's follow-up is.
    @Field(key: "example") public var example: Bool

    public init() {}
}

/// What an indicator should reach in a year.
final class IndicatorTarget: Model, @unchecked Sendable {
    public static let schema = "followup_indicator_targets"

    @ID public var id: UUID?
    @Parent(key: "indicator_id") public var indicator: Indicator
    @Field(key: "year") public var year: Int
    @Field(key: "value") public var value: Double

    public init() {}

    init(indicatorID: UUID, year: Int, value: Double) {
        self.$indicator.id = indicatorID
        self.year = year
        self.value = value
    }
}

/// A typed-in value of an indicator: for a municipality (its SCB code) or the organisation as a
/// whole (`IndicatorValue.organisation`), for a period (a year, or a year and part).
final class IndicatorValue: Model, @unchecked Sendable {
    public static let schema = "followup_indicator_values"
    /// The area code of the organisation as a whole.
    public static let organisation = "org"

    @ID public var id: UUID?
    @Parent(key: "indicator_id") public var indicator: Indicator
    @Field(key: "area") public var area: String
    @Field(key: "period") public var period: String
    @Field(key: "value") public var value: Double

    public init() {}

    init(indicatorID: UUID, area: String, period: String, value: Double) {
        self.$indicator.id = indicatorID
        self.area = area
        self.period = period
        self.value = value
    }
}
