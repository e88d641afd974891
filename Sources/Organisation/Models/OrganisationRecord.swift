import Core
import Fluent
import Foundation

/// One entry of the shared registry: a municipality, a region, an authority, a university,
/// a civil-society organisation, or an association such as a kommunförbund.
/// Keyed by `slug`; municipalities also by their SCB code.
public final class OrganisationRecord: Model, @unchecked Sendable {
    public static let schema = "organisation_organisations"

    // managed fields
    @ID public var id: UUID?

    // data fields
    @Field(key: "slug") public var slug: String
    @Field(key: "kind") public var kind: OrganisationKind
    @Field(key: "name") public var name: String
    @OptionalField(key: "scb_code") public var scbCode: String?
    @OptionalField(key: "county") public var county: String?
    @OptionalField(key: "population") public var population: Int?
    @OptionalField(key: "population_year") public var populationYear: Int?
    /// Where the population figure comes from, e.g. "SCB via regionfakta.com".
    @OptionalField(key: "population_source") public var populationSource: String?
    /// The licence its published data is under, when it chose one; see `licence`.
    @OptionalField(key: "licence_name") public var licenceName: String?
    @OptionalField(key: "licence_url") public var licenceURL: String?
    /// The organisation chart as its documents draw it (JSON of `OrganisationStructure.ChartBox`).
    @OptionalField(key: "chart") public var chartJSON: String?

    public init() {}

    /// The licence of what it publishes: its own choice, or CC0 1.0.
    public var licence: Licence {
        guard let name = licenceName, let url = licenceURL else { return .cc0 }
        return Licence(name: name, url: url)
    }

    public init(id: UUID? = nil, slug: String, kind: OrganisationKind, name: String, scbCode: String? = nil,
                county: String? = nil, population: Int? = nil, populationYear: Int? = nil, populationSource: String? = nil) {
        self.id = id
        self.slug = slug
        self.kind = kind
        self.name = name
        self.scbCode = scbCode
        self.county = county
        self.population = population
        self.populationYear = populationYear
        self.populationSource = populationSource
    }

    /// The population with its date and source, as pages show it: "80 321 (31 december 2025, SCB via regionfakta.com)".
    public var populationStatement: String? {
        guard let population else { return nil }
        let date = populationYear.map { "31 december \($0)" }
        let details = [date, populationSource].compactMap { $0 }
        return Formatting.thousands(population) + (details.isEmpty ? "" : " (\(details.joined(separator: ", ")))")
    }
}

public enum OrganisationKind: String, Codable, CaseIterable, Sendable {
    case kommunforbund, kommun, region, lansstyrelse, myndighet, larosate, ideburen, samverkan, forening, foretag

    /// Municipalities, regions, their associations, state authorities and universities: the public
    /// sector an agreement with civil society speaks of. (A samverkan is a collaboration, not a sector.)
    public var isPublicSector: Bool { [.kommunforbund, .kommun, .region, .lansstyrelse, .myndighet, .larosate].contains(self) }

    public var label: String {
        switch self {
        case .kommunforbund: "Kommunförbund"
        case .kommun: "Kommun"
        case .region: "Region"
        case .lansstyrelse: "Länsstyrelse"
        case .myndighet: "Myndighet"
        case .larosate: "Lärosäte"
        case .ideburen: "Idéburen organisation"
        case .samverkan: "Samverkan"
        case .forening: "Förening"
        case .foretag: "Företag"
        }
    }
}
