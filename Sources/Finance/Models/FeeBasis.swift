import Foundation

/// What the member fees of a year are computed from: the ceiling's rate (per mille of population
/// times the national average tax capacity, set for the mandate period), each member's population
/// on one date, and the tax capacity used for the year, each with its source.
public struct FeeBasis: Codable, Equatable, Sendable {
    /// The ceiling's rate in per mille, written as a decimal with a point ("0.34").
    public var perMille: String
    /// The period the rate is set for, in words ("2023–2026").
    public var ceilingPeriod: String?
    /// Kronor per inhabitant, and the year it is for.
    public var taxCapacity: Int
    public var taxCapacityYear: Int
    public var taxCapacityKind: TaxCapacityKind
    public var taxCapacitySource: String
    /// The date the populations are counted on (YYYY-MM-DD) and where they come from.
    public var populationDate: String
    public var populationSource: String
    public var populations: [MemberPopulation]

    public init(perMille: String, ceilingPeriod: String? = nil, taxCapacity: Int, taxCapacityYear: Int, taxCapacityKind: TaxCapacityKind,
                taxCapacitySource: String, populationDate: String, populationSource: String, populations: [MemberPopulation]) {
        self.perMille = perMille
        self.ceilingPeriod = ceilingPeriod
        self.taxCapacity = taxCapacity
        self.taxCapacityYear = taxCapacityYear
        self.taxCapacityKind = taxCapacityKind
        self.taxCapacitySource = taxCapacitySource
        self.populationDate = populationDate
        self.populationSource = populationSource
        self.populations = populations
    }

    public struct MemberPopulation: Codable, Equatable, Sendable {
        /// The member's registry key.
        public var member: String
        public var population: Int

        public init(member: String, population: Int) {
            self.member = member
            self.population = population
        }
    }

    /// The rate as a fraction (0.34 per mille = 0.00034), nil when it is not a positive decimal of at most 1 000 per mille.
    public var rate: Decimal? {
        guard perMille.count <= 40, perMille.range(of: #"^[0-9]+(\.[0-9]+)?$"#, options: .regularExpression) != nil,
              let value = Decimal(string: perMille, locale: Locale(identifier: "en_US_POSIX")), value > 0, value <= 1000 else { return nil }
        return value / 1000
    }
}

extension FeeBasis {
    /// The largest tax capacity per inhabitant (kronor): with at most `Bounds.members` members of at
    /// most `Bounds.population` each and a rate of at most 1, the ceiling stays under 10^18 kronor.
    public static let maxTaxCapacity = 10_000_000
}

public enum TaxCapacityKind: String, Codable, CaseIterable, Sendable {
    /// SCB's published figure for the year.
    case published
    /// A forecast (SKR's), used before the figure is published.
    case forecast

    public var label: String {
        switch self {
        case .published: "publicerat utfall"
        case .forecast: "prognos"
        }
    }
}
